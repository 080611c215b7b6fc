"""What an emoji says about how the customer feels, read from its Unicode (CLDR) name.

The `emoji` package carries the name of every emoji ("enraged_face", "thumbs_down",
"upside-down_face"); the tone comes from words in the name, so new emoji and variants are read
without a hand-kept list of code points. Skin tones and gender signs follow the base emoji,
which is what is looked up.
"""

from __future__ import annotations

import os
from collections import Counter
from functools import cache
from importlib.util import find_spec

from bot.core import prebuilt

ANGRY, SAD, HAPPY, IRONIC = "angry", "sad", "happy", "ironic"

# Angry, fed up, scornful; and sad or crying. Not merely worried, confused or surprised.
_ANGRY_WORDS = (
    "angry", "enraged", "pouting", "symbols_on_mouth", "steam_from_nose", "unamused",
    "rolling_eyes", "thumbs_down", "facepalming", "expressionless", "middle_finger",
    "pile_of_poo", "nauseated", "vomiting", "diagonal_mouth",
)  # fmt: skip
_SAD_WORDS = (
    "disappointed", "weary", "tired_face", "crying", "broken_heart", "persevering",
    "confounded", "frowning",
)  # fmt: skip
# Said with a straight face next to a complaint: sarcasm.
_IRONIC_WORDS = ("upside-down_face", "clown_face")
_HAPPY_WORDS = (
    "smiling", "grinning", "beaming", "heart", "thumbs_up", "party", "clapping", "sparkl",
    "raising_hands", "star-struck", "kiss", "glowing_star", "hundred_points", "hugging",
    "winking", "halo", "savoring", "ok_hand", "trophy",
)  # fmt: skip
# Names with a happy word that are not happy.
_NOT_HAPPY = ("broken_heart", "horns", "tear", "sweat", "heart_suit", "anatomical")


def _has(name: str, words: tuple[str, ...]) -> bool:
    """A word of `words` starts a word of the name ("pouting" is not in "spouting_whale")."""
    name = "_" + name
    return any("_" + word in name for word in words)


def _tone(name: str) -> str | None:
    if _has(name, _IRONIC_WORDS):
        return IRONIC
    if _has(name, _ANGRY_WORDS):
        return ANGRY
    if _has(name, _SAD_WORDS):
        return SAD
    if _has(name, _HAPPY_WORDS) and not _has(name, _NOT_HAPPY):
        return HAPPY
    return None


@cache
def tones() -> dict[str, str]:
    """Single-character emoji (a variation selector dropped) -> tone; built on first use (plain
    ASCII text needs no table) and kept (bot/core/prebuilt.py): a run then neither imports
    the `emoji` package nor reads its names (about 20 ms)."""
    spec = find_spec("emoji")
    try:
        found = os.stat(spec.origin) if spec and spec.origin else None
    except OSError:
        found = None
    if found is None:
        return _table()
    return prebuilt.value("emoji-tones", (spec.origin, found.st_size, found.st_mtime_ns), _table)


def _table() -> dict[str, str]:
    import emoji

    table: dict[str, str] = {}
    for text, data in emoji.EMOJI_DATA.items():
        base = text.replace("\ufe0f", "")
        if len(base) == 1 and (tone := _tone(data["en"].strip(":").lower())):
            table[base] = tone
    return table


def emoji_tones(text: str) -> Counter:
    """How many angry, sad, happy and ironic emoji `text` holds."""
    if text.isascii():
        return _NONE
    table = tones()
    return Counter(table[c] for c in text if c in table)


_NONE: Counter = Counter()  # read only: what a plain-text message holds
