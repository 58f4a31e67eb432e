"""The public page cache: a page is rendered once for every anonymous visitor, never shows
anything stale after an edit, and never hands one visitor's CSRF token to another.
(On the local cache in the SQLite run, on Redis in the PostgreSQL one.)"""

import dataclasses
import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from guides.editorial import workflow
from guides.models import Guide, Revision, RevisionState, ServerEndpoint

pytestmark = pytest.mark.django_db

PAGE = "/fr/guides/configurer-thunderbird/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ANY_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+')


@pytest.fixture
def guide():
    return Guide.objects.get(language="fr", key="thunderbird")


def fetch(client, path=PAGE):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def publish(guide, **fields):
    head = workflow.head_revision(guide)
    content = dataclasses.replace(workflow.editable_content(guide, head), **fields)
    revision = workflow.save_draft(
        guide=guide, content=content, author=None, base_number=workflow.head_number(head)
    )
    return revision


@pytest.mark.parametrize("path", [PAGE, "/fr/", "/en/", "/fr/clients/", "/fr/faq/"])
def test_a_second_visitor_is_served_without_rendering_again(path):
    first, first_queries = fetch(Client(), path)
    second, second_queries = fetch(Client(), path)
    assert second_queries < first_queries
    assert second_queries <= 2  # at most the guide's own row (its view is counted in the cache)
    assert ANY_TOKEN.sub("", first) == ANY_TOKEN.sub("", second)


def test_each_visitor_gets_their_own_working_token():
    alice, bob = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    alice_page, _queries = fetch(alice)
    bob_page, _queries = fetch(bob)
    [alice_token] = set(TOKEN.findall(alice_page))
    [bob_token] = set(TOKEN.findall(bob_page))
    assert alice_token != bob_token
    assert alice_token not in bob_page
    vote = bob.post(PAGE + "feedback/", {"helpful": "yes", "csrfmiddlewaretoken": bob_token})
    assert vote.status_code == 302


def test_a_published_edit_shows_on_the_next_request(guide):
    fetch(Client())
    revision = publish(guide, body="Texte tout neuf, publié à l'instant.")
    workflow.publish(guide=guide, revision=revision, author=None)
    page, _queries = fetch(Client())
    assert "Texte tout neuf, publié à l'instant." in page


def test_a_scheduled_publication_shows_when_it_comes_due(guide):
    revision = publish(guide, body="Version programmée.")
    workflow.publish(
        guide=guide, revision=revision, author=None, at=timezone.now() + datetime.timedelta(hours=1)
    )
    assert "Version programmée." not in fetch(Client())[0]
    Revision.objects.filter(pk=revision.pk, state=RevisionState.SCHEDULED).update(
        publish_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    workflow.forget_next_due()
    assert "Version programmée." in fetch(Client())[0]


def test_a_catalogue_edit_in_the_admin_shows_on_the_next_request():
    path = "/fr/guides/parametres-des-comptes/"
    assert "993" in fetch(Client(), path)[0]
    imap = ServerEndpoint.objects.get(protocol="imap", security="ssl")
    imap.port = 10993
    imap.save()
    assert "10993" in fetch(Client(), path)[0]


def test_signed_in_people_and_voters_get_their_own_page(client, django_user_model, guide):
    fetch(Client())
    client.force_login(django_user_model.objects.create_user("marie"))
    assert "Se déconnecter" in fetch(client)[0]
    voter = Client()
    voter.post(PAGE + "feedback/", {"helpful": "yes"})
    assert "Merci" in fetch(voter)[0]
