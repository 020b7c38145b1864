"""A one-letter class in either case (``[Pp]eraturan``) gives a case-folded anchor letter, so
the laws step tries its citation patterns only at the word starts that begin with a law type:
the same matches as a plain ``finditer``, on the project corpus and on generated texts."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netral_nlp.anchors import WordStarts, literal_anchors, scanner_of
from netral_nlp.components.laws import patterns
from scanner_helpers import cased_corpus_texts, compared_matches


@pytest.mark.parametrize(
    ("pattern", "anchors"),
    [
        (r"[Pp]eraturan\s+KPU", {"peraturan"}),
        (r"[Uu]ndang", {"undang"}),
        (r"[Pp][Kk]pu", {"pkpu"}),
        (r"[Pp]x|[Qq]y", {"px", "qy"}),
        (r"[Pq]eraturan", None),  # two letters: no single anchor letter
        (r"[^Pp]eraturan", None),
        (r"[Pp0-9]eraturan", None),
    ],
)
def test_anchors_of_case_classes(pattern, anchors):
    found = literal_anchors(re.compile(pattern), min_length=2)
    assert found == (frozenset(anchors) if anchors is not None else None)


def _pairs(text: str):
    starts = WordStarts(text)
    for pattern in (patterns.citation_regex(), patterns.bare_type_regex()):
        yield [m.span() for m in scanner_of(pattern).finditer(starts)], [m.span() for m in pattern.finditer(text)]


def test_law_scanners_find_what_finditer_finds_on_the_corpus():
    assert compared_matches(_pairs, cased_corpus_texts()) > 20


_PIECES = ["Peraturan", "peraturan", "PERATURAN", "KPU", "Nomor", "nomor", "8", "Tahun", "2024", "/", " ", "\n",
           "Undang-Undang", "undang-undang", "UU", "Pemilu", "PKPU", "-", "(", ")", "ſ", "İ", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_law_scanners_equal_finditer_on_generated_texts(text):
    for scanned, plain in _pairs(text):
        assert scanned == plain
