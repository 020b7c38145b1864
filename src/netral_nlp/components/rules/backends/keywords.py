"""Keyword backend: the fallback when no trained model is present."""

from __future__ import annotations

from functools import lru_cache

from ....anchors import AnchoredPattern, RangeSearch, fold
from ..cues import CATEGORIES, category_cues


def cue_hits(text: str, where: RangeSearch | None = None) -> dict[str, int]:
    """Category -> number of its keyword cues found in ``text`` (a category none of whose
    anchor words occurs is not searched: ``anchors.py``; ``where``: the article range
    ``text`` is, whose word starts are indexed already)."""
    hits = {}
    folded = fold(text) if where is None else None
    for category, pattern in anchored_category_cues().items():
        if where is not None:
            count = where.count(pattern.pattern, text)
        else:
            count = len(pattern.pattern.findall(text)) if pattern.may_match(folded) else 0
        if count:
            hits[category] = count
    return hits


@lru_cache(maxsize=1)
def anchored_category_cues() -> dict[str, AnchoredPattern]:
    return {c: AnchoredPattern.of(p) for c, p in category_cues().items()}


def cue_tokens(text: str, where: RangeSearch | None = None) -> str:
    """Cue hits as pseudo-words (``__cue_social_media__``), a feature for learned backends."""
    return " ".join(f"__cue_{c}__" for c, n in cue_hits(text, where).items() for _ in range(min(n, 3)))


class KeywordCategorizer:
    """Most cue hits wins; ties go to the more specific category (file order)."""

    def predict(self, texts: list[str]) -> list[str]:
        out = []
        order = {c: i for i, c in enumerate(category_cues())}
        for text in texts:
            hits = cue_hits(text)
            if not hits:
                out.append("other")
                continue
            out.append(max(hits, key=lambda c: (hits[c], -order[c])))
        return out


__all__ = ["CATEGORIES", "KeywordCategorizer", "cue_hits", "cue_tokens"]
