"""OVH's X-VR-SPAMCAUSE header. Its historical form is reversible: each pair of lowercase
letters encodes one character (the first letter sets an offset, the letters of even pairs are
swapped). The newer `vade1{…}` form is encrypted and cannot be read."""

import re
from dataclasses import dataclass

ENCODED = re.compile(r"^(?:[a-z]{2})+$")
RULE = re.compile(r"^[^\w]*(?P<name>[^();\n]{2,80}?)\s*\((?P<score>[+-]?\d{1,5})\)\s*$")
KEY = ord("x")
MAX_ENCODED = 20_000


@dataclass(frozen=True)
class SpamCause:
    raw: str
    text: str = ""
    encrypted: bool = False

    @property
    def decoded(self) -> bool:
        return bool(self.text)

    def rules(self) -> list[tuple[str, int]]:
        """The scoring rules the decoded text lists ("@!Recipients (-100)"), highest first."""
        found = [
            (match["name"], int(match["score"]))
            for line in re.split(r"[;\n]", self.text)
            if (match := RULE.match(line))
        ]
        return sorted(found, key=lambda rule: -rule[1])


def decode_pair(pair: str, position: int) -> str:
    if position % 2 == 0:
        pair = pair[1] + pair[0]
    offset = (ord("g") - ord(pair[0])) * 16
    return chr(ord(pair[0]) + ord(pair[1]) - KEY - offset)


def read_spamcause(value: str) -> SpamCause:
    raw = "".join(value.split())
    if raw.lower().startswith("vade1{"):
        return SpamCause(raw=raw, encrypted=True)
    if len(raw) > MAX_ENCODED or not ENCODED.match(raw):
        return SpamCause(raw=raw)
    try:
        text = "".join(
            decode_pair(raw[index : index + 2], index // 2) for index in range(0, len(raw), 2)
        )
    except ValueError:
        return SpamCause(raw=raw)
    printable = sum(character.isprintable() or character in "\n\t" for character in text)
    return SpamCause(raw=raw, text=text) if printable >= 0.9 * len(text) else SpamCause(raw=raw)
