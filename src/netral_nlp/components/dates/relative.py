"""Relative date mentions (``kemarin``, ``Selasa``, ``H-1 kampanye``) resolved to ISO days.

They are not date mentions (the record format says so), so they go to a
separate ``resolved`` list. The reference is the publication date, else the
latest event date of the article; ``H-N <stage>`` counts from the start of a
known stage. Nothing is resolved against today's date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...anchors import finditer_at, scanner_of, word_starts
from ...resources import read_json
from .grammar import Mention
from .intervals import Intervals
from .kinds import cues
from .normalise import as_date
from .patterns import _alternation, _cased, lexicon


@dataclass(frozen=True)
class _Relative:
    offsets: dict[str, int]
    offset_re: re.Pattern[str]
    count_re: re.Pattern[str]
    #: the number words that may open a ``count_re`` match (the other matches open with a digit)
    count_words: re.Pattern[str]
    numbers: dict[str, int]
    ago: re.Pattern[str]
    day_re: re.Pattern[str]
    day_before: re.Pattern[str]
    day_future: re.Pattern[str]
    day_past: re.Pattern[str]
    day_skip: re.Pattern[str]
    ambiguous: frozenset[str]
    h_re: re.Pattern[str]
    h_reach: int

    def counts(self, text: str) -> Iterator[re.Match[str]]:
        """``count_re.finditer(text)``, tried only where a word opens with a digit or a number word."""
        starts = word_starts(text)
        words = scanner_of(self.count_words).candidates(starts)
        if words is None:
            return self.count_re.finditer(text)
        return finditer_at(self.count_re, text, sorted({*starts.number_starts(), *words}))


@lru_cache(maxsize=1)
def _data() -> _Relative:
    data = read_json("dates/relative.json")
    days = read_json("dates/days.json")["days"]
    numbers = data["number_words"]
    number = rf"(?:\d{{1,2}}|{_alternation(list(numbers))})"
    offsets = {k.lower(): v for k, v in data["offsets"].items()}
    words = lambda xs: _alternation(xs)  # noqa: E731
    return _Relative(
        offsets=offsets,
        offset_re=re.compile(rf"(?<!\w)(?:{words(list(offsets))})(?!\w)", re.IGNORECASE),
        count_re=re.compile(
            rf"(?<!\w)(?P<n>{number})[^\S\n]+(?P<dir>{words(data['days_ago'] + data['days_ahead'])})(?!\w)",
            re.IGNORECASE,
        ),
        count_words=re.compile(rf"(?<!\w)(?:{_alternation(list(numbers))})", re.IGNORECASE),
        numbers=numbers,
        ago=re.compile(rf"^(?:{words(data['days_ago'])})$", re.IGNORECASE),
        day_re=re.compile(
            rf"(?<![\w-])(?P<day>{_alternation(_cased([n for ns in days.values() for n in ns]))})(?![\w'’])"
        ),
        day_before=re.compile(
            rf"(?:(?<!\w)(?:{words([w for w in data['day_name_before'] if w.isalpha()])})|"
            rf"{words([w for w in data['day_name_before'] if not w.isalpha()])})[^\S\n]*$",
            re.IGNORECASE,
        ),
        day_future=re.compile(rf"^[^\S\n]*(?:{words(data['day_name_future'])})(?!\w)", re.IGNORECASE),
        day_past=re.compile(rf"^[^\S\n]*(?:{words(data['day_name_past'])})(?!\w)", re.IGNORECASE),
        day_skip=re.compile(rf"^[^\S\n]*(?:\d|\(|(?:{words(data['day_name_skip_after'])})(?!\w))", re.IGNORECASE),
        ambiguous=frozenset(data["ambiguous_day_names"]),
        # every match opens with the capital H (_H_DAY finds those first)
        h_re=re.compile(r"(?<![\w-])H[^\S\n]*(?P<sign>[-+−–])[^\S\n]*(?P<n>\d{1,3})(?!\d)"),
        h_reach=int(data["h_stage_reach"]),
    )


#: the letter every ``h_re`` match opens with: a literal search skips to it
_H_DAY = re.compile("H")


def _reference(publication: str | None, mentions: list[Mention]) -> dt.date | None:
    """Publication date, else the latest event date with a day."""
    ref = as_date(publication)
    if ref is not None:
        return ref
    events = [as_date(m.value) for m in mentions if m.kind == "event_date" and m.last is None and m.first.is_day]
    events = [d for d in events if d is not None]
    return max(events) if events else None


def _stage_start(kind: str, mentions: list[Mention]) -> dt.date | None:
    for mention in mentions:
        if mention.kind == kind and mention.first.is_day:
            start = as_date(mention.value)
            if start is not None:
                return start
    return None


#: what may stand between ``hari ini`` and the date that names it (``hari ini, Rabu (25/9)``)
_GAP = re.compile(r"^[\s,]*(?:(?:pada|yakni|yaitu|tanggal)[\s,]*)*$", re.IGNORECASE)


def _named_right_after(text: str, end: int, mentions: list[Mention], starts: list[int]) -> dt.date | None:
    """The day a date mention right after ``end`` gives (it names the relative word)."""
    i = bisect.bisect_left(starts, end)
    if i < len(mentions):
        mention = mentions[i]
        if mention.start <= end + 20 and mention.first.is_day and _GAP.match(text[end : mention.start]):
            return as_date(mention.value)
    return None


def _free(start: int, end: int, taken: Intervals) -> bool:
    return not taken.overlaps(start, end)


def _item(text: str, start: int, end: int, day: dt.date) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end], "value": day.isoformat()}


def _day_names(text: str, ref: dt.date, taken: Intervals, d: _Relative) -> list[dict[str, Any]]:
    out = []
    for match in scanner_of(d.day_re).finditer(word_starts(text)):
        start, end = match.span()
        name = match.group("day")
        if name in d.ambiguous or not _free(start, end, taken):
            continue  # 'Minggu' is also 'week'; short forms are too risky alone
        after = text[end : end + 20]
        if d.day_skip.match(after) or not d.day_before.search(text[max(0, start - 12) : start]):
            continue
        weekday = lexicon().weekday_of[name.lower()]
        if d.day_future.match(after):
            delta = (weekday - ref.isoweekday()) % 7 or 7
        else:
            delta = -((ref.isoweekday() - weekday) % 7)
            if d.day_past.match(after) and delta == 0:
                delta = -7
        out.append(_item(text, start, end, ref + dt.timedelta(days=delta)))
    return out


def _h_days(text: str, mentions: list[Mention], taken: Intervals, d: _Relative) -> list[dict[str, Any]]:
    out = []
    for match in finditer_at(d.h_re, text, [m.start() for m in _H_DAY.finditer(text)]):
        start, end = match.span()
        if not _free(start, end, taken):
            continue
        tail = text[end : end + d.h_reach]
        kind, cue_end = "voting_day", end
        best = None
        for k, pattern, _weak in cues().period:
            found = re.match(rf"^[^\S\n]*(?:{pattern.pattern})", tail, re.IGNORECASE)
            if found and (best is None or found.end() > best[1]):
                best = (k, found.end())
        if best is not None:
            kind, cue_end = best[0], end + best[1]
        anchor = _stage_start(kind, mentions)
        if anchor is None:
            continue
        n = int(match.group("n")) * (1 if match.group("sign") == "+" else -1)
        out.append(_item(text, start, cue_end, anchor + dt.timedelta(days=n)))
    return out


def resolve_relative(
    text: str,
    mentions: list[Mention],
    publication: str | None,
    skip: Intervals | None = None,
) -> list[dict[str, Any]]:
    """Relative mentions outside dates and boilerplate, resolved where a reference exists."""
    d = _data()
    taken = Intervals((m.start, m.end) for m in mentions)
    for start, end in zip(skip.starts, skip.ends, strict=True) if skip else ():
        taken.add(start, end)
    mentions = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    out = _h_days(text, mentions, taken, d)
    ref = _reference(publication, mentions)
    if ref is not None:
        for match in scanner_of(d.offset_re).finditer(word_starts(text)):
            start, end = match.span()
            if not _free(start, end, taken):
                continue
            named = _named_right_after(text, end, mentions, starts)
            day = named or ref + dt.timedelta(days=d.offsets[match.group(0).lower()])
            out.append(_item(text, start, end, day))
        for match in d.counts(text):
            start, end = match.span()
            if not _free(start, end, taken):
                continue
            raw = match.group("n").lower()
            n = int(raw) if raw.isdigit() else d.numbers[raw]
            sign = -1 if d.ago.match(match.group("dir")) else 1
            out.append(_item(text, start, end, ref + dt.timedelta(days=sign * n)))
        out += _day_names(text, ref, taken, d)
    out.sort(key=lambda x: (x["start"], -x["end"]))
    kept: list[dict[str, Any]] = []
    used = Intervals()
    for item in out:  # overlapping hits: the earlier, longer one wins
        if not used.overlaps(item["start"], item["end"]):
            kept.append(item)
            used.add(item["start"], item["end"])
    return kept
