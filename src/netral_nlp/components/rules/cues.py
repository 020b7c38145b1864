"""Compiled cue patterns from ``resources/rules`` (loaded once per process)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any, get_args

from ...resources import read_json
from ...schema import Category

#: the record format's categories, in its order (one definition: schema.Category)
CATEGORIES: tuple[str, ...] = get_args(Category)


#: cue lists that hold full regexes rather than words
RAW_LISTS = ("not_rule", "soft_not_rule", "sanction_clause")


def _alternation(patterns: list[str]) -> str:
    return "|".join(sorted(patterns, key=len, reverse=True))


def words(patterns: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of ``patterns`` as whole words."""
    return re.compile(rf"(?<!\w)(?:{_alternation(patterns)})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def cue_data() -> dict[str, Any]:
    return read_json("rules/cues.json")


@cache
def cue(name: str) -> re.Pattern[str]:
    """The compiled cue list ``name`` of ``cues.json`` (``RAW_LISTS`` entries are raw regex)."""
    patterns = cue_data()[name]
    if name in RAW_LISTS:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    return words(patterns)


@cache
def start_cue(name: str) -> re.Pattern[str] | None:
    """The ``^``-anchored entries of the raw cue list ``name``, to be matched at a candidate's
    own start (an article-wide scan sees ``^`` only at the article's start); None when the
    list has none."""
    patterns = [p for p in cue_data().get(name, []) if p.startswith("^")] if name in RAW_LISTS else []
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


@lru_cache(maxsize=1)
def category_cues() -> dict[str, re.Pattern[str]]:
    """Category -> compiled keyword pattern, in file order (specific categories first)."""
    data = read_json("rules/categories.json")
    return {c: words(p) for c, p in data.items() if c in CATEGORIES and p}


@lru_cache(maxsize=1)
def subject_data() -> dict[str, Any]:
    return read_json("rules/subjects.json")


@lru_cache(maxsize=1)
def subject_cues() -> list[tuple[str, re.Pattern[str]]]:
    """(subject, pattern) in priority order; acronyms stay case-sensitive."""
    data = subject_data()
    out = []
    for subject, patterns in data.items():
        if subject.startswith("_"):
            continue
        upper = [p for p in patterns if p.replace("\\b", "").isupper()]
        other = [p for p in patterns if p not in upper]
        parts = []
        if upper:
            parts.append(rf"(?<!\w)(?:{_alternation(upper)})(?!\w)")
        if other:
            parts.append(rf"(?i:(?<!\w)(?:{_alternation(other)})(?!\w))")
        out.append((subject, re.compile("|".join(parts))))
    return out


@lru_cache(maxsize=1)
def ordinal_values() -> dict[str, int]:
    return {k.lower(): v for k, v in cue_data()["ordinals"].items()}


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    return dict(cue_data()["numbers"])


@lru_cache(maxsize=1)
def count_pattern() -> re.Pattern[str]:
    """An announced count: ``4 poin``, ``enam poin arahan``, ``empat butir``."""
    nums = _alternation([r"\d{1,2}", *map(re.escape, number_words())])
    nouns = _alternation(cue_data()["count_nouns"])
    return re.compile(rf"(?<!\w)(?P<n>{nums})\s+(?:\(\w+\)\s+)?(?:{nouns})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def count_noun() -> re.Pattern[str]:
    """The nouns of :func:`count_pattern` as whole words: a stretch without one holds no
    announced count (and they are looked for at anchored word starts, not at every character)."""
    return words(cue_data()["count_nouns"])


def count_value(token: str) -> int | None:
    token = token.lower()
    if token.isdigit():
        return int(token)
    return number_words().get(token)


@lru_cache(maxsize=1)
def directive_word() -> re.Pattern[str]:
    """Any word that :func:`addressed_directive` needs (a cheap test before it)."""
    return words(cue_data()["directive"] + cue_data()["addressed_passive"])


@lru_cache(maxsize=1)
def any_rule_cue() -> re.Pattern[str]:
    """Any modal or directive cue: a sentence without one states no prose rule."""
    data = cue_data()
    return words(data["strong_modal"] + data["weak_modal"] + data["directive"] + data["addressed_passive"])


@lru_cache(maxsize=1)
def addressed_directive() -> re.Pattern[str]:
    """A directive aimed at a group: ``meminta (kepada) seluruh ASN``, ``ASN diminta``."""
    directive = _alternation(cue_data()["directive"])
    groups = _alternation(
        [p for subject, pats in subject_data().items() if not subject.startswith("_") for p in pats]
        + cue_data()["addressees"]
    )
    quant = r"(?:(?:kembali|juga|pula|lagi)\s+)?(?:(?:kepada|pada|bagi)\s+)?(?:(?:seluruh|semua|para|setiap|segenap|jajaran|pihak|kalangan)\s+)?"
    passive = rf"(?:juga\s+|pun\s+|kembali\s+|telah\s+|sudah\s+)?(?:{_alternation(cue_data()['addressed_passive'])})"
    return re.compile(
        rf"(?i:(?<!\w)(?:{directive})(?!\w))\s*,?\s+(?:(?:agar|supaya|untuk|bahwa)\s+)?{quant}(?:{groups})(?!\w)"
        rf"|(?<!\w)(?:{groups})(?!\w)(?:\s+\S+){{0,5}}?\s+(?i:{passive})(?!\w)",
        re.IGNORECASE,
    )
