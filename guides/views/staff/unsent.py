"""Text the editor could not take: the session had expired (the POST found nobody signed in) or
the form's CSRF token no longer matched (signed out, or signed in again in another tab). The
posted fields are kept in the session, whose data survives signing in, and the editor's next
GET of the same address shows them back, unsaved, with the revision they were written from (a
save made since then by someone else comes back as a merge).

Only what the portal's own editor page sent is kept: a request another site's page sent
(`cross_origin`) is refused as before, and nothing of it is stored or shown.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import QueryDict
from django.utils import timezone
from django_htmx.http import HttpResponseClientRedirect

from guides.views.cross_origin import is_cross_origin

SESSION_KEY = "staff:unsent"
EDITOR_VIEWS = ("guides:staff_guide_edit", "guides:staff_guide_new")
NOT_KEPT = ("csrfmiddlewaretoken", "action")


def can_keep(request) -> bool:
    """Whether `request` is a POST of the guide editor sent from the portal's own page."""
    match = request.resolver_match
    return (
        request.method == "POST"
        and match is not None
        and match.view_name in EDITOR_VIEWS
        and not is_cross_origin(request)
    )


def keep(request) -> None:
    request.session[SESSION_KEY] = {
        "path": request.get_full_path(),
        "at": timezone.now().isoformat(),
        "data": {name: values for name, values in request.POST.lists() if name not in NOT_KEPT},
    }


def kept(request) -> dict | None:
    """What is kept for this address: its fields, and when they were sent."""
    stored = request.session.get(SESSION_KEY)
    if not stored or stored.get("path") != request.get_full_path():
        return None
    return stored


def take(request) -> QueryDict | None:
    """The fields kept for this address, as posted data, forgotten from the session."""
    stored = kept(request)
    if stored is None:
        return None
    del request.session[SESSION_KEY]
    data = QueryDict(mutable=True)
    for name, values in stored["data"].items():
        data.setlist(name, values)
    return data


def keeps_text_when_signed_out(view):
    """Before `staff_required`: an editor POST that finds nobody signed in keeps its fields and
    sends to the sign-in page, which comes back to the editor (htmx: the whole page goes)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and not request.user.is_authenticated:
            keep(request)
            login = redirect_to_login(request.get_full_path())
            return HttpResponseClientRedirect(login.url) if request.htmx else login
        return view(request, *args, **kwargs)

    return wrapped
