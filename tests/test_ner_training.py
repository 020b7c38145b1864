"""A tiny NER training run (never into models/) and the corpus readers."""

from __future__ import annotations

import json

import spacy

from netral_nlp.pipeline import build_pipeline
from netral_nlp.train.ner import (
    LABELS,
    bio_to_biluo,
    install_ner,
    read_conll,
    record_entities,
    train_ner,
)

SENTENCES = [
    [("Budi", "B-PERSON"), ("Santoso", "I-PERSON"), ("tinggal", "O"), ("di", "O"), ("Sukamaju", "B-PLACE"), (".", "O")],
    [("Komisi", "B-ORGANISATION"), ("Pemilihan", "I-ORGANISATION"), ("Umum", "I-ORGANISATION"), ("bertemu", "O"), ("Rina", "B-PERSON"), (".", "O")],
    [("Warga", "O"), ("Sukamaju", "B-PLACE"), ("menyambut", "O"), ("Andi", "B-PERSON"), ("Pratama", "I-PERSON"), (".", "O")],
]


def _write_corpus(folder):
    folder.mkdir()
    body = "\n\n".join("\n".join(f"{w}\t{t}" for w, t in s) for s in SENTENCES) + "\n"
    for split in ("train", "valid", "test"):
        (folder / f"{split}.tsv").write_text(body, encoding="utf-8")
    return folder


def test_read_conll_maps_organisation_to_org(tmp_path):
    folder = _write_corpus(tmp_path / "nergrit")
    sents = list(read_conll(folder / "train.tsv"))
    assert len(sents) == 3
    assert sents[1][1][:3] == ["B-ORG", "I-ORG", "I-ORG"]


def test_bio_to_biluo():
    assert bio_to_biluo(["B-PERSON", "I-PERSON", "O", "B-PLACE", "I-ORG"]) == [
        "B-PERSON", "L-PERSON", "O", "U-PLACE", "U-ORG",
    ]


def test_record_entities_maps_labels_and_drops_overlaps():
    record = {
        "text": "Pemkot Sukamaju dan Wahyu",
        "entities": [
            {"start": 0, "end": 15, "label": "ORG"},
            {"start": 7, "end": 15, "label": "REGION"},
            {"start": 20, "end": 25, "label": "OFFICIAL"},
            {"start": 0, "end": 3, "label": "LAW"},
        ],
    }
    assert record_entities(record) == [(0, 15, "ORG"), (20, 25, "PERSON")]


def test_tiny_training_run_and_install(tmp_path):
    corpus = _write_corpus(tmp_path / "ner")
    annotations = tmp_path / "annotations"
    annotations.mkdir()
    record = {"id": "t1", "text": "Sekda Sukamaju Andi Pratama hadir. Warga Lain datang.",
              "entities": [{"start": 15, "end": 27, "label": "OFFICIAL"}, {"start": 6, "end": 14, "label": "REGION"}]}
    (annotations / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")

    result = train_ner(data=corpus, annotations=annotations, epochs=2, log=lambda _m: None)
    assert result.n_train == 4
    assert set(result.nlp.get_pipe("ner").labels) == set(LABELS)
    assert "f" in result.scores["test"]

    source = tmp_path / "source"
    # a cheap stand-in named like the component the ner must precede
    base = build_pipeline(components=("netral_boilerplate", "netral_segmenter"))
    base.add_pipe("sentencizer", name="netral_regions")
    base.to_disk(source)
    out = install_ner(result.nlp, source=source, out=tmp_path / "out")
    loaded = spacy.load(out)
    names = loaded.component_names
    assert names.index("ner") == names.index("netral_regions") - 1
    # installed disabled: netral_people runs it on the sentences that can use it
    assert loaded.disabled == ["ner"]
    loaded.enable_pipe("ner")
    loaded("Andi Pratama datang ke Sukamaju.")
    # installing again replaces the ner instead of adding a second one
    install_ner(result.nlp, source=out, out=out)
    assert spacy.load(out).component_names.count("ner") == 1


def test_annotation_examples_are_the_records_that_state_their_entities(tmp_path):
    from netral_nlp.train.ner import annotation_examples

    folder = tmp_path / "annotations"
    folder.mkdir()
    record = {"id": "a", "text": "Budi Santoso datang.", "entities": [
        {"start": 0, "end": 12, "label": "OFFICIAL", "text": "Budi Santoso"}]}
    written = {"text": "Budi Santoso melakukan patroli pengawasan.", "type": "supervision", "trigger": "patroli"}
    (folder / "articles.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (folder / "event_sentences.jsonl").write_text(json.dumps(written) + "\n", encoding="utf-8")
    examples = annotation_examples(spacy.blank("id"), folder)
    assert [e.reference.text for e in examples] == [record["text"]]  # the written sentence names no entity
    assert [ent.text for ent in examples[0].reference.ents] == ["Budi Santoso"]
