"""Which candidates are the gold rules: the scorer's own matching, one to one."""

from __future__ import annotations

from typing import Any

from ...evaluate.matching import greedy_match, overlap_score
from .items import Item

#: the record format's rule match: overlap of at least half the shorter span
MIN_SHARE = 0.5


def match_gold(candidates: list[Item], gold_rules: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Candidate index -> the gold rule it stands for (greedy by largest overlap)."""
    spans = [{"start": c.start, "end": c.end} for c in candidates]
    pairs = greedy_match(gold_rules, spans, lambda g, p: overlap_score(g, p, MIN_SHARE))
    return {j: gold_rules[i] for i, j in pairs}
