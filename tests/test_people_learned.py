"""The learned source of OFFICIAL/CANDIDATE spans (issue 15, item 1): trained on invented
gold articles, it adds names the rules leave, never touches a rule span, and survives a
save and load. Each case next to a near miss (a journalist's byline) that must not fire."""

from __future__ import annotations

import pytest

from netral_nlp.components.people.learned import Candidate, candidates
from netral_nlp.pipeline import build_pipeline
from netral_nlp.schema import to_record
from netral_nlp.train.people import examples, fit_people

SPEAKERS = ["Sutanto", "Marlina", "Hendrawan", "Kurniasih", "Bonifasius", "Yulianti", "Gunadarma", "Rosmiati"]
WRITERS = ["Arifin", "Wulandari", "Setiabudi", "Maharani", "Prasetya", "Anggraini", "Nugroho", "Permatasari"]


def _article(i: int, speaker: str, writer: str) -> dict:
    first = f"ASN diminta menjaga netralitas selama pilkada, kata {speaker} kepada wartawan. "
    text = first + f"Reporter: {writer}\nEditor: Dewi"
    start = first.index(speaker)
    return {"id": f"inv-{i}", "text": text, "rules": [],
            "entities": [{"start": start, "end": start + len(speaker), "text": speaker, "label": "OFFICIAL",
                          "role": None}]}


@pytest.fixture(scope="module")
def trained():
    nlp = build_pipeline(components=("netral_boilerplate", "netral_segmenter", "netral_people"))
    records = [_article(i, s, w) for i, (s, w) in enumerate(zip(SPEAKERS, WRITERS, strict=True))]
    fit_people(nlp, records, seed=0)
    return nlp


def _people(nlp, text):
    return [(e.text, e.label, e.role if e.label == "OFFICIAL" else None)
            for e in to_record(nlp(text)).entities if e.label in ("OFFICIAL", "CANDIDATE")]


def test_examples_are_the_runs_the_rules_left_labelled_by_gold(trained):
    features, labels = examples(trained, [_article(0, "Sutanto", "Arifin")])
    assert sorted(labels) == ["OFFICIAL", "none"]  # the speaker, and the byline's name
    speaker = features[labels.index("OFFICIAL")]
    assert "__speech_before" in speaker.split()
    assert "__byline" in features[labels.index("none")].split()


def test_learned_source_adds_a_speaker_and_not_a_byline(trained):
    text = ("ASN diminta menjaga netralitas selama pilkada, kata Wirawan kepada wartawan. "
            "Reporter: Kusumawati\nEditor: Dewi")
    assert _people(trained, text) == [("Wirawan", "OFFICIAL", None)]
    trained.get_pipe("netral_people").use_span_model = False
    try:
        assert _people(trained, text) == []  # the rules alone leave this speaker out
    finally:
        trained.get_pipe("netral_people").use_span_model = True


def test_learned_source_never_touches_a_rule_span(trained):
    text = "Ketua Bawaslu Kota Sukamaju, Wirawan, mengingatkan ASN agar netral, kata Wirawan di kantor."
    assert _people(trained, text)[0] == ("Wirawan", "OFFICIAL", "Ketua Bawaslu Kota Sukamaju")
    # a run inside a rule span is no candidate at all
    assert candidates(text, [(0, len(text))], [(0, len(text))], []) == []


def test_learned_source_is_saved_with_the_pipeline(trained, tmp_path):
    import spacy

    trained.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    text = "ASN diminta menjaga netralitas selama pilkada, kata Wirawan kepada wartawan."
    assert _people(loaded, text) == _people(trained, text) == [("Wirawan", "OFFICIAL", None)]
    assert loaded.get_pipe("netral_people").span_model is not None


def test_office_title_right_before_gives_the_role_and_a_clause_between_does_not():
    from netral_nlp.components.people.learned import mentions_of

    text = "Kepala Dinas Sosial Kota Sukamaju Wirawan hadir. Bupati Sukamaju mengatakan Kusumawati hadir."
    first = text.index("Wirawan")
    second = text.index("Kusumawati")
    found = mentions_of(text, [(Candidate(first, first + 7, ""), "OFFICIAL"),
                               (Candidate(second, second + 10, ""), "OFFICIAL")], [(0, len(text))])
    assert [(m.role) for m in found] == ["Kepala Dinas Sosial Kota Sukamaju", None]
