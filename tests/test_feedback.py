""" "Was this helpful?": one vote per visitor per guide, a comment when the answer is no,
floods refused; page views counted per day; all of it on the staff dashboard."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from guides.content.typography import french_spacing
from guides.editorial import feedback
from guides.models import Guide, GuideView, SearchLog, Vote

pytestmark = pytest.mark.django_db

PAGE = "/fr/guides/configurer-thunderbird/"
VOTE = "/fr/guides/configurer-thunderbird/feedback/"


@pytest.fixture
def guide():
    return Guide.objects.get(language="fr", key="thunderbird")


def test_the_form_is_at_the_end_of_each_guide_and_works_without_javascript(client, guide):
    html = client.get(PAGE).content.decode()
    assert html.index(french_spacing("Ce guide vous a-t-il aidé ?")) > html.index("</article>")
    assert f'action="{VOTE}"' in html and 'hx-post="' in html
    assert 'name="csrfmiddlewaretoken"' not in html  # the page is the same for everyone

    response = client.post(
        VOTE,
        {"helpful": "no", "comment": "Il manque Thunderbird 128."},
        headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
    )
    assert response.status_code == 302
    assert response.url == PAGE + "#feedback"
    vote = Vote.objects.get()
    assert (vote.guide, vote.helpful, vote.comment) == (guide, False, "Il manque Thunderbird 128.")
    assert len(vote.visitor) == 64 and len(vote.ip_hash) == 64
    assert "127.0.0.1" not in (vote.visitor + vote.ip_hash)
    html = client.get(PAGE).content.decode()
    assert "Merci pour votre avis" in html
    assert french_spacing("Ce guide vous a-t-il aidé ?") not in html


def test_a_comment_is_kept_only_with_a_no(client):
    client.post(VOTE, {"helpful": "yes", "comment": "Je commente quand même"})
    assert Vote.objects.get().comment == ""


def test_one_vote_per_visitor_per_guide(client, guide):
    client.post(VOTE, {"helpful": "yes"})
    assert client.post(VOTE, {"helpful": "no"}).status_code == 302
    assert Vote.objects.count() == 1
    # Even a cookie that forgot the vote keeps the same visitor, so the database refuses it.
    visitor = feedback.visitor_from_cookie(client.cookies[feedback.VISITOR_COOKIE].value)
    visitor.voted.clear()
    client.cookies[feedback.VISITOR_COOKIE] = visitor.cookie_value()
    client.post(VOTE, {"helpful": "no"})
    assert Vote.objects.count() == 1
    assert Vote.objects.get().helpful is True
    # Another guide is another vote.
    client.post("/fr/guides/parametres-des-comptes/feedback/", {"helpful": "yes"})
    assert Vote.objects.count() == 2


def test_a_tampered_cookie_is_a_new_visitor_not_an_error(client):
    client.cookies[feedback.VISITOR_COOKIE] = "forged:value"
    assert client.get(PAGE).status_code == 200
    assert client.post(VOTE, {"helpful": "yes"}).status_code == 302
    assert Vote.objects.count() == 1


def test_floods_from_one_address_are_refused(client, monkeypatch):
    monkeypatch.setattr("guides.views.rate_limit.time.time", lambda: 1_800_000_000.0)  # one window
    for _ in range(feedback.VOTE_RATE):
        client.cookies.clear()  # a new visitor each time, same address
        assert client.post(VOTE, {"helpful": "yes"}).status_code == 302
    client.cookies.clear()
    response = client.post(VOTE, {"helpful": "no", "comment": "encore"})
    assert response.status_code == 429
    assert "Réessayez dans une minute" in response.content.decode()
    assert Vote.objects.count() == feedback.VOTE_RATE
    other = client.post(VOTE, {"helpful": "yes"}, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


def test_htmx_gets_the_fragment_back(client):
    response = client.post(VOTE, {"helpful": "yes"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Merci pour votre avis" in html and "<html" not in html
    assert response["Vary"].count("HX-Request") == 1


def test_a_missing_answer_comes_back_with_the_comment_kept(client):
    response = client.post(VOTE, {"comment": "Mon commentaire"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choisissez oui ou non." in html
    assert 'aria-describedby="feedback-helpful-error"' in html
    assert ">Mon commentaire</textarea>" in html
    assert not Vote.objects.exists()
    fragment = client.post(VOTE, {"comment": "x"}, HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200 and "Choisissez oui ou non." in fragment.content.decode()


def test_votes_need_a_published_guide_and_a_post(client):
    assert client.post("/fr/guides/n-existe-pas/feedback/", {"helpful": "yes"}).status_code == 404
    assert client.get(VOTE).status_code == 405


def reader(number: int) -> dict:
    """A browser on its own address: each counts one view per half hour."""
    return {"HTTP_USER_AGENT": "Mozilla/5.0 Firefox/140.0", "REMOTE_ADDR": f"198.51.100.{number}"}


def test_views_are_counted_per_guide_per_day(client, guide):
    client.get(PAGE, **reader(1))
    client.get(PAGE, **reader(2))
    client.head(PAGE, **reader(3))
    feedback.flush_recent_views()
    assert GuideView.objects.get(guide=guide, day=timezone.localdate()).count == 2


def test_a_view_is_no_database_write_once_the_minute_is_flushed(client, guide):
    """The first view of a guide writes its count; the next ones within the minute only
    increment the cache, and reach the database with the next flush."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(PAGE, **reader(1))
    with CaptureQueriesContext(connection) as queries:
        client.get(PAGE, **reader(2))
    assert not [query for query in queries if "guideview" in query["sql"].lower()]
    assert GuideView.objects.get(guide=guide).count == 1
    assert feedback.flush_recent_views() == 1
    assert GuideView.objects.get(guide=guide).count == 2


def test_concurrent_views_lose_no_count_between_flushes(guide, monkeypatch):
    """Eight threads count 200 views each while flushes run: every view reaches the database.
    (On Redis in the PostgreSQL run, on the local cache in the SQLite one.)"""
    import threading
    import time

    from django.core.cache import cache

    today = timezone.localdate()
    cache.add(f"views:flushed:{guide.pk}", 1, timeout=600)  # the periodic flush is not due
    monkeypatch.setattr(feedback, "FLUSH_THRESHOLD", 10**9)  # the flushes are this thread's

    def count():
        for _ in range(200):
            feedback.record_view(guide_id=guide.pk, today=today)
            time.sleep(0.0005)  # let the flushes run in between

    threads = [threading.Thread(target=count) for _ in range(8)]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        feedback.flush_views(guide_ids=[guide.pk], days=[today])
    feedback.flush_views(guide_ids=[guide.pk], days=[today])
    assert GuideView.objects.get(guide=guide, day=today).count == 1600


def test_the_dashboard_shows_views_helpfulness_comments_and_failed_searches(
    editor_client, client, guide
):
    from django.test import Client

    for number in range(3):  # three readers (the editor's own views do not count)
        Client().get(PAGE, **reader(number))
    client.post(VOTE, {"helpful": "no", "comment": "Pas assez d'images"})
    for query, results in [("outlook 2003", 0), ("OUTLOOK 2003", 0), ("imap", 4), ("fax", 0)]:
        SearchLog.objects.create(query=query, language="fr", results=results)
    html = editor_client.get(reverse("guides:staff_dashboard")).content.decode()
    row = html[html.index(">Configurer Thunderbird</a></th>") :].split("</tr>")[0]
    assert re.findall(r'<td data-label="([^"]+)">([^<]*)</td>', row) == [
        ("Langue", "fr"),
        ("Vues", "3"),
        ("Oui", "0"),
        ("Non", "1"),
        ("Utile", "0 %"),
    ]
    assert "Pas assez d&#x27;images" in html
    searches = html[html.index("Recherches sans résultat") :]
    assert searches.index("outlook 2003") < searches.index("fax")
    assert "<td>2</td>" in searches  # outlook 2003, whatever the case
    assert "imap" not in searches


@pytest.mark.parametrize(
    "agent",
    ["", "Mozilla/5.0 (compatible; Googlebot/2.1)", "curl/8.5.0", "Mozilla/5.0 HeadlessChrome/140"],
)
def test_robots_and_scripts_are_not_readers(client, guide, agent):
    client.get(PAGE, HTTP_USER_AGENT=agent)
    feedback.flush_recent_views()
    assert not GuideView.objects.filter(guide=guide).exists()


def test_reloads_and_the_team_are_not_counted(client, guide, editor):
    client.get(PAGE, **reader(1))
    client.get(PAGE, **reader(1))  # a reload
    client.force_login(editor)
    client.get(PAGE, **reader(2))
    feedback.flush_recent_views()
    assert GuideView.objects.get(guide=guide).count == 1
