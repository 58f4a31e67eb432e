"""The editor keeps a copy of the text in the browser, so a save that never reaches the server
(session expired, tab crashed) does not lose it; a refused save keeps it, a saved one drops it."""

import re

import pytest
from django.apps import apps
from django.conf import settings
from playwright.sync_api import expect

from guides.editorial.permissions import Role, setup_groups
from guides.models import Guide
from tests.browser.test_staff_journey import PASSWORD, sign_in
from tests.staff_fixtures import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LOST_TEXT = "Paragraphe tapé pendant que la session expirait."


@pytest.fixture
def editor_url(page):
    setup_groups(apps=apps)
    make_user("camille", Role.CONTRIBUTOR)
    guide = Guide.objects.get(language="fr", key="thunderbird")
    sign_in(page, "camille")
    return page.base_url + f"/fr/staff/guides/{guide.pk}/", f"ovhportal:draft:guide-{guide.pk}"


def stored(page, key: str) -> str | None:
    return page.evaluate("key => localStorage.getItem(key)", key)


def test_text_of_a_save_lost_to_an_expired_session_comes_back_after_signing_in(
    page, editor_url, assert_accessible
):
    url, key = editor_url
    page.goto(url)
    body = page.locator("#id_body")
    body.press("Control+End")
    body.type("\n\n" + LOST_TEXT)

    # The session has expired: the save lands on the sign-in page, then back to the editor,
    # which shows the text the server kept (guides/views/staff/unsent.py).
    page.context.clear_cookies(name=settings.SESSION_COOKIE_NAME)
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.wait_for_url("**/accounts/login/**")
    page.locator("#id_username").fill("camille")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Se connecter").click()
    page.wait_for_url(url)

    expect(
        page.get_by_role("status").filter(has_text="Voici le texte que vous aviez envoyé")
    ).to_be_visible()
    expect(body).to_have_value(re.compile(LOST_TEXT))
    expect(page.locator("[data-draft-notice]")).to_be_hidden()
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.locator(".messages")).to_contain_text("Révision 2 enregistrée")
    page.wait_for_function("key => localStorage.getItem(key) === null", arg=key)
    expect(body).to_have_value(re.compile(LOST_TEXT))


def test_text_of_a_tab_closed_unsaved_is_offered_back(page, editor_url, assert_accessible):
    url, key = editor_url
    page.goto(url)
    body = page.locator("#id_body")
    original = body.input_value()
    body.press("Control+End")
    body.type("\n\n" + LOST_TEXT)
    page.wait_for_function("key => (localStorage.getItem(key) || '').includes('expirait')", arg=key)
    page.close()

    again = page.context.new_page()
    again.goto(url)
    body = again.locator("#id_body")
    notice = again.get_by_role("status").filter(has_text="sans qu'il soit enregistré")
    expect(notice).to_be_visible()
    assert body.input_value() == original
    assert_accessible(again)
    notice.get_by_role("button", name="Restaurer le texte non enregistré").click()
    expect(notice).to_be_hidden()
    expect(body).to_have_value(re.compile(LOST_TEXT))
    expect(again.locator("#preview-content")).to_contain_text(LOST_TEXT)


def test_a_refused_save_keeps_the_copy_until_it_is_ignored(page, editor_url):
    url, key = editor_url
    page.goto(url)
    page.locator("#id_title").fill("")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.get_by_role("alert")).to_contain_text("Rien n'est enregistré")
    notice = page.locator("[data-draft-notice]")
    expect(notice).to_be_hidden()  # the form shows the typed text itself

    page.goto(url)
    expect(notice).to_be_visible()
    notice.get_by_role("button", name="Ignorer").click()
    expect(notice).to_be_hidden()
    assert stored(page, key) is None
    page.reload()
    expect(notice).to_be_hidden()
    expect(page.locator("#id_title")).to_have_value("Configurer Thunderbird")


def test_without_javascript_the_notice_stays_hidden(page_without_js, live_server):
    setup_groups(apps=apps)
    make_user("camille", Role.CONTRIBUTOR)
    guide = Guide.objects.get(language="fr", key="thunderbird")
    sign_in(page_without_js, "camille")
    page_without_js.goto(page_without_js.base_url + f"/fr/staff/guides/{guide.pk}/")
    expect(page_without_js.locator("#id_body")).to_be_visible()
    expect(page_without_js.locator("[data-draft-notice]")).to_be_hidden()
