"""Citations: the sentence a figure comes from, with the article it is in.

Every number on the report page links to a few of these, so a reader can
check it against the text; they are cut to a sentence (or a window around
the span), which keeps the page and the memory small whatever the batch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

WINDOW = 160
#: where a sentence ends (for cutting the context around a span)
_BREAK = re.compile(r"[.!?]\s|\n")


@dataclass(frozen=True, slots=True)
class Citation:
    """One place in one article that a figure counts."""

    article: str
    title: str | None
    publication: str | None
    url: str | None
    before: str
    span: str
    after: str


def _context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, span, after): the span inside its sentence, at most WINDOW characters each side."""
    left_bound = max(0, start - WINDOW)
    breaks = [m.end() for m in _BREAK.finditer(text, left_bound, start)]
    left = breaks[-1] if breaks else left_bound
    found = _BREAK.search(text, end, min(len(text), end + WINDOW))
    right = found.start() + 1 if found else min(len(text), end + WINDOW)
    span = text[start:end]
    if len(span) > 2 * WINDOW:
        span = span[:WINDOW] + " … " + span[-WINDOW // 2 :]
    before = ("…" if left == left_bound and left > 0 else "") + text[left:start].lstrip()
    after = text[end:right].rstrip() + ("…" if not found and right < len(text) else "")
    return before, span, after


def cite(record: dict[str, Any], start: int, end: int) -> Citation:
    """A citation of ``record['text'][start:end]``."""
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    before, span, after = _context(record["text"], start, end)
    publication = record.get("publication")
    return Citation(
        article=str(record.get("id")),
        title=str(meta["title"]) if meta.get("title") else None,
        publication=publication if isinstance(publication, str) else None,
        url=str(meta["url"]) if meta.get("url") else None,
        before=before,
        span=span,
        after=after,
    )
