"""The regions step tries its prefixed-name pattern only at the word starts that begin
with a type word and its dateline pattern only at line starts: the same matches as a
plain ``finditer``, on the project corpus and on generated texts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from netral_nlp.anchors import WordStarts, finditer_at, scanner_of
from netral_nlp.components.regions import finder, patterns
from scanner_helpers import cased_corpus_texts, compared_matches


def _pairs(text: str):
    pattern = patterns.prefixed_regex()
    yield [m.span() for m in scanner_of(pattern).finditer(WordStarts(text))], [m.span() for m in pattern.finditer(text)]
    line_starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]
    yield ([m.span() for m in finditer_at(finder._DATELINE_PLACE, text, line_starts)],
           [m.span() for m in finder._DATELINE_PLACE.finditer(text)])


def test_region_scanners_find_what_finditer_finds_on_the_corpus():
    assert compared_matches(_pairs, cased_corpus_texts()) > 20


_PIECES = ["Kecamatan", "kecamatan", "Desa", "Camat", "Lurah", "Sukamaju", "Baru", "-", "–", " ", "\t", "\n",
           "JAKARTA", ",", ".", "x", "Kota", "İ", "ſ", "(ANTARA)", "desa-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_region_scanners_equal_finditer_on_generated_texts(text):
    for scanned, plain in _pairs(text):
        assert scanned == plain
