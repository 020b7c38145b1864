"""Counts over a stream that stay small however long the stream is.

Keys that are few by nature (event types, months, rule categories) are
counted exactly. Keys that are not (names of officials, organisations,
regions, stated periods) are counted in a :class:`BoundedTally`: when it
holds twice its capacity it forgets the less counted half, and remembers the
largest count it forgot, so every count it shows is exact to within that
margin (0 until anything has been forgotten; the page prints it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .evidence import Citation

EXAMPLES = 3
ROLES_KEPT = 6


@dataclass(slots=True)
class Cell:
    """What is kept for one key: its count, a few citations, and small side counts."""

    count: int = 0
    citations: list[Citation] = field(default_factory=list)
    notes: Counter = field(default_factory=Counter)  # e.g. an official's roles


class BoundedTally:
    """Counts and citations per key, holding at most ``2 * capacity`` keys."""

    def __init__(self, capacity: int | None = None, examples: int = EXAMPLES) -> None:
        self.capacity = capacity
        self.examples = examples
        self.cells: dict[Hashable, Cell] = {}
        self.margin = 0  # largest count ever forgotten: shown counts may be low by this much

    def add(self, key: Hashable, cite: Callable[[], Citation] | None = None, note: Any = None) -> None:
        cell = self.cells.get(key)
        if cell is None:
            cell = self.cells[key] = Cell()
            if self.capacity and len(self.cells) > 2 * self.capacity:
                self._forget()
                cell = self.cells.setdefault(key, Cell())
        cell.count += 1
        if cite is not None and len(cell.citations) < self.examples:
            cell.citations.append(cite())
        if note is not None and (note in cell.notes or len(cell.notes) < ROLES_KEPT):
            cell.notes[note] += 1

    def _forget(self) -> None:
        ranked = sorted(self.cells.items(), key=lambda kv: kv[1].count, reverse=True)
        kept, dropped = ranked[: self.capacity], ranked[self.capacity :]
        self.margin = max(self.margin, max((c.count for _, c in dropped), default=0))
        self.cells = dict(kept)

    def top(self, n: int | None = None) -> list[tuple[Hashable, Cell]]:
        """Keys by count (then key), the first ``n``."""
        ranked = sorted(self.cells.items(), key=lambda kv: (-kv[1].count, str(kv[0])))
        return ranked[:n] if n else ranked

    def __iter__(self) -> Iterator[tuple[Hashable, Cell]]:
        return iter(self.cells.items())

    def __len__(self) -> int:
        return len(self.cells)

    def total(self) -> int:
        return sum(c.count for c in self.cells.values())
