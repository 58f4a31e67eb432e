"""A customer runs the diagnostic in headless Chromium: a typo first, then their address;
the report comes back in place, at its own URL; the same page works without JavaScript."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FIELD = "Nom de domaine ou adresse e-mail"


def test_diagnostic_in_place(page, assert_accessible, dns_settings):
    page.goto(page.base_url + "/fr/diagnostic/")
    assert_accessible(page)
    page.get_by_label(FIELD).fill("ex ample.fr")
    page.get_by_role("button", name="Vérifier", exact=True).click()
    page.wait_for_selector("#diagnostic-domain-error")
    assert page.get_by_label(FIELD).get_attribute("aria-invalid") == "true"
    assert page.get_by_label(FIELD).input_value() == "ex ample.fr"
    assert_accessible(page)

    page.get_by_label(FIELD).fill("contact@café.test")
    page.get_by_role("button", name="Vérifier", exact=True).click()
    page.wait_for_selector("#report-title")
    assert page.locator("#report-title").inner_text() == "Résultat pour café.test"
    assert "domain=contact%40caf" in page.url
    assert page.locator("#check-mx .check-badge").inner_text() == "Correct"
    assert page.locator("#check-offer").get_by_role("link", name="Se connecter").count() == 1
    assert not page.locator("#check-mx p").first.is_visible()  # a correct check is folded
    page.locator("#check-mx summary").first.click()
    page.get_by_text("Les enregistrements MX à mettre").click()
    assert page.get_by_text("xn--caf-dma.test. IN MX 1 mx0.mail.ovh.net.").is_visible()
    assert_accessible(page)

    with page.expect_response(lambda response: "refresh=1" in response.url):
        page.get_by_role("button", name="Vérifier à nouveau").click()
    page.wait_for_url("**/fr/diagnostic/?domain=xn--caf-dma.test")
    assert page.locator("#report-title").inner_text() == "Résultat pour café.test"


def test_diagnostic_without_javascript(page_without_js, dns_settings):
    page = page_without_js
    page.goto(page.base_url + "/fr/diagnostic/")
    page.get_by_label(FIELD).fill("mixed.test")
    page.get_by_role("button", name="Vérifier", exact=True).click()
    page.wait_for_selector("#report-title")
    assert "?domain=mixed.test" in page.url
    assert page.locator("#check-mx .check-badge").inner_text() == "À surveiller"


def test_too_many_reports_says_when_to_retry_in_place(page, assert_accessible, dns_settings):
    dns_settings.OVHPORTAL_DIAGNOSTIC_RATE = 1
    page.goto(page.base_url + "/fr/diagnostic/?domain=antispam.test")
    page.evaluate("window.stillThisPage = true")
    with page.expect_response(lambda response: response.status == 429):
        page.get_by_role("button", name="Vérifier à nouveau").click()
    page.get_by_text("Trop de diagnostics en peu de temps").wait_for()
    assert page.evaluate("window.stillThisPage") is True  # swapped in place, no reload
    assert_accessible(page)
