"""Public pages answered again before the rest of the middleware
(guides.views.known_pages): the same bytes and headers as the whole stack gave, the same
hooks, and never for anyone or anything the page cache would not serve."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from guides.editorial import workflow
from guides.models import Guide, Revision, RevisionState
from tests.test_page_cache import PAGE, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    return Guide.objects.get(language="fr", key="thunderbird")


def went_through_the_stack(response) -> bool:
    """Whether the request reached the session and authentication middleware."""
    return hasattr(response.wsgi_request, "user")


@pytest.mark.parametrize("path", [PAGE, "/fr/", "/en/faq/", "/fr/clients/", "/fr/search/?q=quota"])
def test_a_page_served_whole_is_answered_again_with_the_same_headers(path):
    first = Client().get(path)
    again = Client().get(path)
    assert went_through_the_stack(first)
    assert not went_through_the_stack(again)
    assert again.content == first.content
    assert dict(again.headers) == dict(first.headers)  # CSP, X-Frame-Options, Vary, ETag…
    assert "X-Frame-Options" in again and "Content-Security-Policy" in again


@pytest.mark.parametrize(
    ("cookies", "headers"),
    [
        ({"sessionid": "anything"}, {}),  # perhaps signed in: the session decides
        ({"portal_visitor": "voted"}, {}),  # their page thanks them for the vote
        ({"messages": "waiting"}, {}),
        ({}, {"If-None-Match": '"x"'}),  # conditional: the full stack answers 304s
        ({}, {"HX-Request": "true"}),  # a part of the page, not the page: another key
    ],
)
def test_personal_conditional_and_other_requests_go_through_the_stack(cookies, headers):
    Client().get(PAGE)
    Client().get(PAGE)
    visitor = Client()
    visitor.cookies.load(cookies)
    response = visitor.get(PAGE, headers=headers)
    assert went_through_the_stack(response)


def test_a_signed_in_visitor_never_gets_the_shared_page(django_user_model):
    Client().get(PAGE)
    signed_in = Client()
    signed_in.force_login(django_user_model.objects.create_user("marie"))
    response = signed_in.get(PAGE)
    assert went_through_the_stack(response)
    assert "private" in response["Cache-Control"]


def test_a_known_page_is_forgotten_at_the_next_edit(guide):
    Client().get(PAGE)
    assert not went_through_the_stack(Client().get(PAGE))
    workflow.publish(guide=guide, revision=publish(guide, body="Texte revu."), author=None)
    changed = Client().get(PAGE)
    assert went_through_the_stack(changed)
    assert "Texte revu." in changed.content.decode()


def test_a_known_page_still_counts_each_readers_view(guide):
    from guides.editorial import feedback

    for number in range(1, 4):
        browser = {"User-Agent": f"Mozilla/5.0 (X11; Linux x86_64) Firefox/14{number}.0"}
        Client(REMOTE_ADDR=f"198.51.100.{number}").get(PAGE, headers=browser)
    Client(REMOTE_ADDR="198.51.100.3").get(PAGE, headers=browser)  # a reload: not counted
    feedback.flush_recent_views()
    assert guide.daily_views.get().count == 3


def test_a_known_search_is_still_logged():
    from guides.models import SearchLog

    Client().get("/fr/search/", {"q": "quota"})
    again = Client().get("/fr/search/", {"q": "quota"})
    assert not went_through_the_stack(again)
    assert SearchLog.objects.filter(query="quota").count() == 2


def test_a_publication_coming_due_is_seen_by_a_known_page(guide):
    revision = publish(guide, body="Version programmée.")
    workflow.publish(
        guide=guide, revision=revision, author=None, at=timezone.now() + datetime.timedelta(hours=1)
    )
    Client().get(PAGE)
    assert not went_through_the_stack(Client().get(PAGE))
    Revision.objects.filter(pk=revision.pk, state=RevisionState.SCHEDULED).update(
        publish_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    workflow.forget_next_due()
    page = Client().get(PAGE)
    assert went_through_the_stack(page)
    assert "Version programmée." in page.content.decode()
