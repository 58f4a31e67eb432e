"""Review both ways: approve (publish), ask for changes, reject; the author reads the comment
on the draft and gets an e-mail; the queue and the dashboard show what waits for whom."""

import pytest
from django.core import mail
from django.urls import reverse

from guides.content.typography import french_spacing
from guides.editorial import review, workflow
from guides.models import AuditAction, AuditLog, Guide, RevisionState
from tests.staff_fixtures import edit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    return Guide.objects.get(language="fr", key="thunderbird")


@pytest.fixture
def proposal(client, contributor, editor, guide):
    contributor.email, editor.email = "camille@example.com", "edith@example.com"
    contributor.save()
    editor.save()
    client.force_login(contributor)
    client.post(
        reverse("guides:staff_guide_edit", kwargs={"pk": guide.pk}),
        edit_form_data(guide, body="Texte revu.", message="Étapes de 128", action="submit"),
    )
    return workflow.head_revision(guide)


def answer(client, guide, revision, decision, comment="Précisez la version."):
    return client.post(
        reverse("guides:staff_answer", kwargs={"pk": guide.pk}),
        {"revision": revision.number, "decision": decision, "comment": comment},
        follow=True,
    )


def test_submitting_tells_the_editors_and_fills_the_queue(client, editor, guide, proposal):
    assert [message.to for message in mail.outbox] == [["edith@example.com"]]
    assert "camille propose la révision 2" in mail.outbox[0].body
    assert "Étapes de 128" in mail.outbox[0].body
    client.force_login(editor)
    queue = client.get(reverse("guides:staff_submissions")).content.decode()
    assert (
        "proposée par camille" in queue and french_spacing("Pourquoi : « Étapes de 128 »") in queue
    )
    dashboard = client.get(reverse("guides:staff_dashboard")).content.decode()
    assert "En attente de vous" in dashboard and "Configurer Thunderbird" in dashboard


def test_asking_for_changes_shows_the_comment_to_the_author(
    client, editor, contributor, guide, proposal
):
    client.force_login(editor)
    response = answer(client, guide, proposal, "changes")
    assert french_spacing("Modifications demandées : l&#x27;auteur verra votre commentaire.") in (
        response.content.decode()
    )
    proposal.refresh_from_db()
    assert (proposal.state, proposal.reviewer, proposal.review_comment) == (
        RevisionState.CHANGES_REQUESTED,
        editor,
        "Précisez la version.",
    )
    assert mail.outbox[-1].to == ["camille@example.com"]
    assert "Précisez la version." in mail.outbox[-1].body
    entry = AuditLog.objects.filter(object_id=str(guide.pk)).first()
    assert (entry.action, entry.actor) == (AuditAction.REQUEST_CHANGES, editor)

    client.force_login(contributor)
    page = client.get(reverse("guides:staff_guide_edit", kwargs={"pk": guide.pk}))
    assert "Précisez la version." in page.content.decode()
    assert [revision.number for revision in review.awaiting(user=contributor)] == [2]


def test_rejecting_needs_a_comment_and_blocks_publication(client, editor, guide, proposal):
    client.force_login(editor)
    response = answer(client, guide, proposal, "reject", comment="  ")
    assert "Écrivez un commentaire pour l&#x27;auteur." in response.content.decode()
    answer(client, guide, proposal, "reject", comment="Hors sujet.")
    proposal.refresh_from_db()
    assert proposal.state == RevisionState.REJECTED
    with pytest.raises(workflow.StaleRevision):
        workflow.publish(guide=guide, revision=proposal, author=editor)
    assert AuditLog.objects.filter(action=AuditAction.REJECT).exists()


def test_approving_publishes_and_tells_the_author(client, editor, guide, proposal):
    client.force_login(editor)
    client.post(
        reverse("guides:staff_publish", kwargs={"pk": guide.pk}), {"revision": proposal.number}
    )
    proposal.refresh_from_db()
    assert proposal.state == RevisionState.PUBLISHED
    assert mail.outbox[-1].to == ["camille@example.com"]
    assert "approuvée et publiée" in mail.outbox[-1].body
    assert review.awaiting(user=editor) == []


@pytest.mark.parametrize(("who", "expected"), [("contributor", 403), ("customer", 403)])
def test_only_editors_answer_proposals(client, request, guide, proposal, who, expected):
    client.force_login(request.getfixturevalue(who))
    response = client.post(
        reverse("guides:staff_answer", kwargs={"pk": guide.pk}),
        {"revision": proposal.number, "decision": "reject", "comment": "Non."},
    )
    assert response.status_code == expected
    proposal.refresh_from_db()
    assert proposal.state == RevisionState.SUBMITTED
