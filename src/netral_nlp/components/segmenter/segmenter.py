"""Sentence segmentation that respects line breaks and list markers.

News pages put one paragraph, heading or list item per line, so a line break
always ends a segment; within a line, segments end at sentence punctuation
(not after abbreviations or initials) and before a list marker that follows
``;`` or ``:``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .patterns import (
    inline_item_pattern,
    is_abbreviation,
    is_marker_only,
    sentence_end_pattern,
)

_WORD_BEFORE = re.compile(r"(\S+)$")


def segment_starts(text: str) -> list[int]:
    """Character offsets where a new segment begins."""
    starts: set[int] = set()
    offset = 0
    for line in text.split("\n"):
        stripped = len(line) - len(line.lstrip(" \t\u00a0\r"))
        if line.strip():
            starts.add(offset + stripped)
        for match in sentence_end_pattern().finditer(line):
            head = line[: match.start() + 1]
            before = _WORD_BEFORE.search(head)
            if before and is_abbreviation(before.group(1)):
                continue
            if is_marker_only(head):
                continue
            starts.add(offset + match.end())
        for match in inline_item_pattern().finditer(line):
            starts.add(offset + match.end())
        offset += len(line) + 1
    return sorted(starts)


def set_sentence_starts(doc: Doc) -> Doc:
    """Mark ``is_sent_start`` on every token from :func:`segment_starts`."""
    starts = segment_starts(doc.text)
    i = 0
    pending = False
    for token in doc:
        while i < len(starts) and starts[i] < token.idx + len(token.text):
            if starts[i] >= token.idx or starts[i] < token.idx:
                pending = True
            i += 1
        if token.i == 0:
            token.is_sent_start = True
            pending = False
        elif pending and not token.is_space:
            token.is_sent_start = True
            pending = False
        else:
            token.is_sent_start = False
    return doc


class Segmenter:
    """Pipeline component: sets sentence boundaries."""

    def __call__(self, doc: Doc) -> Doc:
        return set_sentence_starts(doc)
