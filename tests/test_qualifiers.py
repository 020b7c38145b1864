"""The shared qualifier component: each qualifier next to a close sentence without it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netral_nlp.anchors import word_starts
from netral_nlp.components.qualifiers.index import QualifierIndex
from netral_nlp.components.qualifiers.qualifiers import (
    LABELS,
    _attribution,
    cue_finder,
    cue_pattern,
    reported,
)
from netral_nlp.pipeline import build_pipeline

CORPUS = Path(__file__).parents[1] / "corpora" / "articles.jsonl"


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(("netral_boilerplate", "netral_segmenter", "netral_qualifiers"))


def labels_of(nlp, text: str, phrase: str) -> frozenset[str]:
    doc = nlp(text)
    start = text.index(phrase)
    return QualifierIndex.of(doc).labels(start, start + len(phrase))


@pytest.mark.parametrize(
    ("label", "with_it", "without_it", "phrase"),
    [
        ("QUOTED", "Ia berkata, “ASN wajib netral dalam pilkada.”", "Ia berkata bahwa ASN wajib netral dalam pilkada.", "ASN wajib netral"),
        ("REPORTED", "ASN wajib netral dalam pilkada, kata Budi Santoso.", "ASN wajib netral dalam pilkada serentak tahun ini.", "ASN wajib netral"),
        ("REPORTED", "Menurut Budi, ASN wajib netral dalam pilkada.", "Untuk itu, ASN wajib netral dalam pilkada.", "ASN wajib netral"),
        ("HYPOTHETICAL", "Jika ada pelanggaran, masyarakat melapor ke Bawaslu.", "Ada pelanggaran, lalu masyarakat melapor ke Bawaslu.", "pelanggaran"),
        ("HYPOTHETICAL", "Masyarakat bisa melapor ke Bawaslu.", "Masyarakat melapor ke Bawaslu.", "melapor"),
        ("NEGATED", "Bawaslu tidak menemukan pelanggaran netralitas.", "Bawaslu menemukan pelanggaran netralitas.", "menemukan"),
        ("PLANNED", "Bawaslu akan menggelar sosialisasi netralitas.", "Bawaslu telah menggelar sosialisasi netralitas.", "sosialisasi"),
        ("DEADLINE", "Batas akhir pendaftaran pada 8 Januari 2020.", "Pendaftaran dibuka pada 8 Januari 2020.", "8 Januari 2020"),
        ("HEADLINE", "Jangan Terlibat Politik Praktis\nASN diminta netral.", "Jangan terlibat politik praktis.\nASN diminta netral.", "Terlibat Politik"),
    ],
)
def test_qualifier_pairs(nlp, label, with_it, without_it, phrase):
    assert label in labels_of(nlp, with_it, phrase)
    other = phrase if phrase in without_it else phrase.lower()
    assert label not in labels_of(nlp, without_it, other)


def test_negation_scope_stops_at_clause(nlp):
    text = "Bawaslu tidak hadir, namun panitia menerima laporan pelanggaran."
    assert "NEGATED" not in labels_of(nlp, text, "menerima laporan")


def test_apostrophe_is_no_quote(nlp):
    text = "Ketua Jum'at ini berkata ASN wajib netral, lalu pergi."
    assert "QUOTED" not in labels_of(nlp, text, "ASN wajib netral")


def test_spans_keep_offsets(nlp):
    text = "Kata dia, “jangan ikut kampanye” jika tidak cuti.\n\nASN Akan Diawasi Ketat"
    doc = nlp(text)
    assert doc.spans["qualifiers"]
    for span in doc.spans["qualifiers"]:
        assert text[span.start_char : span.end_char] == span.text


def test_index_is_built_once_per_doc_and_again_when_its_spans_change(nlp):
    text = "Kata dia, “jangan ikut kampanye” jika tidak cuti."
    doc = nlp(text)
    start = text.index("jangan")
    index = QualifierIndex.of(doc)
    assert QualifierIndex.of(doc) is index
    assert "QUOTED" in index.labels(start, start + 6)
    doc.spans["qualifiers"] = []  # a replaced group is read again, not taken from before
    assert "QUOTED" not in QualifierIndex.of(doc).labels(start, start + 6)
    doc.spans["qualifiers"].append(doc.char_span(start, start + 6, label="QUOTED"))  # so is a grown one
    assert "QUOTED" in QualifierIndex.of(doc).labels(start, start + 6)
    assert QualifierIndex.of(nlp(text)) is not QualifierIndex.of(doc)


def test_labels_equal_holds_over_every_range_near_and_far_from_spans():
    """A range no span reaches into is answered by one bisection: the same labels as asking
    every label, for ranges inside, around, touching and away from the spans."""
    index = QualifierIndex([(10, 20, "QUOTED"), (15, 40, "REPORTED"), (60, 61, "NEGATED"), (100, 130, "PLANNED")])
    assert "QUOTED" in index.labels(12, 18) and not index.labels(41, 59)
    for start in range(0, 140, 3):
        for length in (0, 1, 2, 7, 30):
            expected = frozenset(label for label in LABELS if index.holds(label, start, start + length))
            assert index.labels(start, start + length) == expected


CUE_LISTS = ("conditional", "possibility", "plan", "deadline", "negation")


def _stretches(text: str) -> list[tuple[int, int]]:
    """The whole text, its thirds and its lines: the stretches a cue scan is bounded by."""
    third = len(text) // 3
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    return [(0, len(text)), (third, 2 * third), *lines]


def test_cue_finders_find_what_finditer_finds():
    """Tried only at word starts that begin with a cue: the same matches as the cue pattern,
    over every project article (upper-cased too), within sentence-like stretches."""
    texts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [t.upper() for t in texts[:5]]
    for name in CUE_LISTS:
        finder = cue_finder(name)
        assert finder.heads is not None  # every cue starts a word with a literal
        for text in texts:
            starts = word_starts(text)
            for lo, hi in _stretches(text):
                found = [m.span() for m in finder.finditer(starts, lo, hi)]
                assert found == [m.span() for m in cue_pattern(name).finditer(text, lo, hi)]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["jika", "Jika", "akan", "tidak", "TIDAK", "paling", "lambat", "ke", "depan", "-",
                                 " ", "\n", "bisa", "ſebelum", "x", ","]), max_size=14).map("".join))
def test_cue_finders_equal_finditer_on_odd_texts(text):
    for name in CUE_LISTS:
        expected = [m.span() for m in cue_pattern(name).finditer(text, 1, len(text))]
        assert [m.span() for m in cue_finder(name).finditer(word_starts(text), 1, len(text))] == expected


@pytest.mark.parametrize(
    ("with_quote", "without_quote"),
    [
        ("Ia berkata «ASN wajib netral» di Malang.", "Ia berkata «ASN wajib netral di Malang."),
        ("Ia berkata: \"ASN wajib netral.\"\n\nLalu pergi.", "Ia berkata: \"ASN wajib netral.\n\nLalu\" pergi."),
    ],
)
def test_quotes_need_their_closing_mark(nlp, with_quote, without_quote):
    assert "QUOTED" in labels_of(nlp, with_quote, "ASN wajib")
    assert "QUOTED" not in labels_of(nlp, without_quote, "ASN wajib")


def _reported_by_search(text: str, stretches: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    return [(s, e, "REPORTED") for s, e in stretches if _attribution().search(text, s, e)]


def test_reported_equals_one_search_of_the_whole_pattern():
    texts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [t.upper() for t in texts[:5]]
    for text in texts:
        stretches = _stretches(text)
        assert reported(text, stretches) == _reported_by_search(text, stretches)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["kata", "Katanya", "ujar", ",", "”", "\"", "(", "Menurut", "menurut", "Budi", "-",
                                 " ", "\n", "mengatakan", "dilansir", "dari", "x", "ſebut"]), max_size=14).map("".join))
def test_reported_equals_search_on_odd_texts(text):
    stretches = [(0, len(text)), (1, len(text)), (0, max(0, len(text) - 1))]
    assert reported(text, stretches) == _reported_by_search(text, stretches)
