"""Names read off Title-Case headline lines need confirmation from the body.

In ``Kades Separi Hadiri Kampanye Paslon`` every word is capitalised, so the
name reader takes the verb ``Hadiri`` for a name. A real name in a headline is
almost always repeated in the article body; a verb or phrase is not (the body
writes it in lower case). So a person found on such a line is kept only when
the same string occurs elsewhere in the text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .mention import PersonMention

_LINE_RE = re.compile(r"[^\n]+")
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
#: a line that ends like a sentence is body text, not a headline
_SENTENCE_END_RE = re.compile(r"[.!?\"”:]\s*$")
#: numbered/bulleted lines (``1. A - B 2. C - D``) are lists of names, not headlines
_LIST_RE = re.compile(r"\s*(?:\d{1,2}[.)]|[-•*·])\s")
#: short words a headline keeps in lower case
_SMALL_WORDS = frozenset(["di", "ke", "dari", "dan", "atau", "yang", "untuk", "dengan", "pada", "dalam", "soal", "jadi", "usai", "jelang", "ini", "itu"])


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Extents of lines written in Title Case (three or more words, nearly all capitalised)."""
    return list(_headline_lines(text))


@lru_cache(maxsize=256)
def _headline_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Once per article: the rules' headline check and the learned source's cues read them."""
    found = []
    for m in _LINE_RE.finditer(text):
        line = m.group()
        if _SENTENCE_END_RE.search(line) or _LIST_RE.match(line):
            continue
        words = [w for w in _WORD_RE.findall(line) if w.lower() not in _SMALL_WORDS]
        if len(words) < 3:
            continue
        capitalised = sum(1 for w in words if w[0].isupper())
        if capitalised >= 0.8 * len(words):
            found.append((m.start(), m.end()))
    return tuple(found)


def confirmed(text: str, mentions: list[PersonMention]) -> list[PersonMention]:
    """Drop mentions on headline lines whose text never occurs outside that line."""
    lines = headline_lines(text)
    if not lines:
        return mentions
    kept = []
    for m in mentions:
        line = next(((s, e) for s, e in lines if s <= m.start and m.end <= e), None)
        if line is None:
            kept.append(m)
            continue
        name = re.compile(rf"(?<![\w-]){re.escape(text[m.start:m.end])}(?![\w-])")
        if any(not (line[0] <= hit.start() < line[1]) for hit in name.finditer(text)):
            kept.append(m)
    return kept
