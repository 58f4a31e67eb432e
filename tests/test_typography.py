"""French typography: the shipped French guides, the catalogue and the interface strings as
French pages show them have a no-break space before ? ! ; : and inside « »."""

import re
import tomllib
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from guides.content.seed import CONTENT_DIR
from guides.content.typography import french_guide_file, french_spacing
from tests.test_translations import read_po


@pytest.mark.parametrize(
    ("text", "spaced"),
    [
        ("Que vérifier ?", "Que vérifier\u202f?"),
        ("Attention: lisez", "Attention\u00a0: lisez"),
        ("« Rédiger »", "«\u00a0Rédiger\u00a0»"),
        ("**Nom** : `{{ email }}`", "**Nom**\u00a0: `{{ email }}`"),
        # Code, links, addresses, placeholders and markup are left as written.
        ("`v=DMARC1; p=none`", "`v=DMARC1; p=none`"),
        ("[Aide ?](guide:spam)", "[Aide\u202f?](guide:spam)"),
        ("https://exemple.fr/?a=b", "https://exemple.fr/?a=b"),
        ('<a href="%(url)s">webmail</a> : ici', '<a href="%(url)s">webmail</a>\u00a0: ici'),
        ("ssl0.ovh.net:993", "ssl0.ovh.net:993"),
    ],
)
def test_french_spacing(text, spaced):
    assert french_spacing(text) == spaced
    assert french_spacing(spaced) == spaced


def test_the_file_format_keeps_its_separators():
    text = "---\nkey: a\ntitle: Quoi ?\n---\nCorps : ici\n\n=== step: Étape ?\n```\nx : y\n```"
    assert french_guide_file(text) == (
        "---\nkey: a\ntitle: Quoi\u202f?\n---\nCorps\u00a0: ici\n\n"
        "=== step: Étape\u202f?\n```\nx : y\n```"
    )


@pytest.mark.parametrize("path", sorted((CONTENT_DIR / "fr").glob("*.md")), ids=lambda p: p.name)
def test_french_guides_are_spaced(path):
    text = path.read_text(encoding="utf-8")
    faults = [
        line
        for line, fixed in zip(text.split("\n"), french_guide_file(text).split("\n"), strict=True)
        if line != fixed
    ]
    assert not faults, faults


def test_french_catalogue_values_are_spaced():
    catalogue = tomllib.loads((CONTENT_DIR / "catalogue.toml").read_text(encoding="utf-8"))
    french = [
        value
        for rows in catalogue.values()
        if isinstance(rows, list)
        for row in rows
        if isinstance(row, dict)
        for key, value in row.items()
        if isinstance(value, str) and key in ("name", "recognise", "password_path", "version")
    ]
    assert french and [value for value in french if french_spacing(value) != value] == []


def test_french_interface_strings_are_shown_spaced():
    """What French pages show: the msgid, or the French catalogue's spaced version of it.
    After `makemessages`, `manage.py french_typography` (part of `make messages`) fixes this."""
    entries = read_po(Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po")
    with translation.override("fr"):
        shown = [gettext(entry["msgid"]) for entry in entries if not entry["plural"]]
    faults = [text for text in shown if french_spacing(text) != text]
    assert len(shown) > 500 and not faults, faults[:10]


@pytest.mark.django_db
def test_a_question_mark_never_starts_a_line_on_a_french_page(client):
    html = client.get("/fr/").content.decode()
    text = re.sub(r"<(script|style)\b.*?</\1>|<[^>]+>", "", html, flags=re.DOTALL)
    assert not re.search(r"[ \t\n][?!:;]", text)
