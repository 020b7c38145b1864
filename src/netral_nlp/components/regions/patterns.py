"""Compiled patterns for region mentions, built from the gazetteer and words.json.

The names regex is a character trie (one pass over the text, longest name
first at each position), so matching cost does not grow with the number of
names the way an alternation of 800 literals would.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...resources import read_json
from .gazetteer import gazetteer


def _trie_regex(words: list[str]) -> str:
    """A regex matching any of ``words`` (lower-cased), preferring the longest."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            piece = r"[ \t]+" if ch == " " else (r"[-\u2013 ]?" if ch == "-" else re.escape(ch))
            branches.append(piece + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


@lru_cache(maxsize=1)
def words() -> dict:
    return read_json("regions/words.json")


def _alternation(items) -> str:
    parts = sorted(set(items), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in parts)


@lru_cache(maxsize=1)
def names_regex() -> re.Pattern[str]:
    """Bare province/regency/city names and their variants, case-insensitive."""
    surfaces = sorted(gazetteer().names)
    return re.compile(
        r"(?<![\w@.])(?:" + _trie_regex(surfaces) + r")(?![\w@]|\.\w)", re.IGNORECASE
    )


def _hint_table() -> dict[str, tuple[str, str | None]]:
    """lower-cased prefix word -> (kind, level) for type, office and org words."""
    table: dict[str, tuple[str, str | None]] = {}
    for kind in ("office", "org", "type"):
        for word, level in words()[kind].items():
            table.setdefault(" ".join(word.lower().split()), (kind, level))
    return table


@lru_cache(maxsize=1)
def hint_table() -> dict[str, tuple[str, str | None]]:
    return _hint_table()


@lru_cache(maxsize=1)
def prefix_regex() -> re.Pattern[str]:
    """A type, office or org word right before a name, optionally with ``(Pemkot)``.

    Searched on the text before a name, anchored at its end. The leftmost match
    wins, so ``Wali Kota`` is found before ``Kota``.
    """
    alts = _alternation(hint_table())
    return re.compile(
        rf"(?<!\w)(?P<word>{alts})(?P<paren>[ \t]*\([^()\n]{{1,25}}\))?[ \t]+$", re.IGNORECASE
    )


@lru_cache(maxsize=1)
def venue_regex() -> re.Pattern[str]:
    """A venue, street or institution word right before a name."""
    return re.compile(rf"(?<![\w-])(?:{_alternation(words()['venue'])})[ \t]+$")


@lru_cache(maxsize=1)
def brand_regex() -> re.Pattern[str]:
    """A media-brand or venue word right after a name (``Jatim Times``, ``Maluku City Mall``)."""
    brands = [*words()["brand_after"], *words()["venue_after"]]
    return re.compile(rf"[ \t]+(?:{_alternation([*brands, *(b.upper() for b in brands)])})\b")


@lru_cache(maxsize=1)
def locative_regex() -> re.Pattern[str]:
    """A locative word right before a name (``di Batu``, ``se-Sumut``)."""
    return re.compile(rf"(?<![\w-])(?:{_alternation(words()['locative'])})(?:[ \t]+|-)$",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def prefixed_regex() -> re.Pattern[str]:
    """District and village names after their type or office word."""
    table = hint_table()
    alts = _alternation(w for w, (_, level) in table.items() if level in ("district", "village"))
    name = r"[A-Z][\w'’]*(?:[-–][A-Z]?[\w'’]+)?"
    return re.compile(
        rf"(?<![\w-])(?P<word>(?i:{alts}))[ \t]+(?P<name>{name}(?:[ \t]+{name}){{0,3}})"
    )


#: before a dateline place: nothing on the line, or a publisher and a separator
DATELINE_BEFORE = re.compile(
    r"^[ \t]*(?:[^\s,–—]+(?:[ \t][^\s,–—]+){0,3}[ \t]*(?:,[-–—]?|[–—]|-{1,2})[ \t]*)?$"
)
#: after a dateline place: ``,`` / ``.`` / a dash, maybe after ``(ANTARA)``
DATELINE_AFTER = re.compile(r"^[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:[,.–—]|-)")
