"""Reading person names and region/unit qualifiers off the raw text.

A title is followed by an optional qualifier (the region or institution it
belongs to) and then the name: ``Sekda Batanghari M Azan``. Where the
qualifier ends and the name starts is decided here, with, in order: a comma,
a rank or honorific (``Kapolres Sleman AKBP Bayu``), a REGION span from
``netral_regions`` or a PLACE from the statistical NER, a word the article
itself uses as a region (``Kota Kediri`` elsewhere), and finally the shape of
the run (three or more capitalised words: the first is the region).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ...anchors import WordStarts, finditer_at, scanner_of, word_starts
from .lexicon import NAME_ABBREVS, NAME_WORD_RE, lexicon, not_name_words

_SPACE_RE = re.compile(r"[ \t\u00a0]+")
#: what may stand between a title and its name: spaces and at most one comma
SEP_RE = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*")
_BRACKET_RE = re.compile(r"\s*\([A-Za-z][\w\-/ .]{0,24}\)")
_UNIT_NUMBER_RE = re.compile(r"\s+\d{1,5}(?:/[A-Za-z][A-Za-z-]*)?(?![\w/])")
_ACRONYM_RE = re.compile(r"[A-Z]{2,6}(?![\w-])")
#: a name word opens with a capital A-Z (the abbreviations too, checked here): the look-ahead
#: lets the engine skip to the capitals instead of trying every character
_CAPITAL_FIRST = "(?=[A-Z])" if all(re.match("[A-Z]", a) for a in NAME_ABBREVS) else ""
_NAME_RUN_RE = re.compile(rf"{_CAPITAL_FIRST}{NAME_WORD_RE.pattern}(?:[ \u00a0]{NAME_WORD_RE.pattern})*")


@dataclass
class Context:
    """What the readers know about one article besides its text."""

    text: str
    regions: list[tuple[int, int]] = field(default_factory=list)  # REGION spans (other component)
    places: list[tuple[int, int]] = field(default_factory=list)  # PLACE from the statistical NER
    persons: list[tuple[int, int]] = field(default_factory=list)  # PERSON from the statistical NER
    regionish: frozenset[str] = frozenset()  # words the article writes after Kota/Kabupaten/...
    common: frozenset[str] = frozenset()  # words the article also writes in lower case (not names)

    @cached_property
    def word_starts(self) -> WordStarts:
        """Where the text's words start, for the lexicon scanners (built on first use)."""
        return word_starts(self.text)

    def region_at(self, pos: int) -> int | None:
        """End of a REGION or PLACE span starting at ``pos``."""
        ends = [e for s, e in self.regions if s == pos] or [e for s, e in self.places if s == pos]
        return max(ends) if ends else None

    def in_region(self, start: int, end: int) -> bool:
        """Inside a gazetteer REGION (model PLACE guesses never veto a rule)."""
        return any(s <= start and end <= e for s, e in self.regions)

    def person_starts(self, pos: int) -> bool:
        return any(s == pos for s, _ in self.persons)


#: verb suffixes of Title-Case headlines (``Ingatkan``, ``Tegaskan``): no name word ends so
_VERB_FORM_RE = re.compile(r"[a-z]{3}(?:kan|nya)$")
#: a lower-case word of three letters or more; the letter comes first and the look-behind
#: (no word character or hyphen before it) second, so the engine skips to letters
_LOWER_WORD_RE = re.compile(r"[a-z](?<![\w-][a-z])[a-z]{2,}(?![\w-])")
#: a dateline's place in capitals at a line start (``JAKARTA -``)
_DATELINE_RE = re.compile(r"(?m)^[^\S\n]*(?:[\w.]+,\s+)?([A-Z]{3,}(?:\s+[A-Z]{3,})?)\s*[–—-]")
_NEWLINE_RE = re.compile("\n")


def common_words(text: str) -> frozenset[str]:
    """Words the article writes in lower case: a capitalised ``Hasil`` in a headline is no name."""
    return frozenset(_LOWER_WORD_RE.findall(text))


@lru_cache(maxsize=1)
def _region_type_re() -> re.Pattern[str]:
    """A region type word and the one or two capitalised words after it (``Kota Kediri``);
    ``Wali Kota Ahmad ...`` is a title before a name, not a region."""
    types = "|".join(re.escape(t) for t in lexicon().titles["region_types"] + ["Pemkot", "Pemkab", "Pemprov", "Pemko"])
    return re.compile(rf"(?<![\w-])(?<!Wali )(?:{types})\s+((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?)")


def regionish_words(text: str) -> frozenset[str]:
    """Words this article writes right after a region type word or in a dateline (the
    first tried at the word starts that begin with a region type, the second at line starts)."""
    found = set()
    for m in scanner_of(_region_type_re()).finditer(word_starts(text)):
        found.update(m.group(1).split())
    line_starts = [0, *(m.end() for m in _NEWLINE_RE.finditer(text))]
    for m in finditer_at(_DATELINE_RE, text, line_starts):
        found.update(w.title() for w in m.group(1).split())
    return frozenset(found)


def skip_spaces(text: str, pos: int) -> int:
    m = _SPACE_RE.match(text, pos)
    return m.end() if m else pos


def skip_titles_of_address(text: str, pos: int) -> int:
    """Skip ranks and honorifics (``Kombes Pol Dr.``, ``H``, ``Mayjen TNI (Purn)``)."""
    lex = lexicon()
    while True:
        start = pos
        for pattern in (lex.ranks_re, lex.honorific_re):
            m = pattern.match(text, pos)
            if m and m.end() > pos:
                # an honorific must be followed by a name word, not end the run
                nxt = skip_spaces(text, m.end())
                if NAME_WORD_RE.match(text, nxt):
                    pos = nxt
        if pos == start:
            return pos


def name_words(text: str, pos: int, max_words: int = 6) -> list[tuple[int, int]]:
    """The run of name-shaped words starting at ``pos`` (single spaces between)."""
    lex = lexicon()
    words: list[tuple[int, int]] = []
    while len(words) < max_words:
        m = NAME_WORD_RE.match(text, pos)
        if not m:
            break
        word = m.group()
        if word in lex.name_stop or word in lex.honorifics and words:
            break
        words.append((m.start(), m.end()))
        nxt = m.end()
        if nxt < len(text) and text[nxt] in " \u00a0" and nxt + 1 < len(text) and text[nxt + 1].isupper():
            pos = nxt + 1
            continue
        break
    return words


def read_name(text: str, pos: int, ctx: Context | None = None) -> tuple[int, int] | None:
    """The person's name starting at ``pos`` (after ranks/honorifics), or None."""
    lex = lexicon()
    pos = skip_titles_of_address(text, skip_spaces(text, pos))
    words = name_words(text, pos)
    for i, (s, e) in enumerate(words):
        word = text[s:e]
        if (ctx is not None and word.lower() in ctx.common) or _VERB_FORM_RE.search(word):
            words = words[:i]
            break
    if not words:
        return None
    first = text[words[0][0] : words[0][1]]
    if first in lex.role_words or first in lex.name_stop:
        return None
    office = lex.office_re.match(text, words[0][0])
    if office and office.group("office")[:1].isupper() or lex.cand_title_re.match(text, words[0][0]):
        return None
    if text[words[-1][0] : words[-1][1]] in lex.titles["region_suffixes"]:
        return None
    # drop a trailing lone initial (``... Haryanto H``) and honorifics
    while words and (text[words[-1][0] : words[-1][1]] in lex.honorifics):
        words.pop()
    if not words:
        return None
    start, end = words[0][0], words[-1][1]
    # only the gazetteer's REGION spans veto a name; the model's PLACE guesses do not
    if ctx is not None and any(s < end and start < e for s, e in ctx.regions):
        return None
    if text.startswith(":", end):
        return None
    if not any(len(text[s:e].rstrip(".")) >= 3 for s, e in words):
        return None
    return start, end


def read_name_before(text: str, end: int) -> tuple[int, int] | None:
    """The name that ends at ``end`` (``Dewi Lestari selaku ...``), or None."""
    lex = lexicon()
    window_start = max(0, end - 80)
    best = None
    for m in _NAME_RUN_RE.finditer(text, window_start, end):
        if m.end() == end:
            best = m
    if best is None:
        return None
    words = [(w.start() + best.start(), w.end() + best.start()) for w in NAME_WORD_RE.finditer(best.group())]
    while words and (text[words[0][0] : words[0][1]] in not_name_words()
                     or lex.office_re.match(text, words[0][0])
                     # ``PKB. Lalu Ishak``: the tail of an acronym that ends a sentence
                     or (words[0][0] > 0 and text[words[0][0] - 1].isalnum())):
        words.pop(0)
    if not words or not any(len(text[s:e].rstrip(".")) >= 3 for s, e in words):
        return None
    return words[0][0], words[-1][1]


def read_region(text: str, pos: int, ctx: Context, before_name: bool) -> int | None:
    """End of a region qualifier at ``pos`` (``Kota Pasuruan``, ``Jawa Tengah``, ``NTT``), or None.

    ``before_name``: a person's name is expected right after, so a bare run of
    two capitalised words is read as the name, not as region + name.
    """
    lex = lexicon()
    end = ctx.region_at(pos)
    if end is not None:
        return _with_suffixes(text, end)
    types = lex.titles["region_types"]
    for t in sorted(types, key=len, reverse=True):
        if text.startswith(t, pos) and (pos + len(t) >= len(text) or not text[pos + len(t)].isalpha()):
            after = skip_spaces(text, pos + len(t))
            if after == pos + len(t):
                return None
            end_after = ctx.region_at(after)
            if end_after is not None:
                return _with_suffixes(text, end_after)
            m = NAME_WORD_RE.match(text, after) or _ACRONYM_RE.match(text, after)
            if not m or text[m.start() : m.end()] in lex.name_stop:
                return None
            return _with_suffixes(text, m.end())
    acr = _ACRONYM_RE.match(text, pos)
    # ``KETUA BAWASLU DAN BUPATI``: a headline in capitals, not a qualifier
    shouting = bool(acr) and bool(re.match(r"\s+[A-Z]{2,}(?![a-z])", text[acr.end() : acr.end() + 12]))
    if acr and not shouting and acr.group() not in lex.honorifics and not lex.ranks_re.match(text, pos):
        return _with_suffixes(text, acr.end())
    words = name_words(text, pos)
    if not words:
        return None
    first = text[words[0][0] : words[0][1]]
    if first in lex.name_stop or first in lex.honorifics or lex.ranks_re.match(text, pos):
        return None
    if ctx.person_starts(pos):
        return None
    # words up to a rank/honorific belong to the qualifier
    for i, (s, _e) in enumerate(words[1:], start=1):
        if lex.ranks_re.match(text, s) or text[s : words[i][1]] in lex.honorifics:
            return words[i - 1][1]
    candidate_end = _with_suffixes(text, words[0][1])
    rest = [s for s, _ in words if s >= candidate_end]
    if first in ctx.regionish or (rest and ctx.person_starts(rest[0])):
        return candidate_end
    if candidate_end > words[0][1] and not rest:
        return candidate_end  # ``Jawa Tengah``, ``Sumatera Utara (Sumut)``
    if ctx.regions:
        # the gazetteer ran and saw no region here: trust it
        return candidate_end if not rest and _followed_by_comma_name(text, candidate_end) else None
    if not before_name:
        return candidate_end if len(rest) <= 1 or len(words) <= 2 else None
    if len(rest) >= 2 or (not rest and _followed_by_comma_name(text, candidate_end)):
        return candidate_end
    return None


_COMMA_OR_SPACE_RE = re.compile(r"[ \t\u00a0]*(,)?[ \t\u00a0]*")


def _followed_by_comma_name(text: str, pos: int) -> bool:
    """``Malang, Wahyu`` or ``Sukamaju Dr H Joni``: a name follows after a comma or a title of address."""
    m = _COMMA_OR_SPACE_RE.match(text, pos)
    after = skip_titles_of_address(text, m.end())
    return (m.group(1) is not None or after > m.end()) and bool(NAME_WORD_RE.match(text, after))


def _with_suffixes(text: str, end: int) -> int:
    """Extend a region over direction/suffix words and a bracketed short form."""
    lex = lexicon()
    suffixes = lex.titles["region_suffixes"]
    moved = True
    while moved:
        moved = False
        after = skip_spaces(text, end)
        if after == end:
            break
        for suf in suffixes:
            if text.startswith(suf, after) and (after + len(suf) >= len(text) or not text[after + len(suf)].isalnum()):
                end, moved = after + len(suf), True
                break
    b = _BRACKET_RE.match(text, end)
    if b:
        inner = b.group().strip()[1:-1]
        if inner[:1].isupper() and len(inner) <= 12:
            end = b.end()
    return end


def read_bracket(text: str, pos: int) -> int:
    """End of a bracketed short form right at ``pos`` (``(Pj)``, ``(KPU)``), else ``pos``."""
    b = _BRACKET_RE.match(text, pos)
    return b.end() if b else pos


def read_unit_number(text: str, pos: int) -> int:
    """``Kodim 0999/AB``: end of the unit number at ``pos``, else ``pos``."""
    m = _UNIT_NUMBER_RE.match(text, pos)
    return m.end() if m else pos


def name_runs(text: str) -> list[tuple[int, int]]:
    """Every maximal run of name-shaped words in the text."""
    return list(_name_runs(text))


@lru_cache(maxsize=256)
def _name_runs(text: str) -> tuple[tuple[int, int], ...]:
    """Once per article: linking runs it for the rules' persons, the speakers, the model's."""
    return tuple((m.start(), m.end()) for m in _NAME_RUN_RE.finditer(text))
