"""A customer runs the diagnostic in headless Chromium: a typo first, then their address;
the report comes back in place, at its own URL; the same page works without JavaScript."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

FIELD = "Nom de domaine ou adresse e-mail"


@pytest.fixture(autouse=True)
def catalogue(transactional_db):
    """The MX host table the report classifies with; an earlier transactional test may have
    flushed what the data migration loaded."""
    from django.apps import apps

    from guides.models import MxHost
    from guides.seed import seed_catalogue

    if not MxHost.objects.exists():
        seed_catalogue(apps)


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
    page.get_by_text("Les enregistrements MX à mettre, selon la protection choisie").click()
    assert page.get_by_text("xn--caf-dma.test. IN MX 1 mx0.ovh.net.").is_visible()
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
