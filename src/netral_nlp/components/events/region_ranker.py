"""A linear ranker over an event's candidate regions (:mod:`.region_choice`): one weight
per feature token, a candidate's score is the sum of its tokens' weights, the best
candidate wins.

Fitted as a conditional logit (a softmax over each event's candidates, L2-penalised,
L-BFGS from zero weights: deterministic) rather than a yes/no classifier per candidate,
because what is learned is which of an event's candidates annotators choose, not how
likely any one candidate is in isolation. Stored as JSON (tokens, meta) + npz (weights)
with the cue file its features were computed with; prediction is a dict lookup per
token (numpy and scipy are not needed to predict).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ... import resources
from .region_choice import CUES_FILE, RegionCues
from .token_weights import load_weights, save_weights

RANKER_FILE = "ranker.json"
#: candidates of one event: (region name or None, feature tokens)
Candidates = Sequence[tuple[str | None, Sequence[str]]]


class RegionRanker:
    """Feature weights plus the cues the features were computed with."""

    def __init__(self, weights: dict[str, float], meta: dict[str, Any] | None = None,
                 cues_file: str | Path | None = None) -> None:
        self.weights = weights
        self.meta = meta or {}
        self.cues_file = str(cues_file) if cues_file else None
        self.cues = RegionCues.read(cues_file)

    def score(self, tokens: Sequence[str]) -> float:
        weights = self.weights
        return sum(weights.get(t, 0.0) for t in tokens)

    def choose(self, candidates: Candidates) -> str | None:
        """The best-scored candidate (the first of equals)."""
        best, best_score = None, float("-inf")
        for name, tokens in candidates:
            value = self.score(tokens)
            if value > best_score:
                best, best_score = name, value
        return best

    @classmethod
    def fit(cls, events: Sequence[tuple[Candidates, str | None]], c: float = 0.3,
            meta: dict[str, Any] | None = None) -> RegionRanker:
        """Fit on (candidates, gold region) pairs; events whose gold region is not among
        their candidates, or that have one candidate only, teach nothing and are skipped."""
        weights, used = conditional_logit(events, c)
        info = {"events": used, "features": len(weights), "c": c, **(meta or {})}
        return cls(weights, info)

    def save(self, folder: str | Path) -> None:
        """Tokens and meta as JSON, weights as npz, the cue file beside them."""
        folder = Path(folder)
        save_weights(folder, RANKER_FILE, self.weights, meta=self.meta)
        source = Path(self.cues_file) if self.cues_file else Path(str(resources.path(f"events/{CUES_FILE}")))
        if source.resolve() != (folder / CUES_FILE).resolve():
            shutil.copyfile(source, folder / CUES_FILE)

    @classmethod
    def load(cls, folder: str | Path) -> RegionRanker | None:
        """The ranker saved in ``folder``, or None when there is none."""
        folder = Path(folder)
        found = load_weights(folder, RANKER_FILE)
        if found is None:
            return None
        weights, stored = found
        cues = folder / CUES_FILE
        return cls(weights, stored.get("meta", {}), cues if cues.exists() else None)


def conditional_logit(events: Sequence[tuple[Candidates, Any]], c: float = 0.3) -> tuple[dict[str, float], int]:
    """Token weights of a softmax over each group's candidates (L2 penalty 1/``c``,
    L-BFGS from zero weights: deterministic), and how many groups taught. A group's gold
    is one name, or a tuple of names any of which is right (the likelihood of the group
    is then the summed probability of its right candidates); a group with none of them
    among its candidates, all of them right, or one candidate only is skipped."""
    from scipy.optimize import minimize

    vocabulary: dict[str, int] = {}
    groups: list[tuple[list[np.ndarray], list[int]]] = []
    for cands, gold in events:
        names = [name for name, _ in cands]
        right = set(gold) if isinstance(gold, tuple) else {gold}
        hits = [i for i, name in enumerate(names) if name in right]
        if not hits or len(hits) == len(names):
            continue
        rows = [np.array([vocabulary.setdefault(t, len(vocabulary)) for t in tokens], dtype=np.int64)
                for _, tokens in cands]
        groups.append((rows, hits))
    if not groups:
        raise ValueError("no group whose gold is among two or more candidates")
    size = len(vocabulary)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        value = 0.5 * float(w @ w) / c
        grad = w / c
        for rows, hits in groups:
            scores = np.array([w[r].sum() for r in rows])
            scores -= scores.max()
            p = np.exp(scores)
            p /= p.sum()
            right = float(p[hits].sum())
            value -= float(np.log(right))
            for r, share in zip(rows, p, strict=True):
                np.add.at(grad, r, share)
            for i in hits:
                np.add.at(grad, rows[i], -float(p[i]) / right)
        return value, grad

    result = minimize(loss, np.zeros(size), jac=True, method="L-BFGS-B")
    tokens = sorted(vocabulary, key=vocabulary.get)
    return {t: float(result.x[vocabulary[t]]) for t in tokens}, len(groups)
