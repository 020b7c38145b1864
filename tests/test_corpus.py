"""Corpora: splits, datasets, DocBin, Label Studio and doccano round trips (texts written here)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from netral_nlp import corpus
from netral_nlp.cli import app
from netral_nlp.corpus import doccano, labelstudio
from netral_nlp.evaluate import read_records, score_records
from netral_nlp.schema import ArticleRecord

TEXT = (
    "Pj Bupati Sukamaju, Andi Wijaya, memimpin ikrar netralitas ASN Pemkab Sukamaju pada 5 Maret 2024. "
    "Paslon nomor urut 1 Budi Santoso hadir.\n1. ASN dilarang memasang spanduk calon."
)


def _span(sub: str, text: str = TEXT) -> dict:
    start = text.index(sub)
    return {"start": start, "end": start + len(sub), "text": sub}


def make_record(id_: str = "r1", text: str = TEXT) -> ArticleRecord:
    return ArticleRecord.model_validate(
        {
            "id": id_,
            "text": text,
            "entities": [
                {**_span("Andi Wijaya", text), "label": "OFFICIAL", "role": "Pj Bupati Sukamaju"},
                {**_span("Pemkab Sukamaju", text), "label": "ORG"},
                {**_span("Sukamaju", text), "label": "REGION", "level": "regency", "code": "99.01"},
                {**_span("Budi Santoso", text), "label": "CANDIDATE", "ballot_number": "1"},
            ],
            "dates": [{**_span("5 Maret 2024", text), "value": "2024-03-05", "kind": "event_date"}],
            "rules": [
                {
                    **_span("ASN dilarang memasang spanduk calon.", text),
                    "marker": "1",
                    "modality": "prohibition",
                    "category": "campaign_materials",
                }
            ],
            "events": [
                {
                    "type": "pledge",
                    "trigger": _span("ikrar netralitas", text),
                    "date": "2024-03-05",
                    "region": "Kabupaten Sukamaju",
                }
            ],
        }
    )


def _contract(record) -> dict:
    data = record.to_json_dict() if hasattr(record, "to_json_dict") else record

    def clean(item):
        return {k: v for k, v in item.items() if v is not None}

    return {
        "id": data["id"],
        "text": data["text"],
        **{
            s: sorted(json.dumps(clean(i), sort_keys=True) for i in data[s])
            for s in ("entities", "dates", "rules", "events")
        },
    }


def test_split_is_deterministic_and_independent_of_order():
    records = [make_record(f"r{n:02d}") for n in range(20)]
    a = corpus.split_records(records, seed=7)
    b = corpus.split_records(list(reversed(records)), seed=7)
    ids = {k: [r.id for r in v] for k, v in a.items()}
    assert ids == {k: [r.id for r in v] for k, v in b.items()}
    assert [len(ids[s]) for s in ("train", "dev", "test")] == [16, 2, 2]
    assert sorted(sum(ids.values(), [])) == sorted(r.id for r in records)
    other = corpus.split_records(records, seed=8)
    assert [r.id for r in other["train"]] != ids["train"]


def test_tiny_corpus_still_gets_dev_and_test():
    records = [make_record(f"r{n}") for n in range(3)]
    sizes = {k: len(v) for k, v in corpus.split_records(records).items()}
    assert sizes == {"train": 1, "dev": 1, "test": 1}


def test_dataset_dict_round_trip():
    pytest.importorskip("datasets")
    records = [make_record(f"r{n:02d}") for n in range(10)]
    dd = corpus.to_dataset_dict(records, seed=3)
    assert set(dd) == {"train", "dev", "test"}
    assert sum(len(d) for d in dd.values()) == 10
    row = dd["train"][0]
    assert row["entities"][0]["label"] == "OFFICIAL"
    back = ArticleRecord.model_validate(corpus.from_dataset(dd["train"])[0])
    assert _contract(back) == _contract(make_record(back.id))
    # a split without rules keeps the same features
    empty = ArticleRecord(id="x", text="kosong")
    assert corpus.to_dataset([empty]).features == dd["train"].features


def test_docbin_maps_labels_and_resolves_overlaps(blank_nlp):
    record = make_record()
    # ORG "Pemkab Sukamaju" holds a REGION "Sukamaju"
    data = record.to_json_dict()
    org = next(e for e in data["entities"] if e["label"] == "ORG")
    data["entities"].append(
        {"start": org["start"] + 7, "end": org["end"], "text": "Sukamaju", "label": "REGION"}
    )
    docbin = corpus.to_docbin([data], nlp=blank_nlp)
    (doc,) = list(docbin.get_docs(blank_nlp.vocab))
    ents = [(e.text, e.label_) for e in doc.ents]
    # the longer ORG wins over the REGION inside it; the REGION in the title stays
    assert ents == [
        ("Sukamaju", "PLACE"),
        ("Andi Wijaya", "PERSON"),
        ("Pemkab Sukamaju", "ORG"),
        ("Budi Santoso", "PERSON"),
    ]
    assert doc.user_data["id"] == "r1"
    # other tokens are O, not missing
    assert doc[0].ent_iob_ == "O"


def test_docbin_label_map_is_configurable(blank_nlp):
    docbin = corpus.to_docbin([make_record()], nlp=blank_nlp, label_map={"ORG": "ORGANISATION"})
    (doc,) = list(docbin.get_docs(blank_nlp.vocab))
    assert [(e.text, e.label_) for e in doc.ents] == [("Pemkab Sukamaju", "ORGANISATION")]


def test_resolve_overlaps_is_deterministic():
    order = {"A": 0, "B": 1}
    # equal length, overlapping: the earlier wins; same span: label order wins
    assert corpus.resolve_overlaps([(3, 5, "B"), (2, 4, "A")], order) == [(2, 4, "A")]
    assert corpus.resolve_overlaps([(2, 4, "B"), (2, 4, "A")], order) == [(2, 4, "A")]


def test_label_studio_round_trip(tmp_path):
    record = make_record()
    path = labelstudio.write_tasks([record], tmp_path / "tasks.json")
    assert (tmp_path / "tasks.xml").read_text().startswith("<View>")
    tasks = json.loads(path.read_text())
    assert tasks[0]["predictions"][0]["result"]
    # predictions are not annotations: without use_predictions nothing comes back
    assert labelstudio.task_to_record(tasks[0])["entities"] == []
    back = labelstudio.read_export(path, use_predictions=True)
    assert _contract(ArticleRecord.model_validate(back[0])) == _contract(record)


def test_label_studio_import_of_a_corrected_annotation():
    # an annotator deleted nothing, fixed a category, and Label Studio counted an emoji
    # before the text as two UTF-16 units
    text = "\U0001f600 ASN dilarang like dan share."
    start16 = 3  # code point 2
    n = len("ASN dilarang like dan share.")
    task = {
        "id": 42,
        "data": {"text": text},
        "annotations": [
            {"was_cancelled": True, "result": []},
            {
                "result": [
                    {
                        "id": "x1",
                        "type": "labels",
                        "from_name": "label",
                        "value": {
                            "start": start16,
                            "end": start16 + n,
                            "text": text[2 : 2 + n],
                            "labels": ["RULE"],
                        },
                    },
                    {
                        "id": "x1",
                        "type": "choices",
                        "from_name": "modality",
                        "value": {"choices": ["prohibition"]},
                    },
                    {
                        "id": "x1",
                        "type": "choices",
                        "from_name": "category",
                        "value": {"choices": ["social_media"]},
                    },
                    {
                        "id": "x2",
                        "type": "labels",
                        "from_name": "label",
                        "value": {"start": 0, "end": 1, "text": "?", "labels": ["DATE"]},
                    },
                ]
            },
        ],
    }
    problems: list[str] = []
    record = ArticleRecord.model_validate(labelstudio.task_to_record(task, problems=problems))
    assert record.id == "42"
    assert [(r.text, r.category, r.marker) for r in record.rules] == [
        (text[2 : 2 + n], "social_media", None)
    ]
    assert record.dates == []  # the DATE region has no value and wrong offsets
    assert len(problems) == 1


def test_doccano_round_trip_and_both_layouts(tmp_path):
    record = make_record()
    path = doccano.write_jsonl([record], tmp_path / "d.jsonl")
    (back,) = doccano.read_jsonl(path)
    back = ArticleRecord.model_validate(back)
    # doccano keeps span labels only: entity spans and labels, event triggers and types
    assert [(e.start, e.end, e.label) for e in back.entities] == [
        (e.start, e.end, e.label) for e in sorted(record.entities, key=lambda e: (e.start, e.end))
    ]
    assert [(e.type, e.trigger.text, e.date) for e in back.events] == [
        ("pledge", "ikrar netralitas", None)
    ]
    start = TEXT.index("Andi Wijaya")
    line = {
        "id": 5,
        "text": TEXT,
        "entities": [
            {"id": 1, "start_offset": start, "end_offset": start + 11, "label": "OFFICIAL"},
            {"start_offset": 0, "end_offset": 2, "label": "DATE"},
        ],
    }
    problems: list[str] = []
    rec = ArticleRecord.model_validate(doccano.line_to_record(line, problems))
    assert [(e.text, e.label) for e in rec.entities] == [("Andi Wijaya", "OFFICIAL")]
    assert len(problems) == 1


def test_bad_annotation_input_does_not_crash():
    assert labelstudio.task_to_record({})["text"] == ""
    assert (
        doccano.line_to_record({"text": "x", "label": [[5, 9, "OFFICIAL"], "junk"]})["entities"]
        == []
    )


def test_convert_label_studio_round_trip_scores_perfectly(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(make_record().to_json_dict()) + "\n", encoding="utf-8")
    runner = CliRunner()
    tasks = tmp_path / "tasks.json"
    back = tmp_path / "back.jsonl"
    result = runner.invoke(app, ["convert", str(gold), "-o", str(tasks), "--as-annotations"])
    assert result.exit_code == 0, result.output
    assert tasks.with_suffix(".xml").exists()
    result = runner.invoke(
        app, ["convert", str(tasks), "--from", "labelstudio", "--to", "records", "-o", str(back)]
    )
    assert result.exit_code == 0, result.output
    report = score_records(read_records(gold), read_records(back))
    assert set(report.headline().values()) == {1.0}
    assert report.entities.fields["role"].value == 1.0


def test_convert_to_doccano_and_docbin(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(make_record().to_json_dict()) + "\n", encoding="utf-8")
    runner = CliRunner()
    for target, name in (("doccano", "d.jsonl"), ("docbin", "train.spacy")):
        result = runner.invoke(
            app, ["convert", str(gold), "--to", target, "-o", str(tmp_path / name)]
        )
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 0
    line = json.loads((tmp_path / "d.jsonl").read_text(encoding="utf-8"))
    assert ("Andi Wijaya", "OFFICIAL") in [(TEXT[s:e], lab) for s, e, lab in line["label"]]
