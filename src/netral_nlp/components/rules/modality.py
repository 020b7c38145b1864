"""Modality of a rule: ``prohibition`` or ``obligation``.

The first deontic cue decides (``dilarang ... harus`` is a prohibition,
``harus netral, tidak memihak`` an obligation), except that an explicit
prohibition (``dilarang``, ``tidak boleh``, ``jangan``) anywhere outranks an
earlier obligation (``wajib netral dan dilarang ...``) and a directive with a
negated complement (``meminta ASN tidak ...``, ``diminta tak ...``) forbids.
A list item without a cue of its own takes its list's: a prohibiting lead-in
(``dilarang:``, ``Tidak boleh ... melalui:``) or siblings whose own cues are mostly
explicit prohibitions (not a bare ``Tidak ...``) make it a prohibition. Pledge points (``ikrar``, ``pakta``)
are obligations even when phrased negatively (``tidak memihak``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...anchors import RangeSearch
from .cues import cue, cue_data

PROHIBITION = "prohibition"
OBLIGATION = "obligation"

#: how far into a list item its own cue may sit (items often continue with clauses)
ITEM_HEAD = 80
_NEGATED_START = re.compile(r"^\W*(?:tidak|tak|bukan|jangan|dilarang)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _negated_directive() -> re.Pattern[str]:
    """A directive whose complement is negated: ``meminta seluruh ASN agar tidak ...``."""
    data = cue_data()
    verbs = "|".join(sorted(data["directive"] + data["directive_passive"], key=len, reverse=True))
    negation = "|".join(sorted(data["negation"], key=len, reverse=True))
    return re.compile(
        rf"(?<!\w)(?:{verbs})(?!\w)(?:[^\S\n]+[^\s,.;:!?\"“”]+){{0,8}}?"
        rf"[^\S\n]+(?:(?:agar|supaya|untuk|bahwa)\s+)?(?:{negation})(?!\w)",
        re.IGNORECASE,
    )


def _search(pattern: re.Pattern[str], text: str, where: RangeSearch | None) -> re.Match[str] | None:
    return pattern.search(text) if where is None else where.search(pattern, text)


def first_cue(text: str, where: RangeSearch | None = None) -> str | None:
    """The modality of the earliest deontic cue in ``text``, or None (``where``: the
    article range ``text`` is, to skip cues it cannot hold)."""
    prohibition = _search(cue("prohibition"), text, where)
    obligation = _search(cue("obligation"), text, where)
    if prohibition and (not obligation or prohibition.start() <= obligation.start()):
        return PROHIBITION
    if obligation:
        return OBLIGATION
    return None


def prose_modality(text: str, where: RangeSearch | None = None) -> str:
    """A prose rule's modality: explicit or directed prohibitions first, else the first cue."""
    if _search(cue("overriding_prohibition"), text, where) or _search(_negated_directive(), text, where):
        return PROHIBITION
    return first_cue(text, where) or OBLIGATION


def own_item_modality(text: str, pledge: bool = False) -> str | None:
    """The modality an item states itself, near its start (a pledge point only forbids explicitly)."""
    if pledge:
        return PROHIBITION if cue("strong_prohibition").search(text[:ITEM_HEAD]) else OBLIGATION
    if _NEGATED_START.search(text):
        return PROHIBITION
    return first_cue(text[:ITEM_HEAD])


def is_pledge(lead_in: str) -> bool:
    return bool(cue("pledge_lead_in").search(lead_in))


def list_default(lead_in: str, parent_text: str, items: list[str]) -> str:
    """The modality of the items of a list that state none themselves."""
    if parent_text:
        parent = own_item_modality(parent_text) or first_cue(parent_text)
        if parent == PROHIBITION:
            return PROHIBITION
    if is_pledge(lead_in):
        return OBLIGATION
    if cue("prohibiting_lead_in").search(lead_in):
        return PROHIBITION
    stated = [t for t in items if own_item_modality(t)]
    explicit = sum(bool(cue("strong_prohibition").search(t[:ITEM_HEAD])) for t in stated)
    if stated and explicit * 2 >= len(stated):
        return PROHIBITION
    return OBLIGATION
