"""Values quoted in a sentence (host names, addresses, DNS records) shown as code that reads
whole on a phone: each term of a value stays on one line when it fits, a longer one breaks only
after a dot, an at sign or a slash, never in the middle of a name; the quotes and punctuation
around a value stay on its lines. Web addresses shown as text break at the same places."""

import re
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Where a term may break when it is longer than the line: after a dot, an at sign or a slash
# (not between the two of "https://").
BREAK_AFTER = re.compile(r"(?<=[.@])(?=.)|(?<=/)(?=[^/])")
SPACE = "[ \u00a0\u202f]"
# The punctuation that stays with a value: an opening quote or bracket before it; after it a
# colon, a closing quote or a full stop, French ones after their no-break space.
BEFORE = rf"(?:«{SPACE}?|[“(])"
AFTER = rf"(?:{SPACE}?[:;!?»]|[.,)”])"


def breakable(*, value: str) -> SafeString:
    """`value`, escaped, with a break point (`<wbr>`) wherever it may break."""
    return mark_safe(_with_breaks(escape(value)))


def one_word_code(*, html: str, before: str = "", after: str = "") -> str:
    """The escaped content of a `<code>` of one word (a guide's host, address or record name)
    as a value kept whole when it fits, which breaks only at its break points; the punctuation
    `before` and `after` it stays on its line."""
    code = f'<code class="value wraps">{_term(html, glued=bool(before or after))}</code>'
    return f'<span class="glue">{before}{code}{after}</span>' if before or after else code


def _with_breaks(html: str) -> str:
    # Escaping adds no dot, at sign or slash, so the break points fall between entities.
    return "<wbr>".join(BREAK_AFTER.split(html))


def _term(html: str, *, glued: bool) -> str:
    return f'<span class="term{" glued" if glued else ""}">{_with_breaks(html)}</span>'


def mark_values(*, text: str, values: Iterable[str]) -> SafeString:
    """`text`, escaped, with every occurrence of one of `values` as `<code class="value
    wraps">` in a `<span class="glue">` with the punctuation around it, which never breaks
    except between the value's terms (`<span class="gap">`) and inside a term that is longer
    than the line (`<span class="term">`, at its `<wbr>`; "glued" when punctuation shares its
    line). An occurrence is a whole value, not a part of a longer name ("mixed.test" in
    "_dmarc.mixed.test")."""
    wanted = sorted({value for value in values if value.strip()}, key=len, reverse=True)
    if not wanted:
        return escape(text)
    occurrence = re.compile(
        rf"({BEFORE}?)("
        + "|".join(rf"(?<![\w.@-]){re.escape(value)}(?![\w@-]|\.\w)" for value in wanted)
        + rf")({AFTER}*)"
    )
    html = []
    last = 0
    for match in occurrence.finditer(text):
        words = match[2].split(" ")
        glued = {0} if match[1] else set()
        glued |= {len(words) - 1} if match[3] else set()
        terms = '<span class="gap"> </span>'.join(
            _term(escape(word), glued=index in glued) for index, word in enumerate(words)
        )
        html += [
            escape(text[last : match.start()]),
            f'<span class="glue">{escape(match[1])}<code class="value wraps">{terms}</code>'
            f"{escape(match[3])}</span>",
        ]
        last = match.end()
    html.append(escape(text[last:]))
    return mark_safe("".join(html))
