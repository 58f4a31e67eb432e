"""An editor asks for changes on a proposal at 1280 px; the contributor finds it in the
"awaiting you" panel and reads the comment on the draft."""

import pytest
from django.apps import apps
from playwright.sync_api import expect

from guides.editorial import workflow
from guides.editorial.permissions import Role, setup_groups
from guides.models import Guide
from tests.browser.test_staff_journey import sign_in
from tests.staff_fixtures import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_editor_asks_for_changes_and_the_contributor_reads_them(page, assert_accessible):
    setup_groups(apps=apps)
    camille = make_user("camille", Role.CONTRIBUTOR)
    make_user("edith", Role.EDITOR)
    guide = Guide.objects.get(language="fr", key="thunderbird")
    head = workflow.head_revision(guide)
    content = workflow.editable_content(guide, head)
    workflow.save_draft(
        guide=guide,
        content=content,
        author=camille,
        base_number=workflow.head_number(head),
        message="Étapes de Thunderbird 128",
        submit=True,
    )
    page.set_viewport_size({"width": 1280, "height": 900})

    sign_in(page, "edith")
    panel = page.locator(".awaiting")
    expect(panel).to_contain_text("Configurer Thunderbird")
    expect(panel).to_contain_text("« Étapes de Thunderbird 128 »")
    assert_accessible(page)
    panel.get_by_role("link", name="Configurer Thunderbird").click()
    page.get_by_text("Demander des modifications ou refuser").click()
    page.get_by_label("Demander des modifications").check()
    page.get_by_label("Commentaire pour l'auteur").fill("Ajoutez une capture de l'écran final.")
    assert_accessible(page)
    page.get_by_role("button", name="Envoyer la réponse à l'auteur").click()
    expect(page.locator(".messages")).to_contain_text("Modifications demandées")
    page.get_by_role("button", name="Se déconnecter").click()

    sign_in(page, "camille")
    expect(page.locator(".awaiting")).to_contain_text("Modifications demandées")
    page.locator(".awaiting").get_by_role("link", name="Configurer Thunderbird").click()
    expect(page.locator(".review-comment")).to_contain_text("Ajoutez une capture de l'écran final.")
    expect(page.locator(".review-comment")).to_contain_text("par edith")
    assert_accessible(page)
    page.screenshot(path="/tmp/wt15shots/review-comment-1280.png")
