"""The staff area's lists: dashboard (and its CSV export), guides, scheduled publications,
submissions, reviews due, translations, audit."""

import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from guides.editorial import analytics, feedback, review, scheduling, staff_lists
from guides.editorial.permissions import Capability, staff_required
from guides.forms.staff import BulkForm, ReviewedForm
from guides.models import AuditLog
from guides.views.staff.actions import int_or

DASHBOARD_PERIODS = (7, 30, 90, 365)
FAILED_SEARCHES_SHOWN = 20
AUDIT_PAGE_SIZE = 50


def _period(request) -> int:
    """The dashboard's period in days, from `?days=` (30 unless one of DASHBOARD_PERIODS)."""
    days = int_or(request.GET.get("days"), default=30)
    return days if days in DASHBOARD_PERIODS else 30


@require_GET
@staff_required(Capability.WRITE)
def dashboard(request):
    days = _period(request)
    today = timezone.localdate()
    sort = analytics.SearchSort.parse(request.GET.get("sort"))
    feedback.flush_recent_views()  # the views still counted in the cache count too
    return render(
        request,
        "staff/dashboard.html",
        {
            "days": days,
            "periods": DASHBOARD_PERIODS,
            "failed_searches": analytics.failed_searches(
                since=timezone.now() - datetime.timedelta(days=days), sort=sort
            )[:FAILED_SEARCHES_SHOWN],
            "failed_searches_shown": FAILED_SEARCHES_SHOWN,
            "sort": sort,
            "trends": analytics.trends(until=today),
            "feedback": staff_lists.guide_feedback(since=today - datetime.timedelta(days=days - 1)),
            "comments": staff_lists.latest_comments(),
            "awaiting": review.awaiting(user=request.user),
            "scheduled": scheduling.scheduled_publications(),
        },
    )


@require_GET
@staff_required(Capability.WRITE)
def failed_searches_csv(request):
    """Every failed search of the dashboard's period, in its order, as a streamed CSV file."""
    days = _period(request)
    searches = analytics.failed_searches(
        since=timezone.now() - datetime.timedelta(days=days),
        sort=analytics.SearchSort.parse(request.GET.get("sort")),
    )
    response = StreamingHttpResponse(
        analytics.failed_searches_csv(searches.iterator()), content_type="text/csv; charset=utf-8"
    )
    filename = _("recherches-sans-resultat-%(days)s-jours-%(date)s.csv") % {
        "days": days,
        "date": timezone.localdate().isoformat(),
    }
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@staff_required(Capability.WRITE)
def scheduled(request):
    return render(
        request,
        "staff/scheduled.html",
        {"publications": scheduling.scheduled_publications()},
    )


@require_GET
@staff_required(Capability.WRITE)
def guide_list(request):
    language = request.GET.get("language", "")
    language = language if language in dict(settings.LANGUAGES) else ""
    query = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    status = staff_lists.StatusFilter(status) if status in staff_lists.StatusFilter.values else None
    guides = staff_lists.filtered_guides(
        status=status, today=timezone.localdate(), language=language, query=query
    )
    return render(
        request,
        "staff/guides.html",
        {
            "guides": guides,
            "language": language,
            "query": query,
            "status": status,
            "statuses": staff_lists.StatusFilter,
            "bulk_form": BulkForm(),
        },
    )


@require_GET
@staff_required(Capability.WRITE)
def submissions(request):
    return render(request, "staff/submissions.html", {"proposals": review.proposals()})


@require_GET
@staff_required(Capability.WRITE)
def review_due(request):
    overdue, upcoming = staff_lists.guides_to_review(today=timezone.localdate())
    return render(
        request,
        "staff/review_due.html",
        {"overdue": overdue, "upcoming": upcoming, "reviewed_form": ReviewedForm()},
    )


@require_GET
@staff_required(Capability.WRITE)
def translations(request):
    rows = staff_lists.translation_overview()
    if request.GET.get("todo"):
        rows = [row for row in rows if row.needs_work]
    return render(
        request, "staff/translations.html", {"rows": rows, "todo": bool(request.GET.get("todo"))}
    )


@require_GET
@staff_required(Capability.AUDIT)
def audit_log(request):
    entries = AuditLog.objects.select_related("content_type")
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "staff/audit.html", {"page": page})
