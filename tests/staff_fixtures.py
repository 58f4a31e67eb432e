"""Users for the staff area's tests: one per role, and a customer (signed in, no role)."""

import pytest
from django.contrib.auth import get_user_model

from guides.editorial.permissions import Role, assign_role


def make_user(username: str, role: Role | None = None):
    user = get_user_model().objects.create_user(username, password="correct horse battery")
    if role is not None:
        assign_role(user, role)
    return user


@pytest.fixture
def editor(db):
    return make_user("edith", Role.EDITOR)


@pytest.fixture
def contributor(db):
    return make_user("camille", Role.CONTRIBUTOR)


@pytest.fixture
def customer(db):
    return make_user("client")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def contributor_client(client, contributor):
    client.force_login(contributor)
    return client


def edit_form_data(guide, **changes) -> dict:
    """What the editor form of `guide` posts, as opened now, with `changes` applied; `steps`
    is a list of (title, body)."""
    from guides.editorial import workflow

    head = workflow.head_revision(guide)
    content = workflow.editable_content(guide, head)
    steps = changes.pop("steps", content.steps)
    data = {
        "language": guide.language,
        "title": content.title,
        "summary": content.summary,
        "body": content.body,
        "slug": content.slug,
        "category": content.category,
        "client": content.client,
        "widget": content.widget,
        "order": content.order,
        "review_by": guide.review_by.isoformat() if guide.review_by else "",
        "message": "",
        "base": workflow.head_number(head),
        "action": "save",
        "steps-TOTAL_FORMS": len(steps),
        "steps-INITIAL_FORMS": 0,
        "steps-MIN_NUM_FORMS": 0,
        "steps-MAX_NUM_FORMS": 1000,
    }
    for index, (title, body) in enumerate(steps):
        data |= {
            f"steps-{index}-title": title,
            f"steps-{index}-body": body,
            f"steps-{index}-ORDER": index + 1,
        }
    return data | changes


def team_at_work(*, editor, contributor) -> dict:
    """A staff area in every state: a French change the English translation is behind (with an
    unknown value in the translation's draft), a proposal sent back with a comment, an English
    guide scheduled for 24 December 2030, an overdue review, and a month of readers' views,
    searches (some finding nothing) and a comment. The guides it touched, by role."""
    import datetime

    from django.utils import timezone

    from guides.editorial import review, workflow
    from guides.editorial.revisions import GuideContent
    from guides.models import Guide, GuideView, SearchLog, Vote

    def save(guide, author, submit=False, **changes):
        content = workflow.editable_content(guide, workflow.head_revision(guide))
        return workflow.save_draft(
            guide=guide,
            content=GuideContent(**content.revision_fields() | changes),
            author=author,
            base_number=workflow.head_number(workflow.head_revision(guide)),
            message="Typo" if submit else "",
            submit=submit,
        )

    french = Guide.objects.get(language="fr", key="thunderbird")
    body = french.body.replace("Thunderbird 115", "Thunderbird 128", 1)
    workflow.publish(guide=french, revision=save(french, editor, body=body), author=editor)
    english = Guide.objects.get(language="en", key="thunderbird")
    save(english, contributor, body=english.body + "\n\nSee {{ unknown_value }}.")
    other = Guide.objects.filter(language="fr").exclude(key="thunderbird").first()
    proposal = save(other, contributor, submit=True)
    review.request_changes(guide=other, revision=proposal, author=editor, comment="Shorter")
    scheduled = Guide.objects.get(language="en", key="account-settings")
    december = timezone.make_aware(datetime.datetime(2030, 12, 24, 9, 30))
    workflow.publish(guide=scheduled, revision=save(scheduled, editor), author=editor, at=december)
    overdue = Guide.objects.get(language="en", key="spam")
    overdue.review_by = timezone.localdate() - datetime.timedelta(days=3)
    overdue.save(update_fields=["review_by"])
    today, now = timezone.localdate(), timezone.now()
    for days_ago in range(30):
        GuideView.objects.create(
            guide=english, day=today - datetime.timedelta(days=days_ago), count=5 + days_ago % 7 * 3
        )
        for number in range(days_ago % 5):  # "imap" finds guides, the others nothing
            query = ("calendar", "imap", "outlook 2003 pst", "agenda partagé")[number]
            log = SearchLog.objects.create(query=query, language="en", results=3 * (number == 1))
            SearchLog.objects.filter(pk=log.pk).update(created=now - datetime.timedelta(days_ago))
    Vote.objects.create(guide=english, helpful=False, comment="Too long", visitor="v")
    return {"french": french, "english": english, "other": other, "scheduled": scheduled}
