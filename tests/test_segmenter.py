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


def test_hard_wrapped_lines_are_one_sentence(blank_nlp):
    text = (
        "Bawaslu meminta seluruh kepala desa menjaga\n"
        "netralitas selama masa kampanye.\n"
        "Jadwal kampanye berlangsung pada 28\n"
        "November 2023 hingga 10 Februari 2024.\n"
        "Sutarman menyampaikan hal itu di\n"
        "Jakarta, Jumat."
    )
    assert sents(blank_nlp, text) == [
        "Bawaslu meminta seluruh kepala desa menjaga\nnetralitas selama masa kampanye.",
        "Jadwal kampanye berlangsung pada 28\nNovember 2023 hingga 10 Februari 2024.",
        "Sutarman menyampaikan hal itu di\nJakarta, Jumat.",
    ]


def test_wrapped_lines_never_join_list_items_or_furniture(blank_nlp):
    text = "ASN dilarang:\na. ikut kampanye\nb. memasang atribut\nBaca juga\nbupati lantik pejabat"
    assert sents(blank_nlp, text) == [
        "ASN dilarang:",
        "a. ikut kampanye",
        "b. memasang atribut",
        "Baca juga",
        "bupati lantik pejabat",
    ]


def test_dateline_is_its_own_segment(blank_nlp):
    text = (
        "SLEMAN, contohberita.id – Penjabat Bupati Sleman meminta seluruh ASN menjaga "
        "netralitas dalam Pilkada 2024."
    )
    assert sents(blank_nlp, text) == [
        "SLEMAN, contohberita.id –",
        "Penjabat Bupati Sleman meminta seluruh ASN menjaga netralitas dalam Pilkada 2024.",
    ]


def test_short_title_with_a_dash_is_not_a_dateline(blank_nlp):
    assert sents(blank_nlp, "Bawaslu – KPU Teken Kerja Sama") == ["Bawaslu – KPU Teken Kerja Sama"]


def test_initials_after_a_hyphen_and_month_abbreviations(blank_nlp):
    text = "Pasangan Rusdi Hamzah-T.B. Saleh mendaftar pada 22 Jan. 2024 lalu. Keduanya hadir."
    assert sents(blank_nlp, text) == [
        "Pasangan Rusdi Hamzah-T.B. Saleh mendaftar pada 22 Jan. 2024 lalu.",
        "Keduanya hadir.",
    ]


def test_doubled_single_quotes_open_a_sentence(blank_nlp):
    text = "Mereka harus netral. ‘’Saya sudah sampaikan,’’ ujar Bupati."
    assert sents(blank_nlp, text) == [
        "Mereka harus netral.",
        "‘’Saya sudah sampaikan,’’ ujar Bupati.",
    ]


def test_letter_items_keep_their_marker(blank_nlp):
    text = "1. Tidak boleh mendukung calon melalui:\na. Ikut kampanye.\nb. Memakai atribut."
    assert sents(blank_nlp, text) == [
        "1. Tidak boleh mendukung calon melalui:",
        "a. Ikut kampanye.",
        "b. Memakai atribut.",
    ]


def test_bullet_glued_to_a_colon_starts_an_item(blank_nlp):
    text = "Hal yang dilarang:- Dilarang berkampanye.\n- Dilarang memasang baliho."
    assert sents(blank_nlp, text) == [
        "Hal yang dilarang:",
        "- Dilarang berkampanye.",
        "- Dilarang memasang baliho.",
    ]


def test_odd_input_does_not_crash(blank_nlp):
    for text in ["", " ", "\n\n\n", "\u00a0\n\u00a0", ". . .", "1.\n2.\n", "a" * 20000]:
        doc = blank_nlp(text)
        assert "".join(s.text for s in doc.sents) == text
