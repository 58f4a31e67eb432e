"""The variants the glossary forbids appear in no shipped guide, interface string, catalogue
value or known reply of their language (as written or with a capital first letter), outside
an application's label (bold in a guide) and the phrases the glossary keeps as written."""

import re
import tomllib
from pathlib import Path

import pytest
from django.conf import settings

from guides.content.seed import CONTENT_DIR
from tests.test_translations import read_po

GLOSSARY = CONTENT_DIR.parent / "GLOSSARY.md"
LOCALE = Path(settings.BASE_DIR) / "locale"
REPLIES = Path(settings.BASE_DIR) / "guides" / "messages" / "data" / "replies.toml"
ROW = re.compile(r"^\| (fr|en|both) \| `([^`]+)` \| (.+) \|$", re.MULTILINE)
KEPT = re.compile(r"^\| `([^`]+)` \|$", re.MULTILINE)
BOLD = re.compile(r"\*\*.+?\*\*")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def forbidden() -> list[tuple[str, str, str]]:
    return ROW.findall(GLOSSARY.read_text(encoding="utf-8"))


def kept() -> list[str]:
    return KEPT.findall(GLOSSARY.read_text(encoding="utf-8"))


def variant(avoid: str) -> re.Pattern:
    """The variant as a word, as written or with a capital first letter."""
    first = f"[{re.escape(avoid[0])}{re.escape(avoid[0].upper())}]"
    return re.compile(rf"(?<!\w){first}{re.escape(avoid[1:])}(?!\w)")


def texts(language: str) -> dict[str, str]:
    """Every shipped text of a language, by where it comes from."""
    found = {
        str(path.relative_to(CONTENT_DIR)): LINK.sub(
            r"\1", BOLD.sub("", path.read_text(encoding="utf-8"))
        )
        for path in sorted((CONTENT_DIR / language).glob("*.md"))
    }
    catalogue = tomllib.loads((CONTENT_DIR / "catalogue.toml").read_text(encoding="utf-8"))
    suffix = "_en" if language == "en" else ""
    found["catalogue.toml"] = " | ".join(
        str(row[key])
        for rows in catalogue.values()
        if isinstance(rows, list)
        for row in rows
        if isinstance(row, dict)
        for key in row
        if key.endswith("_en") == bool(suffix) and isinstance(row[key], str)
    )
    replies = tomllib.loads(REPLIES.read_text(encoding="utf-8"))["reply"]
    found["replies.toml"] = " | ".join(
        str(reply[field + suffix])
        for reply in replies
        for field in ("title", "explanation", "action")
        if field + suffix in reply
    )
    entries = read_po(LOCALE / "en" / "LC_MESSAGES" / "django.po")
    found["django.po"] = " | ".join(
        entry["msgstr" if language == "en" else "msgid"] for entry in entries
    )
    return found


def test_the_glossary_lists_variants_for_both_languages():
    languages = {language for language, _avoid, _write in forbidden()}
    assert {"fr", "en", "both"} <= languages
    assert kept()


def test_a_variant_is_found_capitalised_but_not_inside_a_word():
    assert variant("log in").search("Log in to webmail")
    assert not variant("log in").search("a blog in French")
    assert not variant("OVH").search("OVHcloud")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_forbidden_variant_is_used(language):
    rules = [(avoid, write) for lang, avoid, write in forbidden() if lang in (language, "both")]
    phrases = re.compile("|".join(re.escape(phrase) for phrase in kept()))
    faults = [
        f"{where}: « {avoid} » (write {write})"
        for where, text in texts(language).items()
        for avoid, write in rules
        if variant(avoid).search(phrases.sub("", text))
    ]
    assert not faults, faults
