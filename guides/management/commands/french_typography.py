"""Give the French interface catalogue its no-break spaces.

French is the source language, so French pages show the msgids as written; where a msgid lacks
the spaces French typography asks for, the French catalogue gets the corrected string as its
msgstr. Run after makemessages (`make messages` does), before compilemessages.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

from guides.content.typography import french_spacing


class Command(BaseCommand):
    help = "Fill the French catalogue with the interface strings in French typography."

    def handle(self, *args, **options) -> None:
        path = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(path), wrapwidth=79)
        changed = 0
        for entry in catalogue:
            if entry.msgid_plural:
                # French has three plural forms here (one, many, other): the last two plural.
                source = [entry.msgid, entry.msgid_plural, entry.msgid_plural]
                forms = [french_spacing(text) for text in source]
                spaced = forms != source
                entry.msgstr_plural = dict(enumerate(forms if spaced else ["", "", ""]))
            else:
                spaced = french_spacing(entry.msgid) != entry.msgid
                entry.msgstr = french_spacing(entry.msgid) if spaced else ""
            changed += spaced
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        catalogue.save()
        self.stdout.write(f"{changed} French strings spaced in {path}")
