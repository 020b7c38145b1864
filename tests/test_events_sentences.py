"""The event decision also learns from written one-sentence examples
(``annotations/event_sentences.jsonl``) through a binary model of their type: the file is
read (bad lines skipped), its sentences change the decision on a contrasting pair
(supervision done vs a mandate to supervise), training with them stays deterministic, and
the typed model round-trips with the pipeline.

Every text here is invented; nothing reads ../shared.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from event_helpers import event_record
from netral_nlp.components.events.type_models import TypedDecision
from netral_nlp.pipeline import build_pipeline, load
from netral_nlp.train.events import (
    EVENT_SENTENCES,
    install_model,
    read_event_sentences,
    train_decision,
)

SMALL = ("netral_boilerplate", "netral_segmenter", "netral_dates", "netral_events")

DONE = "Panwascam Mekar Jaya melakukan patroli pengawasan ke kantor-kantor desa pada Selasa."
MANDATE = "Undang-undang mengamanatkan Panwascam Mekar Jaya untuk mengawasi kantor-kantor desa."

WRITTEN = [
    {"text": "Bawaslu Kota Lestari melakukan patroli pengawasan di kantor kelurahan pada Senin.",
     "type": "supervision", "trigger": "patroli pengawasan"},
    {"text": "Panwaslu Kecamatan Damai menggelar patroli pengawasan di balai desa, Rabu pagi.",
     "type": "supervision", "trigger": "patroli pengawasan"},
    {"text": "Tim pengawas telah melakukan patroli pengawasan ke sekolah-sekolah sejak pekan lalu.",
     "type": "supervision", "trigger": "patroli pengawasan"},
    {"text": "Bawaslu Kabupaten Sejahtera melakukan patroli pengawasan malam di kantor camat.",
     "type": "supervision", "trigger": "patroli pengawasan"},
    {"text": "Undang-undang mengamanatkan Bawaslu untuk mengawasi netralitas aparatur.", "type": None, "trigger": None},
    {"text": "Peraturan mengamanatkan pengawas kecamatan untuk mengawasi kepala desa.", "type": None, "trigger": None},
    {"text": "Aturan itu mengamanatkan Panwaslu untuk mengawasi seluruh tahapan.", "type": None, "trigger": None},
    {"text": "Undang-undang mengamanatkan pengawas desa untuk mengawasi perangkat desa.", "type": None, "trigger": None},
]

ARTICLES = [
    ("Bupati Sleman mengingatkan seluruh ASN agar menjaga netralitas dalam pilkada.", "directive", "mengingatkan"),
    ("Wali kota mengimbau para camat agar tidak berpihak dalam pemilu.", "directive", "mengimbau"),
    ("Bawaslu Kota Solo menerima 12 laporan dugaan pelanggaran netralitas.", "violation_report", "menerima 12 laporan"),
    ("Panwaslu mencatat 30 pelanggaran selama masa kampanye.", "violation_report", "mencatat"),
    ("Menurut dia, netralitas memang selalu menjadi perhatian banyak pihak.", None, None),
    ("Masyarakat bisa melapor ke Bawaslu bila melihat pelanggaran.", None, None),
    ("Tim Bawaslu memonitor akun media sosial para pegawai sejak Senin.", "supervision", "memonitor"),
    ("Menurut dia, pemantauan media sosial pegawai memang tidak mudah.", None, None),
]


def _record(i: int, text: str, event_type: str | None, trigger: str | None) -> dict:
    return event_record(f"a{i}", text, event_type, trigger)


def articles() -> list[dict]:
    return [_record(i, *row) for i, row in enumerate(ARTICLES)]


@pytest.fixture(scope="module")
def small_nlp():
    return build_pipeline(components=SMALL)


@pytest.fixture()
def sentence_file(tmp_path):
    path = tmp_path / "event_sentences.jsonl"
    lines = [json.dumps(row) for row in WRITTEN]
    lines += [
        "not json",
        json.dumps({"text": "Bawaslu menggelar patroli.", "type": "parade", "trigger": "patroli"}),  # unknown type
        json.dumps({"text": "Bawaslu menggelar patroli.", "type": "supervision", "trigger": "posko"}),  # trigger absent
        json.dumps({"text": "", "type": None}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def event_types(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [span.label_ for span in doc.spans["events"]]


def test_sentence_file_is_read_and_bad_lines_are_skipped(sentence_file):
    records = read_event_sentences(sentence_file)
    assert len(records) == len(WRITTEN)
    first = records[0]
    assert first["events"][0]["type"] == "supervision"
    assert first["text"][first["events"][0]["trigger"]["start"]:first["events"][0]["trigger"]["end"]] == "patroli pengawasan"
    assert records[4]["events"] == []


def test_missing_sentence_file_gives_no_sentences(tmp_path):
    assert read_event_sentences(tmp_path / "absent.jsonl") == []


def test_the_project_sentence_file_has_no_line_left_out():
    lines = [line for line in EVENT_SENTENCES.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = read_event_sentences()
    assert len(records) == len(lines)
    kinds = {e["type"] for r in records for e in r["events"]}
    assert {"supervision", "violation_report", "sanction"} <= kinds
    assert any(not r["events"] for r in records)


def test_written_sentences_change_the_decision_on_a_contrasting_pair(small_nlp, sentence_file):
    alone = train_decision(small_nlp, articles(), seed=0, sentences=[])
    install_model(small_nlp, alone)
    assert not isinstance(alone, TypedDecision)
    # the articles alone do not tell a patrol held from a mandate to supervise
    assert "supervision" in event_types(small_nlp, DONE) and "supervision" in event_types(small_nlp, MANDATE)

    written = train_decision(small_nlp, articles(), seed=0, sentences=read_event_sentences(sentence_file))
    install_model(small_nlp, written)
    assert isinstance(written, TypedDecision) and set(written.by_type) == {"supervision"}
    assert "supervision" in event_types(small_nlp, DONE)
    assert "supervision" not in event_types(small_nlp, MANDATE)
    # the other types are the shared decision's, as without the sentences
    assert event_types(small_nlp, "Bupati Klaten mengingatkan seluruh ASN agar netral dalam pilkada.") == ["directive"]


def test_training_with_sentences_is_deterministic(small_nlp, sentence_file):
    sentences = read_event_sentences(sentence_file)
    first = train_decision(small_nlp, articles(), seed=0, sentences=sentences)
    second = train_decision(small_nlp, articles(), seed=0, sentences=sentences)
    for a, b in ((first.shared, second.shared), (first.by_type["supervision"], second.by_type["supervision"])):
        assert a.spec == b.spec
        assert all(np.array_equal(a.arrays[k], b.arrays[k]) for k in a.arrays)


def test_typed_decision_round_trips(tmp_path, sentence_file):
    nlp = build_pipeline(components=SMALL)
    install_model(nlp, train_decision(nlp, articles(), seed=0, sentences=read_event_sentences(sentence_file)))
    nlp.to_disk(tmp_path / "p")
    assert (tmp_path / "p" / "netral_events" / "decision" / "type_supervision").is_dir()
    loaded = load(tmp_path / "p")
    assert isinstance(loaded.get_pipe("netral_events").decision, TypedDecision)
    for text in (DONE, MANDATE):
        assert event_types(loaded, text) == event_types(nlp, text)


def test_train_events_command_reads_the_sentences_it_is_given(tmp_path, sentence_file):
    from typer.testing import CliRunner

    from netral_nlp.cli import app

    build_pipeline(components=SMALL).to_disk(tmp_path / "small")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in articles()), encoding="utf-8")
    args = ["train", "events", "--data", str(gold), "--source", str(tmp_path / "small")]
    result = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "with"), "--sentences", str(sentence_file)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sentences"] == len(WRITTEN)
    assert (tmp_path / "with" / "netral_events" / "decision" / "type_supervision").is_dir()
    absent = tmp_path / "absent.jsonl"
    result = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "without"), "--sentences", str(absent)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sentences"] == 0
    assert not (tmp_path / "without" / "netral_events" / "decision" / "type_supervision").exists()


SANCTION_WRITTEN = [
    {"text": "Kepala desa itu dijatuhi sanksi teguran tertulis oleh bupati pada Senin.",
     "type": "sanction", "trigger": "dijatuhi sanksi"},
    {"text": "Seorang camat dijatuhi sanksi penundaan kenaikan pangkat pekan lalu.",
     "type": "sanction", "trigger": "dijatuhi sanksi"},
    {"text": "Aparatur yang berpihak dapat dijatuhi sanksi sesuai aturan kepegawaian.", "type": None, "trigger": None},
    {"text": "Pegawai yang terbukti berkampanye bisa dijatuhi sanksi disiplin berat.", "type": None, "trigger": None},
]


def test_sanction_gets_a_binary_model_of_its_own_that_round_trips(tmp_path, small_nlp):
    path = tmp_path / "sanction.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in WRITTEN + SANCTION_WRITTEN), encoding="utf-8")
    sentences = read_event_sentences(path)
    first = train_decision(small_nlp, articles(), seed=0, sentences=sentences)
    second = train_decision(small_nlp, articles(), seed=0, sentences=sentences)
    assert set(first.by_type) == {"supervision", "sanction"}
    a, b = first.by_type["sanction"], second.by_type["sanction"]
    assert a.spec == b.spec and all(np.array_equal(a.arrays[k], b.arrays[k]) for k in a.arrays)
    nlp = build_pipeline(components=SMALL)
    install_model(nlp, first)
    nlp.to_disk(tmp_path / "p")
    assert (tmp_path / "p" / "netral_events" / "decision" / "type_sanction").is_dir()
    loaded = load(tmp_path / "p")
    text = "Seorang lurah dijatuhi sanksi teguran oleh wali kota pada Kamis."
    assert event_types(loaded, text) == event_types(nlp, text)
    stored = loaded.get_pipe("netral_events").decision.by_type["sanction"]
    assert stored.spec == a.spec and all(np.array_equal(stored.arrays[k], a.arrays[k]) for k in a.arrays)
