"""Two people on one guide at 1280 px: a revision saved meanwhile is announced while typing,
a refused save comes back as the merge (and saving twice never overwrites the colleague),
leaving or publishing with unsaved changes asks first, Enter in the title adds no step, and a
refused CSRF token or an expired session gives the text back after signing in."""

import re
from dataclasses import replace

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from guides.editorial import workflow
from guides.editorial.permissions import Role, setup_groups
from guides.editorial.revisions import GuideContent
from guides.models import Guide
from tests.browser.test_staff_journey import PASSWORD, sign_in
from tests.staff_fixtures import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BODY = "Ouvrez Thunderbird.\n\nAjoutez le compte.\n\nVérifiez l'envoi."


@pytest.fixture
def guide():
    """Thunderbird's guide with a known text as a draft by Edith (editor): revision 2, after
    the shipped text kept as revision 1. Camille is a contributor."""
    setup_groups(apps=apps)
    make_user("edith", Role.EDITOR)
    make_user("camille", Role.CONTRIBUTOR)
    guide = Guide.objects.get(language="fr", key="thunderbird")
    edith_saves(guide, BODY)
    return guide


def edith_saves(guide, body: str) -> None:
    head = workflow.head_revision(guide)
    content = GuideContent.of_revision(head) if head else GuideContent.of_guide(guide)
    workflow.save_draft(
        guide=guide,
        content=replace(content, body=body),
        author=get_user_model().objects.get(username="edith"),
        base_number=workflow.head_number(head),
    )


def open_editor(page, guide, username: str):
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, username)
    page.goto(page.base_url + f"/fr/staff/guides/{guide.pk}/")
    return page.locator("#id_body")


def test_a_revision_saved_meanwhile_is_announced_with_its_diff(page, guide, assert_accessible):
    page.clock.install()
    body = open_editor(page, guide, "camille")
    body.press("Control+End")
    body.type("\n\nRelevez vos messages.")
    edith_saves(guide, BODY.replace("le compte", "le compte IMAP"))

    page.clock.run_for("00:31")  # the next heartbeat
    announce = page.locator("#presence .newer-version")
    expect(announce).to_contain_text("edith a enregistré la révision 3")
    announce.get_by_text("Voir ce qui a changé").click()
    expect(announce.locator("pre.diff del")).to_have_text("− Ajoutez le compte.")
    expect(announce.locator("pre.diff ins")).to_have_text("+ Ajoutez le compte IMAP.")
    expect(body).to_have_value(re.compile("Relevez vos messages."))
    assert_accessible(page)

    page.clock.run_for("00:31")  # nothing new: the opened diff stays open
    expect(announce.locator("pre.diff")).to_be_visible()


def test_saving_twice_after_a_refusal_never_overwrites_the_colleague(
    page, guide, assert_accessible
):
    body = open_editor(page, guide, "camille")
    body.fill(BODY.replace("Ouvrez", "Lancez"))
    edith_saves(guide, BODY.replace("Ouvrez Thunderbird.", "Ouvrez Thunderbird 128."))

    save_button = page.get_by_role("button", name="Enregistrer le brouillon")
    save_button.click()
    expect(
        page.get_by_role("heading", name=re.compile("Votre enregistrement a été refusé"))
    ).to_be_visible()
    expect(page.locator(".merge-decisions")).to_contain_text("gardés deux fois")
    expect(body).to_have_value(re.compile("^<<<<<<< révision 3 de edith\nOuvrez Thunderbird 128."))
    assert_accessible(page)

    save_button.click()  # the merge as it is: refused where the marks are
    expect(page.locator("#id_body_error")).to_contain_text("deux versions en conflit")
    assert workflow.head_revision(guide).body.startswith("Ouvrez Thunderbird 128.")
    assert guide.revisions.count() == 3

    body.fill(BODY.replace("Ouvrez Thunderbird.", "Lancez Thunderbird 128."))
    save_button.click()
    expect(page.locator(".messages")).to_contain_text("Révision 4 enregistrée")
    assert workflow.head_revision(guide).body.startswith("Lancez Thunderbird 128.")


def test_leaving_or_publishing_with_unsaved_changes_asks_first(page, guide, assert_accessible):
    dialogs = []

    def answer(dialog):
        dialogs.append((dialog.type, dialog.message))
        dialog.accept() if len(dialogs) > 2 else dialog.dismiss()

    page.on("dialog", answer)
    body = open_editor(page, guide, "edith")
    page.get_by_role("link", name="Historique et différences").click()
    page.wait_for_url("**/history/")  # nothing typed: no question
    page.go_back()
    body.press("Control+End")
    body.type("\n\nPas encore enregistré.")

    page.get_by_role("link", name="Historique et différences").click()
    page.wait_for_timeout(300)
    assert dialogs[0][0] == "beforeunload"
    assert "/history/" not in page.url

    page.get_by_role("button", name="Publier la révision 2").click()
    page.wait_for_timeout(300)
    assert dialogs[1] == (
        "confirm",
        "Le formulaire contient des modifications non enregistrées\u00a0: elles ne seront pas "
        "publiées, et seront perdues. Publier quand même la révision 2 telle qu'elle est "
        "enregistrée\u202f?",
    )
    assert not guide.revisions.filter(number=2, state="published").exists()

    page.get_by_role("button", name="Publier la révision 2").click()  # accepted this time
    expect(page.locator(".messages")).to_contain_text("Le guide est en ligne.")
    assert [kind for kind, _message in dialogs] == ["beforeunload", "confirm", "confirm"]
    assert_accessible(page)


def test_enter_in_the_title_does_nothing_and_without_javascript_only_previews(
    page, page_without_js, guide
):
    open_editor(page, guide, "edith")
    steps = page.locator(".step-form").count()
    title = page.locator("#id_title")
    title.fill("Configurer Thunderbird, titre revu")
    page.evaluate("() => { window.sameDocument = true; }")
    title.press("Enter")
    page.wait_for_timeout(700)
    assert page.evaluate("() => window.sameDocument === true")  # no submission, no reload
    expect(page.locator(".step-form")).to_have_count(steps)
    expect(title).to_have_value("Configurer Thunderbird, titre revu")

    open_editor(page_without_js, guide, "camille")
    title = page_without_js.locator("#id_title")
    title.fill("Titre tapé sans JavaScript")
    with page_without_js.expect_navigation():
        title.press("Enter")
    expect(page_without_js.locator(".step-form")).to_have_count(steps)
    expect(page_without_js.locator("#id_title")).to_have_value("Titre tapé sans JavaScript")
    assert guide.revisions.count() == 2


def test_a_refused_token_shows_the_portals_page_and_gives_the_text_back(
    page, guide, assert_accessible
):
    body = open_editor(page, guide, "camille")
    body.press("Control+End")
    body.type("\n\nTapé avant de se reconnecter ailleurs.")
    other_tab = page.context.new_page()
    other_tab.base_url = page.base_url
    sign_in(other_tab, "camille")  # a new token for the whole browser
    other_tab.close()

    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.get_by_role("heading", name="Ce formulaire n'est plus valable")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("CSRF")
    assert_accessible(page)
    page.get_by_role("link", name="Reprendre mon texte dans l'éditeur").click()
    expect(body).to_have_value(re.compile("Tapé avant de se reconnecter ailleurs."))

    # Signed out meanwhile, cookies gone: the page leads through the sign-in page.
    body.press("Control+End")
    body.type(" Et encore.")
    page.context.clear_cookies()
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.get_by_role("link", name="Me connecter et reprendre mon texte").click()
    page.locator("#id_username").fill("camille")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"**/fr/staff/guides/{guide.pk}/")
    expect(body).to_have_value(re.compile("ailleurs. Et encore."))
    assert guide.revisions.count() == 2
    assert settings.CSRF_FAILURE_VIEW == "guides.views.errors.csrf_failure"
