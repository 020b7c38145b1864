"""Find rule candidates in a Doc: marked lists, prose enumerations, prose sentences."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from spacy.tokens import Doc

from ...anchors import WordStartPattern, word_starts
from ...spans import boilerplate_ranges
from ...tokenizer import doc_text
from .cues import any_rule_cue, cue
from .enumeration import find_marked_lists
from .items import Item
from .modality import first_cue, is_pledge, list_default, own_item_modality, prose_modality
from .prose import clauses, is_list_intro, is_prose_rule, rule_span, sentences
from .sequences import find_sequences, is_announcement
from .subject import find_subject
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


def _set_list_modality(text: str, items: list[Item]) -> None:
    by_parent: dict[str | None, list[Item]] = {}
    for item in items:
        by_parent.setdefault(item.parent_text or None, []).append(item)
    for parent_text, group in by_parent.items():
        texts = [text[i.start : i.end] for i in group]
        pledge = not parent_text and is_pledge(group[0].lead_in)
        own = [own_item_modality(t, pledge) for t in texts]
        default = list_default(group[0].lead_in, parent_text or "", texts)
        for item, modality in zip(group, own, strict=True):
            item.extra["modality"] = modality or default


@lru_cache(maxsize=1)
def _rule_cue_scanner() -> WordStartPattern:
    return WordStartPattern(any_rule_cue())


def _cue_word_within(cue_starts: list[int], start: int, end: int, folded: str | None) -> bool:
    """Whether a cue word may start in ``start:end``: an anchored word start inside it, or
    the stretch itself opening with an anchor (its first word need not start a word of
    the whole text)."""
    i = bisect_left(cue_starts, start)
    return (i < len(cue_starts) and cue_starts[i] < end) or bool(
        folded and folded.startswith(_rule_cue_scanner().anchors, start)
    )


def find_items(doc: Doc) -> list[Item]:
    """Rule items of a Doc, in text order, with modality and subject set."""
    text = doc_text(doc)
    skip = boilerplate_ranges(doc)
    found: list[Item] = []
    taken: list[tuple[int, int]] = []
    for items in find_marked_lists(text, skip):
        taken.append((items[0].start, items[-1].end))
        if not is_rule_list(text, items):
            continue
        _set_list_modality(text, items)
        found.extend(items)
    sents = sentences(doc)
    leads: set[str] = set()  # announcements that open prose enumerations
    for items in find_sequences(text, sents, taken):
        taken.append((items[0].start, items[-1].end))
        if not is_rule_list(text, items):
            continue
        _set_list_modality(text, items)
        found.extend(items)
        leads.add(items[0].lead_in)
    starts = word_starts(text)
    cue_starts, folded = _rule_cue_scanner().candidates(starts), starts.folded
    for start, end in sents:
        if any(start < b and a < end for a, b in taken):
            continue
        # most sentences have no modal or directive cue word, so no clause of them is a rule
        if cue_starts is not None and not _cue_word_within(cue_starts, start, end, folded):
            continue
        raw = text[start:end]
        if not any_rule_cue().search(raw):
            continue
        if is_list_intro(raw) or raw.strip() in leads or is_announcement(raw):
            continue
        for a, b in clauses(text, *rule_span(text, start, end)):
            if is_prose_rule(text[a:b]):
                found.append(Item(a, b, None, "prose", extra={"modality": prose_modality(text[a:b])}))
    for item in found:
        item.extra["subject"] = find_subject(text[item.start : item.end], item.parent_text, item.lead_in)
    found.sort(key=lambda i: (i.start, i.end))
    return found


__all__ = ["find_items", "first_cue", "is_rule_list"]
