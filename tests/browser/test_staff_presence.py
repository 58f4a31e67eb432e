"""Two people open the same guide at 1280 px: the second is told who is already there."""

import pytest
from django.apps import apps
from playwright.sync_api import expect

from guides.editorial.permissions import Role, setup_groups
from guides.models import Guide
from tests.browser.test_staff_journey import sign_in
from tests.staff_fixtures import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_second_editor_sees_who_has_the_guide_open(page, assert_accessible):
    setup_groups(apps=apps)
    make_user("edith", Role.EDITOR)
    make_user("camille", Role.CONTRIBUTOR)
    guide = Guide.objects.get(language="fr", key="thunderbird")
    url = page.base_url + f"/fr/staff/guides/{guide.pk}/"
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "edith")
    page.goto(url)
    expect(page.locator("#presence")).to_have_text("")

    other = page.context.browser.new_context(viewport={"width": 1280, "height": 900})
    second = other.new_page()
    second.base_url = page.base_url
    sign_in(second, "camille")
    second.goto(url)
    expect(second.locator("#presence")).to_contain_text("edith a aussi ce guide ouvert")
    assert_accessible(second)
    other.close()
