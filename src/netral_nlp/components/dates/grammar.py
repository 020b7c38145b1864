"""Finding date mentions in text: forms -> non-overlapping points -> day names -> ranges.

The result is a list of :class:`Mention` with raw (possibly year-less) parts;
``normalise.py`` fills years and writes ISO values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...anchors import finditer_at, scanner_of, starts_with_digit, word_starts
from .intervals import Intervals
from .patterns import Grammar, grammar, lexicon


@dataclass
class Point:
    """One end of a mention: a day (``day`` set) or a month (``day`` None)."""

    year: int | None
    month: int
    day: int | None = None
    weekday: int | None = None  # ISO weekday of a day name written with the date

    @property
    def is_day(self) -> bool:
        return self.day is not None


@dataclass
class Mention:
    """A date mention over ``text[start:end]``: one point, or a range ``start_point/end_point``."""

    start: int
    end: int
    first: Point
    last: Point | None = None  # set for ranges
    form: str = ""
    has_day_name: bool = False
    value: str | None = None
    kind: str | None = None
    meta: dict = field(default_factory=dict)

    @property
    def points(self) -> list[Point]:
        return [self.first] if self.last is None else [self.first, self.last]


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    value = int(raw)
    return 2000 + value if len(raw) == 2 else value


def _point(form: str, match: re.Match[str]) -> list[Point] | None:
    """The point(s) a form match stands for (two for a day range)."""
    groups = match.groupdict()
    if "monthnum" in groups and groups["monthnum"]:
        month = int(groups["monthnum"])
    else:
        month = lexicon().month_of.get((groups.get("month") or "").lower().rstrip("."))
    if not month:
        return None
    year = _year(groups.get("year"))
    day = int(groups["day"]) if groups.get("day") else None
    if form == "dd_month_y":
        first_day = int(groups["day0"])
        if first_day >= (day or 0):
            return None  # 13-11 Februari is not a range
        return [Point(year, month, first_day), Point(year, month, day)]
    return [Point(year, month, day)]


def _candidates(text: str, g: Grammar) -> list[Mention]:
    """Every form match that survives its own false-positive checks. Every form opens
    after no word character (``(?<![\\w...])``), so a form that starts with a digit is tried
    only where a word starts with a digit, and the others (a month name first) only at the
    word starts that begin with a month name (``tests/test_anchors.py`` checks both)."""
    found: list[Mention] = []
    starts = word_starts(text)
    for form, pattern in g.forms:
        if starts_with_digit(pattern):
            matches = finditer_at(pattern, text, starts.number_starts())
        else:
            matches = scanner_of(pattern).finditer(starts)
        for match in matches:
            points = _point(form, match)
            if points is None:
                continue
            start, end = match.span()
            if form in ("numeric", "numeric_dm"):
                if g.before_numeric.search(text[max(0, start - 20) : start]):
                    continue
                if g.after_numeric.match(text[end : end + 20]):
                    continue
            mention = Mention(start, end, points[0], points[1] if len(points) > 1 else None, form)
            found.append(mention)
    return found


def _non_overlapping(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping matches (earliest on ties)."""
    chosen: list[Mention] = []
    taken = Intervals()
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if not taken.overlaps(mention.start, mention.end):
            chosen.append(mention)
            taken.add(mention.start, mention.end)
    return sorted(chosen, key=lambda m: m.start)


def _attach_day_names(text: str, mentions: list[Mention], g: Grammar) -> list[Mention]:
    """Widen a mention over a day name written before it: ``Selasa (24/09/2024)``."""
    kept: list[Mention] = []
    previous_end = 0
    for mention in mentions:
        window_start = max(previous_end, mention.start - 40)
        prefix = g.day_prefix.search(text, window_start, mention.start)
        if prefix is None and mention.form == "numeric_dm" and mention.start > 0:
            # d/m without a year: only in parentheses (pendapat, (25/10).)
            if text[mention.start - 1] == "(" and text[mention.end : mention.end + 1] == ")":
                kept.append(mention)
            previous_end = mention.end
            continue
        if prefix is not None:
            weekday = lexicon().weekday_of.get(prefix.group("dayname").lower())
            mention.first.weekday = weekday
            mention.has_day_name = True
            mention.start = prefix.start()
            if prefix.group("paren"):
                close = re.match(r"[^\S\n]*\)", text[mention.end : mention.end + 3])
                if close:
                    mention.end += close.end()
        kept.append(mention)
        previous_end = mention.end
    return kept


def _join_ranges(text: str, mentions: list[Mention], g: Grammar) -> list[Mention]:
    """Pair ``X hingga Y`` (same granularity, both single points) into one range mention."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        left = mentions[i]
        right = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            right is not None
            and left.last is None
            and right.last is None
            and left.first.is_day == right.first.is_day
            and g.range_joiner.match(text[left.end : right.start])
        ):
            out.append(
                Mention(
                    left.start,
                    right.end,
                    left.first,
                    right.first,
                    form="range",
                    has_day_name=left.has_day_name or right.has_day_name,
                    meta={"parts": (left, right)},
                )
            )
            i += 2
            continue
        out.append(left)
        i += 1
    return out


def find_mentions(text: str) -> list[Mention]:
    """Date mentions of ``text`` with raw parts (years may still be missing)."""
    if not text:
        return []
    g = grammar()
    mentions = _non_overlapping(_candidates(text, g))
    mentions = _attach_day_names(text, mentions, g)
    return _join_ranges(text, mentions, g)
