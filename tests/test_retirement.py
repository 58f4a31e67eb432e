"""Unpublishing, retiring and archiving a guide from the staff area: what the public address
answers, what the history and the audit log keep, and who may do it."""

import pytest
from django.urls import reverse

from guides.content.typography import french_spacing
from guides.editorial import workflow
from guides.editorial.retirement import Withdrawal, withdraw
from guides.models import AuditAction, AuditLog, Guide, GuideStatus, RevisionState

pytestmark = pytest.mark.django_db

OLD_URL = "/fr/guides/configurer-thunderbird/"


@pytest.fixture
def guide():
    return Guide.objects.get(language="fr", key="thunderbird")


@pytest.fixture
def replacement():
    return Guide.objects.get(language="fr", key="thunderbird-legacy")


def withdraw_url(guide) -> str:
    return reverse("guides:staff_withdraw", kwargs={"pk": guide.pk})


def test_retiring_with_a_replacement_redirects_its_address(
    editor_client, editor, guide, replacement
):
    response = editor_client.post(
        withdraw_url(guide),
        {
            "how": "retire",
            "replacement": replacement.pk,
            "reason": "Version 115 dépassée",
            "confirm": "on",
        },
    )
    assert response.status_code == 302
    guide.refresh_from_db()
    assert (guide.status, guide.replaced_by) == (GuideStatus.RETIRED, replacement)
    public = editor_client.get(OLD_URL)
    assert (public.status_code, public["Location"]) == (301, replacement.get_absolute_url())
    by_key = editor_client.get("/fr/guides/k/thunderbird/")
    assert by_key.status_code == 301 and by_key["Location"] == replacement.get_absolute_url()
    head = workflow.head_revision(guide)
    assert head.message == french_spacing(
        "Retiré (vers « thunderbird-legacy ») : Version 115 dépassée"
    )
    assert head.author == editor and head.state == RevisionState.DRAFT
    entry = AuditLog.objects.filter(object_id=str(guide.pk)).first()
    assert (entry.action, entry.actor) == (AuditAction.RETIRE, editor)
    assert not Guide.objects.published().filter(pk=guide.pk).exists()


def test_retiring_without_replacement_or_archiving_answers_410(client, editor, guide, replacement):
    withdraw(guide=guide, how=Withdrawal.RETIRE, author=editor)
    response = client.get(OLD_URL)
    assert response.status_code == 410
    assert "Ce guide a été retiré" in response.content.decode()
    withdraw(guide=guide, how=Withdrawal.ARCHIVE, author=editor)
    assert client.get(OLD_URL).status_code == 410
    assert client.get("/fr/guides/k/thunderbird/").status_code == 410
    assert client.get("/fr/guides/jamais-existe/").status_code == 404


def test_a_replacement_taken_offline_later_turns_the_redirect_into_410(
    client, editor, guide, replacement
):
    withdraw(guide=guide, how=Withdrawal.RETIRE, author=editor, replacement=replacement)
    withdraw(guide=replacement, how=Withdrawal.UNPUBLISH, author=editor)
    assert client.get(OLD_URL).status_code == 410


def test_unpublishing_then_publishing_again_brings_the_guide_back(
    client, editor, guide, replacement
):
    withdraw(guide=guide, how=Withdrawal.RETIRE, author=editor, replacement=replacement)
    head = workflow.head_revision(guide)
    workflow.publish(guide=guide, revision=head, author=editor)
    guide.refresh_from_db()
    assert (guide.status, guide.replaced_by) == (GuideStatus.PUBLISHED, None)
    assert client.get(OLD_URL).status_code == 200

    withdraw(guide=guide, how=Withdrawal.UNPUBLISH, author=editor)
    guide.refresh_from_db()
    assert guide.status == GuideStatus.DRAFT and guide.published_at is None
    assert client.get(OLD_URL).status_code == 404
    actions = list(
        AuditLog.objects.filter(object_id=str(guide.pk)).values_list("action", flat=True)
    )
    assert actions[:3] == [AuditAction.UNPUBLISH, AuditAction.PUBLISH, AuditAction.RETIRE]


def test_refusals_are_explained(editor_client, editor, guide, replacement):
    from guides.editorial.workflow import EditorialError

    with pytest.raises(EditorialError, match="Seul un guide retiré"):
        withdraw(guide=guide, how=Withdrawal.ARCHIVE, author=editor, replacement=replacement)
    with pytest.raises(EditorialError, match="autre guide en ligne"):
        withdraw(guide=guide, how=Withdrawal.RETIRE, author=editor, replacement=guide)
    english = Guide.objects.get(language="en", key="thunderbird-legacy")
    with pytest.raises(EditorialError, match="même langue"):
        withdraw(guide=guide, how=Withdrawal.RETIRE, author=editor, replacement=english)
    response = editor_client.post(withdraw_url(guide), {"how": "retire"}, follow=True)
    assert "Cochez la confirmation pour retirer le guide." in response.content.decode()
    guide.refresh_from_db()
    assert guide.status == GuideStatus.PUBLISHED


@pytest.mark.parametrize(
    ("who", "expected"), [("anonymous", 302), ("customer", 403), ("contributor", 403)]
)
def test_only_editors_may_withdraw(client, request, guide, who, expected):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.post(withdraw_url(guide), {"how": "archive", "confirm": "on"})
    assert response.status_code == expected
    guide.refresh_from_db()
    assert guide.status == GuideStatus.PUBLISHED


def test_the_editor_shows_the_withdrawal_form_to_editors_only(client, editor, contributor, guide):
    url = reverse("guides:staff_guide_edit", kwargs={"pk": guide.pk})
    client.force_login(contributor)
    assert "Dépublier, retirer ou archiver" not in client.get(url).content.decode()
    client.force_login(editor)
    assert "Dépublier, retirer ou archiver" in client.get(url).content.decode()
