"""The reply table in the glossary's words: OVHcloud for the company, serveur sortant for the
server a mail app sends through and serveur expéditeur for the one a message came from, "mail
app" in English. Applied to every reply, edited ones included (one term per concept), as
`guides/messages/data/replies.toml` now ships them."""

import re

from django.db import migrations

FIELDS = ("title", "title_en", "explanation", "explanation_en", "action", "action_en")
# Specific phrases first: "serveur d'envoi" is an outgoing server in some and a sending server
# in others.
REWORDING = [
    ("Le serveur d'envoi d'OVH", "Le serveur sortant d'OVHcloud"),
    ("ce n'est pas votre serveur d'envoi", "ce n'est pas votre serveur sortant"),
    ("Le serveur d'envoi attend", "Le serveur sortant attend"),
    ("le serveur d'envoi réessaie", "le serveur expéditeur réessaie"),
    ("Le serveur d'envoi limite", "Le serveur sortant limite"),
    ("Le serveur d'envoi refuse", "Le serveur sortant refuse"),
    ("contactez le support OVH", "contactez l'assistance d'OVHcloud"),
    ("au support OVH", "à l'assistance d'OVHcloud"),
    ("les serveurs d'OVH", "les serveurs d'OVHcloud"),
    ("chez OVH,", "chez OVHcloud,"),
    ("OVH a bloqué", "OVHcloud a bloqué"),
    ("votre boîte OVH", "votre boîte OVHcloud"),
    ("OVH's sending server", "OVHcloud's outgoing server"),
    ("not your sending server", "not your outgoing server"),
    ("The sending server expects", "The outgoing server expects"),
    ("The sending server limits", "The outgoing server limits"),
    ("The sending server temporarily", "The outgoing server temporarily"),
    ("OVH support", "OVHcloud support"),
    ("OVH's servers", "OVHcloud's servers"),
    ("at OVH,", "at OVHcloud,"),
    ("OVH blocked", "OVHcloud blocked"),
    ("your OVH mailbox", "your OVHcloud mailbox"),
    ("mail program", "mail app"),
    ("serveur d'envoi", "serveur expéditeur"),
    ("votre adresse OVH.", "votre adresse OVHcloud."),
    ("your OVH address", "your OVHcloud address"),
    ("from the webmail", "from webmail"),
]


def reword(apps, schema_editor):
    KnownReply = apps.get_model("guides", "KnownReply")
    for reply in KnownReply.objects.all():
        changed = []
        for field in FIELDS:
            value = getattr(reply, field)
            for old, new in REWORDING:
                # "OVH" only where today's text does not already say "OVHcloud".
                value = re.sub(re.escape(old) + "(?!cloud)", new, value)
            if value != getattr(reply, field):
                setattr(reply, field, value)
                changed.append(field)
        if changed:
            reply.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0013_ovhcloud_and_mail_apps"),
    ]

    operations = [
        migrations.RunPython(reword, migrations.RunPython.noop),
    ]
