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
    if op is sre_constants.IN:  # ``[Pp]``: one letter in either case is one case-folded anchor letter
        folded = {chr(member).casefold() for member_op, member in av if member_op is sre_constants.LITERAL}
        if len(folded) == 1 and all(member_op is sre_constants.LITERAL for member_op, _ in av):
            letter = folded.pop()
            return [(letter, True)] if len(letter) == 1 else None
        return None
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
#: a digit no word character stands before (the digit first: the engine then skips to digits)
_NUMBER_START = re.compile(r"\d(?<!\w\d)")


class WordStarts:
    """The positions where words start in a text, by their first case-folded characters:
    built once per text, shared by every :class:`WordStartPattern` run over it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.by_head: dict[str, list[int]] = defaultdict(list)
        #: sorted candidate positions per pattern (see WordStartPattern.candidates)
        self.candidates: dict[WordStartPattern | LiteralStartPattern, list[int]] = {}
        if self.folded is not None:
            by_head = self.by_head
            for m in _WORD_KEY.finditer(self.folded):
                by_head[m.group(1)].append(m.start())
        #: length -> word starts by their first ``length`` characters (lengths below HEAD)
        self._shorter: dict[int, dict[str, list[int]]] = {}
        self._numbers: list[int] | None = None

    def number_starts(self) -> list[int]:
        """Ascending positions where a word starts with a digit (``\\d``, any script): where
        a pattern may match whose every match opens with a digit after no word character
        (the date forms, ``3 hari lalu``); found on first need, once per text."""
        if self._numbers is None:
            self._numbers = [m.start() for m in _NUMBER_START.finditer(self.text)]
        return self._numbers

    def positions(self, head: str) -> list[int]:
        """Word starts whose first characters are ``head`` (ascending for a full-length
        head; in no set order for a shorter one)."""
        if len(head) >= HEAD:
            return self.by_head.get(head, [])
        return self.prefixes(len(head)).get(head, [])

    def prefixes(self, length: int) -> dict[str, list[int]]:
        """Word starts by their first ``length`` (< HEAD) characters, built on first need from
        the next longer keys (fewer than the word starts, so each level costs less)."""
        found = self._shorter.get(length)
        if found is None:
            longer = self.by_head if length + 1 >= HEAD else self.prefixes(length + 1)
            found = defaultdict(list)
            for key, group in longer.items():
                found[key[:length]].extend(group)
            self._shorter[length] = found
        return found


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
        #: heads of the full indexed length (looked up by set intersection with a text's own
        #: heads) and the shorter ones (looked up one by one)
        self._full_heads = frozenset(head for head in self.heads or () if len(head) >= HEAD)
        self._short_heads = tuple(
            (length, frozenset(head for head in self.heads or () if len(head) == length))
            for length in range(HEAD_MIN, HEAD)
            if any(len(head) == length for head in self.heads or ())
        )
        #: heads that are anchors themselves: every word start under them is a candidate
        self._whole_heads = frozenset(head for head, group in (self.heads or {}).items() if head in group)

    def finditer(self, starts: WordStarts, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        text = starts.text
        end = len(text) if endpos is None else endpos
        candidates = self.candidates(starts)
        if candidates is None:
            yield from self.pattern.finditer(text, pos, end)
        else:
            yield from finditer_at(self.pattern, text, candidates[bisect_left(candidates, pos) :], end)

    def opens_range(self, starts: WordStarts, start: int) -> bool:
        """Whether a search of the string ``text[start:...]`` may match at its first
        character although it is no word start of the text (it is one of the string)."""
        return bool(self.anchors) and starts.folded is not None and starts.folded.startswith(self.anchors, start)

    def candidates(self, starts: WordStarts) -> list[int] | None:
        """Sorted word starts of ``starts.text`` that begin with one of the anchors (once per
        text and pattern: model windows scan sentence after sentence); None when the pattern
        has no anchors or the text cannot be folded (then every position is a candidate)."""
        if self.heads is None or starts.folded is None:
            return None
        found = starts.candidates.get(self)
        if found is None:
            # a word start is tested against the anchors of its own head only (a lexicon of
            # a thousand names has a thousand anchors, a head a few)
            # (only the heads the text has: a pattern's heads are mostly absent from one text)
            folded, hits, heads, whole = starts.folded, set(), self.heads, self._whole_heads
            indexed = ((starts.by_head, self._full_heads),
                       *((starts.prefixes(length), short) for length, short in self._short_heads))
            for index, wanted in indexed:
                for head in index.keys() & wanted:
                    if head in whole:
                        hits.update(index[head])
                    else:
                        anchors = heads[head]
                        hits.update(p for p in index[head] if folded.startswith(anchors, p))
            found = starts.candidates[self] = sorted(hits)
        return found


_BY_PATTERN: dict[tuple[int, bool], tuple[re.Pattern[str], WordStartPattern | LiteralStartPattern]] = {}


def scanner_of(pattern: re.Pattern[str], raw: bool = False) -> WordStartPattern | LiteralStartPattern:
    """The :class:`WordStartPattern` of a pattern every match of which starts a word (``raw``:
    the :class:`LiteralStartPattern` of any other), kept by the pattern's identity (hashing
    a compiled pattern hashes its whole code)."""
    key = (id(pattern), raw)
    found = _BY_PATTERN.get(key)
    if found is None or found[0] is not pattern:
        if len(_BY_PATTERN) > 1024:
            _BY_PATTERN.clear()
        found = _BY_PATTERN[key] = (pattern, LiteralStartPattern(pattern) if raw else WordStartPattern(pattern))
    return found[1]


class RangeSearch:
    """Searches over one range of a text (the range's own string): a pattern is tried only
    where it may start (:meth:`WordStartPattern.candidates` for word-start patterns,
    :meth:`LiteralStartPattern.candidates` for ``raw`` ones, found once per text) and not
    at all when there is no such place in the range. Results are those of
    ``pattern.search`` / ``pattern.findall`` on the range's string (``tests/test_anchors.py``)."""

    def __init__(self, starts: WordStarts, start: int, end: int) -> None:
        self.starts, self.start, self.end = starts, start, end

    def _positions(self, pattern: re.Pattern[str], raw: bool) -> list[int] | None:
        """Where in the range's string a match may start, ascending; None: anywhere."""
        scanner = scanner_of(pattern, raw)
        candidates = scanner.candidates(self.starts)
        if candidates is None:
            return None
        first = self.start
        i = bisect_left(candidates, first)
        j = bisect_left(candidates, self.end, i)
        opens = scanner.opens_range(self.starts, first)
        if i == j:  # no candidate inside: most ranges, for most patterns
            return [0] if opens else []
        inside = [p - first for p in candidates[i:j]]
        return [0, *inside[1:]] if opens and inside[0] == 0 else ([0, *inside] if opens else inside)

    def search(self, pattern: re.Pattern[str], text: str, raw: bool = False) -> re.Match[str] | None:
        """``pattern.search(text)``, where ``text`` is this range's string."""
        positions = self._positions(pattern, raw)
        if positions is None:
            return pattern.search(text)
        for p in positions:
            if (match := pattern.match(text, p)) is not None:
                return match
        return None

    def count(self, pattern: re.Pattern[str], text: str) -> int:
        """``len(pattern.findall(text))``, where ``text`` is this range's string."""
        positions = self._positions(pattern, False)
        if positions is None:
            return len(pattern.findall(text))
        return sum(1 for _ in finditer_at(pattern, text, positions)) if positions else 0
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


def _top_branches(items: list) -> list[list]:
    """The alternatives of a parsed pattern's top level (one when it has no ``|``)."""
    if len(items) == 1 and items[0][0] is sre_constants.BRANCH:
        return list(items[0][1][1])
    if len(items) == 1 and items[0][0] is sre_constants.SUBPATTERN:
        return _top_branches(list(items[0][1][-1]))
    return [items]


class LiteralStartPattern:
    """A compiled pattern whose every alternative starts with a literal (a single ``?``
    counts) or at the text's very start (``^`` without MULTILINE): ``finditer`` tries only
    the positions where one of those literals occurs, found by one scan of the case-folded
    text, instead of every character. Full regexes (the ``not_rule`` cues) profit where
    :class:`WordStartPattern` does not apply: their matches need not start a word."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        multiline = bool(parsed.state.flags & re.MULTILINE)
        anchors: set[str] = set()
        self.at_start = False
        self.anchors: tuple[str, ...] = ()
        self.finder: re.Pattern[str] | None = None
        for branch in _top_branches(list(parsed)):
            if branch and branch[0] == (sre_constants.AT, sre_constants.AT_BEGINNING) and not multiline:
                self.at_start = True
                continue
            prefixes = {prefix.casefold() for prefix, _ in _sequence(branch, MAX_ANCHORS)}
            if "" in prefixes:
                return
            anchors |= prefixes
        alternation = "|".join(re.escape(a) for a in sorted(anchors, key=len, reverse=True))
        self.anchors = tuple(anchors)
        self.finder = re.compile(alternation if anchors else r"(?!)")

    def candidates(self, starts: WordStarts) -> list[int] | None:
        """Sorted positions of ``starts.text`` where a match may start (once per text); None
        when the pattern has an alternative without a literal start or the text cannot be
        folded."""
        folded = starts.folded
        if self.finder is None or folded is None:
            return None
        positions = starts.candidates.get(self)
        if positions is None:
            found: set[int] = {0} if self.at_start else set()
            anchors = self.anchors
            for m in self.finder.finditer(folded):  # non-overlapping: look inside each for more
                found.add(m.start())
                found.update(p for p in range(m.start() + 1, m.end()) if folded.startswith(anchors, p))
            positions = starts.candidates[self] = sorted(found)
        return positions

    def opens_range(self, starts: WordStarts, start: int) -> bool:
        """Whether a search of the string ``text[start:...]`` may match at its first character
        beyond the positions of :meth:`candidates` (its ``^`` alternatives may)."""
        return self.at_start

    def finditer(self, starts: WordStarts) -> Iterator[re.Match[str]]:
        """``pattern.finditer(starts.text)``."""
        positions = self.candidates(starts)
        if positions is None:
            yield from self.pattern.finditer(starts.text)
        else:
            yield from finditer_at(self.pattern, starts.text, positions)
