"""Scheduled publication without cron: the views that read published guides put due
revisions online first (guides.editorial.workflow.publish_due). When nothing is due that
costs one read of the shared cache, the same read that fetches the page cache's version."""

from functools import wraps

from django.core.cache import cache

from guides.editorial.workflow import NEXT_DUE_KEY, publish_due
from guides.views import page_cache


def reads_published_guides(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        stamps = cache.get_many([NEXT_DUE_KEY, page_cache.VERSION_KEY])
        if not publish_due(stamps=stamps):
            page_cache.remember_version(request, stamps.get(page_cache.VERSION_KEY))
        return view(request, *args, **kwargs)

    return wrapper
