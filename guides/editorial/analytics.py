"""What the dashboard measures beyond each guide's views: the searches that found nothing
(sorted by any column, exported as CSV) and the trend of views and searches day by day, drawn
as small bar charts the portal renders itself (inline SVG, no script).

Views here are the readers' views of guides.editorial.feedback: no staff, robots or reloads.
"""

import csv
import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import models
from django.db.models import Count, Max, Q, QuerySet, Sum
from django.db.models.functions import Lower, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guides.models import GuideView, SearchLog

TREND_DAYS = 30
# A spreadsheet runs a cell that starts with one of these as a formula; what customers typed
# must stay text (OWASP's CSV injection advice: prefix it with an apostrophe).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class SearchColumn(models.TextChoices):
    """The failed searches' sortable columns; the value is what `?sort=` carries."""

    QUERY = "query", _("Recherche")
    COUNT = "count", _("Fois")
    LAST = "last", _("Dernière fois")

    @property
    def field(self) -> str:
        return {"query": "text", "count": "times", "last": "last"}[self.value]

    @property
    def descends_first(self) -> bool:
        """Counts and dates read best largest or latest first; text, A to Z."""
        return self is not SearchColumn.QUERY


@dataclass(frozen=True)
class SearchSort:
    """An order of the failed searches: a column and a direction, written `count` (ascending)
    or `-count` (descending) in the address."""

    column: SearchColumn
    descending: bool

    @classmethod
    def parse(cls, value: str | None) -> "SearchSort":
        """The order an address asks for; the most frequent first when it asks for none or
        for something unknown."""
        name = (value or "").removeprefix("-")
        if name not in SearchColumn.values:
            return DEFAULT_SORT
        return cls(SearchColumn(name), descending=(value or "").startswith("-"))

    @property
    def param(self) -> str:
        return f"{'-' if self.descending else ''}{self.column.value}"

    @property
    def order_by(self) -> list[str]:
        """The column asked for, then the most frequent, the latest and A to Z to settle ties."""
        first = f"{'-' if self.descending else ''}{self.column.field}"
        ties = [
            field for field in ("-times", "-last", "text") if field.lstrip("-") != first.lstrip("-")
        ]
        return [first, *ties]

    def headers(self) -> list["SortHeader"]:
        """Each sortable column's header: where its link leads (the other direction when it is
        the current order, else the column's natural one) and its `aria-sort`."""
        result = []
        for column in SearchColumn:
            current = column is self.column
            descending = not self.descending if current else column.descends_first
            aria_sort = ("descending" if self.descending else "ascending") if current else ""
            result.append(
                SortHeader(column, SearchSort(column, descending=descending).param, aria_sort)
            )
        return result


DEFAULT_SORT = SearchSort(SearchColumn.COUNT, descending=True)


@dataclass(frozen=True)
class SortHeader:
    column: SearchColumn
    param: str  # the `?sort=` value its link sets
    aria_sort: str  # "ascending", "descending", or "" when the table is not sorted by it


def failed_searches(*, since: datetime.datetime, sort: SearchSort = DEFAULT_SORT) -> QuerySet:
    """Searches that found nothing since `since`, grouped regardless of case and per language:
    dicts of `text`, `language`, `times` and `last` (the latest time), in the order asked."""
    return (
        SearchLog.objects.filter(results=0, created__gte=since)
        .annotate(text=Lower("query"))
        .values("text", "language")
        .annotate(times=Count("pk"), last=Max("created"))
        .order_by(*sort.order_by)
    )


def spreadsheet_text(value: str) -> str:
    """`value` as a cell a spreadsheet shows as text, never runs as a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


class _Line:
    """What csv.writer writes to: it hands each line back instead of storing it."""

    def write(self, line: str) -> str:
        return line


def failed_searches_csv(searches: Iterable[dict]) -> Iterator[str]:
    """The failed searches as CSV lines (a header, then one line a search), one at a time so
    the export streams; the first line opens with a byte-order mark, which spreadsheets need to
    read UTF-8 as such. The times are ISO 8601, in the portal's time zone."""
    writer = csv.writer(_Line())
    header = [
        SearchColumn.QUERY.label,
        _("Langue"),
        SearchColumn.COUNT.label,
        SearchColumn.LAST.label,
    ]
    yield "\ufeff" + writer.writerow([str(name) for name in header])
    for search in searches:
        yield writer.writerow(
            [
                spreadsheet_text(search["text"]),
                search["language"],
                search["times"],
                timezone.localtime(search["last"]).isoformat(timespec="seconds"),
            ]
        )


@dataclass(frozen=True)
class DayActivity:
    day: datetime.date
    views: int
    searches: int
    failed: int  # of those searches, how many found nothing


def daily_activity(*, until: datetime.date, days: int = TREND_DAYS) -> list[DayActivity]:
    """The readers' views and the searches of each of the `days` days up to `until`, days
    without any included, oldest first: two queries whatever the number of days."""
    since = until - datetime.timedelta(days=days - 1)
    views = dict(
        GuideView.objects.filter(day__range=(since, until))
        .values("day")
        .annotate(total=Sum("count"))
        .values_list("day", "total")
    )
    searches = {
        row["day"]: row
        for row in SearchLog.objects.filter(created__date__range=(since, until))
        .annotate(day=TruncDate("created"))
        .values("day")
        .annotate(total=Count("pk"), failed=Count("pk", filter=Q(results=0)))
    }
    result = []
    for offset in range(days):
        day = since + datetime.timedelta(days=offset)
        searched = searches.get(day, {"total": 0, "failed": 0})
        result.append(DayActivity(day, views.get(day, 0), searched["total"], searched["failed"]))
    return result


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: datetime.date
    value: int


@dataclass(frozen=True)
class BarChart:
    """A bar a day in a `width` × `height` box (SVG user units, y downwards), scaled to `top`."""

    bars: list[Bar]
    top: int
    total: int
    width: int
    height: int

    @property
    def first_day(self) -> datetime.date:
        return self.bars[0].day

    @property
    def last_day(self) -> datetime.date:
        return self.bars[-1].day


def scale_top(largest: int) -> int:
    """The top of the scale: the first of 1, 2, 5, 10, 20, 50… that `largest` does not pass."""
    top = 1
    while True:
        for step in (1, 2, 5):
            if step * top >= largest:
                return step * top
        top *= 10


def bar_chart(
    values: list[tuple[datetime.date, int]], *, width: int = 300, height: int = 80, gap: float = 2
) -> BarChart:
    """Bars for `(day, value)` pairs, oldest first. A value above zero keeps at least one unit
    of height, so a quiet day still shows against an empty one."""
    top = scale_top(max((value for _day, value in values), default=0))
    bar_width = (width - gap * (len(values) - 1)) / len(values)
    bars = []
    for index, (day, value) in enumerate(values):
        bar_height = max(value / top * height, 1.0) if value else 0.0
        bars.append(
            Bar(
                x=round(index * (bar_width + gap), 2),
                y=round(height - bar_height, 2),
                width=round(bar_width, 2),
                height=round(bar_height, 2),
                day=day,
                value=value,
            )
        )
    return BarChart(
        bars=bars, top=top, total=sum(value for _day, value in values), width=width, height=height
    )


@dataclass(frozen=True)
class Trends:
    days: list[DayActivity]
    views: BarChart
    searches: BarChart


def trends(*, until: datetime.date, days: int = TREND_DAYS) -> Trends:
    """The dashboard's two charts (views, searches) and the table behind them."""
    activity = daily_activity(until=until, days=days)
    return Trends(
        days=activity,
        views=bar_chart([(each.day, each.views) for each in activity]),
        searches=bar_chart([(each.day, each.searches) for each in activity]),
    )
