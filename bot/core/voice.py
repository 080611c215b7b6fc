"""A team's voice applied to a finished reply: spelling, emoji, formality and sign-off.

Spelling uses breame's British/American word lists (maintained lists beat a hand-written map);
words whose spelling depends on meaning are left alone ("meter" for gas, "program" for software,
"tire" the verb, "license"/"practice" as British verbs). Formality uses a short contraction map:
support replies use a handful of contractions, and expanding only those is predictable.
"""

from __future__ import annotations

import re

from bot.core import prebuilt

# Same letters, different meaning: converting them would be wrong as often as right.
_MEANING_DEPENDS = frozenset(
    ["program", "programs", "tire", "tires", "meter", "meters", "license", "licenses",
     "practice", "practices", "check", "checks", "dialog", "dialogs", "draft", "drafts"]
)  # fmt: skip
_CONTRACTIONS = {
    "I'm": "I am",
    "I'll": "I will",
    "I've": "I have",
    "I'd": "I would",
    "we're": "we are",
    "we'll": "we will",
    "we've": "we have",
    "you're": "you are",
    "you'll": "you will",
    "you've": "you have",
    "it's": "it is",
    "that's": "that is",
    "there's": "there is",
    "let's": "let us",
    "don't": "do not",
    "doesn't": "does not",
    "didn't": "did not",
    "can't": "cannot",
    "won't": "will not",
    "isn't": "is not",
    "aren't": "are not",
    "wasn't": "was not",
    "haven't": "have not",
    "hasn't": "has not",
    "couldn't": "could not",
    "wouldn't": "would not",
    "shouldn't": "should not",
}
_EXPANDED = {long: short for short, long in _CONTRACTIONS.items() if short != "let's"}
_WORD = prebuilt.compile(r"[A-Za-z]+")


def _match_case(word: str, replacement: str) -> str:
    if word.isupper() and len(word) > 1:
        return replacement.upper()
    if word[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


def respell(text: str, spelling: str) -> str:
    # breame's word lists load here, for a team that set a spelling, not at every start
    from breame.spelling import get_american_spelling, get_british_spelling

    convert = get_british_spelling if spelling == "british" else get_american_spelling

    def one(match: re.Match) -> str:
        word = match.group(0)
        if word.lower() in _MEANING_DEPENDS:
            return word
        converted = convert(word.lower())
        return _match_case(word, converted) if converted != word.lower() else word

    return _WORD.sub(one, text)


def _swap(text: str, table: dict[str, str]) -> str:
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)) + r")\b",
        re.IGNORECASE,
    )

    def one(match: re.Match) -> str:
        found = match.group(0).replace("’", "'")
        key = next((k for k in table if k.lower() == found.lower()), None)
        return _match_case(found, table[key]) if key else found

    return pattern.sub(one, text.replace("’", "'"))


def set_formality(text: str, formality: str) -> str:
    if formality == "formal":
        text = _swap(text, _CONTRACTIONS)
        return re.sub(r"^(\s*)(?:Hi|Hey)\b", r"\1Hello", text)
    # "will not" before "I will": "I will not" reads "I won't", not "I'll not"
    negatives = {long: short for long, short in _EXPANDED.items() if "not" in long}
    text = _swap(_swap(text, negatives), _EXPANDED)
    return re.sub(r"^(\s*)Hello\b", r"\1Hi", text)


def strip_emoji(text: str) -> str:
    import emoji  # its tables load only for a team whose voice has no emoji

    text = emoji.replace_emoji(text, "")
    return re.sub(r"[ \t]{2,}", " ", re.sub(r"[ \t]+([.,!?])", r"\1", text)).strip()


def add_sign_off(text: str, sign_off: str) -> str:
    if text.rstrip().endswith(sign_off.strip()):
        return text
    return f"{text.rstrip()}\n\n{sign_off.strip()}"


def apply_voice(text: str, voice) -> str:
    """`text` in the team's `voice` (a knowledge.Voice); the neutral voice returns it unchanged."""
    if voice is None:
        return text
    if voice.formality:
        text = set_formality(text, voice.formality)
    if voice.spelling:
        text = respell(text, voice.spelling)
    if not voice.emoji:
        text = strip_emoji(text)
    if voice.sign_off:
        text = add_sign_off(text, voice.sign_off)
    return text
