"""Forms on pages every anonymous visitor shares (and a CDN may cache) cannot hold a
per-visitor CSRF token. Their POST views are protected by what browsers say about where a
request comes from instead: `Sec-Fetch-Site`, else `Origin` (the check Go's
CrossOriginProtection and Filippo Valsorda's "CSRF" note describe). A request that says
neither comes from no browser, or one too old to be led by another site's page."""

from functools import wraps
from urllib.parse import urlsplit

from django.http import HttpResponseForbidden
from django.template.loader import render_to_string
from django.views.decorators.csrf import csrf_exempt

SAFE_FETCH_SITES = {"same-origin", "none"}


def is_cross_origin(request) -> bool:
    """Whether a browser says this request was sent by another site's page."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site not in SAFE_FETCH_SITES
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    if origin == "null":
        return True
    return urlsplit(origin).netloc.lower() != request.get_host().lower()


def refuse_cross_origin(view):
    """Exempt from the CSRF token, refusing what another site's page sent (403)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD", "OPTIONS") and is_cross_origin(request):
            return HttpResponseForbidden(render_to_string("403_cross_origin.html", request=request))
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapper)
