"""An editor writes a callout and a mistyped placeholder at 1280 px: the preview shows the box
and the finding with its line, publishing is refused until the text is fixed, and the public
page then shows the box."""

import pytest
from django.apps import apps
from playwright.sync_api import expect

from guides.editorial.permissions import Role, setup_groups
from guides.models import Guide
from tests.browser.test_staff_journey import sign_in
from tests.staff_fixtures import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CALLOUT = "::: warning\nNe décochez pas « garder les messages ».\n:::\n\nServeur : {{ imap_hots }}."


def test_an_error_found_in_the_preview_refuses_publication_until_fixed(page, assert_accessible):
    setup_groups(apps=apps)
    make_user("edith", Role.EDITOR)
    guide = Guide.objects.get(language="fr", key="thunderbird")
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "edith")
    page.goto(page.base_url + f"/fr/staff/guides/{guide.pk}/")
    expect(page.locator(".guide-key")).to_contain_text("thunderbird")
    page.locator("summary", has_text="Valeurs, guides, images et encadrés").click()
    expect(page.locator(".writing-aids")).to_contain_text("{{ imap_host }}")
    body = page.locator("#id_body")
    body.fill(CALLOUT)
    preview = page.locator("#preview-content")
    expect(preview.locator(".callout-warning")).to_contain_text("Attention")
    findings = preview.locator(".findings")
    expect(findings).to_contain_text("Texte, ligne 5")
    expect(findings).to_contain_text("{{ imap_hots }}")
    assert_accessible(page)
    page.screenshot(path="/tmp/wt15shots/editor-checks-1280.png", full_page=False)

    page.get_by_role("button", name="Enregistrer et publier").click()
    expect(page.locator(".messages")).to_contain_text("Publication refusée")
    expect(page.locator(".messages")).to_contain_text("Texte, ligne 5")

    page.locator("#id_body").fill(CALLOUT.replace("hots", "host"))
    expect(findings).to_contain_text("Rien à signaler")
    page.get_by_role("button", name="Enregistrer et publier").click()
    expect(page.locator(".messages")).to_contain_text("Le guide est en ligne.")

    page.goto(page.base_url + guide.get_absolute_url())
    expect(page.locator("article .callout-warning")).to_contain_text("Ne décochez pas")
    expect(page.locator("article")).to_contain_text("Serveur : ssl0.ovh.net.")
    assert_accessible(page)
    page.screenshot(path="/tmp/wt15shots/guide-callout-1280.png")


def test_enter_in_the_title_never_adds_a_step(page, assert_accessible):
    setup_groups(apps=apps)
    make_user("edith", Role.EDITOR)
    guide = Guide.objects.get(language="fr", key="thunderbird")
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "edith")
    page.goto(page.base_url + f"/fr/staff/guides/{guide.pk}/")
    steps = page.locator(".step-form").count()
    title = page.locator("#id_title")
    title.fill("Configurer Thunderbird, titre revu")
    title.press("Enter")
    page.wait_for_load_state("networkidle")
    expect(page.locator("#id_title")).to_have_value("Configurer Thunderbird, titre revu")
    expect(page.locator(".step-form")).to_have_count(steps)
    assert guide.revisions.count() == 0  # nothing saved
    assert_accessible(page)
