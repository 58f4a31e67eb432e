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
