"""The dashboard's analytics: failed searches sorted by any column and exported as CSV (staff
only), and the trend of views and searches over 30 days as bar charts the portal draws."""

import csv
import datetime
import io
import re
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from guides.content.typography import french_spacing
from guides.editorial import analytics
from guides.editorial.analytics import SearchColumn, SearchSort
from guides.models import Guide, GuideView, SearchLog
from tests.staff_fixtures import make_user

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
DASHBOARD = reverse("guides:staff_dashboard")
CSV = reverse("guides:staff_searches_csv")


def searched(query: str, *, results: int = 0, when: datetime.datetime | None = None, language="fr"):
    log = SearchLog.objects.create(query=query, language=language, results=results)
    if when is not None:  # `created` is set on insert: move it afterwards
        SearchLog.objects.filter(pk=log.pk).update(created=when)
    return log


@pytest.fixture
def three_failed_searches():
    """ "outlook 2003" three times (case aside), long ago; "zimbra" once, lately; "agenda" twice."""
    now = timezone.now()
    for query in ("Outlook 2003", "outlook 2003", "OUTLOOK 2003"):
        searched(query, when=now - datetime.timedelta(days=5))
    searched("zimbra", when=now - datetime.timedelta(hours=1))
    searched("agenda", when=now - datetime.timedelta(days=3))
    searched("agenda", when=now - datetime.timedelta(days=2))
    searched("imap", results=4)  # found something: never listed


def texts(sort: str) -> list[str]:
    since = timezone.now() - datetime.timedelta(days=30)
    rows = analytics.failed_searches(since=since, sort=SearchSort.parse(sort))
    return [row["text"] for row in rows]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (None, ["outlook 2003", "agenda", "zimbra"]),
        ("-count", ["outlook 2003", "agenda", "zimbra"]),
        ("count", ["zimbra", "agenda", "outlook 2003"]),
        ("-last", ["zimbra", "agenda", "outlook 2003"]),
        ("last", ["outlook 2003", "agenda", "zimbra"]),
        ("query", ["agenda", "outlook 2003", "zimbra"]),
        ("-query", ["zimbra", "outlook 2003", "agenda"]),
        ("--count", ["outlook 2003", "agenda", "zimbra"]),  # unknown: the default
        ("results", ["outlook 2003", "agenda", "zimbra"]),
    ],
)
def test_failed_searches_sort_by_any_column(three_failed_searches, sort, expected):
    assert texts(sort) == expected


def test_ties_are_settled_by_frequency_then_recency():
    now = timezone.now()
    searched("b", when=now - datetime.timedelta(days=2))
    searched("a", when=now - datetime.timedelta(days=1))
    searched("a", when=now - datetime.timedelta(days=1))
    # Same language: sorting by it is not offered, the others settle the tie.
    assert texts("-count") == ["a", "b"]
    searched("b", when=now - datetime.timedelta(days=3))
    assert texts("-count") == ["a", "b"]  # two each: the latest first


def test_each_header_links_to_its_order_and_says_the_current_one():
    headers = {h.column: h for h in SearchSort.parse("-count").headers()}
    assert headers[SearchColumn.COUNT].param == "count"  # the current one reverses
    assert headers[SearchColumn.COUNT].aria_sort == "descending"
    assert headers[SearchColumn.LAST].param == "-last"  # latest first, as one expects
    assert headers[SearchColumn.QUERY].param == "query"  # A to Z
    assert headers[SearchColumn.QUERY].aria_sort == headers[SearchColumn.LAST].aria_sort == ""
    assert SearchSort.parse("query").headers()[0].aria_sort == "ascending"
    assert SearchSort.parse("query").headers()[0].param == "-query"


def test_the_dashboard_lists_failed_searches_first_sortable_with_real_links(
    editor_client, three_failed_searches
):
    html = editor_client.get(DASHBOARD, {"days": 7, "sort": "query"}).content.decode()
    searches = html.index('id="searches-title"')
    assert searches < html.index('id="trends-title"') < html.index('id="usage-title"')
    table = html[searches : html.index("</table>", searches)]
    assert table.index("agenda") < table.index("outlook 2003") < table.index("zimbra")
    assert '<th scope="col" aria-sort="ascending"><a href="?days=7&amp;sort=-query' in table
    assert 'href="?days=7&amp;sort=-count#searches-title"' in table
    assert 'href="?days=7&amp;sort=-last#searches-title"' in table
    assert f'href="{CSV}?days=7&amp;sort=query"' in html
    assert '<input type="hidden" name="sort" value="query">' in html  # the period keeps it


def test_the_dashboard_shows_twenty_failed_searches_and_says_the_export_has_all(editor_client):
    for number in range(25):
        searched(f"introuvable {number:02}")
    html = editor_client.get(DASHBOARD, {"sort": "query"}).content.decode()
    assert "introuvable 19" in html and "introuvable 20" not in html
    assert french_spacing("Les 20 premières sont ici ; l'export les contient toutes.") in html


def test_spreadsheet_text_never_starts_a_formula():
    assert analytics.spreadsheet_text("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert analytics.spreadsheet_text("+33 1 23") == "'+33 1 23"
    assert analytics.spreadsheet_text("@import") == "'@import"
    assert analytics.spreadsheet_text("-1") == "'-1"
    assert analytics.spreadsheet_text("mot de passe") == "mot de passe"


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))


def test_the_csv_export_streams_every_failed_search_in_the_order_asked(
    editor_client, three_failed_searches
):
    searched("=cmd|' /C calc'!A0", when=timezone.now() - datetime.timedelta(days=1))
    response = editor_client.get(CSV, {"days": 7, "sort": "query"})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="recherches-sans-resultat-7-jours-{today}.csv"'
    )
    assert response["Cache-Control"] == "private, no-store"
    rows = read_csv(response)
    assert rows[0] == ["Recherche", "Langue", "Fois", "Dernière fois"]
    assert [row[0] for row in rows[1:]] == [
        "'=cmd|' /c calc'!a0",
        "agenda",
        "outlook 2003",
        "zimbra",
    ]
    outlook = rows[3]
    assert outlook[1:3] == ["fr", "3"]
    assert datetime.datetime.fromisoformat(outlook[3]).utcoffset() is not None


def test_the_csv_export_speaks_the_page_language(editor_client, three_failed_searches):
    response = editor_client.get(CSV.replace("/fr/", "/en/", 1))
    assert "failed-searches-30-days-" in response["Content-Disposition"]
    assert read_csv(response)[0] == ["Search", "Language", "Times", "Last time"]


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("customer", 403), ("contributor", 200), ("editor", 200)],
)
def test_only_staff_export_the_searches(who, status, three_failed_searches):
    from guides.editorial.permissions import Role

    client = Client()
    roles = {"customer": None, "contributor": Role.CONTRIBUTOR, "editor": Role.EDITOR}
    if who != "anonymous":
        client.force_login(make_user(who, roles[who]))
    response = client.get(CSV)
    assert response.status_code == status
    if status == 200:
        assert len(read_csv(response)) == 4
    else:
        assert "outlook" not in response.content.decode()
    if who == "anonymous":
        assert response.url.startswith("/fr/accounts/login/?next=/fr/staff/searches.csv")


def test_daily_activity_counts_each_local_day_and_keeps_empty_ones():
    guide = Guide.objects.get(language="fr", key="thunderbird")
    other = Guide.objects.get(language="en", key="thunderbird")
    today = datetime.date(2026, 3, 10)
    GuideView.objects.create(guide=guide, day=today, count=7)
    GuideView.objects.create(guide=other, day=today, count=3)
    GuideView.objects.create(guide=guide, day=today - datetime.timedelta(days=29), count=2)
    GuideView.objects.create(guide=guide, day=today - datetime.timedelta(days=30), count=99)
    # 23:30 UTC on the 9th is already the 10th in Paris.
    searched("a", when=datetime.datetime(2026, 3, 9, 23, 30, tzinfo=datetime.UTC))
    searched("b", results=2, when=datetime.datetime(2026, 3, 10, 8, 0, tzinfo=PARIS))
    searched("c", when=datetime.datetime(2026, 3, 9, 8, 0, tzinfo=PARIS))
    days = analytics.daily_activity(until=today)
    assert len(days) == 30
    assert days[0].day == today - datetime.timedelta(days=29) and days[-1].day == today
    assert (days[0].views, days[0].searches) == (2, 0)
    assert days[-1] == analytics.DayActivity(today, views=10, searches=2, failed=1)
    assert days[-2] == analytics.DayActivity(today - datetime.timedelta(days=1), 0, 1, 1)
    assert sum(day.views for day in days) == 12  # the 31st day back is left out


@pytest.mark.parametrize(
    ("largest", "top"), [(0, 1), (1, 1), (2, 2), (3, 5), (7, 10), (37, 50), (100, 100), (101, 200)]
)
def test_the_scale_ends_on_a_round_number(largest, top):
    assert analytics.scale_top(largest) == top


def test_bars_share_the_width_and_scale_with_their_value():
    start = datetime.date(2026, 3, 1)
    values = [
        (start + datetime.timedelta(days=n), value) for n, value in enumerate([0, 1, 50, 100])
    ]
    chart = analytics.bar_chart(values, width=100, height=50, gap=4)
    assert chart.top == 100 and chart.total == 151
    assert [bar.x for bar in chart.bars] == [0, 26, 52, 78]
    assert {bar.width for bar in chart.bars} == {22}
    assert [bar.height for bar in chart.bars] == [0, 1, 25, 50]  # one unit at least for a 1
    assert [bar.y for bar in chart.bars] == [50, 49, 25, 0]
    assert (chart.first_day, chart.last_day) == (start, start + datetime.timedelta(days=3))


def test_the_dashboard_draws_the_trends_inline_with_a_table_behind_them(editor_client):
    guide = Guide.objects.get(language="fr", key="thunderbird")
    GuideView.objects.create(guide=guide, day=timezone.localdate(), count=12)
    searched("a")
    html = editor_client.get(DASHBOARD).content.decode()
    trends = html[html.index('id="trends-title"') : html.index('id="usage-title"')]
    assert trends.count("<svg") == 2
    assert "<script" not in trends and "style=" not in trends
    # French pages write 8,07: SVG needs 8.07 whatever the language.
    bars = re.findall(r'<rect class="trend-bar" x="([^"]+)" y="([^"]+)" width="([^"]+)"', trends)
    assert len(bars) == 2
    assert all(re.fullmatch(r"\d+(\.\d+)?", value) for bar in bars for value in bar)
    assert "Vues des guides</strong> · 12 en 30 jours" in trends
    assert '<th scope="row">' in trends and "<td>12</td><td>1</td><td>1</td>" in trends


def dashboard_queries(client) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(DASHBOARD).status_code == 200
    return len(queries)


def test_the_dashboard_makes_as_many_queries_with_much_more_to_show(editor_client):
    editor_client.get(DASHBOARD)  # sessions and permissions are cached from here on
    few = dashboard_queries(editor_client)
    for index, guide in enumerate(Guide.objects.all()[:20]):
        GuideView.objects.create(guide=guide, day=timezone.localdate(), count=index + 1)
    for number in range(60):
        searched(f"rien {number}", when=timezone.now() - datetime.timedelta(days=number % 29))
    assert dashboard_queries(editor_client) == few <= 12
