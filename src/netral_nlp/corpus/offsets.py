"""Putting spans coming from annotation tools back onto code-point offsets.

Browser-based tools count in UTF-16 code units, so an emoji before a span
shifts its offsets by one; a span whose offsets do not reproduce its text is
repaired (UTF-16 conversion, then the nearest occurrence of the text) or dropped.
"""

from __future__ import annotations


def utf16_to_codepoint(text: str, offset: int) -> int:
    """Code-point offset of a UTF-16 offset into ``text``."""
    units = 0
    for index, char in enumerate(text):
        if units >= offset:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def align(text: str, start: int, end: int, span_text: str | None) -> tuple[int, int] | None:
    """Offsets whose slice of ``text`` is ``span_text`` (when given), else None."""
    if start < 0 or end > len(text) + 1 or start >= end:
        return None
    if span_text is None:
        return (start, min(end, len(text)))
    if text[start:end] == span_text:
        return (start, end)
    s16, e16 = utf16_to_codepoint(text, start), utf16_to_codepoint(text, end)
    if text[s16:e16] == span_text:
        return (s16, e16)
    if not span_text:
        return None
    hits = []
    pos = text.find(span_text)
    while pos != -1:
        hits.append(pos)
        pos = text.find(span_text, pos + 1)
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(h - start))
    return (best, best + len(span_text))


def empty_record(rid, text: str, meta=None) -> dict:
    """The record an imported task starts from (id as a string, no annotations yet)."""
    record = {
        "id": None if rid is None else str(rid),
        "text": text,
        "entities": [],
        "dates": [],
        "rules": [],
        "events": [],
    }
    if meta is not None:
        record["meta"] = meta
    return record
