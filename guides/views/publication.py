"""Scheduled publication without cron: the views that read published guides put due
revisions online first (guides.editorial.workflow.publish_due). When nothing is due that
costs one read of the shared cache, the same read that fetches the page cache's version."""

from functools import wraps

from django.core.cache import cache

from guides.editorial.workflow import NEXT_DUE_KEY, publish_due
from guides.views import page_cache


def read_stamps(request) -> dict:
    """The next publication and the page cache's version, read once a request."""
    if not hasattr(request, "publication_stamps"):
        request.publication_stamps = cache.get_many([NEXT_DUE_KEY, page_cache.VERSION_KEY])
        page_cache.remember_version(request, request.publication_stamps.get(page_cache.VERSION_KEY))
    return request.publication_stamps


def published_what_was_due(request) -> bool:
    """Put due revisions online, once a request; whether any went (what the pages show, and
    so the page cache's version, changed: it is read again)."""
    if not hasattr(request, "published_due"):
        request.published_due = bool(publish_due(stamps=read_stamps(request)))
        if request.published_due:
            page_cache.remember_version(request, None)
    return request.published_due


def reads_published_guides(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        published_what_was_due(request)
        return view(request, *args, **kwargs)

    return wrapper
