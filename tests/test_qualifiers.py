"""The shared qualifier component: each qualifier next to a close sentence without it."""

from __future__ import annotations

import pytest

from netral_nlp.components.qualifiers.index import QualifierIndex
from netral_nlp.pipeline import build_pipeline


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
