"""Modality of a rule: ``prohibition`` or ``obligation``.

The first deontic cue decides (``dilarang ... harus`` is a prohibition,
``harus netral, tidak memihak`` an obligation). A list item without a cue of
its own takes its list's: a prohibiting lead-in (``dilarang:``, ``Tidak boleh
... melalui:``) or prohibiting siblings make it a prohibition, pledge points
are obligations.
"""

from __future__ import annotations

import re

from .cues import cue

PROHIBITION = "prohibition"
OBLIGATION = "obligation"

#: how far into a list item its own cue may sit (items often continue with clauses)
ITEM_HEAD = 80
_NEGATED_START = re.compile(r"^\W*(?:tidak|tak|bukan|jangan|dilarang)\b", re.IGNORECASE)


def first_cue(text: str) -> str | None:
    """The modality of the earliest deontic cue in ``text``, or None."""
    prohibition = cue("prohibition").search(text)
    obligation = cue("obligation").search(text)
    if prohibition and (not obligation or prohibition.start() <= obligation.start()):
        return PROHIBITION
    if obligation:
        return OBLIGATION
    return None


def prose_modality(text: str) -> str:
    return first_cue(text) or OBLIGATION


def own_item_modality(text: str) -> str | None:
    """The modality an item states itself, near its start."""
    if _NEGATED_START.search(text):
        return PROHIBITION
    return first_cue(text[:ITEM_HEAD])


def list_default(lead_in: str, parent_text: str, own: list[str | None]) -> str:
    """The modality of the items of a list that state none themselves."""
    if parent_text:
        parent = own_item_modality(parent_text) or first_cue(parent_text)
        if parent == PROHIBITION:
            return PROHIBITION
    pledge = bool(cue("pledge_lead_in").search(lead_in))
    if cue("prohibiting_lead_in").search(lead_in) and not pledge:
        return PROHIBITION
    stated = [m for m in own if m]
    if not pledge and stated and stated.count(PROHIBITION) * 2 >= len(stated):
        return PROHIBITION
    return OBLIGATION
