"""The browsing pages in both languages: they answer, switch language in place, name their
translations, keep to a few SQL queries whatever the number of guides, and fail in style."""

import re
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from benchmarks.pages import load_guides
from guides.content.guide_files import parse_guide_file
from guides.models import CategoryKind, Guide

pytestmark = pytest.mark.django_db

CONTENT = Path(__file__).resolve().parent.parent / "guides" / "content" / "data"
LANGUAGES = ["fr", "en"]
SHIPPED = sorted(
    (meta["category"], meta["key"])
    for meta in (
        parse_guide_file(path.read_text(encoding="utf-8"), name=path.name).meta
        for path in (CONTENT / "fr").glob("*.md")
    )
)
SWITCHER_LINK = re.compile(r'<a href="([^"]+)" hreflang="(\w\w)" lang="\w\w"')
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="(\w\w)" href="([^"]+)">')
# Most SQL queries a page may need, whatever the number of guides.
MAX_QUERIES = {"guide": 5, "home": 5, "search": 5, "index": 4}


def guide_url(key: str, language: str) -> str:
    return Guide.objects.get(key=key, language=language).get_absolute_url()


def page_url(name: str, language: str) -> str:
    with translation.override(language):
        return reverse(f"guides:{name}")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["home", "clients", "faq", "search"])
def test_index_pages_answer_in_their_language(client, name, language):
    response = client.get(page_url(name, language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert "<h1" in html


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("category", "key"), SHIPPED)
def test_every_shipped_guide_has_its_page_in_both_languages(client, category, key, language):
    guide = Guide.objects.published().get(key=key, language=language)
    response = client.get(guide.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f'<h1 id="guide-title">{guide.title}</h1>' in html.replace("&#x27;", "'")
    assert "{{" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_results_page_lists_matching_guides(client, language):
    html = client.get(page_url("search", language), {"q": "webmail"}).content.decode()
    assert guide_url("webmail", language) in html


@pytest.mark.parametrize(("category", "key"), SHIPPED)
def test_language_switcher_and_alternates_lead_to_the_same_guide(client, category, key):
    urls = {language: guide_url(key, language) for language in LANGUAGES}
    for language in LANGUAGES:
        html = client.get(urls[language]).content.decode()
        switcher = {code: url for url, code in SWITCHER_LINK.findall(html)}
        alternates = dict(ALTERNATE.findall(html))
        assert switcher == urls
        assert alternates == {code: f"http://testserver{url}" for code, url in urls.items()}


@pytest.mark.parametrize("name", ["home", "clients", "faq", "search"])
def test_language_switcher_stays_on_index_pages(client, name):
    html = client.get(page_url(name, "fr")).content.decode()
    switcher = {code: url for url, code in SWITCHER_LINK.findall(html)}
    assert switcher == {language: page_url(name, language) for language in LANGUAGES}


def test_a_guide_without_translation_switches_to_the_other_home_page(client):
    Guide.objects.filter(key="spam", language="en").delete()
    html = client.get(guide_url("spam", "fr")).content.decode()
    switcher = {code: url for url, code in SWITCHER_LINK.findall(html)}
    assert switcher["en"] == "/en/"
    assert 'hreflang="en" href="http://testserver/en/guides' not in html


@pytest.fixture
def many_guides():
    """200 more guides (half in each language), some with steps."""
    load_guides(count=200)


@pytest.mark.parametrize("key", ["account-settings", "mx-records", "limits", "mx-plan", "quota"])
def test_guide_page_queries_do_not_grow_with_the_number_of_guides(
    client, many_guides, django_assert_max_num_queries, key
):
    url = guide_url(key, "fr")
    client.get(url)  # fills the caches, as on a running server
    with django_assert_max_num_queries(MAX_QUERIES["guide"]):
        assert client.get(url).status_code == 200


def test_generated_guide_with_steps_keeps_to_the_query_budget(
    client, many_guides, django_assert_max_num_queries
):
    guide = Guide.objects.filter(key__startswith="bench-", steps__isnull=False).first()
    client.get(guide.get_absolute_url())
    with django_assert_max_num_queries(MAX_QUERIES["guide"]):
        assert client.get(guide.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("kind", "url"),
    [
        ("home", "/fr/"),
        ("index", "/fr/clients/"),
        ("search", "/fr/search/?q=mot+de+passe"),
        ("search", "/fr/search/?q=zzzqqq"),
        ("search", "/fr/search/"),
    ],
)
def test_other_pages_keep_to_their_query_budget(
    client, many_guides, django_assert_max_num_queries, kind, url
):
    client.get(url)
    with django_assert_max_num_queries(MAX_QUERIES[kind]):
        assert client.get(url).status_code == 200


def test_home_page_lists_the_first_questions_only(client, many_guides):
    html = client.get("/fr/").content.decode()
    faq = Guide.objects.published().in_language("fr").filter(category__kind=CategoryKind.FAQ)
    assert faq.count() > 100
    assert html.count('class="card"') < 60


@pytest.mark.parametrize(
    "url", ["/fr/guides/n-existe-pas/", "/en/guides/does-not-exist/", "/fr/nulle-part/"]
)
def test_unknown_pages_get_the_styled_404_page(client, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "portal.css" in html
    assert 'role="search"' in html
    assert 'class="site-header"' in html


@pytest.mark.django_db(databases=[])
def test_500_page_is_rendered_by_handler500_without_the_database():
    from ovhportal import urls

    handler = urls.handler500
    response = handler(RequestFactory().get("/fr/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "portal.css" in html
    assert "Une erreur est survenue" in html
    assert "Something went wrong" in html


def test_500_page_is_what_a_crashing_view_returns(client, monkeypatch):
    from guides.views import browse

    def crash(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(browse.listing, "client_guides_by_platform", crash)
    client.raise_request_exception = False
    response = client.get("/fr/")
    assert response.status_code == 500
    assert "Une erreur est survenue" in response.content.decode()
    assert "boom" not in response.content.decode()
