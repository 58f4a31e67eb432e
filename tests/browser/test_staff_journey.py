"""A contributor rewrites part of a guide with the live preview beside the text and proposes
it; an editor publishes it; a customer then reads it and says it helped."""

import pytest
from django.apps import apps
from playwright.sync_api import expect

from guides.editorial.permissions import Role, setup_groups
from guides.models import Guide
from tests.staff_fixtures import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct horse battery"
NEW_TEXT = "Nouveau paragraphe écrit par Camille, avec le serveur {{ imap_host }}."


def sign_in(page, username: str) -> None:
    page.goto(page.base_url + "/fr/accounts/login/?next=/fr/staff/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/fr/staff/")


def test_a_contributor_drafts_with_the_live_preview_and_an_editor_publishes(
    page, assert_accessible
):
    setup_groups(apps=apps)
    make_user("camille", Role.CONTRIBUTOR)
    make_user("edith", Role.EDITOR)
    guide = Guide.objects.get(language="fr", key="thunderbird")
    public_url = page.base_url + guide.get_absolute_url()

    sign_in(page, "camille")
    assert_accessible(page)
    page.goto(page.base_url + f"/fr/staff/guides/{guide.pk}/")
    body = page.locator("#id_body")
    body.press("End")
    body.press("Control+End")
    body.type("\n\n" + NEW_TEXT)
    preview = page.locator("#preview-content")
    # The preview follows the typing, placeholders filled as on the public page.
    expect(preview).to_contain_text(
        "Nouveau paragraphe écrit par Camille, avec le serveur ssl0.ovh.net."
    )
    expect(preview.locator("ol.steps > li").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Ce que vous avez changé").fill("Un paragraphe de plus")
    page.get_by_role("button", name="Enregistrer et proposer à la relecture").click()
    expect(page.locator(".messages")).to_contain_text("Révision 2 enregistrée")
    expect(page.get_by_role("button", name="Publier la révision 2")).to_have_count(0)

    page.goto(public_url)
    expect(page.locator("article")).not_to_contain_text("Nouveau paragraphe écrit par Camille")
    page.get_by_role("button", name="Se déconnecter").click()

    sign_in(page, "edith")
    page.get_by_role("link", name="Les voir").click()
    assert_accessible(page)
    page.get_by_role("link", name="Configurer Thunderbird").click()
    page.get_by_role("button", name="Publier la révision 2").click()
    expect(page.locator(".messages")).to_contain_text("Le guide est en ligne.")
    page.get_by_role("link", name="Historique et différences").click()
    expect(page.locator("pre.diff")).to_contain_text("+ Nouveau paragraphe écrit par Camille")
    assert_accessible(page)

    page.goto(public_url)
    expect(page.locator("article")).to_contain_text(
        "Nouveau paragraphe écrit par Camille, avec le serveur ssl0.ovh.net."
    )
    page.get_by_label("Oui").check()
    page.get_by_role("button", name="Envoyer").click()
    expect(page.locator("#feedback")).to_contain_text("Merci pour votre avis")
    assert_accessible(page)
