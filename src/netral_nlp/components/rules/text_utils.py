"""Small text helpers shared by the list finders and the prose detector."""

from __future__ import annotations

import re

LINE = re.compile(r"[^\n]*")
TERMINAL = ".;:!?"
OPEN_QUOTES = "“\"'‘«"
CLOSE_QUOTES = "”\"'’»"
_TRIM_END = " \t\r\n\u00a0,"
_TRIM_START = " \t\r\n\u00a0" + OPEN_QUOTES + "-–—"


def lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line (without its newline), blank ones included."""
    return [(m.start(), m.end()) for m in LINE.finditer(text) if m.start() < len(text) or m.end() > m.start()]


def trim(text: str, start: int, end: int, keep_quotes: bool = False) -> tuple[int, int]:
    """Narrow ``start:end`` past surrounding spaces, commas and (optionally) quotes."""
    strip_start = " \t\r\n\u00a0" if keep_quotes else _TRIM_START
    strip_end = _TRIM_END if keep_quotes else _TRIM_END + CLOSE_QUOTES
    while start < end and text[start] in strip_start:
        start += 1
    while end > start and text[end - 1] in strip_end:
        end -= 1
    return start, end


def cut_at_closing_quote(text: str, start: int, end: int) -> int:
    """End of a quoted statement inside ``start:end`` (``..., ” ujar X``), else ``end``: the
    first closing curly quote, or straight quote closing an opened statement or following
    end punctuation (past the first character)."""
    segment = text[start:end]
    opened = bool(segment) and segment[0] in OPEN_QUOTES
    curly = segment.find("”", 1)
    straight = segment.find('"', 1)
    while straight != -1 and not opened and segment[straight - 1] not in ".,!?":
        straight = segment.find('"', straight + 1)
    found = [i for i in (curly, straight) if i != -1]
    return start + min(found) if found else end


def looks_like_headline(line: str) -> bool:
    """A short line without end punctuation, mostly capitalised words (a stray headline)."""
    stripped = line.strip()
    if not stripped or stripped[-1] in TERMINAL or len(stripped.split()) > 16:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", stripped)]
    if not words:
        return True
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised / len(words) >= 0.5


def starts_lower(line: str) -> bool:
    stripped = line.lstrip(" \t\u00a0" + OPEN_QUOTES)
    return bool(stripped) and stripped[0].islower()
