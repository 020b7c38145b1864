"""Readers, writers and the Arrow schema: every bad input becomes a ReadError with a reason."""

from __future__ import annotations

import gzip
import json

import pyarrow as pa
import pyarrow.parquet as pq

from netral_nlp.arrow import RECORD_SCHEMA, record_to_row, row_to_record
from netral_nlp.io import (
    Item,
    JsonlWriter,
    ParquetRecordWriter,
    ReadError,
    errors_path_for,
    jsonl_ids,
    parquet_ids,
    read_inputs,
    read_records,
    repair_jsonl,
)


def _write_lines(path, lines: list[bytes]) -> None:
    path.write_bytes(b"\n".join(lines) + b"\n")


def _by_id(entries):
    return {e.id: e for e in entries}


def test_jsonl_bad_lines_become_errors_with_reasons(tmp_path):
    path = tmp_path / "news.jsonl"
    _write_lines(
        path,
        [
            json.dumps({"id": "ok", "text": "Bawaslu mengawasi.", "url": "u1"}).encode(),
            b'{"id": "broken", "text": "tidak ditutup',
            json.dumps({"id": "empty", "text": "   "}).encode(),
            json.dumps({"id": "number", "text": 42}).encode(),
            json.dumps({"id": "none"}).encode(),
            '{"id": "latin", "text": "caf\u00e9"}'.encode("latin-1"),
            b"[1, 2]",
            b"",
            json.dumps({"text": "Tanpa id."}).encode(),
            json.dumps({"id": 7, "text": "Id angka.", "meta": {"source": "x"}, "lang": "id"}).encode(),
        ],
    )
    entries = list(read_inputs([path]))
    assert len(entries) == 9  # the blank line is no record
    items = [e for e in entries if isinstance(e, Item)]
    errors = _by_id(e for e in entries if isinstance(e, ReadError))
    assert [i.id for i in items] == ["ok", "news:9", "7"]
    assert items[0].meta == {"url": "u1"} and items[0].line == 1
    assert items[2].meta == {"source": "x", "lang": "id"}
    assert "broken JSON" in errors["broken"].reason and errors["broken"].line == 2
    assert "empty" in errors["empty"].reason
    assert "int, not a string" in errors["number"].reason
    assert "missing 'text'" in errors["none"].reason
    assert "not valid UTF-8" in errors["latin"].reason and errors["latin"].line == 6
    assert "not an object" in errors["news:7"].reason
    assert all(e.file == str(path) for e in errors.values())


def test_gzip_jsonl_is_read(tmp_path):
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for n in range(3):
            handle.write(json.dumps({"id": f"g{n}", "text": f"Teks {n}."}) + "\n")
    assert [e.id for e in read_inputs([path])] == ["g0", "g1", "g2"]


def test_truncated_gzip_reports_where_it_stopped(tmp_path):
    good = tmp_path / "full.jsonl.gz"
    with gzip.open(good, "wt", encoding="utf-8") as handle:
        for n in range(200):
            handle.write(json.dumps({"id": f"g{n}", "text": "Teks panjang. " * 20}) + "\n")
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    entries = list(read_inputs([cut]))
    assert isinstance(entries[-1], ReadError) and "cannot read further" in entries[-1].reason
    assert all(isinstance(e, Item) for e in entries[:-1])


def test_folder_of_txt_sorted_by_name_with_bad_files(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "b.txt").write_text("Artikel B.", encoding="utf-8")
    (folder / "a.txt").write_text("Artikel A.", encoding="utf-8")
    (folder / "c.txt").write_bytes("Bupati hadir \u00e9".encode("latin-1"))
    (folder / "d.txt").write_text("\n\n", encoding="utf-8")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    (folder / "batch.jsonl").write_text('{"id": "j1", "text": "Dari JSONL."}\n', encoding="utf-8")
    entries = list(read_inputs([folder]))
    assert [e.id for e in entries] == ["a", "b", "j1", "c", "d"]
    assert isinstance(entries[3], ReadError) and "UTF-8" in entries[3].reason
    assert isinstance(entries[4], ReadError) and "empty" in entries[4].reason


def test_missing_unsupported_and_empty_inputs(tmp_path):
    (tmp_path / "data.csv").write_text("id,text\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    entries = list(
        read_inputs([tmp_path / "nope.jsonl", tmp_path / "data.csv", tmp_path / "empty"])
    )
    assert all(isinstance(e, ReadError) for e in entries)
    reasons = " | ".join(e.reason for e in entries)
    assert "no such file" in reasons and "unsupported" in reasons and "no input files" in reasons


def test_parquet_input_columns_become_meta(tmp_path):
    path = tmp_path / "in.parquet"
    table = pa.table(
        {"id": ["p1", None, "p3"], "text": ["Satu.", "Dua.", None], "source": ["a", "b", "c"]}
    )
    pq.write_table(table, path)
    entries = list(read_inputs([path]))
    assert [e.id for e in entries] == ["p1", "in:2", "p3"]
    assert entries[0].meta == {"source": "a"}
    assert isinstance(entries[2], ReadError) and "missing" in entries[2].reason


def test_parquet_without_text_column(tmp_path):
    path = tmp_path / "bad.parquet"
    pq.write_table(pa.table({"id": ["x"]}), path)
    (entry,) = read_inputs([path])
    assert isinstance(entry, ReadError) and "no 'text' column" in entry.reason


def test_repair_cuts_a_half_written_line(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"id": "a"}\n{"id": "b"}\n{"id": "c", "te')
    assert repair_jsonl(path) == len(b'{"id": "c", "te')
    assert list(jsonl_ids(path)) == ["a", "b"]
    assert repair_jsonl(path) == 0


def test_errors_path_naming(tmp_path):
    assert errors_path_for(tmp_path / "out.jsonl").name == "out.errors.jsonl"
    assert errors_path_for(tmp_path / "out.parquet").name == "out.errors.jsonl"
    assert errors_path_for(tmp_path / "out").name == "out.errors.jsonl"


RECORD = {
    "id": "r1",
    "text": "Pj Wali Kota Malang Wahyu Hidayat melarang ASN. Nomor urut 2.",
    "entities": [
        {"start": 13, "end": 19, "text": "Malang", "label": "REGION", "level": "city",
         "code": "35.73", "canonical": "Kota Malang"},
        {"start": 20, "end": 33, "text": "Wahyu Hidayat", "label": "OFFICIAL",
         "role": "Pj Wali Kota Malang", "source": "lexicon"},
    ],
    "dates": [],
    "rules": [
        {"start": 34, "end": 47, "text": "melarang ASN.", "marker": None,
         "modality": "prohibition", "category": "other", "subject": "ASN"},
    ],
    "events": [
        {"type": "directive", "trigger": {"start": 34, "end": 42, "text": "melarang"},
         "date": None, "region": "Kota Malang", "actors": ["Wahyu Hidayat"]},
    ],
    "publication": "2024-09-24",
    "election": [{"name": "Pilkada", "year": 2024, "region": None}],
    "meta": {"url": "https://example.test/a", "tags": ["pilkada"]},
}


def test_arrow_row_round_trip():
    row = record_to_row(RECORD)
    table = pa.Table.from_pylist([row], schema=RECORD_SCHEMA)
    assert row_to_record(table.to_pylist()[0]) == RECORD


def test_parquet_writer_round_trip_and_resume(tmp_path):
    path = tmp_path / "out.parquet"
    with ParquetRecordWriter(path, rows_per_group=1) as writer:
        writer.write(RECORD)
    assert list(read_records(path)) == [RECORD]
    second = {**RECORD, "id": "r2", "meta": None}
    second.pop("meta")
    with ParquetRecordWriter(path, append=True) as writer:
        writer.write(second)
    assert list(read_records(path)) == [RECORD, second]
    assert list(parquet_ids(path)) == ["r1", "r2"]
    assert pq.ParquetFile(path).schema_arrow == RECORD_SCHEMA


def test_jsonl_writer_appends_after_repair(tmp_path):
    path = tmp_path / "out.jsonl"
    with JsonlWriter(path) as writer:
        writer.write({"id": "a"})
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "half')
    with JsonlWriter(path, append=True) as writer:
        writer.write({"id": "b"})
    assert list(jsonl_ids(path)) == ["a", "b"]
