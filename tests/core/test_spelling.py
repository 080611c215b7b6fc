"""Spelling correction for matching: unknown words toward the playbooks' own words."""

from bot.core.english_words import english_frequencies
from bot.core.signals import CACHED_WORDS
from bot.core.spelling import SpellingCorrector, playbook_words

VOCABULARY = playbook_words(
    ["refund received password account cheap delivered", r"\b(kab|aayega)\b"]
)


def test_typos_of_playbook_words_are_corrected():
    corrector = SpellingCorrector(VOCABULARY)
    assert corrector.correct("refnd not recieved") == "refund not received"
    assert corrector.correct("forgot my pasword for the acount") == (
        "forgot my password for the account"
    )
    assert corrector.correct("parcel not delivred") == "parcel not delivered"


def test_a_rare_real_word_next_to_a_much_commoner_playbook_word_is_corrected():
    corrector = SpellingCorrector(VOCABULARY)
    assert english_frequencies()["cheep"] > 0  # a real word (a bird's call) ...
    assert corrector.correct("cheep protein") == "cheap protein"  # ... but rarely meant


def test_known_words_other_languages_and_short_words_stay():
    corrector = SpellingCorrector(VOCABULARY)
    # Real English words, words a playbook uses, Hinglish and short words are not "corrected".
    assert corrector.correct("parcel kab aayega") == "parcel kab aayega"
    assert corrector.correct("mera paisa nahi") == "mera paisa nahi"
    assert corrector.correct("received a parcel") == "received a parcel"
    assert corrector.correct("sku 4x9 ab12") == "sku 4x9 ab12"


def test_chat_spellings_are_read_as_words():
    corrector = SpellingCorrector(VOCABULARY)
    assert corrector.correct("pls tell me wat u need") == "please tell me what you need"


def test_corrections_are_cached_within_bounds_and_junk_stays_out():
    corrector = SpellingCorrector(VOCABULARY)
    junk = "q" * 500
    assert corrector.correct(f"{junk} refnd") == f"{junk} refund"
    cached = corrector.correct_word.cache_info()
    assert cached.currsize == 1 and cached.maxsize == CACHED_WORDS


def test_a_message_of_words_that_need_no_correction_is_told_at_once_and_read_the_same():
    corrector = SpellingCorrector(VOCABULARY)
    first = [corrector.correct(t) for t in ("refnd not recieved", "pls refund", "refund not")]
    assert first == ["refund not received", "please refund", "refund not"]
    # the words seen to need none are kept, within the per-word caches' bound; a typo is not
    assert {"not", "refund"} <= corrector._kept and "refnd" not in corrector._kept
    assert len(corrector._kept) <= CACHED_WORDS
    again = [corrector.correct(t) for t in ("refnd not recieved", "pls refund", "refund not")]
    assert again == first
