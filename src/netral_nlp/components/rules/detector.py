"""The learned rule decisions: is a candidate a rule, its modality, its category.

Three linear models over :mod:`.features` texts, trained on real annotated
articles by ``netral train rules`` (:mod:`netral_nlp.train.rules`):

- ``detector``: rule or not, as a probability (the rule's ``score``);
- ``modality``: prohibition or obligation;
- ``category``: one of the record format's 14 categories.

Overlapping candidates that both pass (a sentence and its semicolon pieces)
keep the more probable one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...learn.linear import LinearTextClassifier
from .items import Item
from .lexicons import Lexicons, read_lexicons, write_lexicons

SETTINGS_FILE = "detector.json"
DEFAULT_THRESHOLD = 0.5


@dataclass
class RuleModels:
    """The three models, the detector's threshold and the lexicons they were fitted with.

    ``modality`` is None when the training rules had one modality only: the
    cascade's modality is used then.
    """

    detector: LinearTextClassifier
    modality: LinearTextClassifier | None
    category: LinearTextClassifier
    lexicons: Lexicons = field(default_factory=dict)
    threshold: float = DEFAULT_THRESHOLD

    def modalities(self, texts: list[str], items: list[Item]) -> list[str]:
        if self.modality is None:
            return [item.extra["modality"] for item in items]
        return self.modality.predict(texts)

    def probabilities(self, texts: list[str]) -> list[float]:
        """The detector's probability that each candidate is a rule (one model call)."""
        if not texts:
            return []
        return self.detector.proba(texts)[:, self.detector.classes.index(1)].tolist()

    def choose(self, items: list[Item], probs: list[float], threshold: float | None = None) -> list[tuple[Item, float]]:
        """The items whose probability passes the threshold, overlaps resolved (the more
        probable of two overlapping candidates wins)."""
        return choose_rules(items, probs, self.threshold if threshold is None else threshold)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("detector", "modality", "category"):
            if getattr(self, name) is not None:
                getattr(self, name).save(folder / name)
        write_lexicons(folder, self.lexicons)
        (folder / SETTINGS_FILE).write_text(json.dumps({"threshold": self.threshold}), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> RuleModels | None:
        if not (folder / SETTINGS_FILE).exists():
            return None
        settings: dict[str, Any] = json.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8"))
        models = {
            name: LinearTextClassifier.load(folder / name)
            for name in ("detector", "modality", "category")
        }
        return cls(**models, lexicons=read_lexicons(folder), threshold=float(settings.get("threshold", DEFAULT_THRESHOLD)))


def choose_rules(items: list[Item], probs: list[float], threshold: float) -> list[tuple[Item, float]]:
    """The items whose probability passes ``threshold``, in text order, overlaps resolved
    (the more probable of two overlapping candidates wins)."""
    ranked = sorted(((p, i) for i, p in enumerate(probs) if p >= threshold), key=lambda t: (-t[0], t[1]))
    chosen: list[tuple[float, int]] = []
    for prob, index in ranked:
        item = items[index]
        if not any(_overlaps(item, items[other]) for _, other in chosen):
            chosen.append((prob, index))
    chosen.sort(key=lambda t: t[1])
    return [(items[i], p) for p, i in chosen]


def _overlaps(a: Item, b: Item) -> bool:
    """Overlap of at least half the shorter span (the record format's rule match)."""
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared > 0 and shared >= 0.5 * min(a.end - a.start, b.end - b.start)
