"""The event decision with binary models of their own for some types.

Why: the project's written sentences (``annotations/event_sentences.jsonl``) teach a
type's happenings against its mandates, plans and possibilities. Added to the shared
multinomial decision, their ``none`` examples move every type's probabilities (grouped
CV: other types lost); in a binary model of their type, fitted on that type's proposals
alone, they move only it. Such a model's probability replaces the shared one's for the
proposals of its type; everything else is the shared decision's.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ...learn.linear import LinearTextClassifier

#: a type's binary model is saved in ``<decision folder>/type_<type>``
TYPE_PREFIX = "type_"


def proposed_type(feature: str) -> str:
    """The proposed type of a candidate, read from its feature string (``t_<type> ...``)."""
    return feature.split(" ", 1)[0][2:]


class TypedDecision:
    """The shared decision plus per-type binary models (label 1: an event of that type)."""

    def __init__(self, shared: LinearTextClassifier, by_type: dict[str, LinearTextClassifier]) -> None:
        self.shared, self.by_type = shared, by_type

    @property
    def classes(self) -> list:
        return self.shared.classes

    @property
    def meta(self) -> dict:
        return self.shared.meta

    @property
    def spec(self) -> dict:
        """Every model's description (shared and typed): equal specs, equal decisions."""
        return {"shared": self.shared.spec, "types": {n: m.spec for n, m in sorted(self.by_type.items())}}

    @property
    def arrays(self) -> dict[str, np.ndarray]:
        """Every model's arrays, a typed model's keys prefixed with its type."""
        typed = {f"{n}/{k}": v for n, m in sorted(self.by_type.items()) for k, v in m.arrays.items()}
        return {**self.shared.arrays, **typed}

    def proba(self, features: list[str]) -> np.ndarray:
        """The shared decision's rows, a typed model's probability in its type's column for
        the proposals of its type."""
        rows = np.array(self.shared.proba(features), copy=True)
        for name, model in self.by_type.items():
            if name not in self.classes:
                continue
            mine = [i for i, f in enumerate(features) if proposed_type(f) == name]
            if mine:
                positive = model.classes.index(1)
                rows[mine, self.classes.index(name)] = model.proba([features[i] for i in mine])[:, positive]
        return rows

    def save(self, folder: str | Path, lexicons: dict[str, Path] | None = None) -> None:
        folder = Path(folder)
        self.shared.save(folder, lexicons)
        for name, model in sorted(self.by_type.items()):
            model.save(folder / f"{TYPE_PREFIX}{name}")


def load_decision(folder: str | Path) -> LinearTextClassifier | TypedDecision | None:
    """The decision saved in ``folder`` (with its typed models when there are any), or None."""
    folder = Path(folder)
    shared = LinearTextClassifier.load(folder)
    if shared is None:
        return None
    by_type = {
        sub.name[len(TYPE_PREFIX):]: model
        for sub in sorted(folder.glob(f"{TYPE_PREFIX}*"))
        if sub.is_dir() and (model := LinearTextClassifier.load(sub)) is not None
    }
    return TypedDecision(shared, by_type) if by_type else shared
