"""A customer sets up a mail client with the wizard: with JavaScript (htmx swaps each step in
place, the back button works) and without it (each step is a plain form)."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

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
    assert page.locator("#summary button.copy").first.is_visible()
    assert_accessible(page)

    page.go_back()
    page.wait_for_url("**/fr/setup/?client=thunderbird&protocol=pop")
    page.get_by_role("heading", name="La connexion doit-elle être chiffrée ?").wait_for()


def test_wizard_without_javascript_for_an_iphone_in_english(page_without_js, assert_accessible):
    page = page_without_js
    page.goto(page.base_url + "/en/setup/")
    assert_accessible(page)
    page.get_by_label("Mail on iPhone and iPad (iOS and iPadOS 16 and later)").check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/en/setup/?client=apple-mail-ios")
    assert_accessible(page)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/en/setup/?client=apple-mail-ios&protocol=imap")
    page.get_by_label("Without encryption").check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/en/setup/?client=apple-mail-ios&protocol=imap&security=none")
    assert_accessible(page)
    page.get_by_label("Your e-mail address").fill(ADDRESS)
    page.get_by_label("Your name (optional)").fill("Marie Dupont")
    page.get_by_role("button", name="Show my guide").click()
    page.wait_for_url("**/en/setup/guide/")
    assert ADDRESS not in page.url
    page.get_by_role("button", name="Download the profile").wait_for()
    summary = page.locator("#summary").inner_text()
    assert ADDRESS in summary
    assert "143" in summary
    assert "587" in summary
    assert_accessible(page)


def test_the_password_checker_never_sends_the_password(page, assert_accessible):
    page.goto(page.base_url + "/fr/guides/changer-le-mot-de-passe/")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    field = page.get_by_label("Mot de passe à vérifier")
    field.fill("court")
    length = page.locator('[data-rule="length"]')
    assert "pas encore respectée" in length.inner_text()
    field.fill("unmotdepasseassezlong")
    assert "pas encore" not in length.inner_text()
    field.fill("unmotdepasséassezlong")
    assert "pas encore respectée" in page.locator('[data-rule="ascii"]').inner_text()
    assert requests == []
    assert_accessible(page)
