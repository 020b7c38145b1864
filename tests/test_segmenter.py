"""Segmentation respects line breaks, sentence ends, abbreviations and list markers."""

from __future__ import annotations


def sents(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_line_breaks_end_segments(blank_nlp):
    assert sents(blank_nlp, "Judul tanpa titik\nParagraf pertama") == [
        "Judul tanpa titik",
        "Paragraf pertama",
    ]


def test_sentence_punctuation_but_not_abbreviations_or_initials(blank_nlp):
    text = "Sekda M. Azan hadir di Kab. Batanghari. Dr. Budi juga datang."
    assert sents(blank_nlp, text) == [
        "Sekda M. Azan hadir di Kab. Batanghari.",
        "Dr. Budi juga datang.",
    ]


def test_numbered_items_on_own_lines(blank_nlp):
    text = "Larangan itu yaitu:\n1. Dilarang kampanye.\n2. Dilarang memasang atribut."
    assert sents(blank_nlp, text) == [
        "Larangan itu yaitu:",
        "1. Dilarang kampanye.",
        "2. Dilarang memasang atribut.",
    ]


def test_several_items_on_one_line(blank_nlp):
    text = "ASN dilarang: a) berkampanye; b) memasang atribut; c) berfoto bersama calon."
    assert sents(blank_nlp, text) == [
        "ASN dilarang:",
        "a) berkampanye;",
        "b) memasang atribut;",
        "c) berfoto bersama calon.",
    ]


def test_ordinal_words_start_segments(blank_nlp):
    text = "Ada dua poin. Pertama, ASN wajib netral. Kedua, ASN dilarang berkampanye."
    assert sents(blank_nlp, text) == [
        "Ada dua poin.",
        "Pertama, ASN wajib netral.",
        "Kedua, ASN dilarang berkampanye.",
    ]


def test_parenthesised_markers(blank_nlp):
    text = "(1) ASN wajib netral.\n(2) ASN dilarang berpihak."
    assert sents(blank_nlp, text) == ["(1) ASN wajib netral.", "(2) ASN dilarang berpihak."]
