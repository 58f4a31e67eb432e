"""Guide search: one selector, `search_guides`; the database behind it decides how.

Both databases get the same terms (`query_terms`: case-folded, accents removed, stop words
dropped, each matched as the start of a word, a dotted name as its words in a row) and give
the same snippets, cut here from the stored text of the hits shown only. Each indexes the same
three columns, kept in step by database triggers: the title, the summary and `search_text`
(the plain text of the body and steps, made by `search_text`).

- PostgreSQL: a tsvector (title A, summary B, text C) in the `fr_unaccent` / `en_unaccent`
  configurations (unaccent, then the Snowball stemmer), GIN-indexed, ranked by ts_rank; when
  nothing matches, a trigram match on titles catches typos. Host names are indexed by their
  parts too ("ovh" finds "ssl0.ovh.net"). Set up by migration 0004.
- SQLite: an FTS5 table (guides/search_index.py), plural endings cut from the words
  ("quotas" finds "quota"), ranked title before summary before text, then bm25.
"""

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import F
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

from guides.content.placeholders import PLACEHOLDER
from guides.content.search import stop_words
from guides.models import Guide

# A dotted name ("ssl0.ovh.net", "4.4") is one term, its words in a row; else a word is.
TERM = re.compile(r"[^\W_]+(?:\.[^\W_]+)*")
MAX_TERMS = 8
STOP_WORDS = {
    "fr": frozenset(stop_words.FRENCH.split()),
    "en": frozenset(stop_words.ENGLISH.split()),
}
POSTGRESQL_CONFIGS = {"fr": "fr_unaccent", "en": "en_unaccent"}
FTS_ROWIDS = "SELECT rowid AS id FROM guides_guide_fts WHERE guides_guide_fts MATCH %s"
SNIPPET_CHARS = 200
SNIPPET_LEAD = 60
# Characters nobody types: control and format characters (NUL, bidirectional marks),
# surrogates, private use and unassigned code points.
UNTYPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})

_markdown = MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")


@dataclass(frozen=True)
class SearchHit:
    guide: Guide
    snippet: SafeString


def normalise(text: str) -> str:
    """Case-folded, without accents: "Réception" and "RECEPTION" read the same."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def clean_text(text: str) -> str:
    """Text as people type it: composed accents, no characters nobody types, whitespace runs
    made one space (line breaks kept)."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(
        char
        for char in text
        if char in "\n\t" or unicodedata.category(char) not in UNTYPED_CATEGORIES
    )
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def clean_query(raw: str, *, max_length: int) -> str:
    """A query safe to search, log and show again: one line, at most `max_length` characters."""
    return " ".join(clean_text(raw[: max_length * 2]).split())[:max_length].strip()


def stem(word: str) -> str:
    """Cut a plural ending, so that matching the start of words finds singular and plural
    alike ("quotas" → "quota", "chevaux" → "cheva", "addresses" → "address", "queries" → "quer")."""
    if len(word) <= 3:
        return word
    if word.endswith(("ies", "aux")):
        return word[:-3] if word.endswith("ies") else word[:-2]
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word[-1] in "sx" and word[-2] not in "su":
        return word[:-1]
    if word[-1] == "y" and len(word) > 4:
        return word[:-1]
    return word


Term = tuple[str, ...]


def query_terms(query: str, *, language: str) -> list[Term]:
    """What a search looks for: normalised words without stop words, and dotted names as
    their words in a row; at most MAX_TERMS."""
    ignored = STOP_WORDS.get(language, STOP_WORDS["fr"])
    terms: list[Term] = []
    for chunk in TERM.findall(normalise(query)):
        term = tuple(chunk.split("."))
        if len(term) == 1 and (chunk in ignored or (len(chunk) == 1 and not chunk.isdigit())):
            continue
        if term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def prefixes(term: Term) -> Term:
    """The starts of words a term matches: a lone word loses its plural ending."""
    return (stem(term[0]),) if len(term) == 1 else term


def search_guides(
    *, query: str, language: str, limit: int = 20, include_drafts: bool = False
) -> list[SearchHit]:
    """The published guides in `language` that match `query`, best first: every word first,
    any word if no guide has them all, and (PostgreSQL) words like them if still nothing.
    Staff search with `include_drafts`: every guide, online or not."""
    terms = query_terms(query, language=language)
    if not terms:
        return []
    guides = Guide.objects.all() if include_drafts else Guide.objects.published()
    scope = {"candidates": guides.in_language(language), "limit": limit}
    postgresql = connection.vendor == "postgresql"
    backend = partial(_postgresql, language=language) if postgresql else _sqlite
    found = backend(terms=terms, every_term=True, **scope)
    if not found and len(terms) > 1:
        found = backend(terms=terms, every_term=False, **scope)
    if not found and postgresql:
        found = _postgresql_similar(terms=terms, **scope)
    guides = found
    pattern = highlighter(terms)
    return [
        SearchHit(guide=guide, snippet=snippet(texts=[guide.summary, guide.text], pattern=pattern))
        for guide in guides
    ]


def _with_text(candidates):
    """The guides a search may show, with what a result needs (the text for its snippet)."""
    return candidates.for_listing().annotate(text=F("search_text"))


def _postgresql(
    *, terms: list[Term], candidates, language: str, limit: int, every_term: bool
) -> list[Guide]:
    operator = " & " if every_term else " | "
    # Words are letters and digits only, so quoting them cannot break the tsquery syntax;
    # the last word of each term is a prefix, and Snowball stems words as plurals need.
    query = SearchQuery(
        operator.join(" <-> ".join(f"'{word}'" for word in term) + ":*" for term in terms),
        config=POSTGRESQL_CONFIGS.get(language, "fr_unaccent"),
        search_type="raw",
    )
    guides = (
        _with_text(candidates)
        .filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "title")
    )
    return list(guides[:limit])


def _postgresql_similar(*, terms: list[Term], candidates, limit: int) -> list[Guide]:
    """Titles with words like the query's: typos ("tunderbird", "quotta")."""
    text = " ".join(".".join(term) for term in terms)
    guides = (
        _with_text(candidates)
        .filter(title__trigram_word_similar=text)
        .annotate(similarity=TrigramWordSimilarity(text, "title"))
        .order_by("-similarity", "title")
    )
    return list(guides[:limit])


def _sqlite(*, terms: list[Term], candidates, limit: int, every_term: bool) -> list[Guide]:
    """FTS5 finds the guides; a term scores a point for being found, one more in the title or
    summary, one more in the title; bm25 breaks ties. Each FTS5 query runs once, materialised
    (inside the ORDER BY, SQLite would run it again for every row)."""
    phrases = [f'"{" ".join(prefixes(term))}"*' for term in terms]
    match = (" AND " if every_term else " OR ").join(phrases)
    # When every term must match, every guide found scores the "found" points: left out.
    places = ["{title summary} : ", "title : "]
    if not every_term:
        places.insert(0, "")
    checks = [place + phrase for phrase in phrases for place in places]
    tables = ", ".join(f"in_{n} AS MATERIALIZED ({FTS_ROWIDS})" for n in range(len(checks)))
    score = " + ".join(f"(found.id IN (SELECT id FROM in_{n}))" for n in range(len(checks)))  # noqa: S608
    published_guides = candidates.order_by().values("pk")
    published, published_params = published_guides.query.sql_with_params()
    # Only placeholders and SQL of our own are formatted into this statement.
    sql = (
        "WITH found AS MATERIALIZED ("  # noqa: S608
        " SELECT rowid AS id, bm25(guides_guide_fts, 10.0, 5.0, 1.0) AS rank"
        " FROM guides_guide_fts WHERE guides_guide_fts MATCH %s),"
        f" published AS MATERIALIZED ({published}), {tables}"
        " SELECT found.id FROM found WHERE found.id IN (SELECT * FROM published)"
        f" ORDER BY {score} DESC, found.rank, found.id LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, *published_params, *checks, limit])
        ids = [row[0] for row in cursor.fetchall()]
    guides = _with_text(candidates).in_bulk(ids)
    return [guides[pk] for pk in ids if pk in guides]


def highlighter(terms: Iterable[Term]) -> re.Pattern[str]:
    """A pattern finding the words the terms match in stored text, whatever their case or
    accents: the whole word from its start, a dotted name's words in a row."""
    alternatives = sorted(
        ("[\\W_]+".join(map(_accented, prefixes(term))) for term in terms), key=len, reverse=True
    )
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(alternatives)})[^\W_]*", re.IGNORECASE)


def _accented_letters() -> dict[str, str]:
    """Each letter and its accented forms (Latin-1 Supplement and Latin Extended-A)."""
    letters: dict[str, str] = {}
    for code in range(0xC0, 0x180):
        char = chr(code)
        base = normalise(char)
        if char.islower() and len(base) == 1 and base != char:
            letters[base] = letters.get(base, "") + char
    return letters


ACCENTED = _accented_letters()


def _accented(word: str) -> str:
    return "".join(
        f"[{re.escape(char)}{ACCENTED[char]}]" if char in ACCENTED else re.escape(char)
        for char in word
    )


def snippet(*, texts: Sequence[str], pattern: re.Pattern[str]) -> SafeString:
    """About SNIPPET_CHARS characters of the first text `pattern` matches, around its first
    match, each match in <mark>. The text is escaped: only the marks are HTML."""
    text, first = next((text for text in texts if text), ""), None
    for candidate in texts:
        first = pattern.search(candidate)
        if first:
            text = candidate
            break
    start, end = _window(text, around=first.start() if first else 0)
    parts = ["…" if start else ""]
    position = start
    for match in pattern.finditer(text, start, end) if first else ():
        parts += [escape(text[position : match.start()]), format_html("<mark>{}</mark>", match[0])]
        position = match.end()
    parts += [escape(text[position:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(parts))  # every piece of text is escaped above


def _window(text: str, *, around: int) -> tuple[int, int]:
    """Start and end of a stretch of about SNIPPET_CHARS characters showing `around`, cut
    between words."""
    start = max(0, around - SNIPPET_LEAD)
    if start:
        space = text.find(" ", start, around)
        start = space + 1 if space != -1 else around
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", around, end)
        end = space if space != -1 else end
    return start, end


def markdown_text(source: str) -> str:
    """The words of a Markdown text, one line a block, without its markup."""
    lines = []
    for token in _markdown.parse(source):
        if token.type == "inline":
            lines.append(
                "".join(
                    child.content if child.type in ("text", "code_inline") else " "
                    for child in token.children or []
                    if child.type in ("text", "code_inline", "softbreak", "hardbreak")
                )
            )
        elif token.type in ("fence", "code_block"):
            lines.append(token.content)
    return "\n".join(lines)


def search_text(*, body: str, steps: Iterable[tuple[str, str]], values: Mapping[str, str]) -> str:
    """The plain text of a guide's body and steps, placeholders filled with `values`: what the
    search indexes beside the title and summary, and where snippets are cut from."""
    blocks = [markdown_text(body)]
    for step_title, step_body in steps:
        blocks += [step_title, markdown_text(step_body)]
    filled = PLACEHOLDER.sub(lambda match: values.get(match[1], ""), "\n".join(blocks))
    return clean_text(filled)
