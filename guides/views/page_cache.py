"""Public pages rendered once and served from the shared cache to every anonymous visitor of
the same language, until anything they show changes; and the HTTP headers that let a reverse
proxy or a CDN keep them too.

Only GET and HEAD from visitors who are not signed in, have not voted (the vote block reads
their cookie) and have no message waiting. The key holds the language, the host and full
path, whether htmx asked, a stamp of the templates and compiled catalogues on disk (a deploy
starts afresh) and a version that guides.signals bumps whenever a guide, a step or a
catalogue row is saved or deleted, which covers publishing, scheduled publication coming due
and admin edits.

These pages hold no CSRF token (the vote form is protected by guides.views.cross_origin),
so the same bytes are right for everyone. They carry an ETag and a Last-Modified (the time
they were rendered, never earlier than the last change) and answer 304 to a client or a
proxy that already has them.

Each worker process also keeps the pages it served last in memory, under the same key: the
version is in the key, so an edit made on any server is seen on the next request (on Redis
the version itself is kept in the worker until Redis says it changed: ovhportal.redis_cache).
guides.views.known_pages answers those pages again before most of the middleware; what a view
does each time it serves one (count a view, log a search) is a hook (`on_served`) that both
paths run."""

import functools
import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from guides.editorial.feedback import VISITOR_COOKIE
from ovhportal.redis_cache import KEPT_PREFIX

# A stamp: read by every request (on Redis each worker keeps it in memory until it changes).
VERSION_KEY = KEPT_PREFIX + "page-cache-version"
KEPT_HEADERS = ("Content-Type", "Content-Language")
# A page's look varies with these: signed-in people and voters get their own page, htmx a part.
VARY = ("Cookie", "HX-Request")
# Changes when what is kept under a key changes shape (a new field of CachedPage).
PAGE_FORMAT = 2


@dataclass(frozen=True)
class CachedPage:
    content: bytes
    headers: tuple[tuple[str, str], ...]
    etag: str
    rendered_at: float
    notes: dict
    # Every header of this process's whole answer (guides.views.known_pages replays them).
    answer_headers: tuple[tuple[str, str], ...] | None = None


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


class PageMemory:
    """The pages this process served last, least recently served out first past `max_bytes`;
    a page is dropped when the shared cache drops it too, OVHPORTAL_PAGE_CACHE_SECONDS after
    it was rendered."""

    def __init__(self, *, max_bytes: int):
        self.max_bytes = max_bytes
        self._pages: OrderedDict[str, CachedPage] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> CachedPage | None:
        with self._lock:
            page = self._pages.get(key)
            if page is None:
                return None
            if page.rendered_at + settings.OVHPORTAL_PAGE_CACHE_SECONDS <= time.time():
                self._drop(key)
                return None
            self._pages.move_to_end(key)
            return page

    def put(self, key: str, page: CachedPage) -> None:
        if len(page.content) > self.max_bytes:
            return
        with self._lock:
            if key in self._pages:
                self._drop(key)
            self._pages[key] = page
            self._bytes += len(page.content)
            while self._bytes > self.max_bytes:
                self._drop(next(iter(self._pages)))

    def learn_answer(self, key: str, headers: tuple[tuple[str, str], ...]) -> None:
        """Keep beside the page the headers its whole answer had (see CachedPage)."""
        with self._lock:
            page = self._pages.get(key)
            if page is not None and page.answer_headers is None:
                self._pages[key] = replace(page, answer_headers=headers)

    def _drop(self, key: str) -> None:
        self._bytes -= len(self._pages.pop(key).content)


MEMORY = PageMemory(max_bytes=settings.OVHPORTAL_PAGE_MEMORY_BYTES)


def forget_pages() -> None:
    """Every cached page is stale from now on (what they show has changed)."""
    cache.set(VERSION_KEY, secrets.token_hex(8), None)


def cached_page(
    request,
    render_page: Callable[[], HttpResponse],
    *,
    max_age: int | None = None,
    variant: str = "",
) -> HttpResponse:
    """The page from the cache, else render_page(), kept. `max_age` is how long a proxy or a
    browser may keep it (settings.OVHPORTAL_HTTP_MAX_AGE by default; 0: ask each time).
    `variant` names what else than the address the page depends on (the wizard's guess of
    the visitor's mail client): one copy is kept for each.

    What a view needs to know about a page it serves from the cache (the guide it shows, the
    number of search results) it puts in `response.notes` when it renders it; the cached copy
    keeps them, and the response returned always has them."""
    response = _cached_or_rendered(request, render_page, max_age=max_age, variant=variant)
    after_serving(request, response.notes, language=get_language(), staff=None)
    return response


def _cached_or_rendered(request, render_page, *, max_age: int | None, variant: str):
    if not _cacheable(request):
        response = render_page()
        response.notes = getattr(response, "notes", {})
        patch_cache_control(response, private=True, no_cache=True)
        return response
    key = page_key(request, language=get_language(), variant=variant)
    page = MEMORY.get(key) or _shared_page(key)
    if page is None:
        response = render_page()
        if (
            response.status_code != 200
            or response.cookies
            or response.streaming
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # it holds this visitor's token
        ):
            response.notes = getattr(response, "notes", {})
            return response
        page = CachedPage(
            content=response.content,
            headers=tuple((name, response[name]) for name in KEPT_HEADERS if name in response),
            etag='"' + hashlib.blake2b(response.content, digest_size=12).hexdigest() + '"',
            rendered_at=time.time(),
            notes=getattr(response, "notes", {}),
        )
        cache.set(key, page, settings.OVHPORTAL_PAGE_CACHE_SECONDS)
        MEMORY.put(key, page)
    response = _answer(request, page, max_age=max_age)
    response.page_key = key
    return response


# What a view does each time it serves a page, cached or not (count a guide's view, log a
# search), by the name of the note its page carries: `hook(request, value, language=,
# staff=)`, where staff is None when the caller does not know it (a signed-in person).
_served_hooks: dict[str, Callable[..., None]] = {}


def on_served(note: str):
    """Register a view's hook for pages that carry `note` (see _served_hooks)."""

    def register(hook):
        _served_hooks[note] = hook
        return hook

    return register


def after_serving(request, notes: dict, *, language: str, staff: bool | None) -> None:
    for note, value in notes.items():
        if hook := _served_hooks.get(note):
            hook(request, value, language=language, staff=staff)


def _shared_page(key: str) -> CachedPage | None:
    """The page another process or server rendered, kept in this one's memory from now on."""
    page = cache.get(key)
    if page is not None:
        MEMORY.put(key, page)
    return page


def _answer(request, page: CachedPage, *, max_age: int | None) -> HttpResponse:
    response = get_conditional_response(
        request, etag=page.etag, last_modified=int(page.rendered_at)
    ) or HttpResponse(page.content)
    if response.status_code == 200:
        for name, value in page.headers:
            response[name] = value
    response["ETag"] = page.etag
    response["Last-Modified"] = http_date(page.rendered_at)
    response["Cache-Control"] = _cache_control(
        settings.OVHPORTAL_HTTP_MAX_AGE if max_age is None else max_age,
        stale=settings.OVHPORTAL_HTTP_STALE_SECONDS,
    )
    response["Vary"] = ", ".join(VARY)
    response.notes = page.notes
    return response


@functools.cache
def _cache_control(max_age: int, *, stale: int) -> str:
    """What a shared page says to proxies and browsers (0: ask the portal each time)."""
    if max_age:
        return f"public, max-age={max_age}, stale-while-revalidate={stale}"
    return "public, no-cache"


def _cacheable(request) -> bool:
    return (
        settings.OVHPORTAL_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        # No session cookie, nobody signed in: the session is not even looked at.
        and (
            settings.SESSION_COOKIE_NAME not in request.COOKIES or not request.user.is_authenticated
        )
        and VISITOR_COOKIE not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def remember_version(request, version: str | None) -> None:
    """The version the caller read from the cache for this request (None: not there)."""
    request.page_cache_version = version


_derived: dict[str, tuple[str, Any]] = {}


def derived_value(request, name: str, compute: Callable[[], Any]) -> Any:
    """A value computed from what the pages show, kept in this process until the page
    cache's version changes: what a view needs before it can look for its page."""
    version = _version(request)
    kept = _derived.get(name)
    if kept is None or kept[0] != version:
        kept = _derived[name] = (version, compute())
    return kept[1]


def _version(request) -> str:
    version = getattr(request, "page_cache_version", None) or cache.get(VERSION_KEY)
    if version is None:
        version = secrets.token_hex(8)
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    request.page_cache_version = version
    return version


def page_key(request, *, language: str, variant: str = "") -> str:
    """The page's key: what the cached copy depends on besides the address (see the module)."""
    htmx = request.META.get("HTTP_HX_REQUEST") == "true"
    parts = [
        PAGE_FORMAT,
        _version(request),
        FILES_STAMP,
        language,
        request.get_host(),
        request.get_full_path(),
        htmx,
        htmx and request.META.get("HTTP_HX_HISTORY_RESTORE_REQUEST") == "true",  # a whole page
        variant,
    ]
    return "page:" + hashlib.sha256(repr(parts).encode()).hexdigest()
