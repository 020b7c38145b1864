"""Finding law citations and their fields (law_type, number, year) in a text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...anchors import scanner_of, word_starts
from . import patterns

_WORD = re.compile(r"\S+")
_TRAILING = ".,;:!?\"”’'"
_GLUED_SENTENCE = re.compile(r"(.*?[a-z0-9)])[.!?][A-Z]")


@dataclass
class Citation:
    start: int
    end: int
    law_type: str
    number: str | None
    year: str | None


def _law_type(surface: str) -> str:
    t = patterns.types()
    flat = " ".join(surface.replace("-", " ").split()).lower()
    for table in (t["abbr"], t["full"]):
        for form, law_type in table.items():
            if " ".join(form.replace("-", " ").split()).lower() == flat:
                return law_type
    return surface


#: a lower-case verb form (``ditandatangani``, ``mengatur``, ``dilarang``) ends a title
_VERB_RE = re.compile(r"(?:me[mnlr]|meng|meny|di(?!s)[a-z]|ber|ter(?!hadap))[a-z]{3,}|di[a-z]{3,}(?:kan|i)")


def _acceptable(word: str, first: bool, lower_case: bool = False) -> bool:
    core = word.strip("()")
    if not core:
        return False
    lower = core.lower()
    if lower in _stop_words():  # ``Pasal 2``, ``Yang``
        return False
    if core[0].isupper() or core[0].isdigit() or lower in _number_words():
        return True
    if not core[0].isalpha() or (not first and not lower_case):
        return False
    # a title written in lower case (``tentang pemilihan umum``) runs up to a clause word or a verb
    return not _VERB_RE.fullmatch(lower)




@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    """``atas UU nomor 1 tahun 2015``: the number words of an amended law inside a title."""
    return frozenset(patterns.types()["amended_number_words"])


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return frozenset(patterns.types()["title_stop_words"])


def title_end(text: str, start: int) -> int:
    """End of a ``tentang <title>`` starting at ``start`` (after ``tentang``).

    A title runs to its end, over lower-case words and over an amended law it
    names (``tentang Perubahan atas UU Nomor 1 Tahun 2015 tentang ...``); a
    bracketed short form right after it (``(ASN)``, ``(UU Pemilu)``) is no part of it.
    """
    function_words = set(patterns.types()["title_function_words"]) | set(patterns.types()["title_words"])
    words = list(_WORD.finditer(text[start : start + 600].split("\n", 1)[0]))
    end = before_bracket = start
    in_bracket = False
    lower_case = bool(words) and words[0].group()[:1].islower()
    i = 0
    while i < len(words) and i < 60:
        raw = words[i].group()
        glued = _GLUED_SENTENCE.match(raw)  # ``Pilkada.Acara``: a sentence ends inside
        core = glued.group(1) if glued else raw.rstrip(_TRAILING)
        if core.lower() in _number_words() and raw.endswith(".") and raw.count(".") == 1:
            core = raw  # ``UU No. 1``: the dot of an abbreviation
        stops = core != raw
        if core.lower() in function_words and i > 0:
            nxt = words[i + 1].group().rstrip(_TRAILING) if i + 1 < len(words) else ""
            if stops or not nxt:
                break
            if core.lower() == "tahun":
                if not nxt[:4].isdigit():
                    break
            elif not _acceptable(nxt, False, lower_case) or (core.lower() != "atas" and patterns.law_type_start().match(
                text, start + words[i + 1].start()
            )):
                break
            i += 1
            continue
        if not _acceptable(core, i == 0, lower_case):
            break
        if core.startswith("(") and i > 0:
            in_bracket = True
        end = start + words[i].start() + len(core)
        if not in_bracket:
            before_bracket = end
        if core.endswith(")"):
            in_bracket = False
        if stops and not (raw.endswith(",") and _enumeration_follows(words, i + 1, function_words)):
            break
        i += 1
    # a bracketed short form right after the title (``(ASN)``, ``(UU Pemilu)``) is no part of it
    return before_bracket if before_bracket > start else end


def _enumeration_follows(words: list[re.Match[str]], i: int, function_words: set[str]) -> bool:
    """After a comma, a title goes on only as an enumeration: ``Gubernur, Bupati, dan Wali Kota``."""
    for j in range(i, min(i + 14, len(words))):
        raw = words[j].group()
        core = raw.rstrip(_TRAILING)
        if core.lower() in ("dan", "serta", "dan/atau"):
            return True
        if core.lower() not in function_words and not _acceptable(core, False):
            return False
        if core != raw and not raw.endswith(","):
            return False
    return False


def _with_title(text: str, end: int) -> int:
    m = patterns.title_start_regex().match(text, end)
    if not m:
        return end
    new_end = title_end(text, m.end())
    return new_end if new_end > m.end() else end


def _split_number(number: str | None, year: str | None) -> tuple[str | None, str | None]:
    """``15/2023`` -> (``15``, ``2023``); a number ending in ``/YYYY`` gives its year."""
    if not number:
        return None, year
    number = re.sub(r"[ \t]*/[ \t]*", "/", number)
    m = re.fullmatch(r"(\d+)/((?:19|20)\d\d)", number)
    if m:
        return m.group(1), year or m.group(2)
    m = re.search(r"/((?:19|20)\d\d)$", number)
    return number, year or (m.group(1) if m else None)


def _numbered(text: str) -> list[Citation]:
    found = []
    for m in scanner_of(patterns.citation_regex()).finditer(word_starts(text)):  # a type word opens it
        number = m.group("number") or m.group("bare")
        year = m.group("year") or m.group("slashyear")
        if number is None and year is None:
            continue
        number, year = _split_number(number, year)
        end = _with_title(text, m.end())
        found.append(Citation(m.start(), end, _law_type(m.group("type")), number, year))
    return found


def _numberless(text: str, taken: list[tuple[int, int]]) -> list[Citation]:
    """UUD 1945, ``Keputusan Presiden (Keppres)``, ``UU Pilkada``, SKB issuer lists."""
    t = patterns.types()
    found = []
    for m in scanner_of(patterns.bare_type_regex()).finditer(word_starts(text)):
        s, e = m.span()
        if any(s < b and a < e for a, b in taken):
            continue
        law_type = _law_type(m.group("type"))
        rest = text[e : e + 300]
        end = None
        year = None
        if law_type == "UUD":
            y = re.match(r"(?:[ \t]+(?:Negara[ \t]+Republik[ \t]+Indonesia|NRI))?(?:[ \t]+[Tt]ahun)?[ \t]+(1945)\b", rest)
            if y:
                end, year = e + y.end(), y.group(1)
        elif law_type in t["list_issuers"]:
            issuers = re.match(rf"(?:[ \t]*,?(?:[ \t]+(?:dan|serta))?[ \t]+{patterns.CAP_WORD}(?:[ \t]+{patterns.CAP_WORD})*){{2,}}", rest)
            if issuers:
                end = e + issuers.end()
                tail = patterns.number_tail_regex().match(text, end)
                if tail:
                    number, year = _split_number(tail.group("number"),
                                                 tail.group("year") or tail.group("slashyear"))
                    found.append(Citation(s, _with_title(text, tail.end()), law_type, number, year))
                    continue
        elif m.group("type")[:1].isupper() and re.match(r"[ \t]*\([A-Za-z-]{2,14}\)", rest) and " " in m.group("type").strip():
            end = e + re.match(r"[ \t]*\([A-Za-z-]{2,14}\)", rest).end()
        elif law_type in t["topic_ok"]:
            topic = re.match(rf"[ \t]+(?!Nomor|No\b)({patterns.CAP_WORD})", rest)
            if topic and not patterns.law_type_start().match(topic.group(1)):
                end = e + topic.end()
        if end is None and m.group("type")[:1].isupper() and " " in m.group("type").strip():
            titled = _with_title(text, e)
            end = titled if titled > e else None
        if end is not None:
            found.append(Citation(s, _with_title(text, end), law_type, None, year))
    return found


def _outermost(citations: list[Citation]) -> list[Citation]:
    """An amended law named inside another citation's title is part of that citation."""
    kept: list[Citation] = []
    for c in sorted(citations, key=lambda c: (c.start, -c.end)):
        if not any(k.start <= c.start and c.end <= k.end for k in kept):
            kept.append(c)
    return kept


def find_citations(text: str) -> list[Citation]:
    """Law citations in ``text``, numbered ones first, no two overlapping."""
    numbered = _outermost(_numbered(text))
    found = numbered + _numberless(text, [(c.start, c.end) for c in numbered])
    return sorted(found, key=lambda c: c.start)
