"""Editors edit the reply table in the staff area; the next customer gets the new words.
Contributors and customers may not; anonymous visitors are sent to sign in."""

import pytest
from django.test import Client

from guides.editorial.permissions import Role
from guides.messages.doctor import diagnose_message
from guides.models import Actor, KnownReply
from tests.staff_fixtures import make_user

pytestmark = pytest.mark.django_db
RELAY = "553 sorry, that domain isn't allowed to be relayed thru this MTA (#5.7.1)"


def form_data(reply: KnownReply, **changes) -> dict:
    data = {
        field: getattr(reply, field)
        for field in (
            "code",
            "status",
            "phrases",
            "actor",
            "title",
            "title_en",
            "explanation",
            "explanation_en",
            "action",
            "action_en",
            "guide_key",
            "diagnose",
            "position",
        )
    }
    return {**data, **changes}


def signed_in(role: Role | None) -> Client:
    client = Client()
    client.force_login(make_user(f"user-{role}", role))
    return client


@pytest.mark.parametrize(
    ("role", "status"), [(None, 403), (Role.CONTRIBUTOR, 403), (Role.EDITOR, 200)]
)
def test_only_editors_reach_the_table(role, status):
    reply = KnownReply.objects.get(key="ovh-relay-denied")
    client = signed_in(role)
    assert client.get("/fr/staff/replies/").status_code == status
    assert client.get(f"/fr/staff/replies/{reply.pk}/").status_code == status
    assert client.post(f"/fr/staff/replies/{reply.pk}/", form_data(reply)).status_code in (
        status,
        302,
    )
    assert KnownReply.objects.get(pk=reply.pk).title == reply.title


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/fr/staff/replies/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_editor_changes_what_the_doctor_says():
    reply = KnownReply.objects.get(key="ovh-relay-denied")
    client = signed_in(Role.EDITOR)
    assert "Réponses SMTP" in client.get("/fr/staff/").content.decode()
    response = client.post(
        f"/fr/staff/replies/{reply.pk}/",
        form_data(reply, title="Activez l'authentification SMTP", key="renamed"),
    )
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.key == "ovh-relay-denied"  # the key is not editable
    assert diagnose_message(data=RELAY, language="fr").headline == "Activez l'authentification SMTP"


def test_an_editor_adds_an_entry():
    client = signed_in(Role.EDITOR)
    response = client.post(
        "/fr/staff/replies/new/",
        {
            "key": "example-quota",
            "code": "452",
            "status": "",
            "phrases": "  example quota reached  \n\n",
            "actor": Actor.CORRESPONDENT,
            "title": "Quota d'exemple",
            "explanation": "Expliqué.",
            "action": "Attendre.",
            "guide_key": "quota",
            "diagnose": "",
            "position": 5,
        },
    )
    assert response.status_code == 302
    assert KnownReply.objects.get(key="example-quota").phrases == "example quota reached"
    diagnosis = diagnose_message(data="452 example quota reached", language="fr")
    assert diagnosis.advice[0].entry.key == "example-quota"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"status": "5.7"}, "Un code étendu a la forme 5.7.1."),
        ({"code": "abc"}, "Un code SMTP commence par 2, 4 ou 5"),
        ({"guide_key": "no-such-guide"}, "Aucun guide n&#x27;a cette clé."),
        ({"code": "", "status": "", "phrases": ""}, "Donnez au moins un code"),
    ],
)
def test_bad_entries_are_refused_with_a_message(changes, message):
    reply = KnownReply.objects.get(key="ovh-relay-denied")
    response = signed_in(Role.EDITOR).post(
        f"/fr/staff/replies/{reply.pk}/", form_data(reply, **changes)
    )
    assert response.status_code == 200
    assert message in response.content.decode()


def test_the_list_searches_by_code():
    html = signed_in(Role.EDITOR).get("/fr/staff/replies/", {"q": "553"}).content.decode()
    assert "ovh-relay-denied" in html and "gmail-unauthenticated" not in html
