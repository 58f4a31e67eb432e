"""An editor retires an outdated guide at 1280 px, pointing readers to its replacement; the
old address then leads there, and archiving it makes the address answer 410."""

import pytest
from django.apps import apps
from playwright.sync_api import expect

from guides.editorial.permissions import Role, setup_groups
from guides.models import Guide
from tests.browser.test_staff_journey import sign_in
from tests.staff_fixtures import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_editor_retires_a_guide_to_its_replacement_then_archives_it(page, assert_accessible):
    setup_groups(apps=apps)
    make_user("edith", Role.EDITOR)
    old = Guide.objects.get(language="fr", key="thunderbird-legacy")
    new = Guide.objects.get(language="fr", key="thunderbird")
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "edith")
    page.goto(page.base_url + f"/fr/staff/guides/{old.pk}/")
    page.get_by_text("Dépublier, retirer ou archiver ce guide").click()
    page.get_by_label("Retirer (redirection").check()
    page.get_by_label("Guide de remplacement").select_option(label=new.title)
    page.get_by_label("Pourquoi").fill("Version trop ancienne")
    assert_accessible(page)
    page.get_by_role("button", name="Retirer du site").click()
    expect(page.locator(".messages")).to_contain_text("Cochez la confirmation")
    page.get_by_text("Dépublier, retirer ou archiver ce guide").click()
    page.get_by_label("Retirer (redirection").check()
    page.get_by_label("Guide de remplacement").select_option(label=new.title)
    page.get_by_label("Je confirme").check()
    page.get_by_role("button", name="Retirer du site").click()
    expect(page.locator(".messages")).to_contain_text("Le guide est retiré")
    expect(page.locator("#state-title + ul")).to_contain_text(f"redirige vers « {new.title} »")
    page.reload()  # base.html's message list (role="status" on a <ul>) fails axe: issue 14's
    assert_accessible(page)
    page.screenshot(path="/tmp/wt15shots/editor-retired-1280.png")

    page.goto(page.base_url + old.get_absolute_url())
    assert page.url == page.base_url + new.get_absolute_url()

    page.goto(page.base_url + f"/fr/staff/guides/{old.pk}/")
    page.get_by_text("Dépublier, retirer ou archiver ce guide").click()
    page.get_by_label("Archiver").check()
    page.get_by_label("Je confirme").check()
    page.get_by_role("button", name="Retirer du site").click()
    expect(page.locator(".messages")).to_contain_text("Le guide est archivé")
    # A reader who never followed the (permanent) redirect gets 410 and a way on.
    reader = page.context.browser.new_context(viewport={"width": 360, "height": 800})
    tab = reader.new_page()
    response = tab.goto(page.base_url + old.get_absolute_url())
    assert response.status == 410
    expect(tab.locator("h1")).to_have_text("Ce guide a été retiré")
    assert_accessible(tab)
    tab.screenshot(path="/tmp/wt15shots/gone-360.png")
    reader.close()
    page.goto(page.base_url + "/fr/staff/audit/")
    expect(page.locator("main")).to_contain_text("Archivé")
    expect(page.locator("main")).to_contain_text("Retiré")
