"""Marked lists: ``1.`` ``1)`` ``(1)`` ``a.`` ``a)`` ``(a)`` and bullets, nested or interrupted.

Candidates are markers at a line start or after ``;``/``:`` (several items on
one line). They are grouped into lists by kind and sequence (``1, 2, 3``;
``a, b, c``); a list that starts under an item ending in ``:`` is nested and its
items carry the parent's marker. Lines between items that are boilerplate or
stray headlines belong to no item; wrapped lines continue the item above.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ...anchors import WordStartPattern, finditer_at, word_starts
from ...resources import read_json
from .cues import words
from .items import Item
from .text_utils import TERMINAL, lines, looks_like_headline, starts_lower, trim

#: longest gap (characters of non-item content) a list may span between two items
MAX_GAP = 600


@lru_cache(maxsize=1)
def marker_pattern() -> re.Pattern[str]:
    """A list marker followed by the item's first character."""
    bullets = "".join(re.escape(b) for b in read_json("list_markers.json")["bullets"])
    return re.compile(
        r"(?P<m>\((?P<n1>\d{1,2})\)\.?|(?P<n2>\d{1,2})(?:\)\.?|\.(?!\d))"
        r"|\((?P<a1>[a-zA-Z])\)\.?|(?P<a2>[a-zA-Z])(?:\)\.?|\.)"
        rf"|(?P<b>[{bullets}]))[ \t\u00a0]+(?=\S)"
    )


@dataclass
class Candidate:
    pos: int  # where the marker starts
    content: int  # where the item's text starts
    kind: str
    value: int
    marker: str
    line: int
    inline: bool


@dataclass
class _List:
    kind: str
    items: list[Candidate] = field(default_factory=list)
    parent: Candidate | None = None
    bullet: str = ""


def _candidate(text: str, match: re.Match[str], line: int, inline: bool) -> Candidate | None:
    g = match.groupdict()
    if g["n1"] or g["n2"]:
        digits = g["n1"] or g["n2"]
        return Candidate(match.start(), match.end(), "num", int(digits), digits, line, inline)
    if g["a1"] or g["a2"]:
        letter = g["a1"] or g["a2"]
        kind = "alpha" if letter.islower() else "ALPHA"
        return Candidate(match.start(), match.end(), kind, ord(letter.lower()) - 96, letter, line, inline)
    if g["b"]:
        if inline:
            return None
        return Candidate(match.start(), match.end(), "bullet:" + g["b"], 0, g["b"], line, inline)
    return None


#: what ends a clause before an inline marker (``larangan: a. ...``, ``; b. ...``)
_SEPARATOR = re.compile(r"[;:,]")


@lru_cache(maxsize=1)
def _inline_at() -> re.Pattern[str]:
    """Where an inline marker may start: after ``;`` ``:`` ``,`` or an intro word (``yaitu a. ...``)."""
    intro = "|".join(read_json("rules/cues.json")["intro"])
    return re.compile(
        rf"(?:{_SEPARATOR.pattern}|(?<!\w)(?i:{intro})(?!\w))[ \t\u00a0]*(?=\(?[0-9a-zA-Z]{{1,2}}[.)])"
    )


@lru_cache(maxsize=1)
def _intro_scanner() -> WordStartPattern:
    return WordStartPattern(words(read_json("rules/cues.json")["intro"]))


def _inline_starts(text: str) -> list[int] | None:
    """Ascending places where an ``_inline_at`` match may start: each ``;`` ``:`` ``,`` and
    each word start that opens with an intro word's anchor (the pattern has no literal
    start, so searched plainly it is tried at every character of every line); None when
    the text's word starts cannot be indexed (then it is searched plainly)."""
    intro = _intro_scanner().candidates(word_starts(text))
    if intro is None:
        return None
    return sorted({m.start() for m in _SEPARATOR.finditer(text)}.union(intro))


def candidates(text: str, line_spans: list[tuple[int, int]]) -> list[Candidate]:
    """Every marker at a line start or after ``;`` ``:`` ``,`` in document order."""
    pattern = marker_pattern()
    found: list[Candidate] = []
    inline, starts = _inline_at(), _inline_starts(text)
    for index, (start, end) in enumerate(line_spans):
        line = text[start:end]
        lead = len(line) - len(line.lstrip(" \t\u00a0"))
        match = pattern.match(text, start + lead, end)
        if match:
            cand = _candidate(text, match, index, inline=False)
            if cand:
                found.append(cand)
        if starts is None:
            separators: Iterable[re.Match[str]] = inline.finditer(text, start, end)
        else:
            first = bisect_left(starts, start)
            separators = finditer_at(inline, text, starts[first : bisect_left(starts, end, first)], end)
        for sep in separators:
            match = pattern.match(text, sep.end(), end)
            if match:
                cand = _candidate(text, match, index, inline=True)
                if cand:
                    found.append(cand)
    return found


def _continues(lst: _List, cand: Candidate) -> bool:
    if lst.kind != cand.kind:
        return False
    if cand.kind.startswith("bullet"):
        return True
    return cand.value == lst.items[-1].value + 1


def _item_end(text: str, cand: Candidate, next_pos: int | None, line_end: int) -> int:
    return min(next_pos, line_end) if next_pos is not None and next_pos > cand.content else line_end


def find_marked_lists(text: str, skip: list[tuple[int, int]]) -> list[list[Item]]:
    """Lists of items (each list in order); ``skip`` are boilerplate ranges."""
    line_spans = lines(text)
    line_of_boiler = [any(s < b_end and b_start < e for b_start, b_end in skip) for s, e in line_spans]
    cands = [c for c in candidates(text, line_spans) if not line_of_boiler[c.line]]
    # item extents: up to the next candidate on the same line, else the line end
    ends: dict[int, int] = {}
    for i, cand in enumerate(cands):
        nxt = cands[i + 1].pos if i + 1 < len(cands) and cands[i + 1].line == cand.line else None
        ends[id(cand)] = _item_end(text, cand, nxt, line_spans[cand.line][1])

    done: list[_List] = []
    stack: list[_List] = []
    last_end = -1
    for cand in cands:
        if stack and cand.pos - last_end > MAX_GAP and _has_prose_between(text, line_spans, line_of_boiler, last_end, cand.pos):
            done.extend(stack)
            stack = []
        target = next((d for d in range(len(stack) - 1, -1, -1) if _continues(stack[d], cand)), None)
        if target is not None:
            done.extend(stack[target + 1 :])
            del stack[target + 1 :]
            stack[-1].items.append(cand)
        elif cand.value == 1 or cand.kind.startswith("bullet"):
            if cand.inline and not _after_colon(text, cand):
                continue
            parent = None
            if stack:
                top = stack[-1].items[-1]
                top_text = text[top.content : ends[id(top)]].rstrip()
                if top_text.endswith(":") and stack[-1].kind != cand.kind:
                    parent = top
                else:
                    done.extend(stack)
                    stack = []
            stack.append(_List(cand.kind, [cand], parent))
        else:
            continue
        last_end = ends[id(cand)]
    done.extend(stack)

    parents = {id(lst.parent) for lst in done if lst.parent is not None}
    result: list[list[Item]] = []
    for lst in sorted(done, key=lambda x: x.items[0].pos):
        single_ok = lst.parent is not None or lst.items[0].inline or id(lst.items[0]) in parents
        if len(lst.items) < 2 and not single_ok:
            continue
        items = []
        for cand in lst.items:
            end = _extend_wrapped(text, line_spans, line_of_boiler, cand, ends[id(cand)])
            start, end = trim(text, cand.content, end, keep_quotes=True)
            if start >= end:
                continue
            item = Item(start, end, marker=cand.marker, kind=lst.kind.split(":")[0], value=cand.value)
            if lst.parent is not None:
                item.parent = lst.parent.marker
                p_start = lst.parent.content
                item.parent_text = text[p_start : ends[id(lst.parent)]].strip()
            items.append(item)
        if items:
            items[0].lead_in = lead_in(text, lst.items[0].pos, line_spans, line_of_boiler)
            for item in items[1:]:
                item.lead_in = items[0].lead_in
            result.append(items)
    return result


def _after_colon(text: str, cand: Candidate) -> bool:
    """An inline list opens after ``:`` or an intro word (``..., yaitu a. ...``)."""
    before = text[max(0, cand.pos - 30) : cand.pos].rstrip()
    return before.endswith(":") or bool(_intro_end().search(before))


@lru_cache(maxsize=1)
def _intro_end() -> re.Pattern[str]:
    intro = "|".join(read_json("rules/cues.json")["intro"])
    return re.compile(rf"(?<!\w)(?:{intro}),?$", re.IGNORECASE)


def _has_prose_between(text, line_spans, boiler, start: int, end: int) -> bool:
    """True when a paragraph of ordinary text lies between two items (the list ended)."""
    for index, (s, e) in enumerate(line_spans):
        if s >= end or e <= start or boiler[index]:
            continue
        line = text[max(s, start) : min(e, end)].strip()
        if line and not looks_like_headline(line) and len(line.split()) > 12:
            return True
    return False


def _extend_wrapped(text, line_spans, boiler, cand: Candidate, end: int) -> int:
    """Extend an item over the lines that continue it (wrapped text)."""
    line_end = line_spans[cand.line][1]
    if end < line_end:
        return end
    index = cand.line
    current = text[cand.content : end].rstrip()
    blank_seen = False
    while index + 1 < len(line_spans):
        index += 1
        s, e = line_spans[index]
        line = text[s:e]
        if not line.strip():
            blank_seen = True
            continue
        if boiler[index] or marker_pattern().match(line.lstrip(" \t\u00a0")):
            break
        ended = current.endswith(tuple(TERMINAL))
        if starts_lower(line) and not ended or (not blank_seen and not ended and not looks_like_headline(line)):
            end = e
            current = line.rstrip()
            continue
        break
    return end


def lead_in(text: str, pos: int, line_spans, boiler) -> str:
    """The sentence(s) just before ``pos`` that introduce a list (boilerplate skipped)."""
    parts: list[str] = []
    same_line = next((s for s, e in line_spans if s <= pos <= e), pos)
    if text[same_line:pos].strip():
        return _last_sentence(text[same_line:pos].strip())
    for index in range(len(line_spans) - 1, -1, -1):
        s, e = line_spans[index]
        if e > pos or boiler[index] or not text[s:e].strip():
            continue
        line = text[s:e].strip()
        parts.insert(0, line)
        if not looks_like_headline(line) or len(parts) >= 2:
            break
    return _last_sentence(" ".join(parts))


def _last_sentence(text: str) -> str:
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text)
    return sentences[-1][-400:] if sentences else ""
