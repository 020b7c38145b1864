"""Regular expressions and word lists for segment starts.

Built once from ``resources/list_markers.json``, ``resources/abbreviations.txt``,
``resources/segmenter/wrap_words.txt`` and the month abbreviations of
``resources/dates/months.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...resources import read_json, read_lines
from ...tokenizer import abbreviations

#: initials (``M.``, ``T.A.``) never end a sentence
INITIALS = re.compile(r"[A-Z]\.|(?:[A-Za-z]\.){2,}")
#: what may stand before the word that ends in a period (``Manaf-T.A.``, ``(Dr.``)
WORD_PREFIX = re.compile(r"^.*[-–—(\[“\"'‘/]")


@lru_cache(maxsize=1)
def list_marker_pattern() -> str:
    """A list marker at the start of an item: ``1.`` ``1)`` ``(1)`` ``a.`` ``a)`` bullets ``Kedua,``."""
    data = read_json("list_markers.json")
    ordinals = "|".join(sorted(map(re.escape, data["ordinals"]), key=len, reverse=True))
    bullets = "".join(re.escape(b) for b in data["bullets"])
    return (
        r"(?:\(?\d{1,2}[.)](?!\d)|\(\d{1,2}\)|\(?[a-zA-Z][.)](?=\s)|\([a-z]\)"
        rf"|[{bullets}](?=\s)|(?:{ordinals})\b)"
    )


@lru_cache(maxsize=1)
def sentence_end_pattern() -> re.Pattern[str]:
    """End punctuation (plus closing quotes) followed by space and a likely sentence start.

    Opening quotes may be doubled or written as two single quotes (``‘’Saya``).
    """
    # matches start only at the first mark of a run and never give back what they took:
    # a long run of marks or spaces is read once, not once per position
    return re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+[ \t\u00a0]++(?=[\"“”'‘’(\[]*+[A-Z0-9•\-])")


@lru_cache(maxsize=1)
def inline_item_pattern() -> re.Pattern[str]:
    """A list marker after ``;`` or ``:`` (several items on one line); a bullet may be
    glued to the colon (``berikut:- Dilarang ...``)."""
    return re.compile(rf"[;:](?:[ \t\u00a0]+|(?=[-–•]\s))(?={list_marker_pattern()})")


@lru_cache(maxsize=1)
def marker_only_pattern() -> re.Pattern[str]:
    # ``head`` is tested with a space appended: letter markers need one after them
    return re.compile(rf"(?:^|[;:])\s*{list_marker_pattern()}\s*$")


@lru_cache(maxsize=1)
def _marker_start() -> re.Pattern[str]:
    return re.compile(rf"{list_marker_pattern()}\s")


def starts_with_marker(line: str) -> bool:
    """True when ``line`` opens with a list marker (``a. ...``, ``2) ...``, ``- ...``)."""
    return bool(_marker_start().match(line))


@lru_cache(maxsize=1)
def month_abbreviations() -> frozenset[str]:
    """``Jan``, ``Sep``, ``Okt`` ...: a period after them before a number is not an end."""
    months = read_json("dates/months.json")["months"]
    return frozenset(a for m in months.values() for a in m.get("abbr", []))


@lru_cache(maxsize=1)
def wrap_words() -> frozenset[str]:
    """Words that never end a sentence (a line ending in one was hard-wrapped)."""
    return frozenset(w.lower() for w in read_lines("segmenter/wrap_words.txt"))


@lru_cache(maxsize=1)
def month_names() -> frozenset[str]:
    """Full and abbreviated month names, lower case (``28\\nNovember`` is one date)."""
    months = read_json("dates/months.json")["months"]
    return frozenset(n.lower() for m in months.values() for n in [*m["names"], *m.get("abbr", [])])


def is_abbreviation(word: str, next_text: str = "") -> bool:
    """True when ``word`` ending in a period is an abbreviation or an initial (``M.``),
    or a month abbreviation before a number (``22 Jan. 2024``)."""
    word = WORD_PREFIX.sub("", word)
    if word in abbreviations() or INITIALS.fullmatch(word):
        return True
    return word[:-1] in month_abbreviations() and next_text[:1].isdigit()


def is_marker_only(line: str, end: int, look_back: int = 64) -> bool:
    """True when ``line[:end]`` (a line up to a period) ends in a bare list marker (``1.``)
    at the line's start or after ``;``/``:``; only the last ``look_back`` characters are read."""
    start = max(0, end - look_back)
    # a NUL stands for the cut-off text before the window, so ``^`` means the line's start only
    head = ("\0" if start else "") + line[start:end] + " "
    return bool(marker_only_pattern().search(head))


#: a dateline at the start of a paragraph: ``KOTA, site.id – ``, ``Kediri (ANTARA) - ``,
#: ``TANGERANG—``, ``KENDARI, Kongkritpost.com-``; validated by :func:`is_dateline`
DATELINE = re.compile(
    r"^(?P<head>[^\n:;!?\"“”]{2,80}?)"
    r"(?:[ \t\u00a0]+[-–—]{1,2}[ \t\u00a0]*|[-–—]{2}|[–—]|(?<=\.com)-|(?<=\.id)-|,-[ \t\u00a0]*)"
    r"(?=[\"“]?[A-Z])"
)
_HEAD_WORD = re.compile(r"[^\s,]+")


def is_dateline(head: str) -> bool:
    """A dateline head: place, site and/or agency, no sentence inside.

    Needs an all-capitals word (``JAKARTA``), a domain (``jatimnow.com``), an
    agency in brackets (``(ANTARA)``), or one to three capitalised words (``Kubu Raya``).
    """
    words = _HEAD_WORD.findall(head)
    if not 1 <= len(words) <= 8 or re.match(r"\(?\d{1,2}[.)]\s", head):
        return False
    if any(w[0].islower() and "." not in w and not w.startswith("(") for w in words):
        return False
    strong = any(
        (len(w) >= 3 and w.isupper()) or re.search(r"\w\.\w{2,}", w) or w.startswith("(")
        for w in words
    )
    return strong or (len(words) <= 3 and all(w[0].isupper() for w in words))
