"""Scheduled publication without cron: the views that read published guides put due
revisions online first (guides.editorial.workflow.publish_due; one cache read when nothing
is due)."""

from functools import wraps

from guides.editorial.workflow import publish_due


def reads_published_guides(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        publish_due()
        return view(request, *args, **kwargs)

    return wrapper
