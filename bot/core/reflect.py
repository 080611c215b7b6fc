"""Reflect a customer's sentence back to them: first person becomes second, "you" becomes "we".

"My router keeps dropping and your app won't load" -> "your router keeps dropping and our app
won't load". Word by word, keeping case; a few verb forms are fixed after the swap ("you was").
"""

from __future__ import annotations

import re

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
# "you" is a subject (we) at the start of a clause, otherwise an object (us).
_CLAUSE_START = {"", "and", "but", "or", "so", "because", "since", "when", "if", "that", "as"}
_AGREEMENT = [
    (re.compile(r"\byou was\b"), "you were"),
    (re.compile(r"\byou am\b"), "you are"),
    (re.compile(r"\bwe was\b"), "we were"),
    (re.compile(r"\bwe is\b"), "we are"),
    (re.compile(r"\bwe has\b"), "we have"),
    (re.compile(r"\bwe doesn't\b"), "we don't"),
    (re.compile(r"\bwe does\b"), "we do"),
    (re.compile(r"\bwe wasn't\b"), "we weren't"),
    (re.compile(r"\bwe isn't\b"), "we aren't"),
    (re.compile(r"\bwe hasn't\b"), "we haven't"),
]
_WORD = re.compile(r"[A-Za-z']+|[^A-Za-z']+")


def _swap(word: str, previous: str) -> str:
    key = word.lower().replace("\u2019", "'")
    subject_you = "we" if previous in _CLAUSE_START else "us"
    swapped = subject_you if key == "you" else _SWAP.get(key)
    if swapped is None:
        return word
    return swapped.capitalize() if word[0].isupper() and key != "i" else swapped


def second_person(text: str) -> str:
    """The sentence as the agent would say it back to the customer."""
    out: list[str] = []
    previous = ""
    for token in _WORD.findall(text):
        if token[0].isalpha() or token[0] == "'":
            out.append(_swap(token, previous))
            previous = token.lower()
        else:
            out.append(token)
            if re.search(r"[,.;:!?]", token):
                previous = ""
    result = "".join(out)
    for pattern, replacement in _AGREEMENT:
        result = pattern.sub(replacement, result)
    return result
