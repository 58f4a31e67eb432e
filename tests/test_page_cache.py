"""The public page cache: a page is rendered once for every anonymous visitor, never shows
anything stale after an edit, and never hands one visitor's CSRF token to another.
(On the local cache in the SQLite run, on Redis in the PostgreSQL one.)"""

import dataclasses
import datetime
import re
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from guides.editorial import workflow
from guides.models import Guide, Revision, RevisionState, ServerEndpoint

pytestmark = pytest.mark.django_db

PAGE = "/fr/guides/configurer-thunderbird/"
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
    assert second_queries == 0  # a guide's view is counted in the cache
    assert first == second


@pytest.mark.parametrize("path", [PAGE, "/fr/", "/fr/clients/", "/fr/faq/", "/fr/search/?q=quota"])
def test_public_pages_hold_no_token_and_set_no_cookie(path):
    response = Client(enforce_csrf_checks=True).get(path)
    assert not ANY_TOKEN.search(response.content.decode())
    assert not response.cookies


def test_every_visitor_can_vote_from_the_shared_page():
    for visitor in (Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)):
        fetch(visitor)
        vote = visitor.post(
            PAGE + "feedback/",
            {"helpful": "yes"},
            headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
        )
        assert vote.status_code == 302


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
    ],
)
def test_a_vote_sent_by_another_sites_page_is_refused(headers):
    vote = Client().post(PAGE + "feedback/", {"helpful": "yes"}, headers=headers)
    assert vote.status_code == 403
    assert "Formulaire refusé" in vote.content.decode()
    assert not vote.cookies


def test_a_vote_from_no_browser_needs_no_token():
    """What CSRF protects against is a browser led by another site; a script is not one."""
    assert (
        Client(enforce_csrf_checks=True).post(PAGE + "feedback/", {"helpful": "no"}).status_code
        == 302
    )


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


# HTTP caching: what a browser, a reverse proxy or a CDN is told


@pytest.mark.parametrize("path", [PAGE, "/fr/", "/fr/clients/", "/fr/faq/"])
def test_public_pages_may_be_kept_by_a_proxy(path, settings):
    response = Client().get(path)
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert f"max-age={settings.OVHPORTAL_HTTP_MAX_AGE}" in cache_control
    assert f"stale-while-revalidate={settings.OVHPORTAL_HTTP_STALE_SECONDS}" in cache_control
    assert {"Cookie", "HX-Request"} <= {name.strip() for name in response["Vary"].split(",")}
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")


def test_a_client_that_has_the_page_gets_304_until_it_changes(guide):
    first = Client().get(PAGE)
    again = Client().get(PAGE, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    since = Client().get(PAGE, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    workflow.publish(guide=guide, revision=publish(guide, body="Nouveau texte."), author=None)
    changed = Client().get(PAGE, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert "Nouveau texte." in changed.content.decode()


def test_a_304_still_counts_the_view(guide):
    from guides.editorial import feedback

    browser = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"}
    first = Client(REMOTE_ADDR="198.51.100.1").get(PAGE, headers=browser)
    Client(REMOTE_ADDR="198.51.100.2").get(PAGE, headers=browser | {"If-None-Match": first["ETag"]})
    feedback.flush_recent_views()
    assert guide.daily_views.get().count == 2


def test_personal_pages_are_private(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("marie"))
    response = client.get(PAGE)
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert "ETag" not in response


def test_searches_are_revalidated_so_each_is_logged():
    from guides.models import SearchLog

    first = Client().get("/fr/search/", {"q": "quota"})
    assert "no-cache" in first["Cache-Control"]
    with CaptureQueriesContext(connection) as queries:
        again = Client().get(
            "/fr/search/", {"q": "quota"}, headers={"If-None-Match": first["ETag"]}
        )
    assert again.status_code == 304
    assert [query["sql"] for query in queries if "INSERT" in query["sql"]]  # logged
    assert len(queries) == 1  # nothing but the log
    logged = list(SearchLog.objects.values_list("query", "results"))
    assert len(logged) == 2
    assert logged[0] == logged[1]
    assert logged[0][1] > 0


def test_a_compiled_translation_or_a_new_template_starts_a_new_cache(settings):
    """Catalogues and templates are read when a process starts; the stamp in every key
    changes with them, so a release or `compilemessages` never serves yesterday's text."""
    import os

    from guides.views import page_cache

    catalogue = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.mo"
    before = page_cache._files_stamp()
    mark = catalogue.stat()
    try:
        os.utime(catalogue, ns=(mark.st_atime_ns, mark.st_mtime_ns + 1_000_000_000))
        assert page_cache._files_stamp() != before
    finally:
        os.utime(catalogue, ns=(mark.st_atime_ns, mark.st_mtime_ns))
    assert page_cache._files_stamp() == before


def test_an_edited_known_reply_shows_in_the_search_at_once():
    from django.utils.html import escape

    from guides.models import KnownReply

    path = "/fr/search/?q=553"
    first, _queries = fetch(Client(), path)
    reply = next(reply for reply in KnownReply.objects.all() if escape(reply.title) in first)
    reply.title = "Explication corrigée à l'instant"
    reply.save()
    assert escape("Explication corrigée à l'instant") in fetch(Client(), path)[0]


# Each process keeps the pages it served last in memory, under the same versioned key


def test_an_edit_made_elsewhere_shows_although_this_process_kept_the_page():
    """Another server's edit reaches this one through the version in the shared cache."""
    from django.core.cache import cache

    from guides.views import page_cache

    fetch(Client())
    assert fetch(Client())[1] == 0  # from this process's memory
    Guide.objects.filter(language="fr", key="thunderbird").update(
        body_html="<p>Texte changé par un autre serveur.</p>"
    )
    cache.set(page_cache.VERSION_KEY, "bumped-by-another-server", None)
    page, queries = fetch(Client())
    assert queries > 0
    assert "Texte changé par un autre serveur." in page


def test_the_memory_keeps_the_pages_served_last_within_its_size():
    from guides.views.page_cache import CachedPage, PageMemory

    def page(size):
        return CachedPage(
            content=b"x" * size, headers=(), etag='"e"', rendered_at=time.time(), notes={}
        )

    memory = PageMemory(max_bytes=250)
    memory.put("a", page(100))
    memory.put("b", page(100))
    assert memory.get("a") is not None  # "a" is now the one served last
    memory.put("c", page(100))
    assert memory.get("b") is None
    assert memory.get("a") is not None
    assert memory.get("c") is not None
    memory.put("huge", page(251))
    assert memory.get("huge") is None


def test_the_memory_drops_a_page_when_the_shared_cache_would(settings):
    from guides.views.page_cache import CachedPage, PageMemory

    memory = PageMemory(max_bytes=1000)
    rendered = time.time() - settings.OVHPORTAL_PAGE_CACHE_SECONDS - 1
    memory.put("old", CachedPage(b"x", (), '"e"', rendered, {}))
    assert memory.get("old") is None


def test_a_page_that_holds_a_visitors_token_is_never_kept():
    """The wizard's address step posts a form: with the visitor's own CSRF cookie, the page
    sets no cookie, yet holds their token."""
    path = "/fr/setup/?client=thunderbird&protocol=imap&security=ssl"
    first = Client()
    first.get("/fr/setup/")
    first.cookies["csrftoken"] = "a" * 32
    mine = first.get(path).content.decode()
    theirs = Client().get(path).content.decode()
    token = ANY_TOKEN.search(mine)
    assert token
    assert token[0] not in theirs
    assert "public" not in Client().get(path).get("Cache-Control", "")


# The wizard's questions before the address

IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"


@pytest.mark.parametrize("path", ["/fr/setup/", "/fr/setup/?client=thunderbird&protocol=imap"])
def test_the_wizards_first_steps_are_served_from_the_cache(path):
    first, first_queries = fetch(Client(), path)
    second, second_queries = fetch(Client(), path)
    assert first_queries > 0
    assert second_queries == 0
    assert first == second


def test_the_wizards_first_step_keeps_one_copy_for_each_guess():
    iphone = Client(headers={"User-Agent": IPHONE})
    curl = Client(headers={"User-Agent": "curl/8.5"})
    guessed, _queries = fetch(iphone, "/fr/setup/")
    plain, _queries = fetch(curl, "/fr/setup/")
    assert "peut-être" in guessed
    assert "peut-être" not in plain
    again, queries = fetch(Client(headers={"User-Agent": IPHONE + " Safari"}), "/fr/setup/")
    assert queries == 0
    assert again == guessed
    response = curl.get("/fr/setup/")
    assert "User-Agent" in response["Vary"]
    assert "public" in response["Cache-Control"]


def test_htmx_history_restores_get_the_whole_step_not_the_part():
    htmx = {"HX-Request": "true"}
    part, _queries = fetch(Client(headers=htmx), "/fr/setup/?client=thunderbird")
    restore = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    whole, _queries = fetch(Client(headers=restore), "/fr/setup/?client=thunderbird")
    assert "<html" not in part
    assert "<html" in whole
