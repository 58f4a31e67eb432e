"""The staff list's status filters and its bulk actions, with their confirmation and roles."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from guides.editorial import workflow
from guides.editorial.retirement import Withdrawal, withdraw
from guides.editorial.staff_lists import StatusFilter, filtered_guides
from guides.models import AuditAction, AuditLog, Guide, GuideStatus, RevisionState
from tests.staff_fixtures import edit_form_data

pytestmark = pytest.mark.django_db


def keys(status, **options):
    guides = filtered_guides(status=status, today=timezone.localdate(), language="fr", **options)
    return {guide.key for guide in guides}


def test_filters_by_status(editor_client, editor):
    thunderbird = Guide.objects.get(language="fr", key="thunderbird")
    editor_client.post(
        reverse("guides:staff_guide_edit", kwargs={"pk": thunderbird.pk}),
        edit_form_data(thunderbird, body="Revu.", action="submit"),
    )
    quota = Guide.objects.get(language="fr", key="quota")
    withdraw(guide=quota, how=Withdrawal.ARCHIVE, author=editor)
    Guide.objects.filter(language="fr", key="spam").update(
        review_by=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert keys(StatusFilter.SUBMITTED) == {"thunderbird"}
    assert keys(StatusFilter.RETIRED) == {"quota"}
    assert "quota" not in keys(None) and "thunderbird" in keys(None)
    assert "spam" in keys(StatusFilter.REVIEW_DUE)
    assert "quota" not in keys(StatusFilter.PUBLISHED)
    page = editor_client.get(reverse("guides:staff_guides"), {"status": "submitted"})
    assert page.content.decode().count('name="guides"') == 1


def test_stale_translations_are_a_filter(editor):
    source = Guide.objects.get(language="fr", key="spam")
    head = workflow.head_revision(source)
    content = workflow.editable_content(source, head)
    revision = workflow.save_draft(
        guide=source,
        content=workflow.GuideContent(**content.revision_fields() | {"body": "Changé."}),
        author=editor,
        base_number=workflow.head_number(head),
    )
    workflow.publish(guide=source, revision=revision, author=editor)
    stale = filtered_guides(status=StatusFilter.STALE, today=timezone.localdate(), language="en")
    assert [guide.key for guide in stale] == ["spam"]


def test_bulk_archive_needs_confirmation_then_acts_on_each(editor_client):
    picked = list(Guide.objects.filter(language="fr", key__in=["quota", "spam"]))
    url = reverse("guides:staff_bulk")
    data = {"guides": [g.pk for g in picked], "action": "archive"}
    response = editor_client.post(url, data, follow=True)
    assert "Cochez la confirmation pour agir sur plusieurs guides." in response.content.decode()
    assert not Guide.objects.filter(status=GuideStatus.ARCHIVED).exists()
    editor_client.post(url, data | {"confirm": "on"})
    assert set(Guide.objects.filter(status=GuideStatus.ARCHIVED)) == set(picked)
    assert AuditLog.objects.filter(action=AuditAction.ARCHIVE).count() == 2


def test_bulk_publish_refuses_a_guide_with_an_error_and_publishes_the_rest(editor_client):
    good = Guide.objects.get(language="fr", key="spam")
    bad = Guide.objects.get(language="fr", key="quota")
    for guide, body in ((good, "Bon texte."), (bad, "Voir {{ inconnue }}.")):
        editor_client.post(
            reverse("guides:staff_guide_edit", kwargs={"pk": guide.pk}),
            edit_form_data(guide, body=body),
        )
    response = editor_client.post(
        reverse("guides:staff_bulk"),
        {"guides": [good.pk, bad.pk], "action": "publish", "confirm": "on"},
        follow=True,
    )
    html = response.content.decode()
    assert workflow.head_revision(good).state == RevisionState.PUBLISHED
    assert workflow.head_revision(bad).state == RevisionState.DRAFT
    assert "{{ inconnue }}" in html


def test_bulk_mark_reviewed(editor_client):
    guide = Guide.objects.get(language="fr", key="spam")
    editor_client.post(
        reverse("guides:staff_bulk"), {"guides": [guide.pk], "action": "reviewed", "confirm": "on"}
    )
    guide.refresh_from_db()
    assert guide.review_by == timezone.localdate() + datetime.timedelta(days=365)


@pytest.mark.parametrize(("who", "expected"), [("contributor", 403), ("customer", 403)])
def test_only_editors_act_in_bulk(client, request, who, expected):
    client.force_login(request.getfixturevalue(who))
    guide = Guide.objects.get(language="fr", key="spam")
    response = client.post(
        reverse("guides:staff_bulk"), {"guides": [guide.pk], "action": "archive", "confirm": "on"}
    )
    assert response.status_code == expected


def test_staff_search_reads_the_full_text_of_drafts_too(editor_client, editor):
    draft = workflow.create_guide(
        language="fr",
        key="brouillon-secret",
        content=workflow.GuideContent(
            slug="brouillon-secret", title="Un brouillon", body="Le mot zygomatique est rare."
        ),
        author=editor,
    )
    html = editor_client.get(reverse("guides:staff_guides"), {"q": "zygomatique"}).content
    assert f"/fr/staff/guides/{draft.pk}/" in html.decode()
    assert (
        editor_client.get("/fr/search/", {"q": "zygomatique"}).content.count(b"Un brouillon") == 0
    )
    body_only = editor_client.get(reverse("guides:staff_guides"), {"q": "imap"}).content.decode()
    assert "Paramètres de votre compte" in body_only  # found by its text, not its title


def test_the_english_staff_list_names_categories_in_english(editor_client):
    html = editor_client.get("/en/staff/guides/").content.decode()
    assert '<td data-label="Section">Mail apps</td>' in html
    assert "Logiciels de messagerie" not in html
