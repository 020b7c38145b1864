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


# ORG proposals: head-word runs and bracketed acronyms the rules left, decided ORG or none

SURVEYS = ["Cakrawala", "Nusa Bakti", "Pelita Data", "Suryakanta", "Mitra Wacana", "Tunas Riset", "Bina Kajian",
           "Sigma Nusa"]
CLUBS = ["Lensa Kota", "Bidik Warga", "Kamera Rakyat", "Sorot Desa", "Jepret Muda", "Cahaya Lensa", "Potret Kita",
         "Fokus Warga"]


def _org_article(i: int, survey: str, club: str) -> dict:
    first = f"ASN diminta netral selama pilkada, menurut peneliti Lembaga Survei {survey} di Sukamaju. "
    text = first + f"Foto: Komunitas {club}\nEditor: Dewi"
    org = f"Lembaga Survei {survey}"
    start = first.index(org)
    return {"id": f"org-{i}", "text": text, "rules": [],
            "entities": [{"start": start, "end": start + len(org), "text": org, "label": "ORG"}]}


@pytest.fixture(scope="module")
def trained_orgs():
    nlp = build_pipeline(components=("netral_boilerplate", "netral_segmenter", "netral_people"))
    records = [_org_article(i, s, c) for i, (s, c) in enumerate(zip(SURVEYS, CLUBS, strict=True))]
    records += [_article(i + 10, s, w) for i, (s, w) in enumerate(zip(SPEAKERS, WRITERS, strict=True))]
    fit_people(nlp, records, seed=0)
    return nlp


def test_org_candidates_are_head_word_runs_and_bracketed_acronyms_not_names():
    from netral_nlp.components.people.learned import org_runs

    text = "Lembaga Kajian Demokrasi Sukamaju (LKDS) menilai Wirawan netral. Ia datang ke lembaga itu."
    found = [text[s:e] for s, e in org_runs(text, [], [])]
    assert found == ["Lembaga Kajian Demokrasi Sukamaju", "LKDS"]  # not the name, not 'lembaga itu'
    # a REGION span may sit inside an organisation's name; any other span blocks it
    region = text.index("Sukamaju")
    assert [text[s:e] for s, e in org_runs(text, [], [(region, region + 8)])][0] == "Lembaga Kajian Demokrasi Sukamaju"
    assert [text[s:e] for s, e in org_runs(text, [(0, 33)], [])] == ["LKDS"]
    # a bracketed region abbreviation is no organisation
    text = "Warga Kabupaten Sukamaju Selatan (SKMS) datang."
    assert org_runs(text, [], [(text.index("SKMS"), text.index("SKMS") + 4)]) == []


def test_learned_org_found_in_the_body_and_not_in_a_photo_credit(trained_orgs):
    text = ("ASN diminta netral selama pilkada, menurut peneliti Lembaga Survei Arunika di Sukamaju. "
            "Foto: Komunitas Sinar Lensa\nEditor: Dewi")
    orgs = [e.text for e in to_record(trained_orgs(text)).entities if e.label == "ORG"]
    assert orgs == ["Lembaga Survei Arunika"]
    trained_orgs.get_pipe("netral_people").use_span_model = False
    try:
        assert [e.text for e in to_record(trained_orgs(text)).entities if e.label == "ORG"] == []
    finally:
        trained_orgs.get_pipe("netral_people").use_span_model = True


def test_a_name_run_is_never_org_and_an_org_run_never_a_person(trained_orgs):
    text = "ASN diminta netral selama pilkada, kata Wirawan kepada wartawan."
    labels = [(e.text, e.label) for e in to_record(trained_orgs(text)).entities]
    assert labels == [("Wirawan", "OFFICIAL")]
    assert Candidate(0, 5, "", "person").allows("OFFICIAL") and not Candidate(0, 5, "", "person").allows("ORG")
    assert Candidate(0, 5, "", "org").allows("ORG") and not Candidate(0, 5, "", "org").allows("CANDIDATE")


# NERGrit word classes (word_knowledge.py): derived at training time, carried in the model's meta


def test_word_classes_keep_words_mostly_tagged_one_class_and_seen_often_enough():
    from netral_nlp.components.people.word_knowledge import count_tags, word_classes

    lines = (["Wiranto\tB-PERSON"] * 3 + ["wiranto\tO"]  # 3 of 4 PERSON: kept
             + ["Sukamaju\tB-PLACE"] * 2 + ["Sukamaju\tO"] * 3  # 2 of 5 PLACE: not mostly a place
             + ["Pelita\tB-ORGANISATION"] * 2  # always ORG but seen only twice
             + ["Nusantara\tI-ORGANISATION"] * 3 + ["", "bad line"])
    classes = word_classes(count_tags(lines))
    assert classes == {"person": ["wiranto"], "org": ["nusantara"], "place": []}


def test_word_classes_travel_with_the_model_and_feed_its_features(tmp_path):
    import spacy

    from netral_nlp.components.people.word_knowledge import META_KEY, WordKnowledge
    from netral_nlp.train.people import train_model

    nlp = build_pipeline(components=("netral_boilerplate", "netral_segmenter", "netral_people"))
    records = [_article(i, s, w) for i, (s, w) in enumerate(zip(SPEAKERS, WRITERS, strict=True))]
    classes = {"person": ["sutanto", "marlina"], "org": [], "place": []}
    features, _ = examples(nlp, records[:1], classes)
    assert "ng_person" in features[0].split()  # Sutanto
    assert "ng_person" not in examples(nlp, records[:1])[0][0].split()  # no classes, no pseudo-word
    assert WordKnowledge(classes).features(["Marlina", "Arifin"]) == ["ng_person"]
    assert WordKnowledge(classes).features(["Arifin"]) == []
    people = nlp.get_pipe("netral_people")
    people.set_span_model(train_model(nlp, records, word_classes=classes))
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe").get_pipe("netral_people")
    assert loaded.span_model.model.meta[META_KEY] == classes
    assert loaded.knowledge.features(["Sutanto"]) == ["ng_person"]
    people.set_span_model(train_model(nlp, records))  # off by default: none carried
    assert META_KEY not in people.span_model.model.meta and not people.knowledge


def test_training_twice_with_the_same_seed_gives_the_same_files(trained, tmp_path):
    """Deterministic training: the saved model (JSON + npz) is byte-identical across two fits."""
    from netral_nlp.train.people import train_model

    records = [_article(i, s, w) for i, (s, w) in enumerate(zip(SPEAKERS, WRITERS, strict=True))]
    saved = []
    for run in ("a", "b"):
        train_model(trained, records, seed=0).save(tmp_path / run)
        saved.append({p.name: p.read_bytes() for p in sorted((tmp_path / run).iterdir())})
    assert saved[0] and saved[0] == saved[1]
    other = [dict(r, entities=[]) if i % 2 else r for i, r in enumerate(records)]
    train_model(trained, other, seed=0).save(tmp_path / "c")
    assert {p.name: p.read_bytes() for p in sorted((tmp_path / "c").iterdir())} != saved[0]


def test_cue_words_travel_with_the_model_and_a_saved_model_reads_its_own(trained, tmp_path):
    import spacy

    from netral_nlp.components.people.model_cues import CueWords, resource_cue_words

    people = trained.get_pipe("netral_people")
    assert people.span_model.cue_words == resource_cue_words()  # trained with the files' words
    text = "ASN diminta netral, kata Wirawan.\nJuru warta: Kusumawati"
    bylined = CueWords(("calon",), ("juru warta",), ("Badan",))
    plain = CueWords(("calon",), ("reporter",), ("Badan",))

    def byline_of(words):
        found = candidates(text, [], [(0, len(text))], [], cue_words=words)
        return {text[c.start:c.end]: "__byline" in c.features.split() for c in found}

    assert byline_of(bylined)["Kusumawati"] and not byline_of(bylined)["Wirawan"]
    assert not byline_of(plain)["Kusumawati"]
    # the words a model was saved with are the words it reads after loading
    people.span_model.model.meta["cue_words"] = bylined.to_meta()
    try:
        trained.to_disk(tmp_path / "pipe")
    finally:
        people.span_model.model.meta["cue_words"] = resource_cue_words().to_meta()
    loaded = spacy.load(tmp_path / "pipe").get_pipe("netral_people")
    assert loaded.cue_words == bylined != resource_cue_words()
    assert CueWords.from_meta({}) == resource_cue_words()  # a model saved before them
