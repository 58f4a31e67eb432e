"""Error pages in the portal's own style; the 500 page needs no database and no context."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template.loader import get_template

from guides.views.staff import unsent


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return HttpResponseServerError(get_template("500.html").render())


def csrf_failure(request, reason=""):
    """A form refused for its CSRF token (Django's CSRF_FAILURE_VIEW): the session expired, or
    the person signed in again in another tab. What the guide editor sent is kept, and the page
    leads back to it (through the sign-in page if need be)."""
    keeping = unsent.can_keep(request)
    if keeping:
        unsent.keep(request)
    context = {"kept": unsent.kept(request) if keeping else None, "path": request.get_full_path()}
    return render(request, "403_csrf.html", context, status=403)
