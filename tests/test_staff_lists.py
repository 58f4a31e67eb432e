"""The staff lists: translations older than their French source, guides past their review
date, drafts waiting for an editor."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from guides.editorial import staff_lists, workflow
from guides.editorial.revisions import GuideContent
from guides.editorial.staff_lists import EditorialStatus, TranslationState
from guides.models import AuditAction, AuditLog, Guide
from tests.staff_fixtures import edit_form_data

pytestmark = pytest.mark.django_db


def translation_state(key: str) -> TranslationState:
    (row,) = staff_lists.translation_overview(key=key)
    (translation,) = row.translations
    return translation.state


def publish_change(guide, author, **changes):
    content = workflow.editable_content(guide, workflow.head_revision(guide))
    revision = workflow.save_draft(
        guide=guide,
        content=GuideContent(**content.revision_fields() | changes),
        author=author,
        base_number=workflow.head_number(workflow.head_revision(guide)),
    )
    workflow.publish(guide=guide, revision=revision, author=author)


def test_a_french_change_makes_the_translation_older_than_its_source(editor_client, editor):
    assert translation_state("thunderbird") == TranslationState.UP_TO_DATE
    french = Guide.objects.get(language="fr", key="thunderbird")
    publish_change(french, editor, body="Nouveau texte français.")
    assert translation_state("thunderbird") == TranslationState.OUTDATED
    html = editor_client.get(reverse("guides:staff_translations"), {"todo": 1}).content.decode()
    assert "Configurer Thunderbird" in html
    assert "Le texte français a changé depuis" in html
    assert "Paramètres de votre compte" not in html  # up to date, filtered out

    # The translator reports the change and says so: up to date again.
    english = Guide.objects.get(language="en", key="thunderbird")
    data = edit_form_data(english, body="New English text.", from_source="on")
    editor_client.post(reverse("guides:staff_guide_edit", kwargs={"pk": english.pk}), data)
    assert translation_state("thunderbird") == TranslationState.UP_TO_DATE


def test_a_translation_edit_without_the_box_keeps_its_old_source_date(editor, editor_client):
    french = Guide.objects.get(language="fr", key="thunderbird")
    publish_change(french, editor, body="Changement.")
    english = Guide.objects.get(language="en", key="thunderbird")
    data = edit_form_data(english, body="Typo fixed.")
    editor_client.post(reverse("guides:staff_guide_edit", kwargs={"pk": english.pk}), data)
    assert translation_state("thunderbird") == TranslationState.OUTDATED


def test_a_missing_translation_is_listed_with_a_link_to_write_it(editor_client, editor):
    source = workflow.create_guide(
        language="fr",
        key="seulement-en-francais",
        content=GuideContent(slug="seulement-en-francais", title="Seulement en français"),
        author=editor,
    )
    assert translation_state("seulement-en-francais") == TranslationState.MISSING
    html = editor_client.get(reverse("guides:staff_translations")).content.decode()
    assert f"/fr/staff/guides/new/?from={source.pk}" in html
    edit = editor_client.get(reverse("guides:staff_guide_edit", kwargs={"pk": source.pk}))
    assert "À traduire" in edit.content.decode()


def test_the_review_list_shows_guides_past_their_date_and_editors_mark_them_reviewed(
    client, editor, contributor
):
    guide = Guide.objects.get(language="fr", key="thunderbird")
    guide.review_by = timezone.localdate() - datetime.timedelta(days=3)
    guide.save(update_fields=["review_by"])
    overdue, _upcoming = staff_lists.guides_to_review(today=timezone.localdate())
    assert overdue == [guide]

    client.force_login(contributor)
    html = client.get(reverse("guides:staff_review_due")).content.decode()
    assert "Configurer Thunderbird" in html and "Marquer comme relu" not in html

    client.force_login(editor)
    assert "Marquer comme relu" in client.get(reverse("guides:staff_review_due")).content.decode()
    next_year = timezone.localdate() + datetime.timedelta(days=365)
    response = client.post(
        reverse("guides:staff_reviewed", kwargs={"pk": guide.pk}),
        {"review_by": next_year.isoformat(), "next": "/fr/staff/review-dates/"},
    )
    assert response.url == "/fr/staff/review-dates/"
    guide.refresh_from_db()
    assert guide.review_by == next_year
    assert AuditLog.objects.filter(action=AuditAction.REVIEWED, actor=editor).exists()
    past = client.post(
        reverse("guides:staff_reviewed", kwargs={"pk": guide.pk}), {"review_by": "2001-01-01"}
    )
    assert past.status_code == 302
    guide.refresh_from_db()
    assert guide.review_by == next_year


def test_the_guide_list_says_where_each_guide_stands(editor_client, contributor):
    guide = Guide.objects.get(language="fr", key="thunderbird")
    content = workflow.editable_content(guide, None)
    workflow.save_draft(
        guide=guide, content=content, author=contributor, base_number=0, submit=True
    )
    statuses = {g.pk: g.editorial_status for g in staff_lists.guides_with_status(language="fr")}
    assert statuses[guide.pk] == EditorialStatus.SUBMITTED
    assert set(statuses.values()) == {EditorialStatus.SUBMITTED, EditorialStatus.PUBLISHED}
    html = editor_client.get(reverse("guides:staff_guides"), {"q": "thunder"}).content.decode()
    assert "À relire" in html and "Configurer Thunderbird" in html
    assert "Paramètres de votre compte" not in html


def test_restoring_the_french_text_the_translation_was_made_from_clears_staleness(
    editor, editor_client
):
    french = Guide.objects.get(language="fr", key="thunderbird")
    original = workflow.editable_content(french, workflow.head_revision(french))
    publish_change(french, editor, body="Un changement passager.")
    assert translation_state("thunderbird") == TranslationState.OUTDATED
    english = Guide.objects.get(language="en", key="thunderbird")
    page = editor_client.get(reverse("guides:staff_guide_edit", kwargs={"pk": english.pk}))
    html = page.content.decode()
    assert "Ce qui a changé en français depuis la traduction" in html
    assert "Un changement passager." in html

    first = french.revisions.get(number=1)
    restored = workflow.restore(
        guide=french,
        revision=first,
        author=editor,
        base_number=workflow.head_number(workflow.head_revision(french)),
    )
    workflow.publish(guide=french, revision=restored, author=editor)
    french.refresh_from_db()
    assert workflow.editable_content(french, None) == original
    assert translation_state("thunderbird") == TranslationState.UP_TO_DATE
