"""Reflect a customer's sentence back to them: first person becomes second, "you" becomes "we".

"My router keeps dropping and your app won't load" -> "your router keeps dropping and our app
won't load". Word by word, keeping case; a few verb forms are fixed after the swap ("you was").
"""

from __future__ import annotations

import re

from bot.core import prebuilt

_SWAP = {
    "i": "you",
    "i'm": "you're",
    "im": "you're",
    "i've": "you've",
    "ive": "you've",
    "i'd": "you'd",
    "i'll": "you'll",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "we": "you",
    "we're": "you're",
    "we've": "you've",
    "we'd": "you'd",
    "we'll": "you'll",
    "our": "your",
    "ours": "yours",
    "us": "you",
    "ourselves": "yourselves",
    # The customer's "you" is the company: the agent speaks for it.
    "your": "our",
    "yours": "ours",
    "you're": "we're",
    "you've": "we've",
    "you'll": "we'll",
    "you'd": "we'd",
    "yourself": "ourselves",
    "yourselves": "ourselves",
}
# "you" is a subject (we) at the start of a clause or before a verb, otherwise an object (us).
_CLAUSE_START = {"", "and", "but", "or", "so", "because", "since", "when", "if", "that", "as"}
_VERBS_AFTER_SUBJECT = {
    "are", "were", "have", "had", "will", "would", "can", "could", "should", "did", "do",
    "don't", "didn't", "won't", "can't", "never", "keep", "kept", "still", "just", "always",
    "said", "told", "sent", "took", "gave", "made", "need", "want", "promised", "charged",
}  # fmt: skip
_AGREEMENT = [
    (prebuilt.compile(r"\byou was\b"), "you were"),
    (prebuilt.compile(r"\byou am\b"), "you are"),
    (prebuilt.compile(r"\bwe was\b"), "we were"),
    (prebuilt.compile(r"\bwe is\b"), "we are"),
    (prebuilt.compile(r"\bwe has\b"), "we have"),
    (prebuilt.compile(r"\bwe doesn't\b"), "we don't"),
    (prebuilt.compile(r"\bwe does\b"), "we do"),
    (prebuilt.compile(r"\bwe wasn't\b"), "we weren't"),
    (prebuilt.compile(r"\bwe isn't\b"), "we aren't"),
    (prebuilt.compile(r"\bwe hasn't\b"), "we haven't"),
    # the subject left out after "and": "you finished the course and was told" -> "were told"
    (prebuilt.compile(r"(?i)\b(you\b[^.;!?]{0,80}?\band) was\b"), r"\1 were"),
    (prebuilt.compile(r"(?i)\b(you\b[^.;!?]{0,80}?\band) wasn't\b"), r"\1 weren't"),
]
_WORD = prebuilt.compile(r"[A-Za-z']+|[^A-Za-z']+")


def _swap(word: str, previous: str, following: str) -> str:
    if len(word) > 1 and word.isupper():
        return word  # "US", "UK": a country, not a pronoun
    key = word.lower().replace("\u2019", "'")
    subject = previous in _CLAUSE_START or following in _VERBS_AFTER_SUBJECT
    subject = subject or following.endswith("ed")
    swapped = ("we" if subject else "us") if key == "you" else _SWAP.get(key)
    if swapped is None:
        return word
    first_person = key.startswith("i")  # "I've" is capitalised wherever it stands
    return swapped.capitalize() if word[0].isupper() and not first_person else swapped


def second_person(text: str) -> str:
    """The sentence as the agent would say it back to the customer."""
    out: list[str] = []
    previous = ""
    tokens = _WORD.findall(text)
    for index, token in enumerate(tokens):
        if token[0].isalpha() or token[0] == "'":
            following = tokens[index + 2].lower() if index + 2 < len(tokens) else ""
            out.append(_swap(token, previous, following))
            previous = token.lower()
        else:
            out.append(token)
            if re.search(r"[,.;:!?]", token):
                previous = ""
    result = "".join(out)
    for pattern, replacement in _AGREEMENT:
        result = pattern.sub(replacement, result)
    return result
