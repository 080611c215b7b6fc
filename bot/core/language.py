"""The language the customer writes in, detected offline.

py3langid (a maintained port of langid.py: a naive Bayes model over byte n-grams, trained on
97 languages and shipped inside the package, so nothing is downloaded) reads the customer's
latest messages. Short chat is where detectors guess wildly ("ok thanks" is scored Serbian or
Sesotho), so a language is named only when there is enough text and the model is sure;
otherwise the answer is None: unknown, treated as English by whoever reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice
from pathlib import Path

from bot.core import prebuilt
from bot.core.conversation import Conversation
from bot.core.english_words import english_frequencies

# Languages a support team is likely to meet; restricting the model to them keeps rare
# look-alikes (Galician for Portuguese, Afrikaans for Dutch) from winning on short text.
LANGUAGE_NAMES = {
    "en": "English", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese",
    "it": "Italian", "nl": "Dutch", "sv": "Swedish", "da": "Danish", "no": "Norwegian",
    "fi": "Finnish", "pl": "Polish", "cs": "Czech", "ro": "Romanian", "hu": "Hungarian",
    "el": "Greek", "tr": "Turkish", "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic",
    "he": "Hebrew", "hi": "Hindi", "id": "Indonesian", "ms": "Malay", "vi": "Vietnamese",
    "th": "Thai", "ja": "Japanese", "ko": "Korean", "zh": "Chinese", "tl": "Tagalog",
}  # fmt: skip
MIN_LETTERS = 12  # fewer letters than this ("ok thanks", "danke!") is too little to tell
MIN_CONFIDENCE = 0.90  # the model's probability (normalised over LANGUAGE_NAMES) to name one
TURNS_READ = 3  # the customer's latest messages read together
CHARS_READ = 1000  # ... up to this many characters, the latest: plenty to tell a language
# Plain ASCII text whose words are nearly all among the commonest English words is English,
# without asking the model: 5 words or more, 90% of them in the 5,000 commonest.
COMMON_WORDS, MIN_PLAIN_WORDS, PLAINLY_ENGLISH = 5000, 5, 0.9

# What says nothing about the language: links, @handles, #hashtags, numbers, emoji, symbols.
_NOISE = prebuilt.compile(r"https?://\S+|www\.\S+|[@#]\w+|[\d_]+|[^\w\s'’.,!?¿¡-]+")
_LETTER = prebuilt.compile(r"[^\W\d_]")
_WORD = prebuilt.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # ISO 639-1
    confidence: float  # the model's probability, or the share of common English words

    @property
    def name(self) -> str:
        return LANGUAGE_NAMES[self.code]


_model_folder: list[Path | None] = [None]  # where the restricted model is kept, if anywhere


def keep_model_in(folder: Path | None) -> None:
    """Keep the model, restricted to LANGUAGE_NAMES, in `folder` (MOT_CACHE_DIR) between runs:
    loading it then takes about ten milliseconds instead of 0.6 s (bot/core/language_model.py)."""
    _model_folder[0] = folder


@cache
def _identifier():
    """The bundled model, loaded on first use and only by those who need it."""
    # numpy and the model's reader load here, for a text that needs its language told: plain
    # English does not (see _plainly_english), and a one-off `tip` should not pay for them
    from bot.core.language_model import load_identifier

    return load_identifier(list(LANGUAGE_NAMES), _model_folder[0])


@cache
def _common_english() -> frozenset[str]:
    return frozenset(islice(english_frequencies(), COMMON_WORDS))


def _plainly_english(content: str) -> float | None:
    """The share of common English words, when text in plain ASCII is almost all of them:
    English without loading the model (about 0.4 s to load, which a one-off `tip` would pay)."""
    if not content.isascii():
        return None
    words = _WORD.findall(content.lower())
    if len(words) < MIN_PLAIN_WORDS:
        return None
    share = sum(word in _common_english() for word in words) / len(words)
    return round(share, 3) if share >= PLAINLY_ENGLISH else None


def detect_language(text: str) -> Language | None:
    """The language of `text`, or None when it is too short or the model is unsure."""
    return _detect(text[-CHARS_READ:])


@lru_cache(maxsize=1024)  # keys of at most CHARS_READ characters: bounded memory
def _detect(text: str) -> Language | None:
    content = _NOISE.sub(" ", text)
    if len(_LETTER.findall(content)) < MIN_LETTERS:
        return None
    if (plain := _plainly_english(content)) is not None:
        return Language("en", plain)
    code, probability = _identifier().classify(content)
    if probability < MIN_CONFIDENCE:
        return None
    return Language(code, round(float(probability), 3))


def conversation_language(conversation: Conversation) -> Language | None:
    """The language of the customer's latest messages (agents may answer in another)."""
    turns = [m.text for m in conversation.customer_messages if m.text.strip()]
    return detect_language("\n".join(turns[-TURNS_READ:])) if turns else None


def is_foreign(language: Language | None) -> bool:
    """A language other than English was named (suggestions are written in English)."""
    return language is not None and language.code != "en"
