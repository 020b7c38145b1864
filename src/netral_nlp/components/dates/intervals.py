"""Overlap checks against many character ranges in O(log n) (long texts stay linear-ish)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Intervals:
    """A growing set of character ranges, merged so that overlap tests are one bisect."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(ranges):
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Insert ``start:end``, merging it with the ranges it touches."""
        if start >= end:
            return
        i = bisect.bisect_left(self.starts, start)
        if i > 0 and self.ends[i - 1] > start:
            i -= 1
            start = self.starts[i]
        j = i
        while j < len(self.starts) and self.starts[j] < end:
            end = max(end, self.ends[j])
            j += 1
        self.starts[i:j] = [start]
        self.ends[i:j] = [end]

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``start:end`` shares a character with a stored range."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start
