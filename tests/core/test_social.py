"""Tweets: hashtags, @handles, elongated words and emoji are read as what they say."""

from __future__ import annotations

import json

import pytest

from bot.core.conversation import Conversation
from bot.core.emoji_tone import ANGRY, HAPPY, IRONIC, SAD, emoji_tones
from bot.core.escalation import assess
from bot.core.evaluation import score
from bot.core.social import handles_opening, hashtag_words, plain_words
from bot.core.text import clean_text, clean_words_and_breaks, words_and_breaks
from tests.conftest import REPO


def reading(text: str):
    return assess(Conversation.from_text(f"Customer: {text}"))


@pytest.mark.parametrize(
    ("tag", "words"),
    [
        ("worstservice", "worst service"),
        ("neveragain", "never again"),
        ("NeverAgain", "Never Again"),
        ("customerservicefail", "customer service fail"),
        ("daylightrobbery", "daylight robbery"),
        ("fail", "fail"),  # a word already
        ("xqzvtplk", "xqzvtplk"),  # not words: left alone
        ("not", "sarcasm"),
    ],
)
def test_hashtags_split_into_words(tag, words):
    assert hashtag_words(tag) == words


def test_handles_go_elongations_shrink_and_links_and_emails_stay():
    assert plain_words("@SkyLiner soooo done", {"so"}).split() == ["so", "done"]
    assert plain_words("hateeee it, gooood grief", {"good", "hate"}) == "hate it, good grief"
    assert plain_words("see www.example.com or mail bob@example.com") == (
        "see www.example.com or mail bob@example.com"
    )


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("@SkyLiner where is my bag?!", "@SkyLiner "),
        ("@SkyLiner @help_desk I can't log in. Again.", "@SkyLiner @help_desk "),
        ("@Café_Ünïon didn't REFUND me, see http://x.co/a", "@Café_Ünïon "),
        ("@ab ’twas dont", "@ab "),
        ("@SkyLiner's app is down", ""),  # no space after the handle
        ("@SkyLiner\nstill waiting", ""),
        ("@SkyLiner #fail", ""),  # another mark after it: read the long way
        ("@SkyLiner soooo slow", ""),
        ("@SkyLiner mail bob@example.com", ""),
        ("hi @SkyLiner where is it", ""),
    ],
)
def test_words_after_opening_handles_are_the_plain_words(text, opening):
    """escalation.py reuses the text's words after its opening handles instead of splitting
    the plain text again: they must be the plain text's words."""
    assert handles_opening(text) == opening
    if opening:
        skipped = len(clean_words_and_breaks(clean_text(opening)))
        assert words_and_breaks(text)[skipped:] == words_and_breaks(plain_words(text))


def test_emoji_tone_comes_from_the_unicode_name_with_skin_tones_and_genders():
    assert emoji_tones("🤬🖕👎🏽🤦‍♀️")[ANGRY] == 4 and emoji_tones("😭💔")[SAD] == 2
    assert emoji_tones("👍🏿🎉❤️")[HAPPY] == 3
    assert emoji_tones("🙃🤡")[IRONIC] == 2
    assert not emoji_tones("🐳🥶📦") and not emoji_tones("plain text")


def test_a_hashtag_threat_counts_like_the_words():
    hashtag = reading("@GymFlex still charging me after I left #neveragain")
    words = reading("still charging me after I left, never again")
    assert "cancel" in hashtag.signals and hashtag.level == words.level != "none"


def test_a_fused_negative_hashtag_escalates():
    found = reading("@ParcelPath where is my parcel #worstcustomerservice #stillwaiting")
    assert found.level != "none"
    assert any("worst" in reason for reason in found.reasons)


def test_ironic_emoji_next_to_a_complaint_is_sarcasm_and_alone_is_nothing():
    assert "sarcasm" in reading("thanks for the 3 hour delay 🙃").signals
    assert reading("new phone day 🙃").level == "none"


def test_explicit_irony_markers():
    assert "sarcasm" in reading("love my bill going up again #not").signals
    assert "sarcasm" in reading("great, another outage /s").signals


def test_upset_emoji_escalate_a_complaint_and_happy_ones_calm_praise():
    assert reading("order late again 😡😡").level != "none"
    assert reading("@QuickEatsUK driver was lovely, thank you 🥰🎉").level == "none"


def test_the_tweet_set_is_labelled_and_scored():
    path = REPO / "examples" / "social" / "tweets.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 150 and {type(r["escalate"]) for r in rows} == {bool}
    predicted = [reading(r["text"]).level != "none" for r in rows]
    report = score([r["escalate"] for r in rows], predicted)
    assert report.macro_f1 >= 0.85, report  # 0.849 before the social reading (README)


def test_long_input_is_read_within_the_caches_bounds():
    from bot.core.language import _detect, detect_language
    from bot.core.social import _hashtag_words

    before = _hashtag_words.cache_info().currsize
    tag = "worst" * 2000
    assert hashtag_words(tag) == tag  # too long to be words: left alone, not cached
    assert _hashtag_words.cache_info().currsize == before
    spanish = "Quiero hablar con el gerente. " * 2000
    assert detect_language("x" * 5000 + spanish).code == "es"
    hits = _detect.cache_info().hits
    assert detect_language("y" * 5000 + spanish).code == "es"  # same latest 1,000 characters
    assert _detect.cache_info().hits == hits + 1
    assert reading(f"#{tag} " + spanish).level == "escalate"
