"""The group a rule applies to (extra field ``subject``): ASN, kepala desa, TNI, Polri ..."""

from __future__ import annotations

import re
from functools import lru_cache

from .cues import cue, subject_cues

#: where the subject of an item without a modal cue may sit (``ASN dilarang`` vs an object)
HEAD = 30


def _first(text: str) -> str | None:
    """The subject named first in ``text`` (at the same position, the earlier in priority)."""
    match = _any_subject().search(text)
    return _subject_names()[match.lastgroup] if match else None


@lru_cache(maxsize=1)
def _any_subject() -> re.Pattern[str]:
    """Every subject pattern as one alternation, in priority order, each in its own group:
    one search finds the earliest subject, and at equal positions the first in order."""
    return re.compile("|".join(f"(?P<s{i}>{pattern.pattern})" for i, (_, pattern) in enumerate(subject_cues())))


@lru_cache(maxsize=1)
def _subject_names() -> dict[str, str]:
    return {f"s{i}": subject for i, (subject, _) in enumerate(subject_cues())}


def _head(text: str) -> str:
    """The part of a rule before its first deontic cue (where its subject is named)."""
    cues = [m.start() for name in ("prohibition", "obligation", "directive") if (m := cue(name).search(text))]
    return text[: min(cues)] if cues else text[:HEAD]


def find_subject(text: str, *context: str) -> str | None:
    """The group named before the rule's modal cue, else in its parent or lead-in, else anywhere."""
    for candidate in (text, *context):
        if candidate and (found := _first(_head(candidate))):
            return found
    for candidate in (text, *context):
        if candidate and (found := _first(candidate)):
            return found
    return None
