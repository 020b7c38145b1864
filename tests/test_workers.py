"""Worker processes of a multi-process job: started once, warm before the first batch,
and writing the same bytes as one process."""

from __future__ import annotations

import json
import os

import pytest

from netral_nlp.batch import LocalEngine, process_batch, run_job
from netral_nlp.batch.local import _worker_state, default_start_method
from netral_nlp.batch.records import Outcome, _encoded
from netral_nlp.io import Item, JsonlWriter
from netral_nlp.jsontext import dump_line

ARTICLES = [
    "Pj Wali Kota Pasuruan, Budi Santoso, mengingatkan seluruh ASN agar netral pada Pilkada 2024.",
    "Bawaslu Kabupaten Malang mencatat 12 laporan dugaan pelanggaran sejak 25 September 2024.",
    "ASN dilarang memasang spanduk calon.\nBaca juga: Kampanye Hari Pertama\nKPU menetapkan dua pasangan calon.",
    "Kepala desa Sukamaju menyatakan komitmen netral, kata Camat Lowokwaru kepada wartawan.",
]


def _items(n: int) -> list[Item]:
    return [Item(f"a{k}", ARTICLES[k % len(ARTICLES)] + f" Nomor {k}.") for k in range(n)]


@pytest.mark.skipif(default_start_method() != "fork", reason="fork is the default on Linux only")
def test_forked_workers_hold_the_parents_warm_pipeline(blank_nlp):
    with LocalEngine(nlp=blank_nlp, n_process=2) as engine:
        states = [engine._pool.submit(_worker_state, 0.3) for _ in range(2)]
        states = [future.result() for future in states]
        # nothing was loaded again: each worker holds the very object this process warmed
        assert {nlp_id for _, nlp_id, _ in states} == {id(blank_nlp)}
        assert all(warm for _, _, warm in states) and engine._warmed
        assert os.getpid() not in {pid for pid, _, _ in states}
        assert engine._pool_model is None  # the pipeline was never saved for the workers


def test_spawned_workers_are_warm_before_their_first_batch(blank_nlp):
    with LocalEngine(nlp=blank_nlp, n_process=2, start_method="spawn") as engine:
        states = [engine._pool.submit(_worker_state, 0.3) for _ in range(2)]
        states = [future.result() for future in states]
        assert all(warm for _, _, warm in states)
        assert engine._pool_model is not None  # the contrast: a spawned worker loads a saved copy
        assert not engine._warmed  # and this process did not run the pipeline


def test_unknown_start_method_is_refused():
    with pytest.raises(ValueError, match="start_method"):
        LocalEngine(n_process=2, start_method="thread")


def test_encoded_outcomes_are_the_writers_bytes(nlp):
    payloads = [(f"a{k}", text, {"source": "uji"} if k == 1 else None, None, None) for k, text in enumerate(ARTICLES)]
    plain = process_batch(nlp, payloads)
    encoded = process_batch(nlp, payloads, encode=True)
    assert [o.line for o in plain] == [None] * len(ARTICLES)
    assert [o.line for o in encoded] == [dump_line(o.data) for o in plain]
    assert [o.words for o in encoded] == [o.words for o in plain]
    error = Outcome("error", {"id": "x", "reason": "processing failed"})
    assert _encoded(error) is error  # errors keep their dict (the error file is written by the parent)


def test_write_line_equals_write(tmp_path):
    record = {"id": "a", "text": "Bawaslu \ud800 netral", "entities": []}  # a lone surrogate too
    with JsonlWriter(tmp_path / "one.jsonl") as one, JsonlWriter(tmp_path / "two.jsonl") as two:
        one.write(record)
        two.write_line(dump_line(record))
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()


@pytest.mark.slow
def test_one_and_two_processes_write_the_same_bytes(tmp_path, nlp):
    items = _items(9)
    outputs = {}
    for name, n_process, method in (("one", 1, None), ("fork", 2, "fork"), ("spawn", 2, "spawn")):
        if method == "fork" and default_start_method() != "fork":
            continue
        out = tmp_path / f"{name}.jsonl"
        summary = run_job(items, out, nlp=nlp, n_process=n_process, batch_size=2, start_method=method)
        assert summary.written == 9 and summary.errors == 0
        outputs[name] = out.read_bytes()
    assert len(set(outputs.values())) == 1, list(outputs)
    first = json.loads(outputs["one"].splitlines()[0])
    assert first["id"] == "a0" and first["entities"]  # real records, not empty lines


def test_cli_refuses_an_unknown_start_method(tmp_path):
    from typer.testing import CliRunner

    from netral_nlp.cli import app

    source = tmp_path / "a.txt"
    source.write_text("Bawaslu mengingatkan ASN agar netral.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(source), "-o", str(tmp_path / "o.jsonl"), "--start-method", "thread"])
    assert result.exit_code == 2 and "--start-method must be one of auto, fork, spawn" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()
