"""Who else has a guide open in the editor: a heartbeat per open editor, in the shared cache."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from guides.editorial import presence
from guides.models import Guide

pytestmark = pytest.mark.django_db


def test_others_are_listed_with_their_arrival_until_they_go_silent(editor, contributor):
    start = timezone.now()
    assert presence.heartbeat(guide_pk=1, user=editor, now=start) == []
    later = start + datetime.timedelta(seconds=30)
    assert presence.heartbeat(guide_pk=1, user=contributor, now=later) == [
        presence.Presence(name="edith", since=start)
    ]
    assert presence.heartbeat(guide_pk=2, user=contributor, now=later) == []
    silent = start + datetime.timedelta(seconds=presence.GONE_AFTER_SECONDS + 1)
    assert presence.heartbeat(guide_pk=1, user=contributor, now=silent) == []


def test_the_editor_page_and_its_heartbeat_show_who_else_is_there(client, editor, contributor):
    guide = Guide.objects.get(language="fr", key="thunderbird")
    client.force_login(editor)
    client.get(reverse("guides:staff_guide_edit", kwargs={"pk": guide.pk}))
    client.force_login(contributor)
    page = client.get(reverse("guides:staff_guide_edit", kwargs={"pk": guide.pk}))
    assert "edith a aussi ce guide ouvert" in page.content.decode()
    beat = client.post(reverse("guides:staff_presence", kwargs={"pk": guide.pk}))
    assert "edith a aussi ce guide ouvert" in beat.content.decode()
    assert "<html" not in beat.content.decode()


def test_the_heartbeat_is_for_staff_only(client, customer):
    guide = Guide.objects.get(language="fr", key="thunderbird")
    url = reverse("guides:staff_presence", kwargs={"pk": guide.pk})
    assert client.post(url).status_code == 302
    client.force_login(customer)
    assert client.post(url).status_code == 403
