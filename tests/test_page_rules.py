"""Rules every public page keeps: a light guide page, a Content-Security-Policy without
'unsafe-inline' and nothing inline for it to allow, and nothing fetched from another host."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from whitenoise.compress import Compressor

from guides.models import Guide, OfferGeneration
from tests.crawling import crawl, unrecorded

# Database tests run before the transactional ones, which empty the database.
pytestmark = pytest.mark.django_db

WEIGHT_BUDGET = 100 * 1024
ASSET = re.compile(r'<(?:link|script|img)\b[^>]*?\b(?:href|src)="([^"]+)"', re.IGNORECASE)
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[a-z][^>]*>", re.IGNORECASE)
INLINE_ATTRIBUTE = re.compile(r"\s(style|on[a-z]+)\s*=", re.IGNORECASE)
LINK = re.compile(r'<a\b[^>]*?\bhref="(https?://[^"]+)"', re.IGNORECASE)
EXTRA_PAGES = [
    "/fr/search/?q=mot+de+passe",
    "/en/search/?q=password",
    "/fr/search/?q=zzzqqq",
    "/fr/guides/n-existe-pas/",
    "/fr/accounts/login/",
]


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    """Every page reachable from the home pages, and a few more (results, 404, login), with
    their responses."""
    client = Client()
    with unrecorded(django_db_blocker):
        found = {page.url: page.html for page in crawl(client)}
        responses = {url: client.get(url) for url in [*found, *EXTRA_PAGES]}
    return responses


def transferred_size(url: str) -> int:
    """Bytes a browser downloads for a static file: whitenoise's gzip version when whitenoise
    makes one (brotli would be smaller still)."""
    path = finders.find(urlsplit(url).path.removeprefix("/static/"))
    assert path, f"{url} is not a static file of the portal"
    with open(path, "rb") as file:
        data = file.read()
    compressor = Compressor(quiet=True)
    if compressor.should_compress(path):
        compressed = compressor.compress_gzip(data)
        if compressor.is_compressed_effectively("Gzip", path, len(data), compressed):
            return len(compressed)
    return len(data)


def static_assets(html: str) -> set[str]:
    return {url for url in ASSET.findall(html) if urlsplit(url).path.startswith("/static/")}


def test_every_guide_page_weighs_under_100_kb_with_its_assets(pages):
    guide_urls = {guide.get_absolute_url() for guide in Guide.objects.published()}
    assert guide_urls <= set(pages)
    for url in guide_urls:
        html = pages[url].content
        assets = static_assets(html.decode())
        assert any(asset.endswith(".css") for asset in assets)
        total = len(html) + sum(transferred_size(asset) for asset in assets)
        assert total < WEIGHT_BUDGET, f"{url} weighs {total} bytes"


def test_html_is_not_sent_gzipped_by_the_portal_so_its_raw_size_counts(pages):
    assert all("Content-Encoding" not in response for response in pages.values())


def test_pages_send_a_csp_without_unsafe_inline(pages):
    for url, response in pages.items():
        policy = response.get("Content-Security-Policy", "")
        assert "script-src 'self'" in policy, url
        assert "style-src 'self'" in policy, url
        assert "unsafe-inline" not in policy, url
        assert "unsafe-eval" not in policy, url


def test_pages_have_no_inline_script_style_or_event_handler(pages):
    for url, response in pages.items():
        html = response.content.decode()
        for attributes, body in SCRIPT.findall(html):
            assert "src=" in attributes and not body.strip(), f"inline <script> in {url}"
        assert "<style" not in html.lower(), url
        for tag in TAG.findall(html):
            assert not INLINE_ATTRIBUTE.search(tag), f"{url}: {tag}"


def test_nothing_is_fetched_from_another_host(pages):
    for url, response in pages.items():
        for asset in ASSET.findall(response.content.decode()):
            parts = urlsplit(asset)
            assert not parts.netloc or parts.netloc == "testserver", f"{url}: {asset}"
    stylesheet = finders.find("css/portal.css")
    with open(stylesheet, encoding="utf-8") as file:
        css = file.read()
    assert "@import" not in css
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)


def test_links_to_other_sites_are_the_webmail_and_links_written_in_guides(pages):
    """Other sites are the webmail addresses of the catalogue's generations, OVHcloud's status
    page, and links staff wrote in guides."""
    allowed = {
        url
        for generation in OfferGeneration.objects.all()
        for url in (generation.webmail_url, generation.webmail_url_en)
    } | {"https://web-cloud.status-ovhcloud.com/"}
    written = " ".join(
        guide.body_html + "".join(step.body_html for step in guide.steps.all())
        for guide in Guide.objects.prefetch_related("steps")
    )
    for url, response in pages.items():
        for link in LINK.findall(response.content.decode()):
            if urlsplit(link).netloc == "testserver":
                continue
            assert link in allowed or f'href="{link}"' in written, f"{url} links to {link}"
