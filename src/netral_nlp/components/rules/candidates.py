"""Every stretch of an article that could be a rule, with the cascade's answer attached.

The learned detector decides; this module only proposes. Candidates are the
items of every marked list and prose enumeration (rule lists or not), the
clauses of every content sentence outside those lists, and the parts of a
sentence cut at semicolons (lists written on one line). Each carries, in
``extra``, what the hand-set cascade would have said (``cascade``), which the
detector reads as one feature among many and which decides alone when no
trained detector is installed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from spacy.tokens import Doc

from ...anchors import RangeSearch, WordStartPattern, word_starts
from ...spans import boilerplate_ranges
from ...tokenizer import doc_text
from .cues import any_rule_cue
from .enumeration import find_marked_lists
from .finder import is_rule_list
from .items import Item
from .modality import is_pledge, list_default, own_item_modality, prose_modality
from .prose import MAX_CHARS, clauses, is_list_intro, is_prose_rule, rule_span, sentences
from .sequences import find_sequences, is_announcement

_SEMICOLON = re.compile(r";\s+")
MIN_PIECE_WORDS = 3


def _list_modality(text: str, items: list[Item]) -> None:
    by_parent: dict[str | None, list[Item]] = {}
    for item in items:
        by_parent.setdefault(item.parent_text or None, []).append(item)
    for parent_text, group in by_parent.items():
        texts = [text[i.start : i.end] for i in group]
        pledge = not parent_text and is_pledge(group[0].lead_in)
        default = list_default(group[0].lead_in, parent_text or "", texts)
        for item, item_text in zip(group, texts, strict=True):
            item.extra["modality"] = own_item_modality(item_text, pledge) or default


def _semicolon_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence listing rules between semicolons, cut into its pieces (two or more)."""
    cuts = [m for m in _SEMICOLON.finditer(text, start, end)]
    if not cuts:
        return []
    out, pos = [], start
    for m in cuts:
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if len(text[a:b].split()) >= MIN_PIECE_WORDS]


@lru_cache(maxsize=1)
def _cue_scanner() -> WordStartPattern:
    return WordStartPattern(any_rule_cue())


def _cue_starts(text: str) -> list[int]:
    """Where a modal or directive cue starts, once per article (anchored word starts)."""
    return [m.start() for m in _cue_scanner().finditer(word_starts(text))]


def _has_cue(cue_starts: list[int], start: int, end: int) -> bool:
    i = bisect_left(cue_starts, start)
    return i < len(cue_starts) and cue_starts[i] < end


def _take_lists(text: str, lists, found: list[Item], taken: list[tuple[int, int]]) -> set[str]:
    """Add every item of ``lists`` to ``found`` with the list's verdict and modality; mark
    their extents as taken; return the lead-ins of the lists that state rules."""
    leads: set[str] = set()
    for items in lists:
        taken.append((items[0].start, items[-1].end))
        rule_list = is_rule_list(text, items)
        _list_modality(text, items)
        list_id = len(taken) - 1
        for item in items:
            item.list_id, item.extra["cascade"], item.extra["list_rule"] = list_id, rule_list, rule_list
            item.extra["list_size"] = len(items)
        if rule_list:
            leads.add(items[0].lead_in)
        found.extend(items)
    return leads


def find_candidates(doc: Doc) -> list[Item]:
    """Rule candidates of a Doc in text order, each with ``extra`` cascade fields:
    ``cascade`` (bool), ``modality``, ``list_rule`` for list items (the subject is read
    for the rules kept only: :func:`.subject.find_subject`)."""
    text = doc_text(doc)
    skip = boilerplate_ranges(doc)
    found: list[Item] = []
    taken: list[tuple[int, int]] = []
    _take_lists(text, find_marked_lists(text, skip), found, taken)
    sents = sentences(doc)
    leads = _take_lists(text, find_sequences(text, sents, taken), found, taken)
    cue_starts = _cue_starts(text)
    starts = word_starts(text)
    for index, (start, end) in enumerate(sents):
        if any(start < b and a < end for a, b in taken) or end - start > MAX_CHARS * 2:
            continue
        raw = text[start:end]
        has_cue = _has_cue(cue_starts, start, end)
        intro = is_list_intro(raw) or raw.strip() in leads or is_announcement(raw, RangeSearch(starts, start, end))
        span = rule_span(text, start, end)
        pieces = clauses(text, *span) if has_cue else [span]
        for a, b in pieces:
            if a >= b:
                continue
            piece, where = text[a:b], RangeSearch(starts, a, b)
            cascade = has_cue and not intro and is_prose_rule(piece, where)
            found.append(Item(a, b, None, "prose", value=index, extra={
                "cascade": cascade, "modality": prose_modality(piece, where), "intro": intro,
                "has_cue": has_cue}))
        for a, b in _semicolon_pieces(text, *span) if len(pieces) == 1 else []:
            piece_cue = _has_cue(cue_starts, a, b)
            found.append(Item(a, b, None, "semicolon", value=index, extra={
                "cascade": False, "modality": prose_modality(text[a:b], RangeSearch(starts, a, b)),
                "intro": False, "has_cue": piece_cue}))
    found.sort(key=lambda i: (i.start, i.end))
    return found
