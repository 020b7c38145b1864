"""Word families of the rule category model: which fire, what they teach, how they are saved."""

from __future__ import annotations

import json

import pytest

from netral_nlp import resources
from netral_nlp.components.rules.category_families import FAMILIES_FILE, family_names, family_tokens
from netral_nlp.components.rules.features import sentence_category_text
from netral_nlp.components.rules.lexicons import (
    current_lexicons,
    put_in_force,
    read_lexicons,
    use_packaged_lexicons,
    write_lexicons,
)
from netral_nlp.learn.linear import LinearTextClassifier

#: (family, a sentence where it fires, a close sentence where it must not)
PAIRS = [
    ("social_platform", "ASN dilarang mengunggah video dukungan di TikTok.",
     "ASN dilarang mengantar video dukungan ke rumah calon."),
    ("money_gift", "Kepala desa dilarang membagikan bingkisan kepada warga.",
     "Kepala desa dilarang membagikan arahan kepada warga."),
    ("state_asset", "Pejabat dilarang memakai mobil dinas untuk kampanye.",
     "Pejabat dilarang memakai mobil pribadi untuk kampanye."),
    ("attribute_symbol", "ASN dilarang berswafoto dengan gaya dua jari.",
     "ASN dilarang berbincang dengan gaya yang kasar."),
    ("support_document", "Perangkat desa dilarang menyerahkan fotokopi KTP warga.",
     "Perangkat desa dilarang menyerahkan laporan kegiatan warga."),
    ("campaign_material", "Kepala sekolah dilarang memasang baliho pasangan calon.",
     "Kepala sekolah dilarang memuji visi pasangan calon."),
    ("mobilising", "Camat dilarang mengerahkan bawahan ke lokasi deklarasi.",
     "Camat dilarang datang sendirian ke lokasi deklarasi."),
    ("pressure_conflict", "Kepala dinas dilarang mengintimidasi guru honorer.",
     "Kepala dinas dilarang menjenguk guru honorer."),
]


@pytest.mark.parametrize(("family", "fires", "close"), PAIRS, ids=[p[0] for p in PAIRS])
def test_a_family_fires_on_its_words_only(family, fires, close):
    assert family in family_names(fires)
    assert family not in family_names(close)


def test_words_inside_other_words_do_not_fire():
    assert "social_platform" in family_names("dilarang membuat grup WA pendukung")
    assert "social_platform" not in family_names("dilarang menyewa gerobak warung")  # 'wa' inside words


def test_tokens_are_one_pseudo_word_per_family():
    tokens = family_tokens("Dilarang mengunggah foto di Instagram, Facebook dan TikTok.").split()
    assert tokens.count("__fam_social_platform") == 1
    assert "__fam_attribute_symbol" in tokens and len(tokens) == len(set(tokens))
    assert family_tokens("Cuaca pagi ini cerah sekali.") == ""


def _train(examples):
    texts = [sentence_category_text(t) for t, _ in examples]
    return LinearTextClassifier.train(texts, [c for _, c in examples], 0, c=3.0, min_df=1)


#: one frame for both categories: only the family words differ, and those of the test
#: sentences below (YouTube, bingkisan) occur in no training sentence
FRAME = "Pegawai dilarang memanfaatkan {} demi calon."
TRAIN = [(FRAME.format(w), "social_media") for w in ("Facebook", "Instagram", "Twitter")] + [
    (FRAME.format(w), "money_politics") for w in ("amplop", "sembako", "hadiah")
]


def test_the_model_carries_a_family_to_words_it_never_saw():
    """Without the families both test sentences look alike to the model; with them
    each goes to the category of its family's training words."""
    model = _train(TRAIN)
    tests = [sentence_category_text(FRAME.format(w)) for w in ("YouTube", "bingkisan")]
    assert model.predict(tests) == ["social_media", "money_politics"]


def test_training_on_families_is_deterministic():
    first, second = _train(TRAIN), _train(TRAIN)
    assert first.spec == second.spec
    for key in first.arrays:
        assert (first.arrays[key] == second.arrays[key]).all()


def test_the_families_are_saved_with_the_model_and_put_back(tmp_path):
    assert FAMILIES_FILE in current_lexicons()
    write_lexicons(tmp_path, current_lexicons())
    saved = tmp_path / "lexicons" / FAMILIES_FILE.replace("/", "__")
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["social_platform"] = [*data["social_platform"], "kentongan"]
    saved.write_text(json.dumps(data), encoding="utf-8")
    assert "social_platform" not in family_names("dilarang memukul kentongan")
    try:
        assert put_in_force(read_lexicons(tmp_path)) == [FAMILIES_FILE]
        assert "social_platform" in family_names("dilarang memukul kentongan")
    finally:
        use_packaged_lexicons()
    assert "kentongan" not in resources.read_text(FAMILIES_FILE)
    assert "social_platform" not in family_names("dilarang memukul kentongan")


def test_stems_compounds_and_phrases_match_as_whole_words():
    assert "social_platform" in family_names("dilarang memakai akunnya untuk kampanye")  # akun\w*
    assert "social_platform" not in family_names("dilarang memakai rakun untuk kampanye")
    assert "money_gift" in family_names("dilarang bagi-bagi sembako")  # hyphenated entry
    assert "money_gift" not in family_names("dilarang mengambil bagian dalam acara")
    assert "social_platform" in family_names("dilarang aktif di Media  Sosial")  # media\s+sosial
    assert "social_platform" not in family_names("dilarang berbicara kepada media massa")
