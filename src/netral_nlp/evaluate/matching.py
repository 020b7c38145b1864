"""Greedy one-to-one matching of gold and predicted items.

The record format says: each pair is matched at most once, greedily by
largest overlap. Candidate pairs are ranked by a score tuple (larger first);
ties fall back to the smaller union of the two spans, then to gold order,
then to prediction order, so the result is deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

G = TypeVar("G")
P = TypeVar("P")

Score = tuple[Any, ...] | None


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Number of characters two half-open spans share (0 when disjoint)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def union(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Length of the smallest span covering both."""
    return max(a_end, b_end) - min(a_start, b_start)


def span_of(item: dict[str, Any]) -> tuple[int, int]:
    """``(start, end)`` of an entity/date/rule, or of an event's trigger."""
    if "trigger" in item and "start" not in item:
        trigger = item.get("trigger") or {}
        return int(trigger.get("start", 0)), int(trigger.get("end", 0))
    return int(item.get("start", 0)), int(item.get("end", 0))


def greedy_match(
    gold: Sequence[G], pred: Sequence[P], score: Callable[[G, P], Score]
) -> list[tuple[int, int]]:
    """Pairs ``(gold_index, pred_index)``; ``score`` returns None for ineligible pairs."""
    candidates: list[tuple[tuple[Any, ...], int, int]] = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = score(g, p)
            if s is not None:
                candidates.append((s, i, j))
    candidates.sort(key=lambda c: (c[0], -c[1], -c[2]), reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        pairs.append((i, j))
    pairs.sort()
    return pairs


def overlap_score(g: dict[str, Any], p: dict[str, Any], min_share: float = 0.0) -> Score:
    """Score of two spans that overlap (by at least ``min_share`` of the shorter one)."""
    gs, ge = span_of(g)
    ps, pe = span_of(p)
    ov = overlap(gs, ge, ps, pe)
    if ov <= 0:
        return None
    if min_share and ov < min_share * min(ge - gs, pe - ps):
        return None
    return (ov, -union(gs, ge, ps, pe))
