"""A contributor adds a screenshot to a guide at 1280 px: dropped on the text, described,
uploaded without leaving the page, inserted at the cursor and shown in the preview; and the
same upload without JavaScript."""

import io

import pytest
from django.apps import apps
from PIL import Image
from playwright.sync_api import expect

from guides.editorial.permissions import Role, setup_groups
from guides.models import Guide, GuideImage
from tests.browser.test_staff_journey import sign_in
from tests.staff_fixtures import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def open_editor(page, settings, tmp_path) -> None:
    """A contributor at 1280 px in the Thunderbird guide's editor, uploads kept in tmp_path."""
    settings.MEDIA_ROOT = tmp_path
    setup_groups(apps=apps)
    make_user("camille", Role.CONTRIBUTOR)
    guide = Guide.objects.get(language="fr", key="thunderbird")
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "camille")
    page.goto(page.base_url + f"/fr/staff/guides/{guide.pk}/")


def test_a_screenshot_is_dropped_described_inserted_and_shown_without_losing_the_text(
    page, assert_accessible, settings, tmp_path
):
    open_editor(page, settings, tmp_path)
    body = page.locator("#id_body")
    body.fill("Texte en cours, pas encore enregistré.\n\nLa suite.")
    body.evaluate("field => field.setSelectionRange(39, 39)")  # after the first paragraph
    drop_picture(page, "#id_body")
    expect(page.locator(".drop-status")).to_contain_text("Image choisie")
    expect(page.get_by_label("Texte de remplacement")).to_be_focused()
    page.get_by_role("button", name="Envoyer l'image").click()
    expect(page.locator(".drop-status")).to_contain_text("le texte de remplacement est obligatoire")
    assert not GuideImage.objects.exists()
    page.get_by_label("Texte de remplacement").fill("La fenêtre de Thunderbird, compte ajouté")
    page.get_by_role("button", name="Envoyer l'image").click()
    expect(page.locator(".uploaded")).to_contain_text("Image enregistrée")
    image = GuideImage.objects.get()
    assert (image.width, image.height) == (1200, 675)
    page.get_by_role("button", name="Insérer dans le texte").click()
    assert body.input_value() == (
        f"Texte en cours, pas encore enregistré.\n\n{image.markdown}\n\nLa suite."
    )
    shown = page.locator("#preview-content img")
    expect(shown).to_have_attribute("alt", "La fenêtre de Thunderbird, compte ajouté")
    expect(page.locator(".findings")).to_contain_text("Rien à signaler")
    # A rendition loads (srcset picks one; its natural width is relative to the screen).
    expect(shown).to_have_js_property("complete", True)
    expect(shown).not_to_have_js_property("naturalWidth", 0)
    assert_accessible(page)


def test_without_javascript_the_upload_still_works(page_without_js, settings, tmp_path):
    page = page_without_js
    open_editor(page, settings, tmp_path)
    upload = {"name": "ecran.png", "mimeType": "image/png", "buffer": png()}
    page.get_by_label("Image (PNG, JPEG ou WebP").set_input_files(upload)
    page.get_by_role("button", name="Envoyer l'image").click()
    expect(page.locator(".messages")).to_contain_text("le texte de remplacement est obligatoire")
    page.get_by_label("Image (PNG, JPEG ou WebP").set_input_files(upload)
    page.get_by_label("Texte de remplacement").fill("Écran final")
    page.get_by_role("button", name="Envoyer l'image").click()
    expect(page.locator(".messages")).to_contain_text("Image enregistrée")
    assert GuideImage.objects.get().alt == "Écran final"


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


def drop_picture(page, selector: str) -> None:
    """A file dragged from the desktop and dropped on `selector`, as the browser delivers it."""
    transfer = page.evaluate_handle(
        """bytes => {
            const transfer = new DataTransfer();
            const file = new File([new Uint8Array(bytes)], "ecran.png", {type: "image/png"});
            transfer.items.add(file);
            return transfer;
        }""",
        list(png()),
    )
    page.locator(selector).dispatch_event("dragover", {"dataTransfer": transfer})
    page.locator(selector).dispatch_event("drop", {"dataTransfer": transfer})
