"""A customer pastes a bounce into the message doctor and reads, in place, what happened,
who must act and what to do; the same without JavaScript; bad input is said in place."""

import pytest
from django.apps import apps

from guides.content.typography import french_spacing
from guides.editorial.permissions import Role, setup_groups
from tests.messages.corpus import sample
from tests.staff_fixtures import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FIELD = "Le message d'erreur, l'avis de non-remise ou les en-têtes du message"


def test_paste_a_bounce_and_read_the_answer(page, assert_accessible):
    page.goto(page.base_url + "/fr/")
    page.get_by_role("link", name="J'ai reçu un message d'erreur").click()
    page.wait_for_url("**/fr/messages/")
    assert_accessible(page)
    page.get_by_label(FIELD).fill(sample("dsn-postfix-user-unknown.eml").decode())
    page.get_by_role("button", name="Analyser").click()
    page.wait_for_selector("#answer-title")
    assert page.locator("#answer-title").inner_text() == (
        "Le message n'a pas été remis à 1 destinataire."
    )
    advice = page.locator(".doctor-advice")
    assert "bob@example.test" in advice.inner_text()
    assert french_spacing("Qui doit agir : Vous.") in advice.inner_text()
    assert page.url.endswith("/fr/messages/")
    assert_accessible(page)

    page.get_by_label(FIELD).fill("bonjour")
    page.get_by_role("button", name="Analyser").click()
    page.wait_for_selector("#doctor-error")
    assert "ni code d'erreur SMTP" in page.locator("#doctor-error").inner_text()
    assert_accessible(page)


def test_headers_that_went_to_spam(page, assert_accessible):
    page.goto(page.base_url + "/en/messages/")
    page.get_by_label("The error message, the non-delivery notice or the message's headers").fill(
        sample("headers-auth-failures.eml").decode()
    )
    page.get_by_role("button", name="Analyse").click()
    page.wait_for_selector("#answer-title")
    assert page.locator("#answer-title").inner_text() == (
        "The message arrived, but it was classed as spam."
    )
    assert page.get_by_text("DMARC failed: the sender's domain is not authenticated.").is_visible()
    assert_accessible(page)


def test_the_doctor_without_javascript(page_without_js):
    page = page_without_js
    page.goto(page.base_url + "/fr/messages/")
    page.get_by_label(FIELD).fill(
        "553 sorry, that domain isn't allowed to be relayed thru this MTA (#5.7.1)"
    )
    page.get_by_role("button", name="Analyser").click()
    page.wait_for_selector("#answer-title")
    assert "authentification SMTP" in page.locator("#answer-title").inner_text()
    page.get_by_role("link", name="Lire le guide").click()
    page.wait_for_selector("h1")
    assert "/fr/guides/" in page.url


def test_the_search_explains_an_error_code_first(page, assert_accessible):
    page.goto(page.base_url + "/fr/search/?q=553")
    box = page.locator(".doctor-search")
    assert "l'authentification SMTP n'est pas activée" in box.inner_text()
    assert_accessible(page)
    box.get_by_role("link", name="Coller le message complet pour une réponse précise").click()
    page.wait_for_url("**/fr/messages/")


def test_an_editor_corrects_an_entry_and_the_doctor_says_it(page, assert_accessible):
    setup_groups(apps=apps)
    make_user("edith", Role.EDITOR)
    page.goto(page.base_url + "/fr/accounts/login/?next=/fr/staff/replies/")
    page.locator("#id_username").fill("edith")
    page.locator("#id_password").fill("correct horse battery")
    page.locator("main").get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/fr/staff/replies/")
    assert_accessible(page)
    page.get_by_label("Chercher une réponse").fill("553")
    page.get_by_role("button", name="Chercher", exact=True).click()
    page.get_by_role(
        "link", name="Envoi refusé : l'authentification SMTP n'est pas activée"
    ).click()
    assert_accessible(page)
    page.get_by_label("titre (français)").fill("Activez l'authentification SMTP")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url("**/fr/staff/replies/")
    page.goto(page.base_url + "/fr/messages/")
    page.get_by_label(FIELD).fill(
        "553 sorry, that domain isn't allowed to be relayed thru this MTA (#5.7.1)"
    )
    page.get_by_role("button", name="Analyser").click()
    page.wait_for_selector("#answer-title")
    assert page.locator("#answer-title").inner_text() == "Activez l'authentification SMTP"
