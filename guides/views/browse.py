"""Public pages: home, guides, client and FAQ indexes, search."""

from functools import partial

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from guides.content import listing
from guides.content.placeholders import catalogue_values
from guides.content.search.log import log_search
from guides.content.search.query import clean_query
from guides.content.search.suggest import search_or_suggest, vocabulary
from guides.content.widgets import widget_context
from guides.context_processors import language_links
from guides.editorial.feedback import counts_as_view, record_view
from guides.editorial.permissions import is_support_staff
from guides.editorial.retirement import Gone, withdrawn_by_key, withdrawn_page
from guides.editorial.workflow import redirect_target
from guides.messages.reply_table import search_entries
from guides.messages.tables import reply_entries
from guides.models import CategoryKind, Guide, Widget
from guides.views import rate_limit
from guides.views.page_cache import cached_page, derived_value, on_served
from guides.views.publication import reads_published_guides

SEARCH_MAX_LENGTH = 200


@require_safe
@reads_published_guides
def home(request):
    language = get_language()
    return cached_page(
        request,
        lambda: render(
            request,
            "guides/content/home.html",
            {
                "platform_groups": listing.client_guides_by_platform(language=language),
                "questions": listing.guides_of_kind(
                    kind=CategoryKind.FAQ, language=language, limit=8
                ),
                "essentials": listing.guides_of_kind(
                    kind=CategoryKind.REFERENCE, language=language
                ),
            },
        ),
    )


@require_safe
@reads_published_guides
def guide_detail(request, slug):
    return cached_page(request, lambda: _guide_page(request, slug))


@on_served("guide_id")
def _count_view(request, guide_id: int, *, language: str, staff: bool | None) -> None:
    """A reader's view of the guide, whether the page came from the cache or not."""
    if staff is None:
        staff = is_support_staff(request.user)
    if request.method == "GET" and counts_as_view(
        guide_pk=guide_id,
        user_agent=request.headers.get("User-Agent", ""),
        address=rate_limit.client_address(request),
        staff=staff,
    ):
        record_view(guide_id=guide_id)


def _guide_page(request, slug):
    language = get_language()
    try:
        guide = listing.published_guide(slug=slug, language=language)
    except Guide.DoesNotExist:
        if moved_to := redirect_target(slug=slug, language=language):
            return redirect(moved_to, permanent=True)
        return _withdrawn(request, withdrawn_page(slug=slug, language=language))
    widget = Widget(guide.widget)
    response = render(
        request,
        "guides/content/guide.html",
        {
            "guide": guide,
            "values": catalogue_values(language=language),
            "languages": language_links(
                path=request.path, alternates=listing.translations_of(guide)
            ),
            "widget": widget,
            "widget_html": _widget_html(request, widget=widget, language=language),
        },
    )
    response.notes = {"guide_id": guide.pk}
    return response


def _widget_html(request, *, widget: Widget, language: str) -> str:
    """The catalogue table a guide shows, rendered once per language until the catalogue
    changes: the guides that show it share it, and a page that misses the cache is cheaper."""
    if not widget:
        return ""
    return derived_value(
        request,
        f"widget:{widget}:{language}",
        lambda: render_to_string(
            widget.template_name, widget_context(widget=widget, language=language), request
        ),
    )


@require_safe
@reads_published_guides
def guide_by_key(request, key):
    language = get_language()
    guide = Guide.objects.published().in_language(language).filter(key=key).first()
    if guide is None:
        return _withdrawn(request, withdrawn_by_key(key=key, language=language))
    return redirect(guide)


def _withdrawn(request, gone: Gone | None):
    """A retired guide's address leads to its replacement, or says it is gone for good (410);
    an address no guide ever had is a 404."""
    if gone is None:
        raise Http404
    if gone.redirect_to:
        return redirect(gone.redirect_to, permanent=True)
    return render(request, "guides/content/gone.html", {"guide": gone.guide}, status=410)


@require_safe
@reads_published_guides
def client_index(request):
    language = get_language()
    return cached_page(
        request,
        lambda: render(
            request,
            "guides/content/clients.html",
            {"platform_groups": listing.client_guides_by_platform(language=language)},
        ),
    )


@require_safe
@reads_published_guides
def faq_index(request):
    language = get_language()
    return cached_page(
        request,
        lambda: render(
            request,
            "guides/content/faq.html",
            {"questions": listing.guides_of_kind(kind=CategoryKind.FAQ, language=language)},
        ),
    )


@require_safe
@reads_published_guides
def search(request):
    """A repeated query is served from the page cache; every query is still logged (up to
    each client's rate), and proxies are told to ask each time so none goes unlogged."""
    language = get_language()
    query = clean_query(request.GET.get("q", ""), max_length=SEARCH_MAX_LENGTH)
    return cached_page(request, lambda: _search_page(request, query, language), max_age=0)


@on_served("results")
def _log_search(request, results: int, *, language: str, staff: bool | None) -> None:
    query = clean_query(request.GET.get("q", ""), max_length=SEARCH_MAX_LENGTH)
    if query and _may_log(request):
        log_search(query=query, language=language, results=results)


def _search_page(request, query: str, language: str):
    answer = (
        search_or_suggest(
            query=query,
            language=language,
            words=partial(
                derived_value,
                request,
                f"search-vocabulary:{language}",
                partial(vocabulary, language=language),
            ),
        )
        if query
        else None
    )
    hits = answer.hits if answer else []
    context = {
        "query": query,
        "hits": hits,
        "corrected": answer and answer.corrected,
        "suggested": answer and answer.suggested,
        "replies": known_replies_for(query, language),
    }
    if not hits:
        context["suggestions"] = listing.most_read_guides(language=language)
    template = (
        "guides/content/search.html#results" if request.htmx else "guides/content/search.html"
    )
    response = render(request, template, context)
    response.notes = {"results": len(hits)}
    return response


def known_replies_for(query: str, language: str) -> list:
    """The reply table's entries when the search is an error ("553", "5.7.1", "over quota"),
    shown before the guides with a link to the message doctor."""
    if not query or not (any(character.isdigit() for character in query) or len(query) >= 6):
        return []
    return search_entries(query, reply_entries(language=language))


def _may_log(request) -> bool:
    """Log a client's searches up to a rate, so nobody can flood the staff's search log."""
    return rate_limit.hit(
        scope="search-log",
        client=rate_limit.client_address(request),
        limit=settings.OVHPORTAL_SEARCH_LOG_RATE,
    ).allowed
