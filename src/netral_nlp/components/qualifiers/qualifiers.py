"""Where text is qualified: quoted, reported speech, hypothetical, negated, planned, a headline.

Every extractor asks the same questions of its candidates (is this rule said in
a quote, did this event happen or is it planned, is this date a deadline, is
this name in a headline), so they are answered once, here, as spans with one
label each. Extractors read them through :class:`QualifierIndex` and use them
as features, never as hard gates.

Scopes:

- ``QUOTED``: text between a pair of quotation marks within one paragraph;
- ``REPORTED``: a sentence attributed to a speaker (``..., kata Budi``,
  ``Menurut Budi, ...``, ``Budi mengatakan ...``);
- ``HYPOTHETICAL``: from a conditional or possibility cue (``jika``, ``bisa``)
  to the end of its clause;
- ``NEGATED``: a negation cue and the few words after it within its clause;
- ``PLANNED``: from a plan cue (``akan``, ``dijadwalkan``) to the end of its
  clause; ``DEADLINE`` likewise from a deadline cue (``paling lambat``);
- ``HEADLINE``: a line standing alone that is short, mostly capitalised and
  without end punctuation (the title, a crosshead, a stray related headline).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from ...anchors import WordStartPattern, word_starts
from ...resources import read_json

LABELS: tuple[str, ...] = ("QUOTED", "REPORTED", "HYPOTHETICAL", "NEGATED", "PLANNED", "DEADLINE", "HEADLINE")

Qualifier = tuple[int, int, str]

_PAIRS = {"“": "”", "\"": "\"", "«": "»", "‘": "’"}
_OPENING = re.compile("[" + "".join(_PAIRS) + "]")
_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?!\s*\n))+")
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TERMINAL = ".!?;:\"”"
_LIST_MARK = re.compile(r"\s*(?:\d{1,2}[.)]|[a-z][.)]|[-•*·–])\s")


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    return read_json("qualifiers/cues.json")


def _words(names: Iterable[str]) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


@cache
def cue_pattern(name: str) -> re.Pattern[str]:
    """A cue list of ``cues.json`` as one whole-word, case-insensitive pattern."""
    return re.compile(rf"(?<![\w-])(?:{_words(cues()[name])})(?![\w-])", re.IGNORECASE)


@cache
def cue_finder(name: str) -> WordStartPattern:
    """:func:`cue_pattern` tried only at the word starts that begin with one of its cues
    (the same matches as its ``finditer``; every cue starts a word)."""
    return WordStartPattern(cue_pattern(name))


def _attribution_sources() -> tuple[str, str, str]:
    """The three ways a sentence is attributed: ``, kata Budi`` / ``ujarnya.``, ``Budi
    mengatakan``, ``Menurut Budi``."""
    speech = _words(cues()["speech_verbs"])
    reporting = _words(cues()["reporting_verbs"])
    according = _words(cues()["according_to"])
    return (
        rf"[,”\"]\s*(?i:{speech})(?![\w-])",
        rf"(?<![\w-])(?i:{reporting})(?![\w-])",
        rf"(?:^|(?<=[\s\"“(]))(?i:{according})\s+\S",
    )


@lru_cache(maxsize=1)
def _attribution() -> re.Pattern[str]:
    """``, kata Budi`` / ``ujarnya.`` / ``Budi mengatakan`` / ``Menurut Budi``."""
    return re.compile("|".join(_attribution_sources()))


@lru_cache(maxsize=1)
def _attribution_parts() -> tuple[re.Pattern[str], WordStartPattern, WordStartPattern]:
    """:func:`_attribution`'s alternatives on their own: a stretch holds a match of the
    whole pattern exactly when it holds a match of one of them. The first starts with a
    punctuation mark (the regex engine skips to those by itself); the other two start a
    word with a cue and are tried only at such word starts."""
    after_mark, reporting, according = _attribution_sources()
    return re.compile(after_mark), WordStartPattern(re.compile(reporting)), WordStartPattern(re.compile(according))


@lru_cache(maxsize=1)
def _clause_end_pattern() -> re.Pattern[str]:
    """Where a qualifier's clause ends: punctuation, a line break or a contrasting word."""
    return re.compile(rf"[,;:!?]|\.(?=\s|$)|\n|\s(?:{_words(cues()['clause_breaks'])})\s")


def _clause_end(text: str, pos: int, limit: int) -> int:
    m = _clause_end_pattern().search(text, pos, limit)
    return m.start() if m else limit


def quoted(text: str) -> list[Qualifier]:
    """Spans between paired quotation marks, within a paragraph, of two words or more."""
    out: list[Qualifier] = []
    if _OPENING.search(text) is None:
        return out
    for para in _PARAGRAPH.finditer(text):
        i, end = para.start(), para.end()
        while i < end:
            opening = _OPENING.search(text, i, end)  # the next quotation mark, not every character
            if opening is None:
                break
            i = opening.start()
            ch = text[i]
            close = _PAIRS[ch]
            # a straight single/double quote inside a word is an apostrophe, not a quote
            if ch == "\"" and i > 0 and text[i - 1].isalnum() and i + 1 < end and text[i + 1].isalnum():
                i += 1
                continue
            j = text.find(close, i + 1, end)
            if j < 0:
                i += 1
                continue
            if len(text[i + 1 : j].split()) >= 2:
                out.append((i, j + 1, "QUOTED"))
            i = j + 1
    return out


def reported(text: str, sentences: list[tuple[int, int]]) -> list[Qualifier]:
    """Sentences where :func:`_attribution` matches (searched alternative by alternative)."""
    after_mark, reporting, according = _attribution_parts()
    starts = word_starts(text)
    return [
        (s, e, "REPORTED")
        for s, e in sentences
        if after_mark.search(text, s, e)
        or next(reporting.finditer(starts, s, e), None)
        or next(according.finditer(starts, s, e), None)
    ]


def _to_clause_end(text: str, sentences: list[tuple[int, int]], name: str, label: str) -> list[Qualifier]:
    finder, starts = cue_finder(name), word_starts(text)
    out: list[Qualifier] = []
    for s, e in sentences:
        for m in finder.finditer(starts, s, e):
            out.append((m.start(), _clause_end(text, m.end(), e), label))
    return out


def negated(text: str, sentences: list[tuple[int, int]]) -> list[Qualifier]:
    finder, starts = cue_finder("negation"), word_starts(text)
    width = int(cues()["negation_scope_words"])
    out: list[Qualifier] = []
    for s, e in sentences:
        for m in finder.finditer(starts, s, e):
            stop = _clause_end(text, m.end(), e)
            words = list(re.finditer(r"\S+", text[m.end() : stop]))[:width]
            out.append((m.start(), m.end() + words[-1].end() if words else m.end(), "NEGATED"))
    return out


def headlines(text: str) -> list[Qualifier]:
    """Lines that read as headlines (short, mostly capitalised, no end punctuation)."""
    limit = int(cues()["headline_max_words"])
    small = frozenset(cues()["headline_small_words"])
    out: list[Qualifier] = []
    for m in _LINE.finditer(text):
        line = m.group().strip()
        if not line or line[-1] in _TERMINAL or _LIST_MARK.match(m.group()):
            continue
        words = [w for w in _WORD.findall(line) if w.lower() not in small]
        if not (2 <= len(words) <= limit):
            continue
        if sum(w[0].isupper() for w in words) >= 0.75 * len(words):
            lead = len(m.group()) - len(m.group().lstrip())
            out.append((m.start() + lead, m.start() + lead + len(line), "HEADLINE"))
    return out


def find_qualifiers(text: str, sentences: list[tuple[int, int]]) -> list[Qualifier]:
    """Every qualifier of ``text`` as (start, end, label), in text order."""
    found = (
        quoted(text)
        + reported(text, sentences)
        + _to_clause_end(text, sentences, "conditional", "HYPOTHETICAL")
        + _to_clause_end(text, sentences, "possibility", "HYPOTHETICAL")
        + negated(text, sentences)
        + _to_clause_end(text, sentences, "plan", "PLANNED")
        + _to_clause_end(text, sentences, "deadline", "DEADLINE")
        + headlines(text)
    )
    return sorted((s, e, lab) for s, e, lab in found if s < e)
