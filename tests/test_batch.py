"""Batch engines: order, errors, chunking, resume, Dask, datasets."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

import netral_nlp
from netral_nlp.batch import (
    ExtractionError,
    iter_records,
    map_dataset,
    process_batch,
    read_dask_output,
    run_dask_job,
    run_job,
    split_chunks,
)
from netral_nlp.io import errors_path_for, read_records
from netral_nlp.pipeline import build_pipeline
from netral_nlp.spans import add_span

ORG = re.compile(r"\bBawaslu\b")


class _MarkOrgs:
    """Marks every 'Bawaslu' as ORG; raises on 'MELEDAK' (a record whose processing fails)."""

    def __call__(self, doc):
        if "MELEDAK" in doc.text:
            raise RuntimeError("komponen gagal")
        for match in ORG.finditer(doc.text):
            add_span(doc, "entities", match.start(), match.end(), "ORG")
        return doc


@Language.factory("test_batch_mark_orgs")
def _create_mark_orgs(nlp, name):
    return _MarkOrgs()


@pytest.fixture(scope="module")
def org_nlp():
    nlp = build_pipeline(components=("netral_boilerplate", "netral_segmenter"))
    nlp.add_pipe("test_batch_mark_orgs")
    return nlp


def _spans(record):
    yield from record["entities"]
    yield from record["dates"]
    yield from record["rules"]
    yield from (e["trigger"] for e in record["events"])


def assert_offsets(record):
    for span in _spans(record):
        assert record["text"][span["start"] : span["end"]] == span["text"]


def _article(n: int) -> str:
    return (
        f"Artikel {n}. Bawaslu Kabupaten {n} mengingatkan ASN agar netral.\n"
        "Baca juga: Bawaslu Gelar Patroli\n"
        f"Ketua Bawaslu menyebut {n} laporan masuk."
    )


def test_iter_records_keeps_order_and_ids(org_nlp):
    items = [("Bawaslu hadir.", "a"), {"id": "b", "text": "Tanpa lembaga."}, "Bawaslu lagi."]
    records = list(iter_records(items, nlp=org_nlp, batch_size=2))
    assert [r.id for r in records] == ["a", "b", "item:3"]
    assert [len(r.entities) for r in records] == [1, 0, 1]


def test_iter_records_raises_or_skips_bad_items(org_nlp):
    with pytest.raises(ExtractionError, match="empty"):
        list(iter_records(["Bawaslu.", "  "], nlp=org_nlp))
    kept = list(iter_records(["Bawaslu.", "MELEDAK", None, "Lagi."], nlp=org_nlp, errors="skip"))
    assert [r.text for r in kept] == ["Bawaslu.", "Lagi."]


def test_failing_record_is_isolated(org_nlp):
    batch = [("a", "Bawaslu satu."), ("b", "MELEDAK di sini."), ("c", "Bawaslu tiga.")]
    outcomes = process_batch(org_nlp, [(i, t, None, None, None) for i, t in batch])
    assert [o.kind for o in outcomes] == ["record", "error", "record"]
    assert "RuntimeError: komponen gagal" in outcomes[1].data["reason"]
    assert outcomes[1].data["id"] == "b"


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab .\n"), min_size=0, max_size=400),
    st.integers(min_value=1, max_value=60),
)
def test_split_chunks_cover_text_within_limit(text, limit):
    pieces = split_chunks(text, limit)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    for (_, end), (start, _) in zip(pieces, pieces[1:], strict=False):
        assert end == start
    assert all(0 < e - s <= limit for s, e in pieces) or text == ""


def test_over_limit_article_is_processed_in_chunks(org_nlp):
    text = "\n\n".join(_article(n) for n in range(40))
    (record,) = iter_records([(text, "long")], nlp=org_nlp, max_chars=500)
    data = record.to_json_dict()
    assert len(data["chunks"]) > 1 and data["text"] == text
    assert len(data["entities"]) == len(ORG.findall(text))
    assert_offsets(data)


def test_run_job_errors_and_offsets(tmp_path, org_nlp):
    source = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"n{n}", "text": _article(n)}) for n in range(6)]
    lines[2] = json.dumps({"id": "boom", "text": "MELEDAK"})
    lines.insert(4, '{"id": "cut", "text": ')
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_job([source], out, nlp=org_nlp, batch_size=2)
    records = list(read_records(out))
    errors = list(read_records(errors_path_for(out)))
    assert [r["id"] for r in records] == ["n0", "n1", "n3", "n4", "n5"]
    assert [e["id"] for e in errors] == ["boom", "cut"]
    assert (summary.records_in, summary.written, summary.errors) == (7, 5, 2)
    assert summary.words == sum(len(r["text"].split()) for r in records)
    for record in records:
        assert record["entities"] and all(e["text"] == "Bawaslu" for e in record["entities"])
        assert_offsets(record)


def test_refused_over_limit(tmp_path, org_nlp):
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "big", "text": "Bawaslu " * 100}) + "\n"
        + json.dumps({"id": "small", "text": "Bawaslu."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    run_job([source], out, nlp=org_nlp, max_chars=100, over_limit="refuse")
    (error,) = read_records(errors_path_for(out))
    assert error["id"] == "big" and "over the limit of 100" in error["reason"]
    assert [r["id"] for r in read_records(out)] == ["small"]


def _corpus(tmp_path, n=9):
    source = tmp_path / "in.jsonl"
    rows = [json.dumps({"id": f"n{k}", "text": _article(k), "k": k}) for k in range(n)]
    rows.insert(3, "{not json")
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return source


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_resume_after_kill(tmp_path, org_nlp, fmt):
    source = _corpus(tmp_path)
    full = tmp_path / f"full.{fmt}"
    run_job([source], full, fmt, nlp=org_nlp, batch_size=2)
    expected = list(read_records(full))
    out = tmp_path / f"out.{fmt}"
    errors = errors_path_for(out)
    if fmt == "jsonl":
        # a kill mid-write: four whole lines and half of the fifth
        lines = full.read_bytes().splitlines(keepends=True)
        out.write_bytes(b"".join(lines[:4]) + lines[4][: len(lines[4]) // 2])
    else:
        # a kill mid-write leaves only the unfinished file, never a broken OUT
        out.with_name(out.name + ".inprogress").write_bytes(b"PAR1 half a file")
    errors.write_bytes(errors_path_for(full).read_bytes())  # the broken line was reported
    summary = run_job([source], out, fmt, nlp=org_nlp, batch_size=2, resume=True)
    assert list(read_records(out)) == expected
    assert len(errors.read_text(encoding="utf-8").splitlines()) == 1
    assert summary.errors == 0 and summary.skipped == (5 if fmt == "jsonl" else 1)
    again = run_job([source], out, fmt, nlp=org_nlp, resume=True)
    assert again.written == 0 and again.errors == 0 and list(read_records(out)) == expected


def test_two_processes_keep_order(blank_nlp):
    texts = [(f"Artikel nomor {n}. " * (1 + n % 7), f"id{n:02d}") for n in range(23)]
    records = list(netral_nlp.extract_many(texts, n_process=2, batch_size=2, nlp=blank_nlp))
    assert [r.id for r in records] == [i for _, i in texts]
    assert [r.text for r in records] == [t for t, _ in texts]


@pytest.mark.slow
def test_dask_local_cluster_equals_local_run(tmp_path, blank_nlp):
    pytest.importorskip("distributed")
    source = _corpus(tmp_path, n=7)
    model = tmp_path / "pipeline"  # a light pipeline keeps the workers' start-up short
    blank_nlp.to_disk(model)
    local = tmp_path / "local.jsonl"
    run_job([source], local, model=model, batch_size=3)
    out_dir = tmp_path / "dask"
    summary = run_dask_job(
        [source], out_dir, "parquet", n_workers=2, partition_size=3, batch_size=2, model=model
    )
    assert list(read_dask_output(out_dir)) == list(read_records(local))
    manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    assert [p["path"] for p in manifest["parts"]] == [f"part-{i:05d}.parquet" for i in range(3)]
    assert (manifest["records_in"], manifest["records"], manifest["errors"]) == (8, 7, 1)
    assert (summary.written, summary.errors) == (7, 1)
    dask_errors = [e for p in manifest["parts"] for e in read_records(out_dir / p["errors_path"])]
    assert dask_errors == list(read_records(errors_path_for(local)))
    for record in read_dask_output(out_dir):
        assert_offsets(record)


def test_map_dataset_adds_record_columns():
    datasets = pytest.importorskip("datasets")
    ds = datasets.Dataset.from_dict(
        {"id": ["a", "b", "c"], "text": ["Bawaslu Kota Malang hadir.", "", "ASN wajib netral."]}
    )
    out = map_dataset(ds, batch_size=2)
    assert out.column_names == ["id", "text", "entities", "dates", "rules", "events", "error"]
    assert out["error"][0] is None and "empty" in out["error"][1] and out["error"][2] is None
    for row in out:
        assert_offsets(row)
    as_json = map_dataset(ds, as_json=True, num_proc=2, batch_size=1)
    assert [json.loads(v) for v in as_json["entities"]] == out["entities"]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Bupati Sleman Kustini hadir.", "Baca juga: Bawaslu Gelar Patroli",
                "ASN dilarang:\n1. Memasang spanduk.\n2. Ikut kampanye.", "\n\n",
                "pada 28 November 2023 hingga 10 Februari 2024.", " ", "Ketua Bawaslu Kota Malang",
            ]
        ),
        min_size=1, max_size=12,
    ),
    st.integers(min_value=20, max_value=200),
)
def test_chunked_records_keep_offsets_with_shipped_pipeline(nlp, parts, limit):
    text = "".join(parts)
    outcomes = process_batch(nlp, [("h", text, None, None, None)], max_chars=limit)
    if text.strip():
        assert outcomes[0].kind == "record", outcomes[0].data
        assert_offsets(outcomes[0].data)


def test_engine_warms_the_pipeline_once(monkeypatch, org_nlp):
    from netral_nlp import pipeline
    from netral_nlp.batch import LocalEngine
    from netral_nlp.io import Item

    calls = []
    monkeypatch.setattr(pipeline, "warm_up", lambda nlp: calls.append(nlp))
    engine = LocalEngine(nlp=org_nlp, warm=True)
    for _ in range(2):
        outcomes = list(engine.run([Item("a", "Rapat Bawaslu digelar hari ini.")]))
        assert [o.kind for o in outcomes] == ["record"]
    assert calls == [org_nlp]
