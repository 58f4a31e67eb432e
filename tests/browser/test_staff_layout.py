"""Every staff page on a 390 px phone, signed in as an editor with the staff area in every
state: nothing wider than the screen outside a box that scrolls, no word broken letter by
letter in a table, no Content-Security-Policy violation, and axe finds nothing. The same checks
as tests/browser/test_page_layout.py, behind the sign-in."""

import datetime

import pytest
from django.apps import apps
from django.utils import timezone

from guides.editorial.permissions import Role, setup_groups
from tests.browser.conftest import open_tab
from tests.browser.test_page_layout import assert_reads_on_a_phone, watch_csp
from tests.browser.test_staff_journey import sign_in
from tests.staff_fixtures import make_user, team_at_work

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 800}


def staff_pages(guides: dict) -> dict[str, str]:
    english = guides["english"].pk
    yesterday = timezone.localtime() - datetime.timedelta(days=1)
    return {
        "dashboard": "/fr/staff/",
        "dashboard in English": "/en/staff/?sort=query",
        "guides": "/fr/staff/guides/",
        "scheduled": "/fr/staff/scheduled/",
        "submissions": "/fr/staff/submissions/",
        "review dates": "/fr/staff/review-dates/",
        "translations": "/fr/staff/translations/",
        "audit": "/fr/staff/audit/",
        "history": f"/fr/staff/guides/{english}/history/",
        "translation editor": f"/fr/staff/guides/{english}/",
        "publish now?": (
            f"/fr/staff/guides/{english}/publish/confirm/"
            f"?revision=2&publish_at={yesterday:%Y-%m-%dT%H:%M}"
        ),
        "replies": "/fr/staff/replies/",
    }


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no javascript"])
def test_every_staff_page_reads_on_a_phone(browser, live_server, assert_accessible, javascript):
    setup_groups(apps=apps)
    editor = make_user("edith", Role.EDITOR)
    guides = team_at_work(editor=editor, contributor=make_user("camille", Role.CONTRIBUTOR))
    page = open_tab(browser, live_server, javascript=javascript)
    page.set_viewport_size(PHONE)
    violations = watch_csp(page)
    sign_in(page, "edith")
    for name, path in staff_pages(guides).items():
        assert page.goto(page.base_url + path).status == 200, name
        try:
            assert_reads_on_a_phone(page, violations)
            if javascript:
                assert_accessible(page)
        except AssertionError as failure:
            raise AssertionError(f"{name} ({path}): {failure}") from None
    page.context.close()
