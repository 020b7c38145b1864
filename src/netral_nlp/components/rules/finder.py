"""Whether a list states rules: the cascade's verdict, one feature of the learned detector."""

from __future__ import annotations

from .cues import cue
from .items import Item
from .modality import first_cue
from .text_utils import looks_like_headline


def _states_conduct(text: str) -> bool:
    return bool(
        cue("prohibition").search(text) or cue("obligation").search(text) or cue("conduct_topic").search(text)
    )


def _item_conduct(text: str) -> bool:
    if text.rstrip().endswith("?") or looks_like_headline(text):
        return False
    return _states_conduct(text)


def is_rule_list(text: str, items: list[Item]) -> bool:
    """Whether a list states rules (not candidates, provinces, an agenda, related links)."""
    lead = items[0].lead_in
    if items[0].parent_text:
        return True
    # ``larangan ... selama tahapan pemilihan:`` announces rules despite ``tahapan``
    if cue("lead_in_not_rule").search(lead) and not cue("prohibiting_lead_in").search(lead):
        return False
    conduct = sum(_item_conduct(text[i.start : i.end]) for i in items)
    if cue("lead_in_rule").search(lead):
        return conduct * 3 >= len(items)
    return conduct * 2 >= len(items) and conduct >= 2


__all__ = ["first_cue", "is_rule_list"]
