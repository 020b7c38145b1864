"""Grouped (by article) folds: a part is always scored on articles it never saw."""

from __future__ import annotations

import random
from collections.abc import Sequence


def _shuffled(ids: Sequence[str], seed: int) -> list[str]:
    """The distinct ``ids``, sorted and then shuffled with ``seed``: an order that depends on
    the set of ids and the seed only, never on file order."""
    unique = sorted(set(ids))
    random.Random(seed).shuffle(unique)
    return unique


def grouped_folds(ids: Sequence[str], k: int = 5, seed: int = 0) -> list[tuple[list[str], list[str]]]:
    """``k`` (train ids, test ids) pairs; every id is tested exactly once.

    Ids are sorted before shuffling with ``seed``, so the folds depend on the set
    of ids and the seed only, never on file order. Duplicated ids stay together.
    """
    unique = _shuffled(ids, seed)
    if k < 2 or len(unique) < k:
        raise ValueError(f"grouped_folds: need at least k={k} >= 2 distinct ids, got {len(unique)}")
    test_sets = [set(unique[i::k]) for i in range(k)]
    return [
        ([i for i in unique if i not in test], sorted(test)) for test in test_sets
    ]


def nested_share(ids: Sequence[str], fraction: float, seed: int = 0) -> list[str]:
    """The first ``fraction`` of ``ids`` (at least one) in a seeded shuffle of their sorted
    set. Why: a learning curve compares training sets that grow by adding articles, so a
    smaller share is always a subset of a larger one with the same seed."""
    if not 0 < fraction <= 1:
        raise ValueError(f"nested_share: fraction must be in (0, 1], got {fraction}")
    unique = _shuffled(ids, seed)
    return unique[: max(1, round(fraction * len(unique)))] if unique else []
