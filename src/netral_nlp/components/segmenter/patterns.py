"""Regular expressions for segment starts, built from ``resources/list_markers.json``."""

from __future__ import annotations

import re
from functools import lru_cache

from ...resources import read_json
from ...tokenizer import abbreviations


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
    """End punctuation (plus closing quotes) followed by space and a likely sentence start."""
    return re.compile(r"[.!?…]+[\"'”’)\]]*[ \t\u00a0]+(?=[\"“'(\[]?[A-Z0-9•\-])")


@lru_cache(maxsize=1)
def inline_item_pattern() -> re.Pattern[str]:
    """A list marker after ``;`` or ``:`` (several items on one line)."""
    return re.compile(rf"[;:][ \t\u00a0]+(?={list_marker_pattern()})")


def is_abbreviation(word: str) -> bool:
    """True when ``word`` ending in a period is an abbreviation or an initial (``M.``)."""
    return word in abbreviations() or bool(re.fullmatch(r"[A-Z]\.|(?:[A-Za-z]\.){2,}", word))


def is_marker_only(head: str) -> bool:
    """True when ``head`` (a line up to a period) ends in a bare list marker (``1.``)
    at the line's start or after ``;``/``:``."""
    return bool(re.search(rf"(?:^|[;:])\s*{list_marker_pattern()}\s*$", head))
