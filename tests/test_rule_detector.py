"""The learned rule detector: shapes of rules next to close non-rules, determinism, storage."""

from __future__ import annotations

import json

import numpy as np
import pytest

import netral_nlp
from netral_nlp import resources
from netral_nlp.components.rules.lexicons import (
    current_lexicons,
    put_in_force,
    read_lexicons,
    use_packaged_lexicons,
    write_lexicons,
)
from netral_nlp.pipeline import build_pipeline
from netral_nlp.spans import attrs_of
from netral_nlp.train.rules import candidate_examples, fit_models
from test_rules_backends import COMPONENTS, _articles

#: (shape, a rule, a close sentence or list that states none)
PAIRS = [
    ("request",
     "Dandim meminta agar prajurit TNI tetap memegang teguh netralitas dan tidak terlibat politik praktis.",
     "Dandim meminta agar panitia menyiapkan tenda dan kursi untuk tamu undangan."),
    ("expectation",
     "Ia berharap seluruh ASN menjaga netralitas dan tidak memihak pasangan calon mana pun.",
     "Ia berharap acara jalan sehat berlangsung meriah dan diikuti ribuan warga."),
    ("headline",
     "Jangan Terlibat Politik Praktis, ASN Diingatkan Jaga Netralitas\nBupati memberi arahan di pendopo.",
     "Bupati Resmikan Pasar Baru di Kecamatan Depok\nBupati memberi arahan di pendopo."),
    ("quote",
     "“ASN dilarang ikut kampanye dan memasang atribut pasangan calon,” kata Sekda Budi.",
     "“Kampanye akbar pasangan calon berlangsung di lapangan kota,” kata Sekda Budi."),
    ("dash list",
     "Larangan bagi ASN selama masa kampanye:\n- Dilarang memasang spanduk pasangan calon;\n"
     "- Dilarang menghadiri deklarasi pasangan calon;\n- Dilarang membuat unggahan dukungan di media sosial.",
     "Provinsi yang menggelar pilkada tahun ini:\n- Jawa Timur\n- Jawa Tengah\n- Sumatera Utara"),
    ("semicolon list",
     "ASN dilarang menjadi tim sukses pasangan calon; ASN dilarang memakai fasilitas negara untuk kampanye; "
     "ASN dilarang mengunggah foto bersama calon.",
     "Jadwal tahapan: pendaftaran pada 27 Agustus; penetapan calon pada 22 September; kampanye mulai 25 September."),
    ("question",
     "Kepala desa dilarang menjadi anggota tim kampanye pasangan calon.",
     "Apakah kepala desa boleh menjadi anggota tim kampanye pasangan calon?"),
]


@pytest.fixture(scope="module")
def shipped():
    nlp = netral_nlp.load()
    if nlp.get_pipe("netral_rules").learned is None:
        pytest.fail("the shipped pipeline has no trained rule models (run `netral train rules`)")
    return nlp


def rules_of(nlp, text):
    doc = nlp(text)
    return [(span.text, attrs_of(span, "rules")) for span in doc.spans["rules"]]


@pytest.mark.parametrize(("shape", "rule", "not_rule"), PAIRS, ids=[p[0] for p in PAIRS])
def test_shape_fires_and_its_near_miss_does_not(shipped, shape, rule, not_rule):
    found = rules_of(shipped, rule)
    assert found, f"{shape}: no rule found"
    assert all(0.5 <= fields["score"] <= 1.0 for _, fields in found)
    assert rules_of(shipped, not_rule) == []


def test_sanction_clause_outranks_a_sanction_imposed(shipped):
    """Annotators split about evenly on sanction clauses that name the act, so the detector
    scores them near the middle: well above an account of a sanction imposed, and a rule
    for a user who lowers the threshold."""
    clause = "ASN yang terbukti memberikan dukungan kepada pasangan calon akan dijatuhi sanksi disiplin berat."
    account = "ASN berinisial AB telah dijatuhi sanksi disiplin berat pada Senin lalu."
    component = shipped.get_pipe("netral_rules")
    [(_, _, clause_score)] = component.candidate_scores(shipped(clause))
    [(_, _, account_score)] = component.candidate_scores(shipped(account))
    assert clause_score > 2 * account_score
    component.threshold = clause_score - 0.01
    try:
        assert rules_of(shipped, clause) and not rules_of(shipped, account)
    finally:
        component.threshold = None


def test_lists_keep_one_rule_per_item(shipped):
    shapes = {shape: rule for shape, rule, _ in PAIRS}
    dash = shapes["dash list"]
    found = rules_of(shipped, dash)
    assert [text for text, _ in found] == [
        "Dilarang memasang spanduk pasangan calon;",
        "Dilarang menghadiri deklarasi pasangan calon;",
        "Dilarang membuat unggahan dukungan di media sosial.",
    ]
    assert {fields["modality"] for _, fields in found} == {"prohibition"}
    semicolons = rules_of(shipped, shapes["semicolon list"])
    assert len(semicolons) == 3


@pytest.fixture(scope="module")
def examples():
    nlp = build_pipeline(COMPONENTS)
    return candidate_examples(nlp, _articles())


def test_examples_label_exactly_the_gold_rules(examples):
    assert sum(e.is_rule for e in examples) == 2 * len({r["id"] for r in _articles()})
    assert {e.modality for e in examples if e.is_rule} == {"prohibition"}


def test_training_twice_gives_the_same_weights(examples):
    first, second = fit_models(examples, [], seed=0), fit_models(examples, [], seed=0)
    for name in ("detector", "modality", "category"):
        a, b = getattr(first, name), getattr(second, name)
        if a is None:  # one modality in the data: the cascade's answer stands, in both runs
            assert b is None and name == "modality"
            continue
        assert a.spec == b.spec
        assert a.arrays.keys() == b.arrays.keys()
        for key in a.arrays:
            np.testing.assert_array_equal(a.arrays[key], b.arrays[key])


def test_models_round_trip_through_to_disk(examples, tmp_path):
    nlp = build_pipeline(COMPONENTS)
    nlp.get_pipe("netral_rules").set_learned(fit_models(examples, [], seed=0))
    text = _articles()[3]["text"]
    before = rules_of(nlp, text)
    assert before
    nlp.to_disk(tmp_path / "p")
    again = netral_nlp.load(tmp_path / "p")
    assert rules_of(again, text) == before


def test_saved_lexicons_are_put_back_in_force(tmp_path):
    name = "rules/subjects.json"
    write_lexicons(tmp_path, current_lexicons())
    assert put_in_force(read_lexicons(tmp_path)) == []  # same as packaged: nothing changes
    saved = tmp_path / "lexicons" / "rules__subjects.json"
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["ASN"] = [*data["ASN"], "ABDINEGARA"]
    saved.write_text(json.dumps(data), encoding="utf-8")
    try:
        assert put_in_force(read_lexicons(tmp_path)) == [name]
        assert "ABDINEGARA" in resources.read_text(name)
        nlp = build_pipeline(COMPONENTS)
        doc = nlp("ABDINEGARA dilarang ikut kampanye pasangan calon.")
        assert [attrs_of(s, "rules").get("subject") for s in doc.spans["rules"]] == ["ASN"]
    finally:
        use_packaged_lexicons()
    assert "ABDINEGARA" not in resources.read_text(name)
    doc = build_pipeline(COMPONENTS)("ABDINEGARA dilarang ikut kampanye pasangan calon.")
    assert [attrs_of(s, "rules").get("subject") for s in doc.spans["rules"]] != ["ASN"]


def test_a_batch_gives_each_article_its_own_rules(shipped):
    """The models score a whole batch at once: each article still gets exactly the rules it
    gets alone (a rule article next to one without rules)."""
    texts = [rule for _, rule, _ in PAIRS] + [not_rule for _, _, not_rule in PAIRS]
    alone = [rules_of(shipped, text) for text in texts]
    together = [
        [(span.text, attrs_of(span, "rules")) for span in doc.spans["rules"]] for doc in shipped.pipe(texts, batch_size=8)
    ]
    assert together == alone
    assert all(alone[: len(PAIRS)]) and not any(alone[len(PAIRS) :])
