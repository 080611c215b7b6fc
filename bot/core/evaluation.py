"""Scores predictions against gold labels: accuracy, macro-F1, per-label P/R, confusion matrix.

Macro-F1 is the unweighted mean of per-label F1 over the labels that occur in the gold column
(so an abstention, `None`, is a label when the gold data has it), as in shared/eval/README.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LabelScore:
    label: Hashable
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class Report:
    n: int
    accuracy: float
    macro_f1: float
    labels: tuple[LabelScore, ...]
    confusion: dict  # gold label -> {predicted label: count}

    def to_dict(self) -> dict:
        name = label_name
        return {
            "n": self.n,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "labels": {
                name(s.label): {
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "support": s.support,
                }
                for s in self.labels
            },
            "confusion": {
                name(g): {name(p): c for p, c in row.items()} for g, row in self.confusion.items()
            },
        }


def label_name(label: Hashable) -> str:
    return "null" if label is None else str(label)


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def score(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> Report:
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    pairs = Counter(zip(gold, predicted, strict=True))
    gold_counts, predicted_counts = Counter(gold), Counter(predicted)
    labels = []
    for label in sorted(gold_counts, key=label_name):
        tp = pairs[(label, label)]
        precision = _ratio(tp, predicted_counts[label])
        recall = _ratio(tp, gold_counts[label])
        f1 = _ratio(2 * precision * recall, 1) / (precision + recall) if tp else 0.0
        labels.append(LabelScore(label, precision, recall, f1, gold_counts[label]))
    confusion: dict = {}
    for (g, p), count in sorted(
        pairs.items(), key=lambda kv: (label_name(kv[0][0]), label_name(kv[0][1]))
    ):
        confusion.setdefault(g, {})[p] = count
    n = len(gold)
    correct = sum(c for (g, p), c in pairs.items() if g == p)
    macro = sum(s.f1 for s in labels) / len(labels) if labels else 0.0
    return Report(n, _ratio(correct, n), macro, tuple(labels), confusion)
