"""The learned date-kind decision: one feature string per date mention.

The hand-written cascade (``kinds.py``) gives a first answer; a logistic
regression trained on the real annotated dates (``netral train dates``) reads
that answer beside the words around the mention and the shape of its line,
and decides the kind. Features are cheap: slices of the text around the
mention and a few regular expressions, no spaCy call.

What a mention is described by:

- ``c_<kind>``: the cascade's answer;
- ``l_<word>`` / ``r_<word>``: the last words before it and the first after it
  in its line (``ln_``/``rn_`` for the two nearest ones);
- ``__line_head``: the date opens its line (``27 November: pemungutan suara``);
  a line's other head words are its left words (its own words proved too
  article-specific to learn from on their own);
- ``__l_<family>`` / ``__r_<family>`` / ``__s_<family>``: a word family of
  ``resources/dates/kind_features.json`` before it in its line, after it, or
  in its sentence (elections, stages, plans, deadlines, page furniture, ...);
  ``__n_``/``__nr_`` for a family right next to it, ``__nearest_`` for the
  family closest before it;
- shapes: a day name, parentheses, a colon or dash before/after (schedule
  lines in either order), a time after it, the line's length and list
  marker, its position in the page (first lines, last lines), the value's
  precision (day, month, year, range);
- ``__q_<label>``: the shared qualifiers over it (``netral_qualifiers``: a
  planned or deadline clause, a quote, reported speech, a headline).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...anchors import WordStartPattern, WordStarts, inside_word, word_starts
from ...resources import path as resource_path
from ...resources import read_json
from .kinds import phrases_pattern

LEXICON = "kind_features.json"
WORD = re.compile(r"[a-z][a-z0-9\-]*|\d+", re.IGNORECASE)
#: characters read before / after a mention within its line
LEFT_CHARS = 140
RIGHT_CHARS = 110
#: characters next to the mention whose word families count as near it
NEAR_CHARS = 40
#: characters of its sentence read before / after a mention for the ``__s_`` families
SENTENCE_LEFT = 300
SENTENCE_RIGHT = 200
#: words kept from each side
LEFT_WORDS = 8
RIGHT_WORDS = 6
#: the page's first / last characters count as its head / foot
HEAD_CHARS = 250
FOOT_CHARS = 250
TIME = re.compile(r"^[\s,|\-–—]*(?:pukul\s+)?\d{1,2}[:.]\d{2}", re.IGNORECASE)
LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|[-•*▪●·])\s")
QUOTES = "\"“”„‟«»"
WORD_FIRST = re.compile(r"\w")


def _day_names() -> list[str]:
    data = read_json("dates/days.json")["days"]
    return [name for names in data.values() for name in names if len(name) > 3]


@dataclass(frozen=True, eq=False)
class FeatureLexicon:
    """Compiled word families (one alternation each) and day names (hashed by identity: a
    key of per-text caches)."""

    families: tuple[tuple[str, re.Pattern[str]], ...]
    day_name: re.Pattern[str]
    #: each family tried at the text's word starts only (every phrase starts with a word character)
    anchored: tuple[WordStartPattern | None, ...] = ()

    @classmethod
    def from_data(cls, data: dict) -> FeatureLexicon:
        families, anchored = [], []
        for name, words in sorted(data["families"].items()):
            pattern = phrases_pattern(words)
            families.append((name, pattern))
            word_first = all(WORD_FIRST.match(w) for w in words)
            anchored.append(WordStartPattern(pattern) if word_first else None)
        days = "|".join(sorted(map(re.escape, _day_names()), key=len, reverse=True))
        return cls(tuple(families), re.compile(rf"(?<!\w)(?:{days})(?!\w)"), tuple(anchored))

    @classmethod
    def from_file(cls, file: str | Path) -> FeatureLexicon:
        return cls.from_data(json.loads(Path(file).read_text(encoding="utf-8")))


def default_lexicon_file() -> Path:
    """The shipped lexicon file (copied into a trained model's folder when saved)."""
    return Path(str(resource_path(f"dates/{LEXICON}")))


@lru_cache(maxsize=1)
def default_lexicon() -> FeatureLexicon:
    return FeatureLexicon.from_file(default_lexicon_file())


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


@lru_cache(maxsize=16)
def _family_starts(lexicon: FeatureLexicon, starts: WordStarts) -> tuple[list[int], list[tuple[int, ...]]] | None:
    """The text's word starts where some family may match, with those families (by index):
    built once per text, so a window costs a bisect and a few matches. None when a
    family cannot be tried at word starts (or the text not folded): then windows are scanned."""
    at: dict[int, list[int]] = defaultdict(list)
    for index, anchored in enumerate(lexicon.anchored):
        candidates = anchored.candidates(starts) if anchored is not None else None
        if candidates is None:
            return None
        for position in candidates:
            at[position].append(index)
    positions = sorted(at)
    return positions, [tuple(at[p]) for p in positions]


def _hits(lexicon: FeatureLexicon, text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """(family, start, end) of every family phrase in ``text[lo:hi]`` (absolute offsets), as
    each family's ``finditer`` over that slice finds them (family by family, in order):
    one pass per family over the widest window, the narrower windows are read from it.
    Families are tried only at the text's word starts that hold one of their words."""
    families = lexicon.families
    table = _family_starts(lexicon, word_starts(text))
    if table is None:
        window = text[lo:hi]
        return [(name, lo + m.start(), lo + m.end()) for name, pattern in families for m in pattern.finditer(window)]
    positions, at_families = table
    found: list[tuple[int, int, int]] = []
    last = [lo] * len(families)
    if inside_word(text, lo):  # the slice's first letters start a word there, not in the text
        window = text[lo:hi]
        for index, (_, pattern) in enumerate(families):
            if (match := pattern.match(window)) is not None:
                found.append((index, lo, lo + match.end()))
                last[index] = lo + max(match.end(), 1)
    for i in range(bisect_left(positions, lo), len(positions)):
        position = positions[i]
        if position >= hi:
            break
        for index in at_families[i]:
            if position < last[index]:
                continue
            if (match := families[index][1].match(text, position, hi)) is not None:
                found.append((index, position, match.end()))
                last[index] = match.end() if match.end() > position else position + 1
    found.sort()
    return [(families[index][0], start, end) for index, start, end in found]


def _named(hits: list[tuple[str, int, int]], prefix: str) -> list[str]:
    return [f"{prefix}{name}" for name in dict.fromkeys(name for name, _, _ in hits)]


def _nearest_family(left_hits: list[tuple[str, int, int]]) -> list[str]:
    """The family whose last phrase ends closest to the date (what the cascade weighs most)."""
    best = max(left_hits, key=lambda hit: (hit[2], -hit[1]), default=None)
    return [f"__nearest_{best[0]}"] if best else []


def _value_shape(value: str | None) -> str:
    if not value:
        return "__v_none"
    first = value.split("/")[0]
    precision = {10: "day", 7: "month", 4: "year"}.get(len(first), "other")
    return f"__v_{precision}" + (" __v_range" if "/" in value else "")


def mention_features(
    text: str,
    start: int,
    end: int,
    cascade: str,
    value: str | None,
    sentence: tuple[int, int] | None = None,
    lexicon: FeatureLexicon | None = None,
    qualifiers: frozenset[str] = frozenset(),
) -> str:
    """The feature string of the mention ``text[start:end]`` (see the module docstring);
    ``qualifiers`` are the shared qualifier labels over it (PLANNED, DEADLINE, QUOTED, ...)."""
    lex = lexicon or default_lexicon()
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = text[max(line_start, start - LEFT_CHARS) : start]
    right = text[end : min(line_end, end + RIGHT_CHARS)]
    left_words = _words(left)[-LEFT_WORDS:]
    right_words = _words(right)[:RIGHT_WORDS]
    out = [f"c_{cascade}"]
    out += [f"l_{w}" for w in left_words] + [f"ln_{w}" for w in left_words[-2:]]
    out += [f"r_{w}" for w in right_words] + [f"rn_{w}" for w in right_words[:2]]
    if start - line_start <= 3:
        out.append("__line_head")
    left_lo, right_hi = start - len(left), end + len(right)
    s_lo, s_hi = (max(sentence[0], start - SENTENCE_LEFT), min(sentence[1], end + SENTENCE_RIGHT)) if sentence else (start, end)
    before = _hits(lex, text, min(left_lo, s_lo), start)
    after = _hits(lex, text, end, max(right_hi, s_hi))
    in_left = [h for h in before if h[1] >= left_lo]
    out += _named(in_left, "__l_") + _named([h for h in after if h[2] <= right_hi], "__r_")
    out += _named([h for h in before if h[1] >= start - NEAR_CHARS], "__n_")
    out += _named([h for h in after if h[2] <= end + NEAR_CHARS], "__nr_")
    out += _nearest_family(in_left)
    if sentence is not None:
        out += _named([h for h in before if h[1] >= s_lo] + [h for h in after if h[2] <= s_hi], "__s_")
    mention = text[start:end]
    left_tail, right_head = left.rstrip(), right.lstrip()
    if lex.day_name.search(mention) or lex.day_name.search(left[-14:]):
        out.append("__dayname")
    if "(" in mention[:2] or left_tail.endswith("("):
        out.append("__paren")
        closing = right_head[1:].lstrip() if right_head.startswith(")") else right_head
        if not closing or closing[0] in ".\n":
            out.append("__paren_end")
    if left_tail.endswith((":", "-", "–", "—", "|")):
        out.append("__sep_before")
    if right_head.startswith((":", "-", "–", "—", "|")):
        out.append("__sep_after")
    if right_head.startswith(("s.d", "s/d", "sampai", "hingga")):
        out.append("__range_after")
    if TIME.search(right):
        out.append("__time_after")
    if "|" in text[line_start:line_end]:
        out.append("__pipe_line")
    line_len = line_end - line_start
    out.append("__line_short" if line_len < 60 else "__line_mid" if line_len < 160 else "__line_long")
    if LIST_MARKER.search(text[line_start:line_end]):
        out.append("__list_line")
    if not right_head or right_head[0] in ".":
        out.append("__line_end")
    if start < HEAD_CHARS:
        out.append("__page_head")
    if len(text) - end < FOOT_CHARS:
        out.append("__page_foot")
    if any(q in left for q in QUOTES):
        out.append("__quote_before")
    out.append(_value_shape(value))
    out += [f"__q_{label.lower()}" for label in sorted(qualifiers)]
    return " ".join(out)
