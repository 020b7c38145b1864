"""The group a rule applies to (extra field ``subject``): ASN, kepala desa, TNI, Polri ..."""

from __future__ import annotations

import re
from functools import lru_cache

from ...anchors import RangeSearch
from .cues import cue, subject_cues

#: where the subject of an item without a modal cue may sit (``ASN dilarang`` vs an object)
HEAD = 30


def _search(pattern: re.Pattern[str], text: str, where: RangeSearch | None) -> re.Match[str] | None:
    return pattern.search(text) if where is None else where.search(pattern, text)


def _first(text: str, where: RangeSearch | None = None) -> str | None:
    """The subject named first in ``text`` (at the same position, the earlier in priority)."""
    match = _search(_any_subject(), text, where)
    return _subject_names()[match.lastgroup] if match else None


@lru_cache(maxsize=1)
def _any_subject() -> re.Pattern[str]:
    """Every subject pattern as one alternation, in priority order, each in its own group:
    one search finds the earliest subject, and at equal positions the first in order."""
    return re.compile("|".join(f"(?P<s{i}>{pattern.pattern})" for i, (_, pattern) in enumerate(subject_cues())))


@lru_cache(maxsize=1)
def _subject_names() -> dict[str, str]:
    return {f"s{i}": subject for i, (subject, _) in enumerate(subject_cues())}


def _head(text: str, where: RangeSearch | None = None) -> str:
    """The part of a rule before its first deontic cue (where its subject is named)."""
    cues = [m.start() for name in ("prohibition", "obligation", "directive") if (m := _search(cue(name), text, where))]
    return text[: min(cues)] if cues else text[:HEAD]


def find_subject(text: str, *context: str, where: RangeSearch | None = None) -> str | None:
    """The group named before the rule's modal cue, else in its parent or lead-in, else anywhere
    (``where``: the article range ``text`` is, to skip patterns it cannot match)."""
    head = _head(text, where) if text else ""
    head_where = None if where is None else RangeSearch(where.starts, where.start, where.start + len(head))
    if head and (found := _first(head, head_where)):
        return found
    for candidate in context:
        if candidate and (found := _first(_head(candidate))):
            return found
    if text and (found := _first(text, where)):
        return found
    for candidate in context:
        if candidate and (found := _first(candidate)):
            return found
    return None
