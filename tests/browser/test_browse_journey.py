"""A customer on a phone walks from the home page to a client guide, switches language,
copies a setting and searches, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE_WIDTH = 360
PAGES = [
    "/fr/",
    "/fr/clients/",
    "/fr/guides/parametres-des-comptes/",
    "/fr/guides/enregistrements-mx/",
    "/fr/guides/limites-de-l-offre/",
    "/fr/guides/configurer-outlook-microsoft-365/",
    "/fr/search/?q=mot+de+passe",
    "/en/guides/account-settings/",
    "/fr/guides/quelle-version-de-mx-plan/",
    "/fr/guides/messages-d-erreur-smtp/",
    "/en/guides/which-mx-plan/",
]


def test_home_to_client_guide_to_search(page, assert_accessible):
    page.goto(page.base_url + "/fr/")
    assert_accessible(page)
    page.get_by_role("link", name="Configurer Thunderbird", exact=True).click()
    page.wait_for_url("**/fr/guides/configurer-thunderbird/")
    assert "Thunderbird" in page.locator("h1").inner_text()
    assert_accessible(page)
    page.locator(".menu summary").click()  # a phone's header folds its menu
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Rechercher"
    ).click()
    page.get_by_label("Que cherchez-vous ?").fill("MOT DE PASSE")
    page.get_by_role("button", name="Rechercher").click()
    first = page.locator(".results li").first
    first.wait_for()
    assert "mot de passe" in first.locator("a").inner_text().lower()
    assert first.locator("mark").count() >= 1
    assert_accessible(page)


def test_home_to_which_mx_plan_and_the_password_guide_of_each_version(page, assert_accessible):
    page.goto(page.base_url + "/fr/")
    page.get_by_role("link", name="Quelle version de MX Plan ai-je").first.click()
    expect(page.get_by_role("heading", name="Les versions de MX Plan")).to_be_visible()
    for name in ("MX Plan, version historique", "MX Plan, nouvelle version"):
        expect(page.get_by_role("heading", name=name)).to_be_visible()
    expect(page.get_by_role("link", name="https://www.ovhcloud.com/fr/mail/").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Changer le mot de passe").first.click()
    expect(page).to_have_url(re.compile(r"/fr/guides/changer-le-mot-de-passe/$"))
    expect(page.get_by_role("heading", name="Les versions de MX Plan")).to_be_visible()
    assert_accessible(page)


def test_search_without_results_offers_a_way_forward(page, assert_accessible):
    page.goto(page.base_url + "/fr/search/?q=zzqxw")
    assert "Aucun guide ne correspond" in page.locator("#search-results").inner_text()
    assert page.get_by_role("link", name="Les points à vérifier").is_visible()
    assert_accessible(page)


def test_language_switcher_stays_on_the_same_guide(page):
    page.goto(page.base_url + "/fr/guides/parametres-des-comptes/")
    page.get_by_role("navigation", name="Langue").get_by_role("link").nth(1).click()
    page.wait_for_url("**/en/guides/account-settings/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "account settings" in page.locator("h1").inner_text().lower()
    page.get_by_role("navigation").get_by_role("link", name="Français").click()
    page.wait_for_url("**/fr/guides/parametres-des-comptes/")


def test_copy_buttons_put_the_value_on_the_clipboard(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=page.base_url)
    page.goto(page.base_url + "/fr/guides/parametres-des-comptes/")
    button = page.get_by_role("button", name="Copier 993")
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == "993"
    assert button.inner_text() == "Copié"
    page.get_by_role("button", name="Copier ssl0.ovh.net").first.click()
    assert page.evaluate("navigator.clipboard.readText()") == "ssl0.ovh.net"


@pytest.mark.parametrize("path", PAGES)
def test_pages_fit_a_360_pixel_screen(page, path):
    page.goto(page.base_url + path)
    assert page.viewport_size["width"] == PHONE_WIDTH
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"{path} scrolls sideways ({width} px)"


def test_keyboard_focus_is_visible(page):
    page.goto(page.base_url + "/fr/")
    for _ in range(6):
        page.keyboard.press("Tab")
        outline = page.evaluate(
            """() => {
                const style = getComputedStyle(document.activeElement);
                return [document.activeElement.tagName, style.outlineStyle, style.outlineWidth];
            }"""
        )
        tag, style, width = outline
        assert tag in {"A", "BUTTON", "INPUT", "SUMMARY"}
        assert style != "none" and float(width.removesuffix("px")) >= 2, outline


def test_skip_link_appears_on_focus_and_leads_to_the_content(page):
    page.goto(page.base_url + "/fr/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0
    page.keyboard.press("Enter")
    assert re.search(r"#main$", page.url)


def test_search_works_without_javascript(page_without_js):
    page = page_without_js
    page.goto(page.base_url + "/fr/")
    page.get_by_label("Rechercher dans l'aide").fill("quotas")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/search/?q=quotas")
    results = page.locator(".results li")
    assert results.count() >= 1
    assert results.first.locator("mark").first.inner_text().lower() == "quota"


def test_copy_buttons_stay_hidden_without_javascript(page_without_js):
    page = page_without_js
    page.goto(page.base_url + "/fr/guides/parametres-des-comptes/")
    assert page.get_by_role("button", name="Copier 993").count() == 0
    assert "993" in page.locator("table").first.inner_text()
