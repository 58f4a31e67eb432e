"""Scheduled publications: their list (who scheduled what, for when), publishing one now or
cancelling it from there, and a publication date already past that asks before publishing."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from guides.content.typography import french_spacing
from guides.editorial import scheduling, workflow
from guides.editorial.revisions import GuideContent
from guides.models import AuditAction, AuditLog, Guide, GuideStatus, RevisionState
from tests.staff_fixtures import edit_form_data

pytestmark = pytest.mark.django_db

SCHEDULED = reverse("guides:staff_scheduled")


def schedule(guide: Guide, author, *, days: int, body: str = "Texte programmé."):
    content = workflow.editable_content(guide, workflow.head_revision(guide))
    revision = workflow.save_draft(
        guide=guide,
        content=GuideContent(**content.revision_fields() | {"body": body}),
        author=author,
        base_number=workflow.head_number(workflow.head_revision(guide)),
    )
    return workflow.publish(
        guide=guide,
        revision=revision,
        author=author,
        at=timezone.now() + datetime.timedelta(days=days),
    )


@pytest.fixture
def thunderbird():
    return Guide.objects.get(language="fr", key="thunderbird")


@pytest.fixture
def two_scheduled(editor, contributor, thunderbird):
    later = schedule(Guide.objects.get(language="en", key="thunderbird"), editor, days=9)
    sooner = schedule(thunderbird, editor, days=2)
    return sooner, later


def test_the_list_shows_each_scheduled_publication_soonest_first_in_one_query(
    two_scheduled, editor, django_assert_num_queries
):
    sooner, later = two_scheduled
    with django_assert_num_queries(1):
        publications = scheduling.scheduled_publications()
    assert [p.revision for p in publications] == [sooner, later]
    assert publications[0].revision.guide.title == "Configurer Thunderbird"
    assert {p.scheduled_by for p in publications} == {editor.username}
    scheduled_line = AuditLog.objects.filter(
        action=AuditAction.SCHEDULE, object_id=str(sooner.guide_id)
    ).get()
    assert publications[0].scheduled_on == scheduled_line.created


def test_who_scheduled_is_the_latest_to_have_done_it(two_scheduled, contributor, thunderbird):
    from guides.editorial.audit import record

    record(actor=contributor, action=AuditAction.SCHEDULE, target=thunderbird, detail="again")
    record(actor=contributor, action=AuditAction.PUBLISH, target=thunderbird)  # not a schedule
    by_guide = {p.revision.guide_id: p.scheduled_by for p in scheduling.scheduled_publications()}
    assert by_guide[thunderbird.pk] == contributor.username


def test_publishing_now_puts_the_scheduled_revision_online_and_says_who(
    two_scheduled, editor, thunderbird
):
    sooner, _later = two_scheduled
    now = timezone.now()
    revision = scheduling.publish_now(guide=thunderbird, author=editor, now=now)
    assert revision == sooner
    sooner.refresh_from_db()
    thunderbird.refresh_from_db()
    assert sooner.state == RevisionState.PUBLISHED and sooner.published_at == now
    assert thunderbird.body == "Texte programmé." and thunderbird.is_published
    brought_forward = AuditLog.objects.filter(action=AuditAction.SCHEDULE, actor=editor).first()
    assert brought_forward.detail == french_spacing(
        f"révision {sooner.number} : publication avancée à maintenant"
    )
    assert [p.revision for p in scheduling.scheduled_publications()] == [_later]
    with pytest.raises(workflow.EditorialError):
        scheduling.publish_now(guide=thunderbird, author=editor, now=now)


def test_publishing_now_a_guide_never_published_puts_it_online_dated_now(editor):
    guide = workflow.create_guide(
        language="fr",
        key="nouveau",
        content=GuideContent(slug="nouveau", title="Nouveau", body="Bonjour."),
        author=editor,
    )
    revision = workflow.head_revision(guide)
    workflow.publish(
        guide=guide, revision=revision, author=editor, at=timezone.now() + datetime.timedelta(1)
    )
    guide.refresh_from_db()
    assert not guide.is_published
    now = timezone.now()
    scheduling.publish_now(guide=guide, author=editor, now=now)
    guide.refresh_from_db()
    assert guide.is_published and guide.published_at == now


def test_a_past_date_asks_and_a_future_one_or_none_does_not():
    now = timezone.now()
    assert scheduling.asks_before_publishing(at=now - datetime.timedelta(minutes=1), now=now)
    assert scheduling.asks_before_publishing(at=now, now=now)
    assert not scheduling.asks_before_publishing(at=now + datetime.timedelta(minutes=1), now=now)
    assert not scheduling.asks_before_publishing(at=None, now=now)


def test_the_page_lists_them_with_actions_for_editors_only(
    client, two_scheduled, contributor, editor
):
    client.force_login(contributor)
    html = client.get(SCHEDULED).content.decode()
    assert "Configurer Thunderbird" in html and "Set up Thunderbird" in html
    assert html.index("Configurer Thunderbird") < html.index("Set up Thunderbird")
    assert "edith, le " in html
    assert "Publier maintenant" not in html and "staff/guides/" in html
    client.force_login(editor)
    html = client.get(SCHEDULED).content.decode()
    assert html.count('name="csrfmiddlewaretoken"') >= 4
    assert html.count(">Publier maintenant</button>") == 2
    assert html.count(">Annuler la programmation</button>") == 2


def test_the_dashboard_links_to_the_list(editor_client, two_scheduled):
    html = editor_client.get(reverse("guides:staff_dashboard")).content.decode()
    panel = html[html.index('id="scheduled-title"') :].split("</section>")[0]
    assert "Configurer Thunderbird" in panel
    assert f'<a href="{SCHEDULED}">Les publications programmées (2)</a>' in panel


@pytest.mark.parametrize("action", ["staff_publish_now", "staff_unschedule"])
def test_contributors_cannot_act_on_a_schedule(client, contributor, two_scheduled, action):
    sooner, _later = two_scheduled
    client.force_login(contributor)
    url = reverse(f"guides:{action}", kwargs={"pk": sooner.guide_id})
    assert client.post(url, {"next": SCHEDULED}).status_code == 403
    sooner.refresh_from_db()
    assert sooner.state == RevisionState.SCHEDULED


def test_an_editor_publishes_now_from_the_list_and_comes_back_to_it(
    editor_client, two_scheduled, thunderbird
):
    url = reverse("guides:staff_publish_now", kwargs={"pk": thunderbird.pk})
    response = editor_client.post(url, {"next": SCHEDULED}, follow=True)
    assert response.redirect_chain == [(SCHEDULED, 302)]
    html = response.content.decode()
    assert french_spacing("« Configurer Thunderbird » est en ligne (révision 2).") in html
    assert html.count(">Publier maintenant</button>") == 1
    thunderbird.refresh_from_db()
    assert thunderbird.body == "Texte programmé."
    again = editor_client.post(url, {"next": SCHEDULED}, follow=True).content.decode()
    assert "Aucune publication n&#x27;est programmée pour ce guide." in again


def test_an_editor_cancels_from_the_list_and_a_foreign_next_is_ignored(
    editor_client, two_scheduled, thunderbird
):
    sooner, _later = two_scheduled
    url = reverse("guides:staff_unschedule", kwargs={"pk": thunderbird.pk})
    response = editor_client.post(url, {"next": SCHEDULED})
    assert response.url == SCHEDULED
    sooner.refresh_from_db()
    assert sooner.state == RevisionState.DRAFT
    schedule(thunderbird, None, days=3)
    response = editor_client.post(url, {"next": "https://evil.example/"})
    assert response.url == reverse("guides:staff_guide_edit", kwargs={"pk": thunderbird.pk})


def test_the_actions_need_the_csrf_token(editor, two_scheduled, thunderbird):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    url = reverse("guides:staff_publish_now", kwargs={"pk": thunderbird.pk})
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    assert two_scheduled[0].guide.revisions.scheduled().exists()


def local_input(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_a_past_date_asks_before_publishing_now(editor_client, thunderbird):
    content = workflow.editable_content(thunderbird, None)
    revision = workflow.save_draft(
        guide=thunderbird,
        content=GuideContent(**content.revision_fields() | {"body": "Nouveau."}),
        author=None,
        base_number=0,
    )
    yesterday = timezone.now() - datetime.timedelta(days=1)
    publish = reverse("guides:staff_publish", kwargs={"pk": thunderbird.pk})
    response = editor_client.post(
        publish, {"revision": revision.number, "publish_at": local_input(yesterday)}
    )
    confirm = reverse("guides:staff_publish_confirm", kwargs={"pk": thunderbird.pk})
    assert response.url.startswith(f"{confirm}?revision=2&publish_at=")
    revision.refresh_from_db()
    assert revision.state == RevisionState.DRAFT  # nothing published while asking

    page = editor_client.get(response.url)
    html = page.content.decode()
    shown = timezone.localtime(yesterday).strftime("%d/%m/%Y %H:%M")
    assert french_spacing(f"La date de publication choisie, le {shown}, est déjà passée :") in html
    assert f'action="{publish}"' in html and "Publier la révision 2 maintenant" in html
    assert 'name="publish_at"' in html and "Programmer à cette date" in html

    # "Publish now" posts no date: online at once.
    editor_client.post(publish, {"revision": revision.number})
    revision.refresh_from_db()
    assert revision.state == RevisionState.PUBLISHED


def test_save_and_publish_with_a_past_date_saves_then_asks(editor_client, thunderbird):
    edit = reverse("guides:staff_guide_edit", kwargs={"pk": thunderbird.pk})
    last_week = timezone.now() - datetime.timedelta(days=7)
    response = editor_client.post(
        edit,
        edit_form_data(
            thunderbird,
            body="Texte relu.",
            action="publish",
            publish_at=local_input(last_week),
            accept_warnings="on",
        ),
    )
    assert "/publish/confirm/?revision=2&" in response.url and "accept_warnings=on" in response.url
    head = workflow.head_revision(thunderbird)
    assert head.body == "Texte relu." and head.state == RevisionState.DRAFT
    html = editor_client.get(response.url).content.decode()
    assert html.count('<input type="hidden" name="accept_warnings" value="on">') == 2


def test_the_confirmation_page_sends_back_what_it_has_nothing_to_ask_about(
    editor_client, thunderbird
):
    confirm = reverse("guides:staff_publish_confirm", kwargs={"pk": thunderbird.pk})
    edit = reverse("guides:staff_guide_edit", kwargs={"pk": thunderbird.pk})
    workflow.save_draft(
        guide=thunderbird,
        content=workflow.editable_content(thunderbird, None),
        author=None,
        base_number=0,
    )
    tomorrow = local_input(timezone.now() + datetime.timedelta(days=1))
    yesterday = local_input(timezone.now() - datetime.timedelta(days=1))
    for query in (
        {"revision": 2, "publish_at": tomorrow},
        {"revision": 2},
        {"revision": 9, "publish_at": yesterday},
        {"revision": "x", "publish_at": yesterday},
        {"revision": 2, "publish_at": "hier"},
    ):
        assert editor_client.get(confirm, query).url == edit, query
    assert editor_client.get(confirm, {"revision": 2, "publish_at": yesterday}).status_code == 200


def test_only_editors_see_the_confirmation(client, contributor, thunderbird):
    client.force_login(contributor)
    confirm = reverse("guides:staff_publish_confirm", kwargs={"pk": thunderbird.pk})
    yesterday = local_input(timezone.now() - datetime.timedelta(days=1))
    assert client.get(confirm, {"revision": 1, "publish_at": yesterday}).status_code == 403


def test_a_guide_scheduled_first_is_still_hidden_until_then(editor_client, editor):
    guide = Guide.objects.get(language="en", key="thunderbird")
    schedule(guide, editor, days=1)
    guide.refresh_from_db()
    assert guide.status == GuideStatus.PUBLISHED  # already online: the old text stays
    assert "Texte programmé." not in editor_client.get(guide.get_absolute_url()).content.decode()
