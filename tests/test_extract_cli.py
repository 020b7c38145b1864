"""``netral extract`` end to end: folders, JSONL with bad lines, Parquet, resume, exit status."""

from __future__ import annotations

import gzip
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from netral_nlp.cli import app
from netral_nlp.io import read_records

runner = CliRunner()

ARTICLE = (
    "KOTA CONTOH - Pj Bupati Contoh, Andi Wijaya, mengingatkan ASN agar netral pada "
    "Pilkada 27 November 2024.\n"
    "Baca juga: Bawaslu Gelar Patroli Pengawasan\n"
    "ASN dilarang:\n1. Memasang spanduk calon.\n2. Mengikuti kampanye.\n"
    "Ketua Bawaslu Kabupaten Contoh, Siti Aminah, menerima laporan pada Selasa (24/09/2024)."
)


def extract(*args: str):
    return runner.invoke(app, ["extract", *map(str, args)])


def _offsets_hold(record) -> None:
    spans = [*record["entities"], *record["dates"], *record["rules"]]
    spans += [e["trigger"] for e in record["events"]]
    for span in spans:
        assert record["text"][span["start"] : span["end"]] == span["text"]


def test_folder_of_txt(tmp_path):
    folder = tmp_path / "txt"
    folder.mkdir()
    for name in ("b2", "a1", "c3"):
        (folder / f"{name}.txt").write_text(ARTICLE.replace("Contoh", name), encoding="utf-8")
    (folder / "latin.txt").write_bytes("Bupati hadir di caf\u00e9".encode("latin-1"))
    out = tmp_path / "out.jsonl"
    result = extract(folder, "-o", out)
    assert result.exit_code == 0, result.output
    records = list(read_records(out))
    assert [r["id"] for r in records] == ["a1", "b2", "c3"]
    (error,) = read_records(tmp_path / "out.errors.jsonl")
    assert error["id"] == "latin" and "UTF-8" in error["reason"]
    assert "records in: 4 · written: 3 · errors: 1" in result.stderr
    assert "words/s" in result.stderr
    for record in records:
        _offsets_hold(record)


def test_jsonl_with_bad_lines(tmp_path):
    source = tmp_path / "news.jsonl"
    rows = [
        json.dumps({"id": "ok1", "text": ARTICLE, "url": "https://contoh.test/1"}).encode(),
        b'{"id": "broken", "text": "ASN',
        json.dumps({"id": "empty", "text": ""}).encode(),
        json.dumps({"id": "number", "text": 12345}).encode(),
        json.dumps({"id": "notext", "title": "Judul"}).encode(),
        '{"id": "latin", "text": "Bupati \u00e9"}'.encode("latin-1"),
        json.dumps({"id": "ok2", "text": ARTICLE.upper()}).encode(),
    ]
    source.write_bytes(b"\n".join(rows) + b"\n")
    out = tmp_path / "out.jsonl"
    result = extract(source, "-o", out)
    assert result.exit_code == 0, result.output
    records = list(read_records(out))
    assert [r["id"] for r in records] == ["ok1", "ok2"]
    assert records[0]["meta"] == {"url": "https://contoh.test/1"}
    errors = {e["id"]: e for e in read_records(tmp_path / "out.errors.jsonl")}
    assert set(errors) == {"broken", "empty", "number", "notext", "latin"}
    assert errors["broken"]["line"] == 2 and "broken JSON" in errors["broken"]["reason"]
    assert "empty" in errors["empty"]["reason"]
    assert "not a string" in errors["number"]["reason"]
    assert "missing 'text'" in errors["notext"]["reason"]
    assert "UTF-8" in errors["latin"]["reason"]
    for record in records:
        _offsets_hold(record)


@pytest.mark.parametrize(
    "setup",
    ["empty_folder", "missing_file", "all_broken", "unsupported"],
)
def test_exit_nonzero_when_nothing_readable(tmp_path, setup):
    target = tmp_path / "input"
    if setup == "empty_folder":
        target.mkdir()
    elif setup == "all_broken":
        target = tmp_path / "broken.jsonl"
        target.write_text('{"id": 1, "text"\n{"text": ""}\n', encoding="utf-8")
    elif setup == "unsupported":
        target = tmp_path / "data.csv"
        target.write_text("id,text\n1,Bupati\n", encoding="utf-8")
    result = extract(target, "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 1
    assert "no article could be read" in result.stderr
    assert (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8").strip()


def test_gz_and_parquet_inputs_parquet_output(tmp_path):
    gz = tmp_path / "a.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "g1", "text": ARTICLE}) + "\n")
        handle.write(json.dumps({"text": ARTICLE.replace("Andi", "Budi")}) + "\n")
    pq_in = tmp_path / "b.parquet"
    pq.write_table(pa.table({"id": ["p1"], "text": [ARTICLE], "source": ["kiriman"]}), pq_in)
    jsonl_out = tmp_path / "out.jsonl"
    parquet_out = tmp_path / "out.parquet"
    assert extract(gz, pq_in, "-o", jsonl_out).exit_code == 0
    assert extract(gz, pq_in, "-o", parquet_out, "--format", "parquet").exit_code == 0
    records = list(read_records(jsonl_out))
    assert [r["id"] for r in records] == ["g1", "a:2", "p1"]
    assert records[2]["meta"] == {"source": "kiriman"}
    assert list(read_records(parquet_out)) == records


def test_resume_after_kill_via_cli(tmp_path):
    source = tmp_path / "news.jsonl"
    source.write_text(
        "".join(
            json.dumps({"id": f"n{k}", "text": ARTICLE.replace("Contoh", f"Kota{k}")}) + "\n"
            for k in range(6)
        ),
        encoding="utf-8",
    )
    full = tmp_path / "full.jsonl"
    assert extract(source, "-o", full).exit_code == 0
    out = tmp_path / "out.jsonl"
    data = full.read_bytes()
    out.write_bytes(data[: data.index(b"\n", data.index(b"\n") + 1) + 40])  # 2 lines + a bit
    result = extract(source, "-o", out, "--resume")
    assert result.exit_code == 0, result.output
    assert "skipped (already done): 2" in result.stderr
    assert out.read_bytes() == data


def test_over_limit_refused_or_chunked(tmp_path):
    source = tmp_path / "news.jsonl"
    long_text = "\n\n".join([ARTICLE] * 5)
    source.write_text(json.dumps({"id": "long", "text": long_text}) + "\n", encoding="utf-8")
    refused = tmp_path / "refused.jsonl"
    result = extract(source, "-o", refused, "--max-chars", "1000", "--over-limit", "refuse")
    assert result.exit_code == 0
    (error,) = read_records(tmp_path / "refused.errors.jsonl")
    assert error["id"] == "long" and "over the limit" in error["reason"]
    chunked = tmp_path / "chunked.jsonl"
    assert extract(source, "-o", chunked, "--max-chars", "1000").exit_code == 0
    (record,) = read_records(chunked)
    assert record["text"] == long_text and len(record["chunks"]) >= 2
    _offsets_hold(record)


def test_readme_job_on_corpus_keeps_offsets(tmp_path):
    """The README's first command: every corpus article written, every span reproducing its text."""
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[1] / "corpora"
    ids = [json.loads(line)["id"] for f in sorted(corpus.glob("*.jsonl")) for line in f.open(encoding="utf-8")]
    out = tmp_path / "records.jsonl"
    result = extract(corpus, "-o", out)
    assert result.exit_code == 0, result.output
    records = list(read_records(out))
    assert [r["id"] for r in records] == ids
    assert not (tmp_path / "records.errors.jsonl").read_text(encoding="utf-8").strip()
    for record in records:
        _offsets_hold(record)
