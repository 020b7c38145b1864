"""Missing years, validation and ISO values.

A missing year comes from the range's other end, else from the article's own
dates (the nearest mention that states its year, checked against a written
day name), else from the publication year, else from the year the article
talks about (``Pilkada 2024``). Never from today's date: when the
article gives no year at all the value is ISO's year-less ``--MM-DD``.
"""

from __future__ import annotations

import bisect
import datetime as dt

from .grammar import Mention, Point


def _valid(point: Point) -> bool:
    if point.day is None:
        return 1 <= point.month <= 12 and (point.year is None or 1900 <= point.year <= 2099)
    try:
        dt.date(point.year if point.year is not None else 2000, point.month, point.day)
    except ValueError:
        return False
    return True


def _fill_range(mention: Mention) -> None:
    """``25 September hingga 23 November 2024``: each end lends its year to the other."""
    first, last = mention.first, mention.last
    if last is None:
        return
    if first.year is None and last.year is not None:
        # across a year boundary: 28 Desember hingga 5 Januari 2024
        first.year = last.year - 1 if (first.month, first.day or 0) > (last.month, last.day or 0) else last.year
    elif last.year is None and first.year is not None:
        later = (last.month, last.day or 0) < (first.month, first.day or 0)
        last.year = first.year + 1 if later else first.year


#: how many years from the article's year a written day name may move a date (a day of a
#: month falls on each weekday within seven years; an article's year can be off by a few:
#: ``Pilkada 2015`` cited in a 2018 article)
WEEKDAY_REACH = 3


def _weekday_year(point: Point, year: int) -> int:
    """The year nearest ``year`` whose calendar puts ``point`` on its written day name."""
    if point.weekday is None or point.day is None:
        return year
    nearest_first = [year] + [y for step in range(1, WEEKDAY_REACH + 1) for y in (year - step, year + step)]
    for candidate in nearest_first:
        try:
            if dt.date(candidate, point.month, point.day).isoweekday() == point.weekday:
                return candidate
        except ValueError:
            continue
    return year


def _fill_from_article(mentions: list[Mention], publication_year: int | None, text_year: int | None) -> None:
    """Years for the ends still missing one: nearest dated mention, publication, text's year."""
    anchors = sorted((m.start, p.year) for m in mentions for p in m.points if p.year is not None)
    positions = [a[0] for a in anchors]
    for mention in mentions:
        for point in mention.points:
            if point.year is not None:
                continue
            year = None
            if anchors:
                i = bisect.bisect_left(positions, mention.start)
                near = [anchors[k] for k in (i - 1, i) if 0 <= k < len(anchors)]
                year = min(near, key=lambda a: abs(a[0] - mention.start))[1]
            elif publication_year is not None:
                year = publication_year
            elif text_year is not None:
                year = text_year
            if year is not None:
                point.year = _weekday_year(point, year)


def _iso(point: Point) -> str:
    if point.year is None:
        return f"--{point.month:02d}" if point.day is None else f"--{point.month:02d}-{point.day:02d}"
    if point.day is None:
        return f"{point.year:04d}-{point.month:02d}"
    return f"{point.year:04d}-{point.month:02d}-{point.day:02d}"


def _backwards(mention: Mention) -> bool:
    a, b = mention.first, mention.last
    if b is None or a.year is None or b.year is None:
        return False
    return (a.year, a.month, a.day or 0) > (b.year, b.month, b.day or 0)


def _split_backwards(mentions: list[Mention]) -> list[Mention]:
    """A 'range' whose end precedes its start is two separate dates."""
    out: list[Mention] = []
    for mention in mentions:
        if _backwards(mention) and "parts" in mention.meta:
            out.extend(mention.meta["parts"])
        else:
            out.append(mention)
    return out


def fill_ranges(mentions: list[Mention]) -> None:
    """First pass: years shared inside each range."""
    for mention in mentions:
        _fill_range(mention)


def finish(
    mentions: list[Mention], publication_year: int | None = None, text_year: int | None = None
) -> list[Mention]:
    """Fill the remaining years, drop impossible dates, write ``value`` on each mention.

    ``text_year`` is the article's own year when no mention states one (the
    year of the election it is about, else its most frequent year).
    """
    _fill_from_article(_split_backwards(mentions), publication_year, text_year)
    kept = []
    for mention in _split_backwards(mentions):
        if not all(_valid(p) for p in mention.points):
            continue  # 31 Februari, 45/13/2024: not a date
        mention.value = "/".join(_iso(p) for p in mention.points)
        kept.append(mention)
    return kept


def as_date(value: str | None) -> dt.date | None:
    """The first day of an ISO value (day, month or interval), None when year-less."""
    if not value or value.startswith("--"):
        return None
    head = value.split("/", 1)[0]
    parts = head.split("-")
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None
