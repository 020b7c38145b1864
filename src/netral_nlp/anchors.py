"""Literal anchors of regular expressions: where a lexicon pattern is worth trying.

Python's ``re`` finds no literal prefix in a case-insensitive pattern that starts
with a look-behind, so a lexicon pattern is tried at every character of an
article even when none of its words occurs there. :func:`literal_anchors` reads
the parsed pattern and returns the strings every match must start with. Then:

- :class:`AnchoredPattern` says whether a text holds any anchor at all (a short
  text, such as a rule item, is skipped or searched whole);
- :class:`WordStartPattern` tries the pattern only at the word starts of an
  article that begin with an anchor, found once per text (:class:`WordStarts`);
- :func:`finditer_at` with :func:`starts_with_digit` tries a date form only at
  the text's digits.

Each gives exactly ``finditer``'s matches; ``tests/test_anchors.py`` checks it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

try:  # Python >= 3.11
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

#: anchors shorter than this say too little to be worth a test
MIN_ANCHOR = 3
#: give up on patterns whose alternatives multiply beyond this
MAX_ANCHORS = 64

_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
Heads = list[tuple[str, bool]]  # (prefix, whether the prefix covers everything up to here)


def _item(op, av, limit: int) -> Heads | None:
    if op is sre_constants.LITERAL:
        return [(chr(av), True)]
    if op is sre_constants.SUBPATTERN:
        return _sequence(av[-1], limit)
    if op is sre_constants.BRANCH:
        heads: Heads = []
        for branch in av[1]:
            heads += _sequence(branch, limit)
        return heads
    if op in _REPEATS:
        low, _high, body = av
        inner = [(prefix, False) for prefix, _ in _sequence(body, limit)]
        return inner + [("", True)] if low == 0 else inner
    return None


def _sequence(items, limit: int = MAX_ANCHORS) -> Heads:
    heads: Heads = [("", True)]
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        part = _item(op, av, limit)
        if part is None:
            return [(prefix, False) for prefix, _ in heads]
        heads = [
            (prefix + more, done) if open_ else (prefix, False)
            for prefix, open_ in heads
            for more, done in (part if open_ else [("", False)])
        ]
        heads = list(dict.fromkeys(heads))
        if len(heads) > limit:
            return [("", False)]
        if not any(open_ for _, open_ in heads):
            break
    return heads


def literal_anchors(
    pattern: str | re.Pattern[str], min_length: int = MIN_ANCHOR, limit: int = MAX_ANCHORS, minimal: bool = True
) -> frozenset[str] | None:
    """Case-folded strings one of which starts every match, or None when the
    pattern has no such short list (a character class or wildcard comes first).
    ``minimal`` drops anchors that contain another (enough to test a text for any of
    them, not to test where a match may start)."""
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    anchors = {prefix.casefold() for prefix, _ in _sequence(sre_parse.parse(source, flags), limit)}
    if not anchors or any(len(anchor) < min_length for anchor in anchors):
        return None
    if not minimal:
        return frozenset(anchors)
    # an anchor that contains another adds nothing to the test
    return frozenset(a for a in anchors if not any(b != a and b in a for b in anchors))


def fold(text: str) -> str | None:
    """The text to test anchors against, or None when case folding changes its
    length (``İ``, ``ß``): there the regex engine's simple case mapping and the
    folded text may disagree, so every pattern runs."""
    folded = text.casefold()
    return folded if len(folded) == len(text) else None


@dataclass(frozen=True)
class AnchoredPattern:
    """A compiled pattern with its anchors, to skip it in texts where it cannot match."""

    pattern: re.Pattern[str]
    anchors: frozenset[str] | None

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> AnchoredPattern:
        return cls(pattern, literal_anchors(pattern))

    def may_match(self, folded: str | None) -> bool:
        """Whether the text whose :func:`fold` is ``folded`` holds one of the anchors."""
        return folded is None or self.anchors is None or any(a in folded for a in self.anchors)


#: a word start is indexed by its first HEAD case-folded characters (fewer would crowd the
#: keys: ``me``, ``men`` start a large share of Indonesian words); anchors need HEAD_MIN
HEAD_MIN, HEAD = 2, 4
_WORD_KEY = re.compile(rf"(?<!\w)(?=(\w.{{0,{HEAD - 1}}}))", re.DOTALL)


class WordStarts:
    """The positions where words start in a text, by their first case-folded characters:
    built once per text, shared by every :class:`WordStartPattern` run over it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.by_head: dict[str, list[int]] = defaultdict(list)
        #: sorted candidate positions per pattern (see WordStartPattern.candidates)
        self.candidates: dict[WordStartPattern, list[int]] = {}
        if self.folded is not None:
            by_head = self.by_head
            for m in _WORD_KEY.finditer(self.folded):
                by_head[m.group(1)].append(m.start())
        self._shorter: dict[str, list[int]] | None = None

    def positions(self, head: str) -> list[int]:
        """Word starts whose first characters are ``head``."""
        if len(head) >= HEAD:
            return self.by_head.get(head, [])
        if self._shorter is None:  # keys shorter than HEAD, built on first need
            self._shorter = defaultdict(list)
            for key, group in self.by_head.items():
                for n in range(HEAD_MIN, HEAD):
                    self._shorter[key[:n]].extend(group)
        return self._shorter.get(head, [])


@lru_cache(maxsize=256)
def word_starts(text: str) -> WordStarts:
    """The :class:`WordStarts` of ``text``, shared by the components that scan it (people
    and events read the same article text one after the other, batch by batch)."""
    return WordStarts(text)


class WordStartPattern:
    """A compiled pattern whose every match starts a word (it opens with ``(?<!\\w)`` or
    ``(?<![\\w-])`` in every alternative) and with one of its literal anchors.

    ``finditer`` then tries the pattern only where a word starts with an anchor, instead of
    at every character; the matches are the same as ``pattern.finditer``'s (leftmost,
    non-overlapping), as ``tests/test_anchors.py`` checks for the lexicons that use it.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        # many anchors cost nothing here: a word start is looked up by its first characters
        anchors = literal_anchors(pattern, min_length=HEAD_MIN, limit=10_000, minimal=False)
        self.heads: dict[str, tuple[str, ...]] | None = None
        self.anchors: tuple[str, ...] = ()
        if anchors is not None:
            heads: dict[str, list[str]] = defaultdict(list)
            for anchor in anchors:
                heads[anchor[:HEAD]].append(anchor)
            self.heads = {head: tuple(group) for head, group in heads.items()}
            self.anchors = tuple(anchors)

    def finditer(self, starts: WordStarts, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        text = starts.text
        end = len(text) if endpos is None else endpos
        candidates = self.candidates(starts)
        if candidates is None:
            yield from self.pattern.finditer(text, pos, end)
        else:
            yield from finditer_at(self.pattern, text, candidates[bisect_left(candidates, pos) :], end)

    def candidates(self, starts: WordStarts) -> list[int] | None:
        """Sorted word starts of ``starts.text`` that begin with one of the anchors (once per
        text and pattern: model windows scan sentence after sentence); None when the pattern
        has no anchors or the text cannot be folded (then every position is a candidate)."""
        if self.heads is None or starts.folded is None:
            return None
        found = starts.candidates.get(self)
        if found is None:
            groups = [group for head in self.heads if (group := starts.positions(head))]
            folded = starts.folded
            found = sorted(p for p in {p for group in groups for p in group} if folded.startswith(self.anchors, p))
            starts.candidates[self] = found
        return found


def inside_word(text: str, at: int) -> bool:
    """Whether ``at`` falls between two word characters (``\\w``: alphanumeric or ``_``)."""
    if not 0 < at < len(text):
        return False
    before, after = text[at - 1], text[at]
    return (before.isalnum() or before == "_") and (after.isalnum() or after == "_")


def spans_in_window(pattern: WordStartPattern, starts: WordStarts, lo: int, hi: int) -> list[tuple[int, int]]:
    """(start, end) in ``starts.text`` of the matches of ``pattern.pattern.finditer(text[lo:hi])``,
    found at the whole text's word starts (its candidates are found once per text, so many
    windows over one article cost a bisect each). A window opening inside a word is
    searched as a slice: there its first letters start a word, in the whole text they do not."""
    text = starts.text
    if inside_word(text, lo):
        return [(lo + m.start(), lo + m.end()) for m in pattern.pattern.finditer(text[lo:hi])]
    candidates = pattern.candidates(starts)
    if candidates is None:
        return [m.span() for m in pattern.pattern.finditer(text, lo, hi)]
    out: list[tuple[int, int]] = []
    match, last = pattern.pattern.match, lo
    for index in range(bisect_left(candidates, lo), len(candidates)):
        at = candidates[index]
        if at >= hi:
            break
        if at < last:
            continue
        found = match(text, at, hi)
        if found is not None:
            out.append((at, found.end()))
            last = found.end() if found.end() > at else at + 1
    return out


def found_in_window(pattern: WordStartPattern, starts: WordStarts, lo: int, hi: int) -> bool:
    """Whether ``pattern.pattern.search(text[lo:hi])`` finds anything (see :func:`spans_in_window`)."""
    text = starts.text
    if inside_word(text, lo):
        return pattern.pattern.search(text[lo:hi]) is not None
    candidates = pattern.candidates(starts)
    if candidates is None:
        return pattern.pattern.search(text, lo, hi) is not None
    match = pattern.pattern.match
    for index in range(bisect_left(candidates, lo), len(candidates)):
        at = candidates[index]
        if at >= hi:
            return False
        if match(text, at, hi) is not None:
            return True
    return False


def finditer_at(
    pattern: re.Pattern[str], text: str, positions: Iterable[int], endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` when every match starts at one of ``positions`` (ascending):
    the leftmost non-overlapping matches, trying only those positions."""
    end = len(text) if endpos is None else endpos
    last = -1
    for p in positions:
        if p >= end:
            break
        if p < last:
            continue
        match = pattern.match(text, p, end)
        if match is not None:
            yield match
            last = match.end() if match.end() > p else p + 1


def _digit_first(items) -> bool:
    items = list(items)
    for index, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        if op is sre_constants.LITERAL:
            return chr(av) in "0123456789"
        if op is sre_constants.IN:
            return all(_digit_member(member_op, member) for member_op, member in av)
        if op is sre_constants.SUBPATTERN:
            return _digit_first(av[-1])
        if op is sre_constants.BRANCH:
            return all(_digit_first(branch) for branch in av[1])
        if op in _REPEATS:  # an optional part: what follows it may come first
            return _digit_first(av[2]) and (av[0] >= 1 or _digit_first(items[index + 1 :]))
        return False
    return False


def _digit_member(op, av) -> bool:
    if op is sre_constants.LITERAL:
        return chr(av) in "0123456789"
    if op is sre_constants.RANGE:
        return chr(av[0]) >= "0" and chr(av[1]) <= "9"
    return op is sre_constants.CATEGORY and av is sre_constants.CATEGORY_DIGIT


@lru_cache(maxsize=256)
def starts_with_digit(pattern: re.Pattern[str]) -> bool:
    """Whether every match of ``pattern`` starts with a digit (``\\d``): then only the
    text's digits are worth trying (:func:`finditer_at`)."""
    return _digit_first(sre_parse.parse(pattern.pattern, pattern.flags))
