"""The article's own date line: which mention is the publication date.

A news page often shows several header dates (a "today" widget, the article's
date); the article's own one is the last date line before the first prose
paragraph. When none stands there, a footer date line that carries a time, a
separator or a publication word counts. Shapes are data
(``resources/dates/dateline.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...resources import read_json
from .grammar import Mention


@dataclass(frozen=True)
class _Shape:
    prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    marked: re.Pattern[str]  # a suffix with a time or a separator after the date
    pub_word: re.Pattern[str]
    prose_min_chars: int


@lru_cache(maxsize=1)
def _shape() -> _Shape:
    data = read_json("dates/dateline.json")
    bullets = re.escape(data["bullets"])
    chunk_seps = re.escape(data["chunk_separators"])
    words = "|".join(re.escape(w) for w in data["publication_words"])
    # a chunk: short text without sentence ends (a site name may hold '.Com'), then a separator
    chunk = rf"[^\n.!?{chunk_seps}]{{1,{data['max_chunk_chars']}}}(?:\.[A-Za-z]{{2,4}})?[{chunk_seps}]"
    pub_word = rf"(?i:{words})[^\S\n]*:?"
    prefix = re.compile(
        rf"^[\s{bullets}]*(?:{chunk}[^\S\n]*){{0,{data['max_prefix_chunks']}}}(?P<word>{pub_word})?[^\S\n]*$"
    )
    zones = "|".join(re.escape(z) for z in data["time_zones"])
    time_words = "|".join(re.escape(w) for w in data["time_words"])
    time = rf"(?:{time_words})?[^\S\n]*\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?[^\S\n]*(?:{zones})?"
    seps = re.escape(data["separators"])
    suffix = re.compile(rf"^[^\S\n]*,?[^\S\n]*(?P<time>{time})?[^\S\n]*(?:$|\n|(?P<sep>[{seps}]))")
    return _Shape(prefix, suffix, re.compile(r"\S"), re.compile(pub_word), int(data["prose_min_chars"]))


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _first_prose_line(text: str, min_chars: int) -> int:
    """Offset of the first long line of prose (the article body starts there)."""
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if len(stripped) >= min_chars and (". " in stripped or ", " in stripped or stripped.endswith(".")):
            return offset
        offset += len(line) + 1
    return len(text)


def _date_line(text: str, mention: Mention) -> tuple[bool, bool]:
    """(is a date line, carries a mark: time, separator or publication word)."""
    if mention.last is not None or not mention.first.is_day or mention.first.year is None:
        return False, False
    shape = _shape()
    line_start, line_end = _line_bounds(text, mention.start, mention.end)
    prefix = shape.prefix.match(text[line_start : mention.start])
    if not prefix:
        return False, False
    suffix = shape.suffix.match(text[mention.end : line_end + 1])
    if not suffix:
        return False, False
    marked = bool(prefix.group("word") or suffix.group("time") or suffix.group("sep"))
    return True, marked


def is_date_line(text: str, mention: Mention) -> bool:
    """True when the mention stands on its line as a date line does."""
    return _date_line(text, mention)[0]


def date_lines(text: str, mentions: list[Mention]) -> tuple[Mention | None, list[Mention]]:
    """The publication mention (or None) and the other header date lines."""
    shape = _shape()
    body = _first_prose_line(text, shape.prose_min_chars)
    header, footer = [], []
    for mention in mentions:
        is_line, marked = _date_line(text, mention)
        if not is_line:
            continue
        if _line_bounds(text, mention.start, mention.end)[0] <= body:
            header.append(mention)
        elif marked:
            footer.append(mention)
    if header:
        return header[-1], header[:-1]
    if footer:
        return footer[0], []
    return None, []
