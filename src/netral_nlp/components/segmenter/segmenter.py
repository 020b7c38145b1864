"""Sentence segmentation that respects line breaks and list markers.

News pages put one paragraph, heading or list item per line, so a line break
ends a segment, except where a paragraph was hard-wrapped (the next line goes
on in lower case, or the line stops on a word that never ends a sentence, or a
date is cut between day and month). Within a line, segments end at sentence
punctuation (not after abbreviations, initials or ``Jan.`` before a year),
before a list marker that follows ``;`` or ``:``, and after the dateline of the
first paragraph (``JAKARTA - ``), which is not part of its sentence.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.tokens import Doc

from ...spans import group
from ...tokenizer import doc_text
from .patterns import (
    DATELINE,
    inline_item_pattern,
    is_abbreviation,
    is_dateline,
    is_marker_only,
    month_names,
    sentence_end_pattern,
    starts_with_marker,
    wrap_words,
)

_WORD_BEFORE = re.compile(r"(\S+)$")
_LAST_WORD = re.compile(r"([^\W_]+)[,]?$")
_FIRST_WORD = re.compile(r"^([^\s,;:]+)")
#: a dateline is kept apart only when a real paragraph follows it
_MIN_WORDS_AFTER_DATELINE = 8
#: characters looked at before a sentence end (the word before it, a bare list marker)
_LOOK_BACK = 64


def _continues(prev: str, line: str) -> bool:
    """True when ``line`` carries on the hard-wrapped sentence of ``prev`` (both stripped)."""
    if not prev or not line or prev[-1] in '.!?:;"”’)]' or starts_with_marker(line):
        return False
    first = _FIRST_WORD.match(line)
    if first is None:
        return False
    word = first.group(1)
    if word[0].islower() and "." not in word and "/" not in word:
        return True
    last = _LAST_WORD.search(prev, max(0, len(prev) - _LOOK_BACK))
    if last is None:
        return False
    tail = last.group(1)
    if tail.lower() in wrap_words():
        return True
    return tail.isdigit() and len(tail) <= 2 and word.rstrip(".").lower() in month_names()


def _dateline_ends(line: str) -> list[int]:
    """Offsets in ``line`` just after its dateline(s) (``jpnn.com - KUALA KAPUAS - ``)."""
    ends: list[int] = []
    pos = 0
    for _ in range(2):
        match = DATELINE.match(line, pos)
        if match is None or not is_dateline(match.group("head")):
            break
        if len(line[match.end() : match.end() + 400].split()) < _MIN_WORDS_AFTER_DATELINE:
            break
        ends.append(match.end())
        pos = match.end()
    return ends


class _Ranges:
    """Sorted, non-overlapping character ranges, asked about in text order (linear overall)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self._ranges = sorted(ranges)
        self._next = 0

    def touches(self, start: int, end: int) -> bool:
        """True when a range overlaps ``[start, end)``; calls come with growing ``start``."""
        ranges = self._ranges
        while self._next < len(ranges) and ranges[self._next][1] <= start:
            self._next += 1
        return self._next < len(ranges) and ranges[self._next][0] < end


def segment_starts(text: str, boilerplate: list[tuple[int, int]] | None = None) -> list[int]:
    """Character offsets where a new segment begins.

    ``boilerplate`` (character ranges) stops a wrapped line from joining page
    furniture, and keeps furniture lines out of the dateline search.
    """
    ranges = _Ranges(boilerplate or [])
    starts: set[int] = set()
    offset = 0
    prev = ""  # the previous line, stripped ("" after a blank line or furniture)
    dateline_seen = False
    for line in text.split("\n"):
        lead = len(line) - len(line.lstrip(" \t\u00a0\r"))
        stripped = line.strip(" \t\u00a0\r")
        furniture = ranges.touches(offset, offset + len(line))
        if stripped and (furniture or not _continues(prev, stripped)):
            starts.add(offset + lead)
        if stripped and not dateline_seen and not furniture:
            ends = _dateline_ends(line[lead:])
            if ends:
                dateline_seen = True
                starts.update(offset + lead + e for e in ends)
        for match in sentence_end_pattern().finditer(line):
            end = match.start() + 1
            # look back a bounded window only: the whole line would make long lines quadratic
            before = _WORD_BEFORE.search(line, max(0, end - _LOOK_BACK), end)
            if before and is_abbreviation(before.group(1), line[match.end() : match.end() + 1]):
                continue
            if is_marker_only(line, end, _LOOK_BACK):
                continue
            starts.add(offset + match.end())
        for match in inline_item_pattern().finditer(line):
            starts.add(offset + match.end())
        offset += len(line) + 1
        prev = "" if furniture else stripped
    return sorted(starts)


def set_sentence_starts(doc: Doc) -> Doc:
    """Mark ``is_sent_start`` from :func:`segment_starts` (vectorised, no per-token loop).

    A start inside a token marks that token; a start in whitespace marks the
    next token; space tokens never start a segment.
    """
    if len(doc) == 0:
        return doc
    attrs = doc.to_array([IDX, LENGTH, IS_SPACE]).astype(np.int64)
    ends = attrs[:, 0] + attrs[:, 1]
    content = np.flatnonzero(attrs[:, 2] == 0)
    flags = np.full(len(doc), -1, dtype=np.int64)
    furniture = [(s.start_char, s.end_char) for s in group(doc, "boilerplate")]
    starts = np.asarray(segment_starts(doc_text(doc), furniture), dtype=np.int64)
    if len(content) and len(starts):
        token_of = np.searchsorted(ends, starts, side="right")  # first token ending after
        nxt = np.searchsorted(content, token_of[token_of < len(doc)])
        flags[content[nxt[nxt < len(content)]]] = 1
    flags[0] = 1
    doc.from_array([SENT_START], flags.reshape(-1, 1).astype(np.uint64))
    return doc


class Segmenter:
    """Pipeline component: sets sentence boundaries."""

    def __call__(self, doc: Doc) -> Doc:
        return set_sentence_starts(doc)
