"""Tokenizer rules for Indonesian news (one case per rule of the foundation issue)."""

from __future__ import annotations

import pytest


def tokens(nlp, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text) if not t.is_space]


@pytest.mark.parametrize(
    "abbr",
    ["Kab.", "Kec.", "Kel.", "No.", "Prof.", "Dr.", "dr.", "H.", "Hj.", "KH.", "S.Sos.", "M.Si."],
)
def test_abbreviation_with_period_is_one_token(blank_nlp, abbr):
    toks = tokens(blank_nlp, f"Acara dihadiri {abbr} Sukardiman kemarin.")
    assert abbr in toks


def test_degrees_after_a_name_stay_whole(blank_nlp):
    toks = tokens(blank_nlp, "Drs. H. Sukardiman, S.Sos., M.Si. hadir.")
    assert toks[:7] == ["Drs.", "H.", "Sukardiman", ",", "S.Sos.", ",", "M.Si."]


@pytest.mark.parametrize("prefix", ["Pj", "Plt", "Plh", "Pj.", "Plt."])
def test_office_prefix_is_its_own_token(blank_nlp, prefix):
    toks = tokens(blank_nlp, f"{prefix} Bupati Sleman hadir")
    assert toks[0] == prefix and toks[1] == "Bupati"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("pada Minggu (19/11/2023) lalu", "19/11/2023"),
        ("tanggal 23/9/24 kemarin", "23/9/24"),
        ("Selasa (24/09/2024).", "24/09/2024"),
        ("diterbitkan 24-09-2024 pukul 09.00", "24-09-2024"),
    ],
)
def test_numeric_date_is_one_token(blank_nlp, text, date):
    assert date in tokens(blank_nlp, text)


def test_parenthesised_date_splits_from_brackets(blank_nlp):
    assert tokens(blank_nlp, "(24/09/2024)") == ["(", "24/09/2024", ")"]


def test_hyphenated_name_pair_splits_at_hyphen(blank_nlp):
    # the one example the foundation issue names; every other text here is invented
    toks = tokens(blank_nlp, "pasangan Wahyu Hidayat-Ali Muthohirin")
    assert toks == ["pasangan", "Wahyu", "Hidayat", "-", "Ali", "Muthohirin"]


@pytest.mark.parametrize("word", ["Wali-kota", "H-1", "MenPAN-RB", "anak-anak", "pasca-pemilu"])
def test_other_hyphenated_words_stay_whole(blank_nlp, word):
    assert word in tokens(blank_nlp, f"menurut {word} itu")


def test_number_ranges_split(blank_nlp):
    assert tokens(blank_nlp, "11-13 Februari") == ["11", "-", "13", "Februari"]


@pytest.mark.parametrize("domain", ["jatimnow.com", "radarmalang.jawapos.com", "www.kompas.id"])
def test_web_domain_is_one_token(blank_nlp, domain):
    assert domain in tokens(blank_nlp, f"{domain} - Bupati hadir")


def test_non_breaking_space_separates_words(blank_nlp):
    doc = blank_nlp.make_doc("Pj\u00a0Wali\u00a0Kota Malang")
    words = [t.text for t in doc if not t.is_space]
    assert words == ["Pj", "Wali", "Kota", "Malang"]
    assert doc.text == "Pj\u00a0Wali\u00a0Kota Malang"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("aparat TNI-Polri bersiaga", ["aparat", "TNI", "-", "Polri", "bersiaga"]),
        ("pasangan Rusdi Hamzah-T.B. Saleh", ["pasangan", "Rusdi", "Hamzah", "-", "T.B.", "Saleh"]),
        ("pasangan Sri Wulandari-KH Mansur", ["pasangan", "Sri", "Wulandari", "-", "KH", "Mansur"]),
    ],
)
def test_hyphen_before_a_name_initial_or_honorific_splits(blank_nlp, text, expected):
    assert tokens(blank_nlp, text) == expected


@pytest.mark.parametrize("word", ["PDI-P", "e-KTP", "Kemen PAN-RB"])
def test_hyphenated_acronyms_stay_whole(blank_nlp, word):
    assert word.split()[-1] in tokens(blank_nlp, f"menurut {word} itu")


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        ("dalam Pemilu 2019(ANTARA) kemarin", "ANTARA"),
        ("harus netral,” tegasnya.(ari/red)", "ari"),
        ("Pemilu 2024.-(Humas Pemkab Sleman)-", "Humas"),
    ],
)
def test_glued_brackets_split_off(blank_nlp, text, piece):
    doc = blank_nlp.make_doc(text)
    start = text.index(piece)
    assert doc.char_span(start, start + len(piece)) is not None


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("warga Kab.Sleman datang", "Sleman"),
        ("Pemerintah Kota (Pemkot) Sleman", "Pemkot"),
        ("kepala desa se-Indonesia hadir", "Indonesia"),
        ("sanksi bagi ASN/PNS yang melanggar", "PNS"),
    ],
)
def test_entity_boundaries_fall_on_token_boundaries(blank_nlp, text, span):
    doc = blank_nlp.make_doc(text)
    start = text.index(span)
    assert doc.char_span(start, start + len(span)) is not None


def test_doc_text_is_the_tokenizer_input(blank_nlp):
    from spacy.tokens import Doc

    from netral_nlp.tokenizer import doc_text

    text = "Pj\u00a0Bupati  hadir.\n\nBaca juga: X"
    doc = blank_nlp.make_doc(text)
    assert doc_text(doc) == text == doc.text
    other = Doc(blank_nlp.vocab, words=["a", "b"])  # no tokenizer copy: falls back
    assert doc_text(other) == "a b "


def test_saved_pipeline_uses_the_installed_rules(tmp_path):
    """A tokenizer file written by other rules (here spaCy's own) does not replace ours."""
    import spacy

    spacy.blank("id").tokenizer.to_disk(tmp_path / "tok")
    ours = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "netral.tokenizer.v1"}}})
    ours.tokenizer.from_disk(tmp_path / "tok")
    assert [t.text for t in ours.make_doc("TNI-Polri")] == ["TNI", "-", "Polri"]
