"""Public pages: home, guides, client and FAQ indexes, search."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from guides import catalogue_listing
from guides.context_processors import language_links
from guides.editorial import redirect_target
from guides.feedback import record_view
from guides.models import CategoryKind, Guide, Widget
from guides.placeholders import catalogue_values
from guides.search import clean_query, search_guides
from guides.search_log import log_search
from guides.widgets import widget_context

SEARCH_MAX_LENGTH = 200


@require_safe
def home(request):
    language = get_language()
    return render(
        request,
        "guides/home.html",
        {
            "platform_groups": catalogue_listing.client_guides_by_platform(language=language),
            "questions": catalogue_listing.guides_of_kind(
                kind=CategoryKind.FAQ, language=language, limit=8
            ),
            "essentials": catalogue_listing.guides_of_kind(
                kind=CategoryKind.REFERENCE, language=language
            ),
        },
    )


@require_safe
def guide_detail(request, slug):
    language = get_language()
    try:
        guide = catalogue_listing.published_guide(slug=slug, language=language)
    except Guide.DoesNotExist:
        if moved_to := redirect_target(slug=slug, language=language):
            return redirect(moved_to, permanent=True)
        raise Http404 from None
    if request.method == "GET":
        record_view(guide=guide)
    widget = Widget(guide.widget)
    return render(
        request,
        "guides/guide.html",
        {
            "guide": guide,
            "values": catalogue_values(language=language),
            "languages": language_links(
                path=request.path, alternates=catalogue_listing.translations_of(guide)
            ),
            "widget": widget,
            **widget_context(widget=widget, language=language),
        },
    )


@require_safe
def guide_by_key(request, key):
    guide = get_object_or_404(Guide.objects.published().in_language(get_language()), key=key)
    return redirect(guide)


@require_safe
def client_index(request):
    return render(
        request,
        "guides/clients.html",
        {"platform_groups": catalogue_listing.client_guides_by_platform(language=get_language())},
    )


@require_safe
def faq_index(request):
    return render(
        request,
        "guides/faq.html",
        {
            "questions": catalogue_listing.guides_of_kind(
                kind=CategoryKind.FAQ, language=get_language()
            )
        },
    )


@require_safe
@vary_on_headers("HX-Request")
def search(request):
    language = get_language()
    query = clean_query(request.GET.get("q", ""), max_length=SEARCH_MAX_LENGTH)
    hits = search_guides(query=query, language=language) if query else []
    if query:
        log_search(query=query, language=language, results=len(hits))
    context = {"query": query, "hits": hits}
    if not hits:
        context["suggestions"] = catalogue_listing.most_read_guides(language=language)
    template = "guides/search.html#results" if request.htmx else "guides/search.html"
    return render(request, template, context)
