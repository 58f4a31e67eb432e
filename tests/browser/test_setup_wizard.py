"""A customer sets up a mail client with the wizard: with JavaScript (htmx swaps each step in
place, the back button works) and without it (each step is a plain form)."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ADDRESS = "marie.dupont@exemple.fr"


def test_wizard_with_javascript_for_thunderbird(page, assert_accessible):
    page.goto(page.base_url + "/fr/")
    page.get_by_role("link", name="Configurer ma messagerie").click()
    page.wait_for_url("**/fr/setup/")
    assert_accessible(page)
    page.evaluate("window.stillThisPage = true")

    page.get_by_label("Thunderbird (115 et suivants)").check()
    page.get_by_role("button", name="Continuer").click()
    page.wait_for_url("**/fr/setup/?client=thunderbird")
    page.get_by_text("Étape 2 sur 4").wait_for()
    assert_accessible(page)

    page.get_by_label("POP", exact=True).check()
    page.get_by_role("button", name="Continuer").click()
    page.wait_for_url("**/fr/setup/?client=thunderbird&protocol=pop")
    page.get_by_text("Réception : port 995 ; envoi : port 465.").wait_for()
    assert_accessible(page)

    page.get_by_role("button", name="Continuer").click()
    page.wait_for_url("**/fr/setup/?client=thunderbird&protocol=pop&security=ssl")
    assert_accessible(page)
    page.get_by_label("Votre adresse e-mail").fill("marie.dupont@")
    page.get_by_role("button", name="Afficher mon guide").click()
    page.get_by_text("Il manque le domaine après le @").wait_for()
    assert page.get_by_label("Votre adresse e-mail").input_value() == "marie.dupont@"
    assert_accessible(page)

    page.get_by_label("Votre adresse e-mail").fill(ADDRESS)
    page.get_by_role("button", name="Afficher mon guide").click()
    page.get_by_role("heading", name="Votre guide pour Thunderbird").wait_for()
    assert page.evaluate("window.stillThisPage") is True
    assert ADDRESS not in page.url
    summary = page.locator("#summary")
    assert ADDRESS in summary.inner_text()
    assert "995" in summary.inner_text()
    page.locator("#summary button.copy").first.wait_for(state="visible")
    assert_accessible(page)

    page.go_back()
    page.wait_for_url("**/fr/setup/?client=thunderbird&protocol=pop")
    page.get_by_role("heading", name="La connexion doit-elle être chiffrée ?").wait_for()


def assert_accessible_as_served(page_without_js, page, assert_accessible):
    """axe-core needs JavaScript, which the no-JS tab cannot run: check the HTML it was
    served in the other tab, on the same origin so the stylesheet applies."""
    html = page_without_js.content()
    page.goto(page.base_url + "/fr/")
    page.set_content(html)
    assert_accessible(page)


def test_wizard_without_javascript_for_an_iphone(page_without_js, page, assert_accessible):
    tab = page_without_js
    tab.goto(tab.base_url + "/fr/setup/")
    assert_accessible_as_served(tab, page, assert_accessible)
    tab.get_by_label("Mail sur iPhone et iPad (iOS et iPadOS 16 et suivants)").check()
    tab.get_by_role("button", name="Continuer").click()
    tab.wait_for_url("**/fr/setup/?client=apple-mail-ios")
    assert_accessible_as_served(tab, page, assert_accessible)
    tab.get_by_role("button", name="Continuer").click()
    tab.wait_for_url("**/fr/setup/?client=apple-mail-ios&protocol=imap")
    tab.get_by_label("Sans chiffrement").check()
    assert_accessible_as_served(tab, page, assert_accessible)
    tab.get_by_role("button", name="Continuer").click()
    tab.wait_for_url("**/fr/setup/?client=apple-mail-ios&protocol=imap&security=none")
    assert_accessible_as_served(tab, page, assert_accessible)
    tab.get_by_label("Votre adresse e-mail").fill(ADDRESS)
    tab.get_by_label("Votre nom (facultatif)").fill("Marie Dupont")
    tab.get_by_role("button", name="Afficher mon guide").click()
    tab.wait_for_url("**/fr/setup/guide/")
    assert ADDRESS not in tab.url
    tab.get_by_role("button", name="Télécharger le profil").wait_for()
    summary = tab.locator("#summary").inner_text()
    assert ADDRESS in summary
    assert "143" in summary
    assert "587" in summary
    assert "Connexion non chiffrée." in tab.content()
    assert_accessible_as_served(tab, page, assert_accessible)
    with tab.expect_download() as download:
        tab.get_by_role("button", name="Télécharger le profil").click()
    assert download.value.suggested_filename == "email.mobileconfig"


def test_the_password_checker_never_sends_the_password(page, assert_accessible):
    page.goto(page.base_url + "/fr/guides/changer-le-mot-de-passe/")
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda request: requests.append(request))
    field = page.get_by_label("Mot de passe à vérifier")
    field.fill("court")
    length = page.locator('[data-rule="length"]')
    assert "pas encore respectée" in length.inner_text()
    field.fill("unmotdepasseassezlong")
    assert "pas encore" not in length.inner_text()
    field.press("Enter")
    field.fill("unmotdepasséassezlong")
    assert "pas encore respectée" in page.locator('[data-rule="ascii"]').inner_text()
    page.wait_for_load_state("networkidle")
    for request in requests:
        assert request.resource_type not in ("document", "fetch", "xhr"), request.url
        assert "motdepass" not in request.url + (request.post_data or "")
    assert_accessible(page)
