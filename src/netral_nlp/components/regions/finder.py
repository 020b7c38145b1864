"""Finding region mentions in a text: names, their type/office words, and case checks.

A mention found here is not resolved yet: it carries every region its name
may denote and the level its context suggests; ``resolver`` picks one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.lang.id.stop_words import STOP_WORDS

from ...anchors import finditer_at, scanner_of, word_starts
from ..dates.intervals import Intervals
from . import patterns
from .gazetteer import Region, gazetteer, key, villages


@dataclass
class Mention:
    start: int  # span start (includes a directly preceding type word)
    end: int
    name_start: int
    candidates: list[Region]
    hint: str | None = None  # level suggested by a type/office/org word
    prefixed: bool = False  # a type/office/org word stands right before the name
    weak: bool = False  # accepted only if the same name is confirmed elsewhere
    needs_parent: bool = False  # bare district: kept only if its regency is in the article
    person: bool = False  # an ambiguous name the statistical NER reads as a person
    dateline: bool = False  # the place of a dateline (``JAMBI –``): a town the report comes from
    chosen: Region | None = field(default=None)

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(sorted(r.code for r in self.candidates))


def _overlaps(ranges: Intervals, start: int, end: int) -> bool:
    return ranges.overlaps(start, end)


def _prefix(text: str, start: int) -> tuple[re.Match[str] | None, str | None, str | None]:
    """The type/office/org word right before ``start``: (match, kind, level)."""
    m = patterns.prefix_regex().search(text, max(0, start - 60), start)
    if not m:
        return None, None, None
    table = patterns.hint_table()
    kind, level = table[" ".join(m.group("word").lower().split())]
    paren = m.group("paren")
    if paren:
        inner = " ".join(paren.strip(" \t()").lower().split())
        if inner in table and table[inner][1]:
            level = table[inner][1]
    return m, kind, level


def is_dateline(text: str, start: int, end: int) -> bool:
    """True when ``start:end`` is the place of a dateline (``KOTA PASURUAN.``, ``Kediri (ANTARA) -``)."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(
        patterns.DATELINE_BEFORE.match(text[line_start:start])
        and patterns.DATELINE_AFTER.match(text[end : end + 40])
    )


def _prefixed_mentions(text: str, skip: Intervals) -> list[Mention]:
    """Districts and villages after ``Kecamatan``/``Camat``/``Desa``/``Lurah``."""
    found = []
    table = patterns.hint_table()
    g = gazetteer()
    for m in scanner_of(patterns.prefixed_regex()).finditer(word_starts(text)):  # a word opens it
        if _overlaps(skip, m.start(), m.end()):
            continue
        kind, level = table[" ".join(m.group("word").lower().split())]
        index = g.districts if level == "district" else villages()
        words = list(re.finditer(r"\S+", m.group("name")))
        for n in range(len(words), 0, -1):
            name_end = m.start("name") + words[n - 1].end()
            name = text[m.start("name") : name_end].rstrip(".,")
            candidates = index.get(key(name))
            if candidates and key(name) not in STOP_WORDS:
                start = m.start("word") if kind == "type" else m.start("name")
                found.append(Mention(start, m.start("name") + len(name), m.start("name"),
                                     list(candidates), hint=level, prefixed=True))
                break
    return found


def _case_ok(surface: str, prefixed: bool, strong: bool, risky: bool) -> tuple[bool, bool]:
    """(accept, weak): lower case needs a prefix word, risky names need context."""
    if not surface[:1].isupper():
        return prefixed, False
    letters = [c for c in surface if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):  # ALL CAPS
        return (not risky) or strong, False
    if risky and not strong:
        return True, True  # kept only if the name is confirmed elsewhere in the article
    return True, False


_CAP_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
_CAP_BEFORE = re.compile(r"(?<![.!?:\n])[ \t]*\b[A-Z][a-z]+[ \t]+$")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """``Bima Arya``, ``Fajar Bima``: a capitalised word next to the name makes it a person's."""
    return bool(_CAP_AFTER.match(text, end) or _CAP_BEFORE.search(text, max(0, start - 30), start))


_MASTHEAD_AFTER = re.compile(r"[ \t]+[A-Z][A-Za-z]+[ \t]*(?:$|\||[–—-][ \t]*$)", re.MULTILINE)


def _in_masthead(text: str, start: int, end: int) -> bool:
    """``Bogor Sepekan`` as a short first line: a site's name, not a region mention."""
    first = len(text) - len(text.lstrip())
    line_end = text.find("\n", first)
    line_end = len(text) if line_end < 0 else line_end
    return (start == first and end < line_end and len(text[first:line_end].split()) <= 4
            and bool(_MASTHEAD_AFTER.match(text, end)))


_DATELINE_PLACE = re.compile(r"(?m)^[^\n]{0,40}?(?P<place>\b[A-Z][\w]+(?:[ \t][A-Z][\w]+){0,2})")
_NEWLINE = re.compile("\n")


def _dateline_districts(text: str, skip: Intervals) -> list[Mention]:
    """A district named as a dateline place; kept when its regency is in the article."""
    found = []
    g = gazetteer()
    line_starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
    for m in finditer_at(_DATELINE_PLACE, text, line_starts):  # a match opens a line
        s, e = m.span("place")
        if _overlaps(skip, s, e) or not is_dateline(text, s, e):
            continue
        candidates = g.districts.get(key(m.group("place")))
        if candidates and key(m.group("place")) not in g.names:
            found.append(Mention(s, e, s, list(candidates), hint="district", needs_parent=True))
    return found


def _written_lower(text: str, surface: str, cache: set[str]) -> bool:
    """The article writes ``surface`` in lower case somewhere (``cache`` fills on first use)."""
    if not cache:
        cache.update(re.findall(r"(?<![\w-])[a-z]+(?![\w-])", text) or [""])
    return surface.lower() in cache


def find_mentions(text: str, skip: list[tuple[int, int]], persons: list[tuple[int, int]]) -> list[Mention]:
    """All candidate region mentions in ``text`` outside the ``skip`` ranges, in order."""
    g = gazetteer()
    mentions = _prefixed_mentions(text, Intervals(skip))
    # one bisect per overlap test (the spans taken grow with the article)
    taken = Intervals([*skip, *((m.start, m.end) for m in mentions)])
    person_spans = Intervals(persons)
    lower_words: set[str] = set()
    for m in patterns.names_regex().finditer(text):
        s, e = m.span()
        if _overlaps(taken, s, e):
            continue
        surface = m.group()
        if key(surface) in g.generated and _written_lower(text, surface, lower_words):
            continue  # a generated short form the article also uses as a word
        pm, kind, level = _prefix(text, s)
        if pm is None and patterns.venue_regex().search(text, max(0, s - 30), s):
            continue
        if patterns.brand_regex().match(text, e) or _in_masthead(text, s, e):
            continue
        risky = g.is_ambiguous_word(surface)
        dateline = is_dateline(text, s, e)
        strong = bool(pm) or dateline or bool(
            patterns.locative_regex().search(text, max(0, s - 30), s))
        person = risky and pm is None and _overlaps(person_spans, s, e)
        if person:
            strong = False  # the statistical NER reads this ambiguous name as a person
        accept, weak = _case_ok(surface, pm is not None, strong, risky)
        if not accept or (weak and _inside_longer_name(text, s, e)):
            continue
        start = pm.start("word") if kind == "type" and not pm.group("paren") else s
        mentions.append(Mention(start, e, s, list(g.names[key(surface)]), hint=level,
                                prefixed=pm is not None, weak=weak, person=person, dateline=dateline))
        taken.add(s, e)
    mentions += _dateline_districts(text, taken)
    return sorted(mentions, key=lambda x: x.start)
