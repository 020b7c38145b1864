"""Cheaper paths of issue 17 (round 5b) equal the plain computations they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from netral_nlp.anchors import WordStartPattern, WordStarts, fold

#: anchors of every kind: shorter than a head (``di``), a head itself (``ajak``), longer
#: than one (``pelanggaran``, whose head ``pela`` also opens ``pelajar``)
SCANNER = WordStartPattern(re.compile(r"(?<!\w)(?:di|ajak|pelanggaran|kampanye\s+hitam)(?!\w)", re.IGNORECASE))
_WORD = re.compile(r"\w")
PIECES = ["di", "Di", "dia", "ajak", "ajaknya", "pelanggaran", "PELAJAR", "pela", "kampanye", " hitam",
          " ", "-", "\n", "x", "ſ"]


def _plain_candidates(scanner: WordStartPattern, text: str) -> list[int]:
    """Word starts whose folded text opens with one of the anchors, found position by position."""
    folded = fold(text)
    return [
        p for p in range(len(folded))
        if _WORD.match(folded, p) and not (p and _WORD.match(folded, p - 1)) and folded.startswith(scanner.anchors, p)
    ]


def test_candidates_cover_short_whole_and_long_heads():
    text = "Di desa, dia ajak warga; pelajar bukan pelanggaran. ajaknya kampanye hitam"
    found = SCANNER.candidates(WordStarts(text))
    assert found == _plain_candidates(SCANNER, text)
    assert text.index("pelanggaran") in found and text.index("pelajar") not in found
    assert text.index("dia") in found  # ``di`` opens ``dia``: a candidate, the match decides
    assert [m.group(0) for m in SCANNER.finditer(WordStarts(text))] == ["Di", "ajak", "pelanggaran", "kampanye hitam"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_candidates_equal_the_plain_scan(text):
    starts = WordStarts(text)
    if starts.folded is None:  # an unfoldable text: every position is a candidate
        assert SCANNER.candidates(starts) is None
        return
    assert SCANNER.candidates(starts) == _plain_candidates(SCANNER, text)
    assert [m.span() for m in SCANNER.finditer(starts)] == [m.span() for m in SCANNER.pattern.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join), st.sampled_from(["di", "ta", "tak", "pel", "aja"]))
def test_positions_of_a_short_head_are_the_word_starts_opening_with_it(text, head):
    starts = WordStarts(text)
    if starts.folded is None:
        return
    plain = [p for p in range(len(text)) if _WORD.match(starts.folded, p) and not (p and _WORD.match(starts.folded, p - 1))
             and starts.folded.startswith(head, p)]
    assert sorted(starts.positions(head)) == plain  # (heads are never shorter than HEAD_MIN)
