"""The staff lists and analytics at 1280 px, axe-clean: the dashboard's failed searches sorted
and exported, its trend charts; the scheduled publications published now or cancelled; a past
publication date that asks first (with and without JavaScript); a translation's French changes
side by side."""

import csv
import datetime
import io

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import expect

from guides.editorial import workflow
from guides.editorial.permissions import Role, setup_groups
from guides.models import Guide, RevisionState
from tests.browser.conftest import open_tab
from tests.browser.test_page_layout import watch_csp
from tests.browser.test_staff_journey import sign_in
from tests.staff_fixtures import make_user, team_at_work

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def editor_tab(browser, live_server):
    """An editor signed in at 1280 px, the staff area in every state; the guides it touched."""
    setup_groups(apps=apps)
    editor = make_user("edith", Role.EDITOR)
    guides = team_at_work(editor=editor, contributor=make_user("camille", Role.CONTRIBUTOR))
    page = open_tab(browser, live_server, javascript=True)
    page.set_viewport_size(DESKTOP)
    page.csp_violations = watch_csp(page)
    sign_in(page, "edith")
    page.guides = guides
    yield page
    assert not page.csp_violations, page.csp_violations
    page.context.close()


def test_failed_searches_come_first_sort_by_any_column_and_export(editor_tab, assert_accessible):
    page = editor_tab
    searches = page.get_by_role("region", name="Recherches sans résultat")
    first_heading = page.locator("main h2").nth(2)  # after the two panels
    expect(first_heading).to_have_text("Recherches sans résultat")
    rows = searches.locator("tbody th")
    expect(rows).to_have_text(["calendar", "outlook 2003 pst", "agenda partagé"])  # most first
    assert_accessible(page)
    page.screenshot(path="/tmp/staff-lists-dashboard-1280.png", full_page=True)

    searches.get_by_role("link", name="Recherche").click()
    page.wait_for_url("**/fr/staff/?days=30&sort=query#searches-title")
    expect(rows).to_have_text(["agenda partagé", "calendar", "outlook 2003 pst"])  # A to Z
    expect(searches.locator('th[aria-sort="ascending"]')).to_have_text("Recherche ▲")
    searches.get_by_role("link", name="Recherche").click()  # again: Z to A
    page.wait_for_url("**sort=-query#searches-title")
    expect(rows).to_have_text(["outlook 2003 pst", "calendar", "agenda partagé"])

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Exporter en CSV").click()
    download = download_info.value
    today = timezone.localdate().isoformat()
    assert download.suggested_filename == f"recherches-sans-resultat-30-jours-{today}.csv"
    with open(download.path(), encoding="utf-8-sig") as exported:
        table = list(csv.reader(exported))
    assert table[0] == ["Recherche", "Langue", "Fois", "Dernière fois"]
    assert [row[0] for row in table[1:]] == ["outlook 2003 pst", "calendar", "agenda partagé"]


def test_the_trends_are_drawn_by_the_portal_with_the_figures_behind_them(
    editor_tab, assert_accessible
):
    page = editor_tab
    trends = page.locator(".trend")
    expect(trends).to_have_count(2)
    expect(trends.first.locator("figcaption")).to_contain_text("Vues des guides")
    chart = trends.first.locator("svg.trend-chart")
    box = chart.bounding_box()
    assert box["width"] > 400 and 80 <= box["height"] <= 110
    assert chart.locator("rect.trend-bar").count() == 30  # a view every day of the month
    fill = chart.locator("rect").first.evaluate("bar => getComputedStyle(bar).fill")
    assert fill == "rgb(11, 61, 145)"  # the brand colour, from the stylesheet
    table = page.get_by_role("table", name="Vues et recherches par jour, des 30 derniers jours")
    expect(table).to_be_hidden()
    page.get_by_text("Les chiffres, jour par jour").click()
    expect(table.locator("tbody tr")).to_have_count(30)
    assert page.locator("script:not([src]), [style]").count() == 0
    assert_accessible(page)


def test_an_editor_publishes_one_now_and_cancels_another_from_the_list(
    editor_tab, assert_accessible
):
    page = editor_tab
    english, editor = page.guides["english"], User.objects.get(username="edith")
    workflow.publish(
        guide=english,
        revision=workflow.head_revision(english),
        author=editor,
        at=timezone.now() + datetime.timedelta(days=3),
    )
    page.goto(page.base_url + "/fr/staff/")
    page.get_by_role("link", name="Les publications programmées (2)").click()
    page.wait_for_url("**/fr/staff/scheduled/")
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Set up Thunderbird")  # the soonest first
    expect(rows.first).to_contain_text("edith, le")
    assert_accessible(page)

    page.get_by_role("button", name="Publier maintenant « Set up Thunderbird » (en)").click()
    expect(page.locator(".messages")).to_contain_text("« Set up Thunderbird » est en ligne")
    expect(rows).to_have_count(1)
    assert workflow.head_revision(english).state == RevisionState.PUBLISHED

    page.get_by_role(
        "button", name="Annuler la programmation de « Your e-mail account settings » (en)"
    ).click()
    expect(page.locator(".messages")).to_contain_text("est annulée")
    expect(page.get_by_text("Aucune publication programmée.")).to_be_visible()
    assert not page.guides["scheduled"].revisions.scheduled().exists()
    assert_accessible(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no javascript"])
def test_a_past_date_asks_before_publishing_now(
    browser, live_server, assert_accessible, javascript
):
    setup_groups(apps=apps)
    make_user("edith", Role.EDITOR)
    guide = Guide.objects.get(language="fr", key="thunderbird")
    page = open_tab(browser, live_server, javascript=javascript)
    page.set_viewport_size(DESKTOP)
    sign_in(page, "edith")
    page.goto(page.base_url + f"/fr/staff/guides/{guide.pk}/")
    page.get_by_label("Ce que vous avez changé").fill("Relu")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.locator(".messages")).to_contain_text("Révision 2 enregistrée")
    last_year = timezone.localtime() - datetime.timedelta(days=365)
    state = page.locator(".publish-form")
    state.get_by_label("Date de publication (facultatif)").fill(f"{last_year:%Y-%m-%dT%H:%M}")
    state.get_by_role("button", name="Publier la révision 2").click()

    page.wait_for_url("**/publish/confirm/?revision=2&publish_at=*")
    expect(page.locator("h1")).to_have_text("Publier maintenant ?")
    expect(page.locator("main")).to_contain_text(f"le {last_year:%d/%m/%Y %H:%M}, est déjà passée")
    assert workflow.head_revision(guide).state == RevisionState.DRAFT
    if javascript:
        assert_accessible(page)
        page.screenshot(path="/tmp/staff-lists-confirm-1280.png")
    page.get_by_role("button", name="Publier la révision 2 maintenant").click()
    expect(page.locator(".messages")).to_contain_text("Le guide est en ligne.")
    assert workflow.head_revision(guide).state == RevisionState.PUBLISHED
    page.context.close()


def test_a_translator_reads_the_french_changes_side_by_side(editor_tab, assert_accessible):
    page = editor_tab
    page.goto(page.base_url + f"/fr/staff/guides/{page.guides['english'].pk}/")
    changes = page.get_by_role("region", name="Le français, avant et aujourd'hui")
    expect(changes).to_be_visible()
    changed = changes.locator("tr.sbs-changed").first
    before, today = changed.locator("td").nth(0), changed.locator("td").nth(1)
    expect(before.locator("del")).to_have_text("115")
    expect(today.locator("ins")).to_have_text("128")
    left, right = before.bounding_box(), today.bounding_box()
    assert right["x"] >= left["x"] + left["width"] - 1  # side by side
    assert abs(left["width"] - right["width"]) < 2  # two equal halves
    assert_accessible(page)
    changes.screenshot(path="/tmp/staff-lists-side-by-side-1280.png")


def test_the_english_dashboard_reads_in_english(editor_tab, assert_accessible):
    page = editor_tab
    page.goto(page.base_url + "/en/staff/")
    expect(page.locator("h1")).to_have_text("Dashboard")
    expect(page.get_by_role("region", name="Searches with no results")).to_be_visible()
    text = page.locator("main").inner_text()
    assert "Scheduled publications" in text and "12/24/2030 9:30 a.m." in text
    with io.StringIO(text) as lines:
        assert not [line for line in lines if " :" in line or "«" in line]
    assert_accessible(page)
