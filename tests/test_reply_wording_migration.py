"""Migration 0014 brings an existing reply table to the glossary's words, edited replies
included, and leaves today's wording as it is."""

import importlib

import pytest
from django.apps import apps

from guides.models import KnownReply

pytestmark = pytest.mark.django_db

reword = importlib.import_module("guides.migrations.0014_reply_wording").reword


def test_an_existing_reply_table_gets_the_glossarys_words():
    reply = KnownReply.objects.get(
        key=KnownReply.objects.filter(action__contains="OVHcloud").values_list("key", flat=True)[0]
    )
    reply.explanation = "Le serveur d'envoi d'OVH refuse ; le serveur d'envoi réessaie."
    reply.explanation_en = (
        "OVH's sending server said no; write from the webmail in your mail program."
    )
    reply.save()
    today = {
        r.key: (r.title, r.explanation, r.action) for r in KnownReply.objects.exclude(pk=reply.pk)
    }
    reword(apps, None)
    reply.refresh_from_db()
    assert (
        reply.explanation
        == "Le serveur sortant d'OVHcloud refuse ; le serveur expéditeur réessaie."
    )
    assert (
        reply.explanation_en
        == "OVHcloud's outgoing server said no; write from webmail in your mail app."
    )
    assert today == {
        r.key: (r.title, r.explanation, r.action) for r in KnownReply.objects.exclude(pk=reply.pk)
    }
