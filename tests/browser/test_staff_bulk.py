"""An editor filters the staff list by status and archives two guides at once, at 1280 px."""

import pytest
from django.apps import apps
from playwright.sync_api import expect

from guides.editorial.permissions import Role, setup_groups
from guides.models import Guide, GuideStatus
from tests.browser.test_staff_journey import sign_in
from tests.staff_fixtures import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_editor_archives_two_guides_from_the_filtered_list(page, assert_accessible):
    setup_groups(apps=apps)
    make_user("edith", Role.EDITOR)
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "edith")
    page.goto(page.base_url + "/fr/staff/guides/?language=fr&status=published")
    assert_accessible(page)
    page.get_by_label("Sélectionner « Configurer Thunderbird (anciennes versions) » (fr)").check()
    page.get_by_label("Sélectionner « Configurer un téléphone Windows Phone » (fr)").check()
    page.get_by_label("Action sur les guides cochés").select_option("archive")
    page.get_by_role("button", name="Appliquer").click()
    expect(page.locator(".messages")).to_contain_text("Cochez la confirmation")
    page.get_by_label("Sélectionner « Configurer Thunderbird (anciennes versions) » (fr)").check()
    page.get_by_label("Sélectionner « Configurer un téléphone Windows Phone » (fr)").check()
    page.get_by_label("Action sur les guides cochés").select_option("archive")
    page.get_by_label("Je confirme cette action").check()
    page.get_by_role("button", name="Appliquer").click()
    expect(page.locator(".messages")).to_contain_text("Fait pour 2 guide(s)")
    assert Guide.objects.filter(status=GuideStatus.ARCHIVED).count() == 2
    page.get_by_label("État").select_option("retired")
    page.get_by_role("button", name="Filtrer").click()
    expect(page.locator("tbody tr")).to_have_count(2)
    assert_accessible(page)
    page.screenshot(path="/tmp/wt15shots/staff-list-1280.png")
    page.set_viewport_size({"width": 390, "height": 800})
    page.screenshot(path="/tmp/wt15shots/staff-list-390.png")
