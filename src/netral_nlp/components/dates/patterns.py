"""The date grammar: small named regex pieces composed into a few date forms.

Every piece comes from ``resources/dates`` (month and day names, connectives,
false-positive contexts); this module only composes and compiles them, once.
The forms are matched separately over ``doc.text`` and reconciled in
``grammar.py`` (longest match wins, then day-name prefixes and ranges).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...resources import read_json

#: optional horizontal space, and space that may hold one line break (``28\nNovember``)
OWS = r"[^\S\n]*"
WS = r"(?:[^\S\n]+\n?[^\S\n]*|\n[^\S\n]*)"

DAY = r"(?:0?[1-9]|[12]\d|3[01])"
MONTH_NUM = r"(?:0?[1-9]|1[0-2])"
YEAR4 = r"(?:19|20)\d{2}"
YEAR2 = r"\d{2}"


def _alternation(words: list[str]) -> str:
    """Regex alternation of literal words, longest first so prefixes never win."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _cased(words: list[str]) -> list[str]:
    """Title-case and upper-case variants (day names are not matched in lower case)."""
    out: list[str] = []
    for word in words:
        out += [word, word[:1].upper() + word[1:].lower(), word.upper()]
    return out


@dataclass(frozen=True)
class Lexicon:
    """Lookup tables the normaliser needs next to the compiled forms."""

    month_of: dict[str, int]  # lower-cased month name -> 1..12
    weekday_of: dict[str, int]  # lower-cased day name -> ISO weekday


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    months = read_json("dates/months.json")["months"]
    days = read_json("dates/days.json")["days"]
    month_of = {
        name.lower(): int(num)
        for num, forms in months.items()
        for name in forms["names"] + forms["abbr"]
    }
    weekday_of = {name.lower(): int(num) for num, names in days.items() for name in names}
    return Lexicon(month_of=month_of, weekday_of=weekday_of)


@dataclass(frozen=True)
class Grammar:
    """Compiled date forms and the contexts around them."""

    forms: tuple[tuple[str, re.Pattern[str]], ...]
    day_prefix: re.Pattern[str]  # day name (+ part of day, comma, tanggal, '(') ending a string
    range_joiner: re.Pattern[str]  # the whole gap between two ends of a range
    before_numeric: re.Pattern[str]  # a word that makes a numeric date a number
    after_numeric: re.Pattern[str]  # a word after a numeric date that makes it a count


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """Compile the grammar once per process."""
    months = read_json("dates/months.json")["months"]
    days_data = read_json("dates/days.json")
    conn = read_json("dates/connectives.json")
    fp = read_json("dates/false_positives.json")

    full = _alternation([n for forms in months.values() for n in forms["names"]])
    abbr = _alternation([n for forms in months.values() for n in forms["abbr"]])
    initials = "".join(sorted({n[0].lower() for forms in months.values() for n in forms["names"] + forms["abbr"]}))
    # the lookahead on the first letter lets the engine skip most positions quickly
    month = rf"(?=[{initials}])(?P<month>(?:{full})|(?:{abbr})(?:\.(?=[\s,\d]))?)"
    day_range_joiner = _alternation(conn["day_range"])
    day_list_joiner = _alternation(conn["day_list"])
    sep = r"[-/.]"

    start = r"(?<![\w/.,:-])"  # not inside a number, code or word
    start_text = r"(?<![\w/.:])"
    end = r"(?![\w]|-[^\W\d])"  # not before a letter or a suffix ('Mar-nya')

    forms: list[tuple[str, re.Pattern[str]]] = [
        # 24 - Sep - 2024, 24-Sep-2024
        (
            "d_mon_y",
            re.compile(
                rf"{start_text}(?P<day>{DAY}){OWS}{sep}{OWS}{month}{OWS}{sep}{OWS}(?P<year>{YEAR4}){end}",
                re.IGNORECASE,
            ),
        ),
        # 28 November 2023, 04 Oktober 2024, 27 November, 2 Okt. 2024, 2 Oktober, 2024
        (
            "d_month_y",
            re.compile(
                rf"{start_text}(?P<day>{DAY}){WS}{month}(?:,?[^\S\n]+(?P<year>{YEAR4})(?![\d/]))?{end}",
                re.IGNORECASE,
            ),
        ),
        # 11-13 Februari 2024, 27 hingga 29 Agustus
        (
            "dd_month_y",
            re.compile(
                rf"{start_text}(?P<day0>{DAY}){OWS}(?:{day_range_joiner}){OWS}(?P<day>{DAY}){WS}{month}"
                rf"(?:,?[^\S\n]+(?P<year>{YEAR4})(?![\d/]))?{end}",
                re.IGNORECASE,
            ),
        ),
        # 14, 15 dan 16 April 2019: a list of three days or more is the range first to last
        (
            "dd_month_y",
            re.compile(
                rf"{start_text}(?P<day0>{DAY})(?:{OWS},{OWS}{DAY})+,?[^\S\n]+(?:{day_list_joiner})[^\S\n]+"
                rf"(?P<day>{DAY}){WS}{month}(?:,?[^\S\n]+(?P<year>{YEAR4})(?![\d/]))?{end}",
                re.IGNORECASE,
            ),
        ),
        # November 2024; Oktober 2, 2024 / September 13, 2024
        (
            "month_y",
            re.compile(
                rf"(?<![\w]){month}(?:{OWS}(?P<day>{DAY}),{OWS}|{WS})(?P<year>{YEAR4})(?![\d/]){end}",
                re.IGNORECASE,
            ),
        ),
        # 19/11/2023, 23/9/24, 24-09-2024 (day first)
        (
            "numeric",
            re.compile(
                rf"{start}(?P<day>{DAY})(?P<sep>[/-])(?P<monthnum>{MONTH_NUM})(?P=sep)"
                rf"(?P<year>{YEAR4}|{YEAR2})(?![\w/]|[.,-]\d)"
            ),
        ),
        # 24.09.2024 (dots only with a four-digit year: 1.2.24 is a version number)
        (
            "numeric",
            re.compile(rf"{start}(?P<day>{DAY})\.(?P<monthnum>{MONTH_NUM})\.(?P<year>{YEAR4})(?![\w/]|[.,-]\d)"),
        ),
        # 25/9 (kept only in parentheses or after a day name)
        (
            "numeric_dm",
            re.compile(rf"{start}(?P<day>{DAY})/(?P<monthnum>{MONTH_NUM})(?![\w/]|[.,-]\d)"),
        ),
    ]

    day_names = [n for names in days_data["days"].values() for n in names]
    parts = _alternation(days_data["parts_of_day"])
    date_words = _alternation(conn["date_words"])
    # lower-case day names only in full and before ',' or '(' ('rabu (23/11/2016)', not 'dua minggu 19 Mei')
    lower_full = [n.lower() for n in day_names if len(n) >= 4]
    day_prefix = re.compile(
        rf"(?<![\w])(?P<dayname>{_alternation(_cased(day_names))}|(?:{_alternation(lower_full)})(?=[^\S\n]*[,(]))"
        rf"(?:[^\S\n]+(?i:{parts}))?{OWS},?{OWS}(?:(?i:{date_words}){OWS})?(?P<paren>\(?){OWS}$"
    )
    range_joiner = re.compile(rf"^{OWS}(?:{_alternation(conn['range'])}){OWS}$", re.IGNORECASE)
    before_numeric = re.compile(
        rf"(?<![\w])(?:{_alternation(fp['before_numeric'])})[\s.:]*$", re.IGNORECASE
    )
    after_numeric = re.compile(rf"^\s*(?:{_alternation(fp['after_numeric'])})(?!\w)", re.IGNORECASE)
    return Grammar(tuple(forms), day_prefix, range_joiner, before_numeric, after_numeric)
