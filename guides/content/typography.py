"""French typography: a no-break space before ? ! ; : and inside « », so a question mark never
wraps alone onto the next line. Code, addresses, placeholders and markup are left as written.

Used on guide files (`french_guide_file`) and on the French interface catalogue (the
`french_typography` command); the tests check both with `french_spacing(text) == text`.
"""

import re

NARROW = "\u202f"  # before ? ! ;
NO_BREAK = "\u00a0"  # before : and inside « »

# What is never touched: markup, code spans, link targets, addresses, placeholders, and
# tokens with a colon inside (host:port, guide:key, include:mx.ovh.com).
PROTECTED = re.compile(
    r"<[^>]+>"
    r"|`[^`\n]*`"
    r"|\]\([^)\s]*\)"
    r"|[a-z][a-z0-9+.-]*://[^\s)<>\"]*"
    r"|\{\{.*?\}\}|\{%.*?%\}"
    r"|%\([a-z_]+\)[sd]"
    r"|[^\s:<>`]+:[^\s:<>`]+",
    re.IGNORECASE,
)
RULES = [
    (re.compile(r"[ \t]+([?!;])"), NARROW + r"\1"),
    (re.compile(r"[ \t]+:"), NO_BREAK + ":"),
    (re.compile(rf"(?<=[^\s{NO_BREAK}{NARROW}])([?!;])(?=\s|$|\*)"), NARROW + r"\1"),
    (re.compile(rf"(?<=[^\s{NO_BREAK}{NARROW}]):(?=\s|$)"), NO_BREAK + ":"),
    (re.compile(rf"«[ \t{NO_BREAK}{NARROW}]*"), "«" + NO_BREAK),
    (re.compile(rf"[ \t{NO_BREAK}{NARROW}]*»"), NO_BREAK + "»"),
]
STEP = "=== step: "
FRONT_MATTER_TEXT = ("title: ", "summary: ")


def french_spacing(text: str) -> str:
    """`text` with French no-break spaces, outside the protected spans."""
    for pattern, replacement in RULES:
        protected = [match.span() for match in PROTECTED.finditer(text)]

        def replace(match: re.Match, _spans=protected, _replacement=replacement) -> str:
            if any(start <= match.start() < end for start, end in _spans):
                return match[0]
            return match.expand(_replacement)

        text = pattern.sub(replace, text)
    return text


def french_guide_file(text: str) -> str:
    """A guide file with French spacing in its title, summary, body and step titles; the
    front matter's names and the step markers stay as the file format needs them."""
    lines = text.split("\n")
    out, in_front_matter, in_fence = [], False, False
    for number, line in enumerate(lines):
        if (line == "---" and number == 0) or (in_front_matter and line == "---"):
            in_front_matter = number == 0
            out.append(line)
            continue
        if line.startswith("```"):
            in_fence = not in_fence
        if in_fence or line.startswith("```"):
            out.append(line)
        elif in_front_matter:
            prefix = next((p for p in FRONT_MATTER_TEXT if line.startswith(p)), None)
            out.append(prefix + french_spacing(line[len(prefix) :]) if prefix else line)
        elif line.startswith(STEP):
            out.append(STEP + french_spacing(line[len(STEP) :]))
        else:
            out.append(french_spacing(line))
    return "\n".join(out)
