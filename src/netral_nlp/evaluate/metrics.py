"""Counters behind every figure: P/R/F1 from tp/fp/fn, accuracy from correct/total.

Reports keep counts rather than ratios so that sections, labels and articles
can be summed (micro averages) before dividing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass
class PRF:
    """True positives, false positives and false negatives of one figure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def n_gold(self) -> int:
        return self.tp + self.fn

    @property
    def n_pred(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def __iadd__(self, other: PRF) -> PRF:
        self.add(other.tp, other.fp, other.fn)
        return self

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Accuracy:
    """Share of matched pairs whose compared field is equal."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return _ratio(self.correct, self.total)

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": round(self.value, 4), "correct": self.correct, "total": self.total}
