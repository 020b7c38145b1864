"""Compiled patterns for law citations, built from ``resources/laws/types.json``."""

from __future__ import annotations

import re
from functools import lru_cache

from ...resources import read_json


@lru_cache(maxsize=1)
def types() -> dict:
    return read_json("laws/types.json")


def _alt(items, flexible_case: bool) -> str:
    parts = []
    for item in sorted(set(items), key=len, reverse=True):
        body = re.escape(item).replace(r"\ ", r"[ \t]+").replace(r"\-", r"[- ]?")
        body = body.replace(r"[- ]?Undang", r"[- ]?[Uu]ndang")  # ``Undang-undang`` as well as ``Undang-Undang``
        if flexible_case and item[:1].isalpha():  # ``peraturan KPU`` as well as ``Peraturan KPU``
            body = f"[{item[0].upper()}{item[0].lower()}]" + body[1:]
        parts.append(body)
    return "|".join(parts)


#: a capitalised word, acronym or hyphenated name (an issuer or a topic)
CAP_WORD = r"(?!(?:Nomor|Nomer|No|Nmr|Tahun|TAHUN)\b)(?:[A-Z][\w.-]*[\w]|[A-Z])"
#: a citation number: ``20``, ``B/71/M.SM.00.00/2017``, ``200.2.1/1743``, ``100.2.1.3-3810``
NUMBER = r"[A-Za-z0-9](?:[\w.-]*[\w]|)(?:[ \t]*/[ \t]*[\w.-]*[\w])*"


@lru_cache(maxsize=1)
def citation_regex() -> re.Pattern[str]:
    """Type word, optional ``(ABBR)``/``RI``, optional issuer, then number and/or year."""
    t = types()
    number_word = _alt(t["number_words"], flexible_case=True)
    return re.compile(
        rf"""(?<![\w-])
        (?P<type>{_alt(t["full"], True)}|{_alt(t["abbr"], False)})(?![\w-])
        (?P<abbr>[ \t]*\([A-Za-z-]{{2,14}}\))?
        (?P<ri>[ \t]+(?:RI|Republik[ \t]+Indonesia)\b(?:[ \t]*\([A-Za-z-]{{2,14}}\))?)?
        (?P<issuer>(?:[ \t]+(?:{CAP_WORD}|dan|&)){{0,12}}?)
        (?:
            [ \t]*,?[ \t]*(?:{number_word})[ \t]*:?[ \t]*(?P<number>{NUMBER})
          | [ \t]+(?P<bare>\d+)(?=[ \t]*/[ \t]*\d{{4}}|[ \t]+[Tt]ahun[ \t]+\d{{4}})
          | (?P<noyear>)(?=[ \t]+[Tt]ahun[ \t]+\d{{4}})
        )
        (?:[ \t]*/[ \t]*(?P<slashyear>\d{{4}})|[ \t]+[Tt]ahun[ \t]+(?P<year>\d{{4}}))?
        """,
        re.VERBOSE,
    )


@lru_cache(maxsize=1)
def number_tail_regex() -> re.Pattern[str]:
    """``Nomor 2 Tahun 2022`` after an SKB's list of issuers."""
    number_word = _alt(types()["number_words"], flexible_case=True)
    return re.compile(
        rf"[ \t]*,?[ \t]*(?:{number_word})[ \t]*:?[ \t]*(?P<number>{NUMBER})"
        rf"(?:[ \t]*/[ \t]*(?P<slashyear>\d{{4}})|[ \t]+[Tt]ahun[ \t]+(?P<year>\d{{4}}))?"
    )


@lru_cache(maxsize=1)
def bare_type_regex() -> re.Pattern[str]:
    """A type word with no number: kept for UUD 1945, ``(ABBR)``, a topic, a title or issuers."""
    t = types()
    return re.compile(
        rf"(?<![\w-])(?P<type>{_alt(t['full'], False)}|{_alt(t['abbr'], False)})(?![\w-])"
    )


@lru_cache(maxsize=1)
def title_start_regex() -> re.Pattern[str]:
    return re.compile(rf"[ \t]*,?[ \t]+(?:{_alt(types()['title_words'], True)})[ \t]+")


#: a following law type stops a title at ``dan``: ``tentang ASN dan Peraturan Pemerintah``
@lru_cache(maxsize=1)
def law_type_start() -> re.Pattern[str]:
    t = types()
    return re.compile(rf"(?:{_alt(t['full'], True)}|{_alt(t['abbr'], False)})(?![\w-])")
