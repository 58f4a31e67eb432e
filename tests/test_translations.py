"""The English catalogue is complete, and the compiled file the portal reads matches it."""

import ast
import gettext
from pathlib import Path

from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"


def read_po(path: Path) -> list[dict]:
    """The entries of a .po file: flags, msgid and msgstr (plural forms joined)."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry = {"flags": "", "msgid": "", "msgstr": "", "plural": False}
        field = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] += line
            elif line.startswith(("msgid ", "msgstr")):
                field = "msgid" if line.startswith("msgid ") else "msgstr"
                entry[field] += ast.literal_eval(line.split(" ", 1)[1])
            elif line.startswith('"') and field:
                entry[field] += ast.literal_eval(line)
            elif line.startswith("msgid_plural"):
                entry["plural"], field = True, None
        if entry["msgid"]:
            entries.append(entry)
    return entries


def test_every_interface_string_has_an_english_translation():
    entries = read_po(CATALOGUE / "django.po")
    assert len(entries) > 500
    untranslated = [entry["msgid"] for entry in entries if not entry["msgstr"]]
    fuzzy = [entry["msgid"] for entry in entries if "fuzzy" in entry["flags"]]
    assert not untranslated, untranslated
    assert not fuzzy, fuzzy


def test_the_compiled_catalogue_is_up_to_date():
    entries = read_po(CATALOGUE / "django.po")
    with (CATALOGUE / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    stale = [
        entry["msgid"]
        for entry in entries
        if not entry["plural"] and catalogue.gettext(entry["msgid"]) != entry["msgstr"]
    ]
    assert not stale, f"run `make messages`: {stale[:5]}"
