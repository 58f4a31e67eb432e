"""A contributor adds a screenshot to a guide at 1280 px: described, uploaded, pasted into the
text, and shown in the preview."""

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


def test_a_screenshot_is_uploaded_and_shown_in_the_preview(
    page, assert_accessible, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    setup_groups(apps=apps)
    make_user("camille", Role.CONTRIBUTOR)
    guide = Guide.objects.get(language="fr", key="thunderbird")
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), "teal").save(buffer, format="PNG")
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "camille")
    page.goto(page.base_url + f"/fr/staff/guides/{guide.pk}/")
    upload = {"name": "ecran.png", "mimeType": "image/png", "buffer": buffer.getvalue()}
    page.get_by_label("Image (PNG, JPEG ou WebP").set_input_files(upload)
    page.get_by_role("button", name="Envoyer l'image").click()
    expect(page.locator(".messages")).to_contain_text("le texte de remplacement est obligatoire")
    page.get_by_label("Image (PNG, JPEG ou WebP").set_input_files(upload)
    page.get_by_label("Texte de remplacement").fill("La fenêtre de Thunderbird, compte ajouté")
    page.get_by_role("button", name="Envoyer l'image").click()
    expect(page.locator(".messages")).to_contain_text("Image enregistrée")
    image = GuideImage.objects.get()
    assert (image.width, image.height) == (1200, 675)
    page.locator("#id_body").fill("Le résultat :\n\n" + image.markdown)
    shown = page.locator("#preview-content img")
    expect(shown).to_have_attribute("alt", "La fenêtre de Thunderbird, compte ajouté")
    expect(page.locator(".findings")).to_contain_text("Rien à signaler")
    # The rendition itself loads (a function, not a string: the page's CSP forbids eval).
    expect(shown).to_have_js_property("naturalWidth", 1200)
    page.reload()
    assert_accessible(page)
