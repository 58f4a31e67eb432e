"""Search, on whichever database DATABASE_URL names (CI runs this on SQLite and PostgreSQL)."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from guides.content.rendering import render_guide
from guides.content.search.query import clean_query, query_terms, search_guides, stem
from guides.content.typography import french_spacing
from guides.models import Category, CategoryKind, Guide, GuideStatus, GuideView, SearchLog

pytestmark = pytest.mark.django_db
on_postgresql = connection.vendor == "postgresql"


def keys(query, language="fr"):
    return [hit.guide.key for hit in search_guides(query=query, language=language)]


def make_guide(*, key, title, summary="", body="", language="fr", status=GuideStatus.PUBLISHED):
    guide = Guide(
        language=language,
        key=key,
        slug=key,
        category=Category.objects.get(kind=CategoryKind.FAQ),
        title=title,
        summary=summary,
        body=body,
        status=status,
        published_at=timezone.now(),
    )
    render_guide(guide=guide)
    guide.save()
    return guide


@pytest.mark.parametrize(
    ("query", "language", "key"),
    [
        ("MOT DE PASSE", "fr", "change-password"),
        ("mot de passe", "fr", "change-password"),
        ("PASSWORD", "en", "change-password"),
        ("quotas", "fr", "quota"),
        ("quota", "en", "quota"),
        ("roundcube", "fr", "webmail-roundcube"),
        ("Time Machine", "en", "backups"),
        ("[spam]", "fr", "spam"),
    ],
)
def test_the_guide_a_customer_means_comes_first(query, language, key):
    assert keys(query, language)[0] == key


def test_words_without_accents_find_accented_ones():
    hits = search_guides(query="reception", language="fr")
    assert hits
    assert any("<mark>réception</mark>" in hit.snippet.lower() for hit in hits)


def test_plural_finds_singular():
    make_guide(key="plural-test", title="Un zorglub unique")
    assert keys("zorglubs") == ["plural-test"]


def test_host_names_are_found_by_their_parts():
    assert "mx-records" in keys("mx3")
    assert "mx-records" in keys("mx3.ovh.net")
    assert "account-settings" in keys("ssl0")
    hits = search_guides(query="ssl0.ovh.net", language="fr")
    assert "account-settings" in [hit.guide.key for hit in hits]
    assert any("<mark>ssl0.ovh.net</mark>" in hit.snippet for hit in hits)


def test_ranking_puts_title_before_summary_before_body():
    make_guide(key="in-body", title="Troisième", body="Le mot zorglub est dans le texte.")
    make_guide(key="in-title", title="Le zorglub", body="Rien d'autre.")
    make_guide(key="in-summary", title="Deuxième", summary="Un résumé qui parle de zorglub.")
    assert keys("zorglub") == ["in-title", "in-summary", "in-body"]


def test_steps_are_searched():
    guide = make_guide(key="with-step", title="Guide à étapes")
    guide.steps.create(order=1, title="Ouvrir le grimoire", body="Puis lisez le parchemin.")
    render_guide(guide=guide)
    guide.save()
    assert keys("parchemin") == ["with-step"]


def test_edits_are_searchable_at_once():
    guide = make_guide(key="edited", title="Avant")
    guide.title = "Après la modification xylophone"
    render_guide(guide=guide)
    guide.save()
    assert keys("xylophone") == ["edited"]
    guide.delete()
    assert keys("xylophone") == []


def test_drafts_and_other_languages_are_not_found():
    make_guide(key="draft", title="Brouillon zorglub", status=GuideStatus.DRAFT)
    make_guide(key="english", title="English zorglub", language="en")
    assert keys("zorglub") == []
    assert keys("zorglub", "en") == ["english"]


def test_when_no_guide_has_every_word_any_word_will_do():
    assert keys("mot de passe xyzzyqux")[0] == "change-password"


@pytest.mark.skipif(not on_postgresql, reason="typo tolerance uses PostgreSQL's pg_trgm")
@pytest.mark.parametrize(
    ("query", "language", "key"),
    [
        ("tunderbird", "fr", "thunderbird"),
        ("quotta", "fr", "quota"),
        ("pasword", "en", "change-password"),
    ],
)
def test_typos_find_the_guide_on_postgresql(query, language, key):
    assert key in keys(query, language)[:3]


def test_snippets_highlight_the_words_and_escape_the_text():
    make_guide(
        key="escaped",
        title="Échappement",
        body="Avant <script>alert(1)</script> & « zorglub » après.",
    )
    [hit] = search_guides(query="ZORGLUB", language="fr")
    assert "<mark>zorglub</mark>" in hit.snippet
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    assert "&amp;" in hit.snippet


def test_snippets_show_filled_placeholders_not_their_names():
    hits = search_guides(query="993", language="fr")
    assert hits
    assert all("{{" not in hit.snippet for hit in hits)


def test_long_texts_give_a_short_snippet_around_the_match():
    filler = "lorem ipsum dolor " * 100
    make_guide(key="long", title="Long", body=f"{filler} zorglub {filler}")
    [hit] = search_guides(query="zorglub", language="fr")
    text = re.sub(r"<[^>]+>", "", str(hit.snippet))
    assert len(text) < 260
    assert text.startswith("…")
    assert text.endswith("…")


def test_query_terms_drop_stop_words_and_keep_dotted_names_whole():
    assert query_terms("Le MOT de passe", language="fr") == [("mot",), ("passe",)]
    assert query_terms("the password of my box", language="en") == [("password",), ("box",)]
    assert query_terms("SSL0.ovh.net port 993", language="fr") == [
        ("ssl0", "ovh", "net"),
        ("port",),
        ("993",),
    ]
    assert query_terms("de la", language="fr") == []
    assert len(query_terms(" ".join(f"mot{n}" for n in range(50)), language="fr")) == 8


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [
        ("quotas", "quota"),
        ("adresses", "adress"),
        ("chevaux", "cheva"),
        ("addresses", "address"),
        ("queries", "quer"),
        ("query", "quer"),
        ("virus", "virus"),
        ("pass", "pass"),
        ("mx", "mx"),
    ],
)
def test_stem_cuts_plural_endings(word, stemmed):
    assert stem(word) == stemmed


def test_clean_query_removes_what_nobody_types():
    assert clean_query("  mot\x00de\u200fpasse\n\tici ", max_length=200) == "motdepasse ici"
    assert clean_query("x" * 10_000, max_length=200) == "x" * 200
    assert clean_query("e\u0301te\u0301 😀", max_length=200) == "été 😀"
    assert clean_query("\ud800abc", max_length=200) == "abc"


# The page


def test_search_page_shows_highlighted_results_and_their_count(client):
    html = client.get("/fr/search/", {"q": "quotas"}).content.decode()
    count = len(search_guides(query="quotas", language="fr"))
    assert french_spacing(f"{count} guides pour « quotas »") in html
    assert "<mark>quota</mark>" in html


def test_every_search_is_logged_with_its_result_count(client):
    client.get("/fr/search/", {"q": "quotas"})
    client.get("/en/search/", {"q": "zzzq qqxx"})
    client.get("/fr/search/", {"q": "   "})
    logs = list(SearchLog.objects.order_by("pk").values_list("query", "language", "results"))
    assert logs == [
        ("quotas", "fr", len(search_guides(query="quotas", language="fr"))),
        ("zzzq qqxx", "en", 0),
    ]


def test_no_result_page_suggests_the_diagnosis_and_the_essentials_before_any_reading(client):
    html = client.get("/fr/search/", {"q": "zzzqqq"}).content.decode()
    assert french_spacing("Aucun guide ne correspond à « zzzqqq »") in html
    assert "/fr/guides/k/diagnosis-checklist/" in html
    assert Guide.objects.get(language="fr", key="account-settings").get_absolute_url() in html


def test_no_result_page_suggests_the_most_read_guides(client):
    today = timezone.localdate()
    read = {"spam": 40, "quota": 25, "backups": 10}
    for key, count in read.items():
        guide = Guide.objects.get(language="fr", key=key)
        GuideView.objects.create(guide=guide, day=today, count=count)
    old = Guide.objects.get(language="fr", key="webmail")
    GuideView.objects.create(guide=old, day=today - timedelta(days=90), count=1000)
    html = client.get("/fr/search/", {"q": "zzzqqq"}).content.decode()
    suggested = html.split("Les guides les plus consultés")[1]
    urls = [Guide.objects.get(language="fr", key=key).get_absolute_url() for key in read]
    positions = [suggested.index(f'href="{url}"') for url in urls]
    assert positions == sorted(positions)
    assert old.get_absolute_url() not in suggested


def test_htmx_requests_get_the_results_only(client):
    response = client.get("/fr/search/", {"q": "quotas"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<mark>quota</mark>" in html
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]


HOSTILE_QUERIES = [
    "",
    "x" * 10_000,
    "mot " * 3_000,
    "'; DROP TABLE guides_guide; --",
    "1' OR '1'='1",
    '" OR 1=1 --',
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    "{title} : NEAR(a b) * ^ AND OR NOT ( ) :* & | ! <->",
    "\x00\x01\x1f",
    "mot\x00de passe",
    "\u202eevil\u202c \u200f\u200e",
    "😀🔥 👩‍👩‍👧",
    "e\u0301\u0301\u0301\u0301",
    "\u0301 leading combining",
    "ｍｏｔ ｄｅ ｐａｓｓｅ",
    "\\' \\\" %% %s %(x)s",
    "مرحبا עברית 中文",
]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_any_query_gives_a_normal_page_that_never_reflects_markup(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "\x00" not in html
    assert "\u202e" not in html


@pytest.mark.parametrize(
    "raw",
    ["%ED%A0%80", "%ED%B0%80abc", "%F0%9F", "%FF%FE", "%00", "%C0%AF", "%E2%80%AE%3Cb%3E"],
)
def test_undecodable_bytes_in_the_url_give_a_normal_page(client, raw):
    response = client.get(f"/fr/search/?q={raw}")
    assert response.status_code == 200
    assert "<b>" not in response.content.decode().split('id="search-results"')[1]


@pytest.mark.skipif(on_postgresql, reason="SQLite's FTS5 index only")
def test_sqlite_index_is_rebuilt_when_a_table_rebuild_dropped_its_triggers():
    from guides.content.search.sqlite_index import ensure_sqlite_index

    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER guides_guide_fts_update")
    Guide.objects.filter(language="fr", key="quota").update(title="Titre xylophone")
    assert keys("xylophone") == []
    ensure_sqlite_index()
    assert keys("xylophone") == ["quota"]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("tunderbird", "Thunderbird"), ("outlok 2010", "Outlook 2010"), ("webmial", "webmail")],
)
def test_a_misspelt_word_is_spelt_as_the_guides_spell_it(typed, meant):
    from guides.content.search.suggest import did_you_mean, vocabulary

    assert did_you_mean(query=typed, words=vocabulary(language="fr")).lower() == meant.lower()


@pytest.mark.parametrize("typed", ["thunderbird", "zzqxw", "mot de passe", "quo"])
def test_a_known_or_hopeless_query_gets_no_suggestion(typed):
    from guides.content.search.suggest import did_you_mean, vocabulary

    assert did_you_mean(query=typed, words=vocabulary(language="fr")) is None


def test_a_misspelt_client_name_finds_its_guide_on_either_database(client):
    """PostgreSQL's trigram match or the suggestion from the guides' words, whichever answers."""
    html = client.get("/fr/search/?q=tunderbird").content.decode()
    assert 'href="/fr/guides/configurer-thunderbird/"' in html
    if not on_postgresql:
        assert "Vouliez-vous dire" in html and "?q=Thunderbird" in html


def test_a_typo_beside_words_that_match_is_offered_as_a_correction(client):
    """ "tunderbird mobile" finds guides through "mobile"; the misspelt word still gets its
    correction, as a link beside them."""
    html = client.get("/fr/search/?q=tunderbird+mobile").content.decode()
    assert "Vouliez-vous dire" in html
    assert "?q=Thunderbird%20mobile" in html
    assert "Aucun guide pour" not in html
    plain = client.get("/fr/search/?q=thunderbird+mobile").content.decode()
    assert "Vouliez-vous dire" not in plain


def test_the_vocabulary_knows_the_starts_of_its_words():
    from guides.content.search.suggest import Vocabulary

    words = Vocabulary(
        spelling={"outlook": "Outlook", "quota": "quota"}, ordered=("outlook", "quota")
    )
    assert words.knows_start("outl") and words.knows_start("quota")
    assert not words.knows_start("quotas") and not words.knows_start("zz")
    assert not words.knows_start("a")


def test_the_vocabulary_holds_the_published_titles_and_summaries_words_as_first_written():
    from guides.content.search.suggest import vocabulary

    Guide.objects.all().delete()
    make_guide(key="a", title="Réception (IMAP) sur ssl0.ovh.net.", summary="Boîte  pleine,quota")
    make_guide(key="b", title="Vos messages", summary="l'adresse, la RECEPTION et le quota")
    make_guide(key="c", title="Brouillon invisible", status=GuideStatus.DRAFT)
    words = vocabulary(language="fr")
    assert words.spelling == {
        "reception": "Réception",  # the first spelling met, accents and capitals kept
        "imap": "IMAP",
        "ssl0.ovh.net": "ssl0.ovh.net",  # a dotted name is one word
        "boite": "Boîte",
        "pleine": "pleine",
        "quota": "quota",  # after a comma with no space
        "messages": "messages",
        "adresse": "adresse",  # "l'" is not part of it; short words, "des", "sur" left out
    }
    assert words.ordered == tuple(sorted(words.spelling))
