"""Recall and false positives on the PII corpus (tests/core/data/pii_corpus.txt): the figures
bench/redaction_recall.py prints, held to thresholds."""

from bot.core.names import names_in
from bot.core.redact import redact
from tests.core.pii_corpus import load, score


def _redact(text: str):
    r = redact(text, names=names_in([text]))
    return r.text, r.mapping


def test_corpus_size():
    cases = load()
    spans = [fmt for case in cases for _, _, fmt in case.spans]
    assert len(spans) >= 150
    assert len(set(spans)) >= 20
    assert sum(1 for case in cases if not case.spans) >= 100


def test_recall_and_false_positives():
    result = score(_redact, load())
    assert result.recall >= 0.95, result.missed
    assert len(result.false_positives) <= 2, result.false_positives
    for fmt, total in result.total.items():
        assert result.found[fmt] / total >= 0.5, (fmt, result.missed)


def test_a_missed_span_and_a_false_positive_are_counted():
    # The scorer itself: redacting nothing finds nothing; redacting a look-alike is counted.
    cases = load()
    nothing = score(lambda text: (text, {}), cases)
    assert nothing.recall == 0 and not nothing.false_positives
    everything = score(lambda text: ("[ID_1]", {"[ID_1]": text}), cases)
    assert everything.recall == 1.0
    assert len(everything.false_positives) == sum(1 for c in cases if not c.spans)
