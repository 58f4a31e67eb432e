"""The test corpus: samples written for the tests (fictitious hosts and addresses) and the
inverse of OVH's X-VR-SPAMCAUSE decoder, to make encoded values."""

from pathlib import Path

SAMPLES = Path(__file__).parent / "samples"
KEY = ord("x")


def encode_pair(character: str, position: int) -> str:
    """Two lowercase letters that decode to `character` at `position`: the first letter sets
    an offset of 16 per step away from "g", the second completes the sum."""
    for first in "gfedcbahijklmnopqrstuvwxyz":
        offset = (ord("g") - ord(first)) * 16
        second = ord(character) + KEY + offset - ord(first)
        if ord("a") <= second <= ord("z"):
            pair = first + chr(second)
            return pair[::-1] if position % 2 == 0 else pair
    raise ValueError(character)


def encode_spamcause(text: str) -> str:
    return "".join(encode_pair(character, index) for index, character in enumerate(text))


def sample(name: str, **values: str) -> bytes:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text.encode("utf-8")
