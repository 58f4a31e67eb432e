"""Drafts, publication now or later, revisions, diffs, restores, conflicts and slug changes,
through the staff views as support staff use them.

Long on purpose: one story of a guide's life, whose tests share its fixtures and helpers.
"""

import datetime
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from guides.content.typography import french_spacing
from guides.editorial import workflow
from guides.models import AuditAction, AuditLog, Guide, GuideStatus, Revision, RevisionState
from tests.staff_fixtures import edit_form_data

pytestmark = pytest.mark.django_db

PUBLIC_URL = "/fr/guides/configurer-thunderbird/"


@pytest.fixture
def guide():
    return Guide.objects.get(language="fr", key="thunderbird")


def edit_url(guide) -> str:
    return reverse("guides:staff_guide_edit", kwargs={"pk": guide.pk})


def publish_url(guide) -> str:
    return reverse("guides:staff_publish", kwargs={"pk": guide.pk})


def test_a_draft_of_a_published_guide_leaves_the_live_page_alone_until_published(
    client, contributor, editor, guide
):
    client.force_login(contributor)
    response = client.post(
        edit_url(guide),
        edit_form_data(
            guide,
            title="Configurer Thunderbird (nouvelle version)",
            body="Texte entièrement revu.",
            message="Texte revu",
            action="submit",
        ),
    )
    assert response.status_code == 302
    head = workflow.head_revision(guide)
    assert (head.number, head.state, head.author, head.message) == (
        2,
        RevisionState.SUBMITTED,
        contributor,
        "Texte revu",
    )
    assert head.base.number == 1  # the text that was there became revision 1
    live = client.get(PUBLIC_URL).content.decode()
    assert "Texte entièrement revu" not in live
    assert "Thunderbird 115" in live

    client.force_login(editor)
    assert (
        "Configurer Thunderbird" in client.get(reverse("guides:staff_submissions")).content.decode()
    )
    response = client.post(publish_url(guide), {"revision": head.number})
    assert response.status_code == 302
    live = client.get(PUBLIC_URL).content.decode()
    assert "Texte entièrement revu" in live
    assert "Configurer Thunderbird (nouvelle version)" in live
    head.refresh_from_db()
    assert head.state == RevisionState.PUBLISHED and head.published_at is not None
    assert [step.title for step in Guide.objects.get(pk=guide.pk).steps.all()] == [
        title for title, _body in head.steps
    ]


def test_a_future_date_schedules_and_the_public_page_applies_it_when_due(editor_client, guide):
    soon = timezone.localtime() + datetime.timedelta(hours=2)
    editor_client.post(
        edit_url(guide),
        edit_form_data(
            guide,
            body="Version de demain.",
            action="publish",
            publish_at=soon.strftime("%Y-%m-%dT%H:%M"),
        ),
    )
    scheduled = workflow.head_revision(guide)
    assert scheduled.state == RevisionState.SCHEDULED
    assert "Version de demain" not in editor_client.get(PUBLIC_URL).content.decode()
    page = editor_client.get(edit_url(guide)).content.decode()
    assert "sera publiée le" in page and "Annuler la programmation" in page

    # Time passes: no cron, the next public request finds it due.
    Revision.objects.filter(pk=scheduled.pk).update(
        publish_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    cache.clear()
    assert "Version de demain" in editor_client.get(PUBLIC_URL).content.decode()
    scheduled.refresh_from_db()
    assert scheduled.state == RevisionState.PUBLISHED
    assert AuditLog.objects.filter(action=AuditAction.PUBLISH, actor=None).exists()


def test_a_new_guide_scheduled_for_later_is_hidden_until_then(editor_client):
    later = timezone.localtime() + datetime.timedelta(days=1)
    response = editor_client.post(
        reverse("guides:staff_guide_new"),
        {
            "language": "fr",
            "key": "nouveau-guide",
            "title": "Un nouveau guide",
            "slug": "un-nouveau-guide",
            "category": "faq",
            "order": 5,
            "body": "Bonjour.",
            "action": "publish",
            "publish_at": later.strftime("%Y-%m-%dT%H:%M"),
            "accept_warnings": "on",  # no English twin yet
            "steps-TOTAL_FORMS": 1,
            "steps-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    guide = Guide.objects.get(key="nouveau-guide")
    assert guide.status == GuideStatus.PUBLISHED and not guide.is_published
    assert editor_client.get("/fr/guides/un-nouveau-guide/").status_code == 404

    editor_client.post(reverse("guides:staff_unschedule", kwargs={"pk": guide.pk}))
    guide.refresh_from_db()
    assert guide.status == GuideStatus.DRAFT
    assert workflow.head_revision(guide).state == RevisionState.DRAFT

    editor_client.post(publish_url(guide), {"revision": 1, "accept_warnings": "on"})
    assert editor_client.get("/fr/guides/un-nouveau-guide/").status_code == 200
    actions = AuditLog.objects.filter(object_id=str(guide.pk)).values_list("action", flat=True)
    assert list(actions) == [
        AuditAction.PUBLISH,
        AuditAction.UNSCHEDULE,
        AuditAction.SCHEDULE,
        AuditAction.CREATE,
    ]


def test_publishing_is_refused_when_a_newer_draft_appeared(editor_client, contributor, guide):
    workflow.save_draft(
        guide=guide,
        content=workflow.editable_content(guide, None),
        author=contributor,
        base_number=0,
    )
    seen = workflow.head_revision(guide)
    workflow.save_draft(
        guide=guide,
        content=workflow.editable_content(guide, seen),
        author=contributor,
        base_number=seen.number,
        message="plus récent",
    )
    response = editor_client.post(publish_url(guide), {"revision": seen.number}, follow=True)
    assert "Une version plus récente a été enregistrée" in response.content.decode()
    assert not Revision.objects.filter(guide=guide, state=RevisionState.PUBLISHED, number__gt=1)


def test_history_diff_between_any_two_revisions_and_restore_as_new_revision(editor_client, guide):
    for number, body in enumerate(["Premier jet.", "Deuxième jet.", "Troisième jet."]):
        editor_client.post(
            edit_url(guide), edit_form_data(guide, body=body, message=f"jet {number + 1}")
        )
    revisions = list(guide.revisions.order_by("number"))
    assert [r.message for r in revisions] == ["Version initiale", "jet 1", "jet 2", "jet 3"]
    assert all(r.author.username == "edith" for r in revisions[1:])

    history = reverse("guides:staff_history", kwargs={"pk": guide.pk})
    html = editor_client.get(history, {"old": 2, "new": 4}).content.decode()
    assert "<del>− Premier jet.</del>" in html
    assert "<ins>+ Troisième jet.</ins>" in html
    assert "jet 2" in html and "edith" in html
    partial = editor_client.get(history, {"old": 1, "new": 2}, HTTP_HX_REQUEST="true")
    assert "<ins>+ Premier jet.</ins>" in partial.content.decode()
    assert "<html" not in partial.content.decode()

    response = editor_client.post(
        reverse("guides:staff_restore", kwargs={"pk": guide.pk}), {"revision": 2, "base": 4}
    )
    assert response.status_code == 302
    restored = workflow.head_revision(guide)
    assert (restored.number, restored.body, restored.state) == (5, "Premier jet.", "draft")
    assert restored.message == "Rétablit la révision 2"
    assert guide.revisions.count() == 5  # nothing rewritten
    assert AuditLog.objects.filter(action=AuditAction.RESTORE).count() == 1


def test_a_restore_from_a_stale_history_page_is_refused(editor_client, guide):
    editor_client.post(edit_url(guide), edit_form_data(guide, body="Un."))
    editor_client.post(edit_url(guide), edit_form_data(guide, body="Deux."))
    response = editor_client.post(
        reverse("guides:staff_restore", kwargs={"pk": guide.pk}),
        {"revision": 1, "base": 2},
        follow=True,
    )
    assert "modifié pendant que vous écriviez" in response.content.decode()
    assert workflow.head_revision(guide).body == "Deux."


def test_the_second_save_is_refused_with_both_versions_and_the_text_kept(
    client, editor, contributor, guide
):
    """The merge the form comes back as: tests/test_editing_together.py."""
    opened_by_both = edit_form_data(guide)
    client.force_login(editor)
    client.post(edit_url(guide), opened_by_both | {"body": "La version d'Edith.", "message": "E"})

    client.force_login(contributor)
    mine = opened_by_both | {"body": "La version de Camille,\nsur deux lignes."}
    response = client.post(edit_url(guide), mine)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Votre enregistrement a été refusé" in html
    assert "L'autre version (révision 2)" in html
    assert "La version d&#x27;Edith." in html  # their version, shown
    assert "<del>− La version d&#x27;Edith.</del>" in html
    assert "<ins>+ La version de Camille,</ins>" in html
    textarea = re.search(r'<textarea name="body"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    assert "La version de Camille,\nsur deux lignes." in textarea
    assert 'name="base" value="2"' in html
    assert guide.revisions.count() == 2  # nothing saved
    assert AuditLog.objects.filter(action=AuditAction.CONFLICT, actor=contributor).exists()

    merged = mine | {"base": 2, "body": "La version d'Edith.\nLa version de Camille."}
    assert client.post(edit_url(guide), merged).status_code == 302
    assert workflow.head_revision(guide).body == "La version d'Edith.\nLa version de Camille."


def test_a_changed_slug_keeps_the_old_address_with_a_permanent_redirect(editor_client, guide):
    for slug in ("thunderbird-pas-a-pas", "thunderbird-115"):
        editor_client.post(edit_url(guide), edit_form_data(guide, slug=slug, action="publish"))
    for old in ("configurer-thunderbird", "thunderbird-pas-a-pas"):
        response = editor_client.get(f"/fr/guides/{old}/")
        assert response.status_code == 301
        assert response.url == "/fr/guides/thunderbird-115/"
    assert editor_client.get("/fr/guides/thunderbird-115/").status_code == 200

    # Going back to an old slug makes it live again; the newer one now redirects.
    editor_client.post(
        edit_url(guide), edit_form_data(guide, slug="configurer-thunderbird", action="publish")
    )
    assert editor_client.get(PUBLIC_URL).status_code == 200
    assert editor_client.get("/fr/guides/thunderbird-115/").url == PUBLIC_URL
    assert editor_client.get("/fr/guides/jamais-existe/").status_code == 404


def test_a_draft_slug_change_does_not_move_the_live_page(editor_client, guide):
    editor_client.post(edit_url(guide), edit_form_data(guide, slug="ailleurs"))
    assert editor_client.get(PUBLIC_URL).status_code == 200
    assert editor_client.get("/fr/guides/ailleurs/").status_code == 404


def test_validation_errors_come_back_next_to_the_field_with_the_text_kept(editor_client, guide):
    data = edit_form_data(
        guide,
        title="",
        slug="parametres-des-comptes",  # another guide's address
        body="Mon long texte\n=== step: pas ici",
        **{"steps-0-title": "", "steps-0-body": "Une étape sans titre"},
    )
    response = editor_client.post(edit_url(guide), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rien n'est enregistré" in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_title_error"' in html
    assert "Cette adresse est déjà celle du guide" in html
    assert "Donnez un titre à cette étape." in html
    assert "réservé aux étapes" in html
    assert "Mon long texte" in html and "Une étape sans titre" in html
    assert not guide.revisions.exists()


def test_adding_a_step_without_javascript_keeps_everything_typed(editor_client, guide):
    data = edit_form_data(guide, body="Tapé mais pas enregistré", action="add_step")
    response = editor_client.post(edit_url(guide), data)
    html = response.content.decode()
    steps = len(workflow.editable_content(guide, None).steps)
    assert f'name="steps-{steps}-title"' in html
    assert "Tapé mais pas enregistré" in html
    assert not guide.revisions.exists()


def test_steps_can_be_reordered_and_removed(editor_client, guide):
    data = edit_form_data(guide, steps=[("Un", "a"), ("Deux", "b"), ("Trois", "c")])
    data |= {"steps-0-ORDER": 3, "steps-2-ORDER": 1, "steps-1-DELETE": "on"}
    editor_client.post(edit_url(guide), data | {"action": "publish"})
    assert [s.title for s in Guide.objects.get(pk=guide.pk).steps.all()] == ["Trois", "Un"]


def test_a_new_translation_records_the_french_version_it_was_made_from(editor_client, editor):
    source = workflow.create_guide(
        language="fr",
        key="guide-a-traduire",
        content=workflow.GuideContent(slug="a-traduire", title="À traduire", body="Texte."),
        author=editor,
    )
    page = editor_client.get(reverse("guides:staff_guide_new"), {"from": source.pk})
    assert 'value="guide-a-traduire"' in page.content.decode()
    assert french_spacing("Traduire « À traduire »") in page.content.decode()
    response = editor_client.post(
        reverse("guides:staff_guide_new") + f"?from={source.pk}",
        {
            "language": "en",
            "title": "To translate",
            "slug": "to-translate",
            "category": "reference",
            "order": 0,
            "body": "Text.",
            "steps-TOTAL_FORMS": 0,
            "steps-INITIAL_FORMS": 0,
            "action": "save",
        },
    )
    assert response.status_code == 302
    english = Guide.objects.get(language="en", key="guide-a-traduire")
    assert english.revisions.get().source_updated_at == source.updated_at
    assert english.status == GuideStatus.DRAFT


def test_every_action_is_in_the_audit_log(editor_client, editor, guide):
    editor_client.post(edit_url(guide), edit_form_data(guide, body="Audit.", action="submit"))
    editor_client.post(publish_url(guide), {"revision": 2})
    actions = list(AuditLog.objects.filter(actor=editor).values_list("action", flat=True))
    assert actions == [AuditAction.PUBLISH, AuditAction.SUBMIT]
    entry = AuditLog.objects.filter(actor=editor).last()
    assert entry.target == guide and entry.object_repr == str(guide)
    page = editor_client.get(reverse("guides:staff_audit")).content.decode()
    assert "Proposé à la relecture" in page and "edith" in page


def test_staff_pages_stay_within_a_few_queries(editor_client, guide, django_assert_max_num_queries):
    editor_client.post(edit_url(guide), edit_form_data(guide, body="Une révision."))
    pages = [
        (reverse("guides:staff_dashboard"), 12),
        (reverse("guides:staff_guides"), 8),
        (edit_url(guide), 18),  # checks, image library, replacements, generations
        (reverse("guides:staff_history", kwargs={"pk": guide.pk}), 8),
        (reverse("guides:staff_translations"), 8),
        (reverse("guides:staff_review_due"), 8),
    ]
    for url, budget in pages:
        with django_assert_max_num_queries(budget):
            assert editor_client.get(url).status_code == 200


def test_the_public_guide_page_stays_at_five_queries(client, django_assert_max_num_queries):
    assert client.get("/fr/guides/parametres-des-comptes/").status_code == 200  # warms the cache
    with django_assert_max_num_queries(5):
        assert client.get("/fr/guides/parametres-des-comptes/").status_code == 200


def inner_article(html: str) -> str:
    return re.search(r'<article class="guide"[^>]*>(.*?)</article>', html, re.S).group(1)


@pytest.mark.parametrize("key", ["thunderbird", "account-settings", "windows-mail"])
def test_the_preview_renders_exactly_as_the_public_page(editor_client, key):
    guide = Guide.objects.get(language="fr", key=key)
    preview = editor_client.post(reverse("guides:staff_preview"), edit_form_data(guide))
    public = editor_client.get(guide.get_absolute_url()).content.decode()
    rendered = inner_article(preview.content.decode()).strip()
    assert rendered.startswith("<header>")
    assert rendered in public


def test_the_preview_button_works_without_javascript_and_saves_nothing(editor_client, guide):
    data = edit_form_data(
        guide,
        body="Serveur : {{ imap_host }}",
        steps=[("Première étape", "**gras**")],
        action="preview",
    )
    html = editor_client.post(edit_url(guide), data).content.decode()
    preview = inner_article(html)
    assert 'Serveur : <span class="value">ssl0.ovh.net</span>' in preview
    assert '<h2 class="step-title">Première étape</h2>' in preview
    assert "<strong>gras</strong>" in preview
    assert not guide.revisions.exists()


def test_a_new_guide_gets_a_review_date_a_year_ahead(contributor_client):
    contributor_client.post(
        reverse("guides:staff_guide_new"),
        {
            "language": "fr",
            "key": "avec-date",
            "title": "Avec date",
            "slug": "avec-date",
            "category": "faq",
            "order": 0,
            "steps-TOTAL_FORMS": 0,
            "steps-INITIAL_FORMS": 0,
            "review_by": "2001-01-01",  # contributors cannot set it
        },
    )
    guide = Guide.objects.get(key="avec-date")
    assert guide.review_by == timezone.localdate() + datetime.timedelta(days=365)
    assert guide.status == GuideStatus.DRAFT
