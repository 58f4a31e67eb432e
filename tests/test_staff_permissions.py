"""Each staff view checks the person's role: anonymous visitors are sent to sign in, customers
get a 403, contributors may write but not publish, editors may do everything."""

from io import StringIO

import pytest
from django.test import Client
from django.urls import reverse

from guides.editorial.permissions import Capability, Role, role_of
from guides.models import Guide
from tests.staff_fixtures import edit_form_data, make_user

pytestmark = pytest.mark.django_db

WRITE, PUBLISH, AUDIT = Capability.WRITE, Capability.PUBLISH, Capability.AUDIT
# (URL name, needs a guide, method, what it needs)
VIEWS = [
    ("staff_dashboard", False, "get", WRITE),
    ("staff_searches_csv", False, "get", WRITE),
    ("staff_scheduled", False, "get", WRITE),
    ("staff_guides", False, "get", WRITE),
    ("staff_guide_new", False, "get", WRITE),
    ("staff_submissions", False, "get", WRITE),
    ("staff_review_due", False, "get", WRITE),
    ("staff_translations", False, "get", WRITE),
    ("staff_audit", False, "get", AUDIT),
    ("staff_guide_edit", True, "get", WRITE),
    ("staff_history", True, "get", WRITE),
    ("staff_guide_edit", True, "post", WRITE),
    ("staff_preview", False, "post", WRITE),
    ("staff_submit", True, "post", WRITE),
    ("staff_restore", True, "post", WRITE),
    ("staff_publish", True, "post", PUBLISH),
    ("staff_unschedule", True, "post", PUBLISH),
    ("staff_publish_now", True, "post", PUBLISH),
    ("staff_publish_confirm", True, "get", PUBLISH),
    ("staff_reviewed", True, "post", PUBLISH),
]
ALLOWED = {
    "anonymous": set(),
    "customer": set(),
    "contributor": {WRITE},
    "editor": {WRITE, PUBLISH, AUDIT},
}


@pytest.fixture
def guide():
    return Guide.objects.get(language="fr", key="thunderbird")


def signed_in(who: str) -> Client:
    client = Client()
    roles = {"customer": None, "contributor": Role.CONTRIBUTOR, "editor": Role.EDITOR}
    if who != "anonymous":
        client.force_login(make_user(who, roles[who]))
    return client


@pytest.mark.parametrize("who", list(ALLOWED))
@pytest.mark.parametrize(("name", "needs_guide", "method", "capability"), VIEWS)
def test_each_view_checks_the_role(who, name, needs_guide, method, capability, guide):
    url = reverse(f"guides:{name}", kwargs={"pk": guide.pk} if needs_guide else None)
    data = edit_form_data(guide) if name in ("staff_guide_edit", "staff_preview") else {}
    response = getattr(signed_in(who), method)(url, data)
    if who == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith("/fr/accounts/login/?next=")
    elif capability in ALLOWED[who]:
        assert response.status_code in (200, 302)
        assert "/accounts/login/" not in response.get("Location", "")
    else:
        assert response.status_code == 403
        assert "Accès refusé" in response.content.decode()


def test_contributor_cannot_publish_from_the_editor_either(contributor_client, guide):
    response = contributor_client.post(
        reverse("guides:staff_guide_edit", kwargs={"pk": guide.pk}),
        edit_form_data(guide, title="Publié en douce", action="publish"),
    )
    assert response.status_code == 403
    guide.refresh_from_db()
    assert guide.title == "Configurer Thunderbird"
    assert not guide.revisions.exists()


def test_actions_refuse_get_and_need_the_csrf_token(editor, guide):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    publish = reverse("guides:staff_publish", kwargs={"pk": guide.pk})
    assert client.get(publish).status_code == 405
    assert client.post(publish, {"revision": 1}).status_code == 403
    edit = reverse("guides:staff_guide_edit", kwargs={"pk": guide.pk})
    assert client.post(edit, edit_form_data(guide, title="Sans jeton")).status_code == 403
    assert not guide.revisions.exists()


def test_roles_come_from_the_groups_the_migration_created(editor, contributor, customer):
    assert role_of(editor) is Role.EDITOR
    assert role_of(contributor) is Role.CONTRIBUTOR
    assert role_of(customer) is None
    assert not contributor.has_perm(PUBLISH.value)


def test_staff_link_only_for_staff(client, contributor, customer):
    client.force_login(customer)
    assert "Espace équipe" not in client.get("/fr/").content.decode()
    client.force_login(contributor)
    assert "Espace équipe" in client.get("/fr/").content.decode()


def test_add_staff_command_sets_exactly_one_role(customer):
    from django.core.management import call_command

    call_command("add_staff", "client", "--role", "editor", stdout=StringIO())
    assert role_of(type(customer).objects.get(pk=customer.pk)) is Role.EDITOR
    call_command("add_staff", "client", "--role", "contributor", stdout=StringIO())
    user = type(customer).objects.get(pk=customer.pk)
    assert role_of(user) is Role.CONTRIBUTOR
    assert list(user.groups.values_list("name", flat=True)) == ["contributors"]


def test_add_staff_can_create_the_account(monkeypatch):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    monkeypatch.setattr("getpass.getpass", lambda prompt: "une phrase de passe solide")
    call_command("add_staff", "nouvelle", "--role", "contributor", "--create", stdout=StringIO())
    user = get_user_model().objects.get(username="nouvelle")
    assert user.check_password("une phrase de passe solide")
    assert role_of(user) is Role.CONTRIBUTOR


def test_add_staff_refuses_an_unknown_user_without_create(db):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="no user 'personne'"):
        call_command("add_staff", "personne", "--role", "editor")


def test_guides_are_read_only_in_the_admin(client, guide):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("root", password="x" * 12)
    client.force_login(admin)
    change = f"/admin/guides/guide/{guide.pk}/change/"
    assert client.get(change).status_code == 200
    assert client.post(change, {"title": "Changé dans l'admin"}).status_code == 403
    assert client.get("/admin/guides/auditlog/").status_code == 200
    assert client.get("/admin/guides/vote/").status_code == 200


def test_only_editors_change_the_review_date_from_the_editor(client, contributor, editor, guide):
    url = reverse("guides:staff_guide_edit", kwargs={"pk": guide.pk})
    original = guide.review_by
    client.force_login(contributor)
    page = client.get(url).content.decode()
    assert 'name="publish_at"' not in page
    assert 'name="review_by"' in page and "disabled" in page.split('name="review_by"')[1][:80]
    client.post(url, edit_form_data(guide, review_by="2030-01-01"))
    guide.refresh_from_db()
    assert guide.review_by == original
    client.force_login(editor)
    client.post(url, edit_form_data(guide, review_by="2030-01-01"))
    guide.refresh_from_db()
    assert guide.review_by.isoformat() == "2030-01-01"
    client.post(url, edit_form_data(guide, review_by=""))
    guide.refresh_from_db()
    assert guide.review_by is None
