"""Reading qualifiers back: which labels hold over a character range."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from weakref import WeakKeyDictionary

from spacy.tokens import Doc

from .qualifiers import LABELS, Qualifier

GROUP = "qualifiers"
_NONE: frozenset[str] = frozenset()


class QualifierIndex:
    """The qualifier spans of one text, by label, for quick range queries."""

    def __init__(self, qualifiers: list[Qualifier]):
        self._by_label: dict[str, tuple[list[int], list[int]]] = {}
        for label in LABELS:
            spans = sorted((s, e) for s, e, lab in qualifiers if lab == label)
            self._by_label[label] = ([s for s, _ in spans], [e for _, e in spans])
        #: labels with spans in this text (the others hold nowhere)
        self._present = tuple(label for label in LABELS if self._by_label[label][0])
        #: every span by start, with the greatest end among it and those before: a range no
        #: span reaches into holds no label (most ranges), found by one bisection
        spans = sorted((s, e) for s, e, _ in qualifiers)
        self._starts = [s for s, _ in spans]
        self._reach = list(accumulate((e for _, e in spans), max))

    @classmethod
    def of(cls, doc: Doc) -> QualifierIndex:
        """The index of a Doc's ``qualifiers`` spans (empty when the component did not run),
        built once per Doc: dates, rules and events all read it, and reading a span group
        back makes a Span object per span. Built again when the group is replaced or grows."""
        spans = doc.spans.get(GROUP, ())
        known = _BUILT.get(doc)
        if known is not None and known[0] is spans and known[1] == len(spans):
            return known[2]
        index = cls([(s.start_char, s.end_char, s.label_) for s in spans])
        _BUILT[doc] = (spans, len(spans), index)
        return index

    def holds(self, label: str, start: int, end: int) -> bool:
        """Whether a ``label`` span covers the range's start or half of it."""
        starts, ends = self._by_label.get(label, ([], []))
        i = bisect_right(starts, start)
        need = max(1, (end - start) // 2)
        for k in range(i - 1, -1, -1):
            if ends[k] > start and (starts[k] <= start or min(ends[k], end) - max(starts[k], start) >= need):
                return True
            if ends[k] <= start and k < i - 8:  # spans are short: look back a few only
                break
        for k in range(i, len(starts)):
            if starts[k] >= end:
                break
            if min(ends[k], end) - starts[k] >= need:
                return True
        return False

    def labels(self, start: int, end: int) -> frozenset[str]:
        """Every label that holds over ``start:end``."""
        # a span that holds starts at or before ``start`` or inside the range, and ends after ``start``
        last = bisect_right(self._starts, max(start, end - 1)) - 1
        if last < 0 or self._reach[last] <= start:
            return _NONE
        return frozenset(label for label in self._present if self.holds(label, start, end))


#: Doc -> (its qualifier span group, the group's length, its index): see QualifierIndex.of
_BUILT: WeakKeyDictionary[Doc, tuple[object, int, QualifierIndex]] = WeakKeyDictionary()
