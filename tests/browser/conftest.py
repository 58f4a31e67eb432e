"""Headless Chromium (Debian's, found with `which chromium`) driven by Playwright, and an
axe-core accessibility check every browser test can call."""

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium package is not installed: .ci/run must install it.")
        pytest.skip("chromium is not installed (apt-get install chromium chromium-driver)")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path, django_db_setup):
    from django.db import connections
    from playwright.sync_api import sync_playwright

    serialized = {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all()
        if hasattr(connection, "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        # Playwright keeps an event loop in this thread, so from here on Django (through
        # asgiref) hands out other connection objects: give them the test data that
        # serialized_rollback restores, or each browser test after the first sees an empty site.
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_tab(browser, live_server, *, javascript: bool, width: int = 360):
    """A fresh browser tab, phone-sized unless `width` says otherwise; `page.base_url` is the
    live server."""
    context = browser.new_context(
        viewport={"width": width, "height": 800}, locale="fr-FR", java_script_enabled=javascript
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base_url = live_server.url
    return page


@pytest.fixture
def page(browser, live_server):
    page = open_tab(browser, live_server, javascript=True)
    yield page
    page.context.close()


@pytest.fixture
def page_without_js(browser, live_server):
    page = open_tab(browser, live_server, javascript=False)
    yield page
    page.context.close()


@pytest.fixture
def assert_accessible():
    """Run axe-core on the current page and fail with the list of violations, if any."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(page)
        violations = results.response["violations"]
        assert not violations, results.generate_report()

    return check
