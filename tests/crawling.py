"""Walk the public site from the home pages by its links, as a customer would."""

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from html import unescape
from urllib.parse import urljoin, urlsplit

LINK = re.compile(r"<a\b[^>]*?\bhref=\"([^\"]*)\"", re.IGNORECASE)
HIDDEN = re.compile(r"<(head|script|style|template)\b.*?</\1>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")
BREAK_POINT = re.compile(r"<wbr\s*/?>", re.IGNORECASE)  # shows nothing: no space either
LANGUAGE_PREFIXES = ("/fr/", "/en/")
NOT_CONTENT = ("/accounts/", "/admin/")


@dataclass(frozen=True)
class Page:
    url: str
    html: str

    @property
    def language(self) -> str:
        return self.url[1:3]

    @cached_property
    def text(self) -> str:
        """The visible text, one space between words."""
        visible = TAG.sub(" ", BREAK_POINT.sub("", HIDDEN.sub(" ", self.html)))
        return " ".join(unescape(visible).split())


def site_links(html: str, *, base: str) -> list[str]:
    """The links of a page to other pages of the site in a language, without query or fragment."""
    links = []
    for href in LINK.findall(html):
        parts = urlsplit(urljoin(base, unescape(href)))
        if parts.scheme or parts.netloc or parts.query:
            continue
        if parts.path.startswith(LANGUAGE_PREFIXES) and not any(
            part in parts.path for part in NOT_CONTENT
        ):
            links.append(parts.path)
    return links


def crawl(client, *, start: tuple[str, ...] = LANGUAGE_PREFIXES, limit: int = 400) -> list[Page]:
    """Every HTML page reachable from `start` by links, answering 200, in the order found."""
    pages: dict[str, Page] = {}
    queue, queued = list(start), set(start)
    while queue and len(pages) < limit:
        url = queue.pop(0)
        response = client.get(url, follow=True)
        final = response.request["PATH_INFO"]
        if (
            response.status_code != 200
            or not response["Content-Type"].startswith("text/html")
            or final in pages
        ):
            continue
        html = response.content.decode()
        pages[final] = Page(url=final, html=html)
        for link in site_links(html, base=final):
            if link not in queued:
                queued.add(link)
                queue.append(link)
    return list(pages.values())


@contextlib.contextmanager
def unrecorded(django_db_blocker) -> Iterator[None]:
    """Database access for a fixture wider than one test, its writes (search logs, view
    counts) rolled back so they never reach other tests."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
