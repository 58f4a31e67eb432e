"""Every page type on a 360 px phone, with and without JavaScript, and on a 768 px tablet:
nothing wider than the screen, no word, address or port broken across two lines (a name longer
than its line only after a dot), no Content-Security-Policy violation, and axe finds nothing.
The header is one line on a phone and on a 1280 px screen."""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ADDRESS = "marie.dupont@exemple.fr"

# What the page shows that is wider than the screen, outside a box that scrolls by itself;
# and every value (a <code> of one word, a value to copy, a table cell, a definition) whose
# characters sit on more than one line, or a word of prose broken elsewhere than after its
# hyphen ("e-|mail" is typography). A word longer than its whole line may break, only after a
# dot, an at sign, a slash or another separator: "mixed.t|est" is a fault, "mixed.|test" not.
LAYOUT_PROBLEMS = (Path(__file__).parent / "layout_problems.js").read_text()


@dataclass(frozen=True)
class PageType:
    name: str
    path: str
    wizard_address: str = ""  # typed on the wizard's last step, then submitted


PAGE_TYPES = [
    PageType("home", "/fr/"),
    PageType("guide list", "/fr/faq/"),
    PageType("guide", "/fr/guides/parametres-des-comptes/"),
    PageType("guide with MX table", "/fr/guides/enregistrements-mx/"),
    PageType("client list", "/fr/clients/"),
    PageType("client guide", "/fr/guides/configurer-thunderbird/"),
    PageType("wizard", "/fr/setup/"),
    PageType(
        "wizard result",
        "/fr/setup/?client=thunderbird&protocol=imap&security=ssl",
        wizard_address=ADDRESS,
    ),
    PageType(
        "wizard result, iOS",
        "/fr/setup/?client=apple-mail-ios&protocol=imap&security=ssl",
        wizard_address=ADDRESS,
    ),
    PageType("DNS records", "/fr/setup/dns/?domain=exemple.fr"),
    PageType("diagnostic", "/fr/diagnostic/"),
    PageType("diagnostic report", "/fr/diagnostic/?domain=mixed.test"),
    PageType("diagnostic report, records to paste", "/fr/diagnostic/?domain=nospf-ovh.test"),
    PageType("search", "/fr/search/?q=mot+de+passe"),
    PageType("sign-in", "/fr/accounts/login/"),
    PageType("not found", "/fr/guides/page-qui-n-existe-pas/"),
    PageType("English guide", "/en/guides/account-settings/"),
]


def watch_csp(page) -> list[str]:
    """Violations as the console reports them (with or without JavaScript on the page)."""
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return violations


def open_page_type(page, page_type: PageType) -> None:
    page.goto(page.base_url + page_type.path)
    if page_type.wizard_address:
        page.get_by_label("Votre adresse e-mail").fill(page_type.wizard_address)
        page.get_by_role("button", name="Afficher mon guide").click()
        page.locator("#step-title", has_text="Votre guide").wait_for()


def assert_reads_on_a_phone(page, violations: list[str]) -> None:
    problems = page.evaluate(LAYOUT_PROBLEMS)
    assert not problems["wide"], f"wider than the screen: {problems['wide'][:10]}"
    assert not problems["split"], f"broken across lines: {problems['split'][:10]}"
    assert not violations, violations


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda page_type: page_type.name)
def test_page_type_reads_on_a_phone(page, page_type, assert_accessible, dns_settings):
    violations = watch_csp(page)
    open_page_type(page, page_type)
    assert_reads_on_a_phone(page, violations)
    assert_accessible(page)


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda page_type: page_type.name)
def test_page_type_reads_on_a_phone_without_javascript(page_without_js, page_type, dns_settings):
    violations = watch_csp(page_without_js)
    open_page_type(page_without_js, page_type)
    assert_reads_on_a_phone(page_without_js, violations)


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda page_type: page_type.name)
def test_page_type_reads_on_a_tablet(browser, live_server, page_type, dns_settings):
    from tests.browser.conftest import open_tab

    page = open_tab(browser, live_server, javascript=True, width=768)
    violations = watch_csp(page)
    open_page_type(page, page_type)
    assert_reads_on_a_phone(page, violations)
    page.context.close()


def test_wizard_then_diagnostic_in_the_same_tab_without_csp_violation(page, dns_settings):
    """htmx must never add an inline style (its request indicators), whatever the order."""
    violations = watch_csp(page)
    page.goto(page.base_url + "/fr/setup/")
    page.get_by_label("Thunderbird (115 et suivants)").check()
    page.get_by_role("button", name="Continuer").click()
    page.wait_for_url("**/fr/setup/?client=thunderbird")
    page.locator(".menu summary").click()
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Diagnostic"
    ).click()
    page.get_by_label("Nom de domaine ou adresse e-mail").fill("mixed.test")
    page.get_by_role("button", name="Vérifier", exact=True).click()
    page.wait_for_selector("#report-title")
    assert not violations, violations


@pytest.mark.parametrize("width", [360, 768])
@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no javascript"])
def test_phone_header_is_one_line_and_its_menu_opens(browser, live_server, javascript, width):
    from tests.browser.conftest import open_tab

    page = open_tab(browser, live_server, javascript=javascript, width=width)
    page.goto(page.base_url + "/fr/")
    assert page.locator(".site-header").bounding_box()["height"] <= 64
    menu = page.get_by_role("navigation", name="Menu principal")
    assert not menu.get_by_role("link", name="Diagnostic").is_visible()
    page.locator(".menu summary").click()
    menu.get_by_role("link", name="Diagnostic").click()
    page.wait_for_url("**/fr/diagnostic/")
    page.context.close()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_wide_screen_header_is_one_row_with_every_link(browser, live_server, language):
    from tests.browser.conftest import open_tab

    page = open_tab(browser, live_server, javascript=True, width=1280)
    page.goto(f"{page.base_url}/{language}/")
    assert page.locator(".site-header").bounding_box()["height"] <= 64
    links = page.locator(".main-nav-wide a")
    assert links.count() == 6
    for link in links.all():
        assert link.is_visible()
        assert link.bounding_box()["height"] < 40, f"{link.inner_text()} wraps"
    assert not page.locator(".menu summary").is_visible()
    page.context.close()


def page_type(name: str) -> PageType:
    return next(each for each in PAGE_TYPES if each.name == name)


@pytest.mark.parametrize("name", ["home", "client guide", "wizard result", "diagnostic report"])
def test_dark_colour_scheme_keeps_its_contrast(
    browser, live_server, name, assert_accessible, dns_settings
):
    from tests.browser.conftest import open_tab

    page = open_tab(browser, live_server, javascript=True)
    page.emulate_media(color_scheme="dark")
    open_page_type(page, page_type(name))
    background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert background != "rgb(255, 255, 255)", "the dark scheme is not applied"
    assert_accessible(page)
    page.context.close()


def test_personalised_settings_print_on_one_clean_page(page, dns_settings):
    open_page_type(page, page_type("wizard result"))
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert page.locator("#summary").is_visible()
    pages = re.findall(rb"/Type\s*/Page(?!s)", page.pdf(format="A4"))
    assert len(pages) == 1
