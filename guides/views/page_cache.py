"""Public pages rendered once and served from the shared cache to every anonymous visitor of
the same language, until anything they show changes.

Only GET and HEAD from visitors who are not signed in, have not voted (the vote block reads
their cookie) and have no message waiting. The key holds the language, the full path, whether
htmx asked, a stamp of the templates and compiled catalogues on disk (a deploy starts afresh)
and a version that guides.signals bumps whenever a guide, a step or a catalogue row is saved
or deleted, which covers publishing, scheduled publication coming due and admin edits.

A page holds a CSRF token (the vote form, htmx's header). It is stored with a mark in its
place, and each visitor gets their own token put back, so no token is ever handed to someone
else and every form keeps working."""

import hashlib
import re
import secrets
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from guides.editorial.feedback import VISITOR_COOKIE

VERSION_KEY = "page-cache:version"
TOKEN_MARK = "__ovhportal_csrf_token__"  # noqa: S105 (a placeholder, not a secret)
TOKEN = re.compile(
    r'name="csrfmiddlewaretoken" value="(?P<form>[A-Za-z0-9]{32,64})"'
    r'|"X-CSRFToken": "(?P<header>[A-Za-z0-9]{32,64})"'
)
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary")


def _files_stamp() -> str:
    """Changes when a template or a compiled catalogue on disk changes (a new release)."""
    files = [
        path
        for folder in (settings.BASE_DIR / "templates", settings.BASE_DIR / "locale")
        for path in Path(folder).rglob("*")
        if path.suffix in (".html", ".mo")
    ]
    marks = sorted(f"{path}:{path.stat().st_mtime_ns}" for path in files)
    return hashlib.sha256("\n".join(marks).encode()).hexdigest()[:16]


FILES_STAMP = _files_stamp()


def forget_pages() -> None:
    """Every cached page is stale from now on (what they show has changed)."""
    cache.set(VERSION_KEY, secrets.token_hex(8), None)


def cached_page(request, render_page: Callable[[], HttpResponse]) -> HttpResponse:
    """The page from the cache, with this visitor's CSRF token; else render_page(), kept."""
    if not _cacheable(request):
        return render_page()
    key = _key(request)
    stored = cache.get(key)
    if stored is not None:
        content, headers = stored
        response = HttpResponse(content.replace(TOKEN_MARK, get_token(request)))
        for name, value in headers:
            response[name] = value
        return response
    response = render_page()
    if response.status_code == 200 and not response.cookies and not response.streaming:
        content = response.content.decode(response.charset)
        for match in TOKEN.finditer(content):
            content = content.replace(match["form"] or match["header"], TOKEN_MARK)
        headers = [(name, response[name]) for name in KEPT_HEADERS if name in response]
        cache.set(key, (content, headers), settings.OVHPORTAL_PAGE_CACHE_SECONDS)
    return response


def _cacheable(request) -> bool:
    return (
        settings.OVHPORTAL_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and VISITOR_COOKIE not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _key(request) -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = secrets.token_hex(8)
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    parts = [version, FILES_STAMP, get_language(), request.get_full_path(), bool(request.htmx)]
    return "page:" + hashlib.sha256(repr(parts).encode()).hexdigest()
