"""What the search log keeps: no e-mail address or phone number typed into the search box,
no flood from one client, nothing older than the retention period."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from guides.content.search.log import redact
from guides.models import SearchLog

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("marie.dupont@exemple.fr mot de passe", "[adresse e-mail] mot de passe"),
        ("appelez le 06 12 34 56 78", "appelez le [numéro]"),
        ("+33612345678 ne marche pas", "[numéro] ne marche pas"),
        ("ssl0.ovh.net port 993", "ssl0.ovh.net port 993"),
        ("outlook 2016", "outlook 2016"),
    ],
)
def test_addresses_and_numbers_are_redacted(typed, kept):
    assert redact(typed) == kept


def test_a_search_is_stored_redacted(client):
    client.get("/fr/search/", {"q": "contact@exemple.fr ne reçoit rien"})
    assert SearchLog.objects.get().query == "[adresse e-mail] ne reçoit rien"


def test_one_client_cannot_flood_the_log(client, settings):
    settings.OVHPORTAL_SEARCH_LOG_RATE = 3
    for number in range(6):
        assert client.get("/fr/search/", {"q": f"flood {number}"}).status_code == 200
    assert SearchLog.objects.count() == 3
    client.get("/fr/search/", {"q": "another client"}, REMOTE_ADDR="192.0.2.9")
    assert SearchLog.objects.count() == 4


def test_old_searches_are_pruned(settings):
    old = SearchLog.objects.create(query="old", language="fr", results=0)
    SearchLog.objects.filter(pk=old.pk).update(
        created=timezone.now() - datetime.timedelta(days=181)
    )
    SearchLog.objects.create(query="recent", language="fr", results=1)
    out = StringIO()
    call_command("prune_search_log", stdout=out)
    assert list(SearchLog.objects.values_list("query", flat=True)) == ["recent"]
    assert out.getvalue().startswith("1 searches older than 180 days deleted.")
