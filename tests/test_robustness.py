"""No input stops, stalls or corrupts a batch job: each case of issue 16 on small generated input."""

from __future__ import annotations

import gzip
import json
import os
import sys
import time
import zlib

import pytest
from spacy.language import Language
from typer.testing import CliRunner

import netral_nlp
from netral_nlp.batch import LocalEngine, run_job
from netral_nlp.cli import app
from netral_nlp.io import (
    Item,
    OutputError,
    OutputLock,
    errors_path_for,
    in_progress_path,
    read_inputs,
    read_records,
)
from netral_nlp.pipeline import build_pipeline

runner = CliRunner()


class _Stall:
    """Never ends on a text holding 'MACET' (a pathological article); else does nothing."""

    def __call__(self, doc):
        while "MACET" in doc.text:
            time.sleep(0.01)
        return doc


@Language.factory("test_robustness_stall")
def _create_stall(nlp, name):
    return _Stall()


@pytest.fixture(scope="module")
def light_nlp():
    return build_pipeline(components=("netral_boilerplate", "netral_segmenter"))


def _jsonl(path, rows, bom=False):
    data = "".join(json.dumps(r) + "\n" for r in rows).encode("utf-8")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def _rows(n, prefix="a"):
    return [{"id": f"{prefix}{k}", "text": f"Bawaslu Kota {k} mengingatkan ASN agar netral."} for k in range(n)]


def _ids(path):
    return [r["id"] for r in read_records(path)]


def extract(*args):
    return runner.invoke(app, ["extract", *map(str, args)])


def _one_line_error(result):
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


# ----------------------------------------------------------------------------- 1. encodings, files


def test_lone_surrogate_in_id_and_meta_is_written_and_resumed(tmp_path, light_nlp):
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "x\\ud800", "text": "Bawaslu hadir.", "judul": "a\\udfffb"}\n'
        '{"id": "biasa", "text": "Bawaslu lagi."}\n',
        encoding="utf-8",
    )
    for fmt in ("jsonl", "parquet"):
        out = tmp_path / f"out.{fmt}"
        summary = run_job([source], out, fmt, nlp=light_nlp)
        assert (summary.written, summary.errors) == (2, 0)
        records = list(read_records(out))
        assert [r["id"] for r in records][1] == "biasa"
        if fmt == "jsonl":  # escaped, so the line is valid UTF-8 and reads back to the same string
            assert records[0]["id"] == "x\ud800" and records[0]["meta"]["judul"] == "a\udfffb"
            out.read_bytes().decode("utf-8")
        else:  # Parquet takes valid Unicode only: the surrogate becomes U+FFFD, same length
            assert records[0]["id"] == "x\ufffd"
    again = run_job([source], tmp_path / "out.jsonl", nlp=light_nlp, resume=True)
    assert (again.written, again.skipped) == (0, 2)


@pytest.mark.skipif(sys.platform == "win32", reason="byte file names are a POSIX matter")
def test_txt_name_with_latin1_byte_gets_a_readable_id(tmp_path, light_nlp):
    folder = tmp_path / "txt"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"Bawaslu hadir di kafe.")
    (folder / "kopi.txt").write_text("Bawaslu hadir di warung.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_job([folder], out, nlp=light_nlp)
    assert (summary.written, summary.errors) == (2, 0)
    assert sorted(_ids(out)) == ["café", "kopi"]  # a UTF-8 name stays as it is


def _corrupt_gz(path, rows):
    """A .jsonl.gz with flipped bytes at the start of its deflate stream (a zlib.error)."""
    data = bytearray(gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode()))
    for k in range(10, 30):
        data[k] ^= 0xFF
    path.write_bytes(bytes(data))


def test_corrupt_gzip_is_one_error_and_the_folder_goes_on(tmp_path, light_nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    _corrupt_gz(folder / "a.jsonl.gz", _rows(300, "g"))
    _jsonl(folder / "b.jsonl", _rows(3, "b"))
    entries = list(read_inputs([folder]))
    broken = [e for e in entries if not isinstance(e, Item)]
    assert len(broken) == 1 and broken[0].reason.startswith("cannot read the file: error: Error -3")
    assert broken[0].file.endswith("a.jsonl.gz") and broken[0].line == 1
    out = tmp_path / "out.jsonl"
    first = run_job([folder], out, nlp=light_nlp)
    assert first.errors == 1 and _ids(out)[-3:] == ["b0", "b1", "b2"]
    again = run_job([folder], out, nlp=light_nlp, resume=True)  # a restart goes past it
    assert (again.written, again.errors, again.skipped) == (0, 0, first.records_in)


def test_the_corrupt_gzip_of_the_tests_raises_zlib_error(tmp_path):
    path = tmp_path / "x.jsonl.gz"
    _corrupt_gz(path, _rows(300))
    with pytest.raises(zlib.error), gzip.open(path, "rb") as handle:  # what used to end the job
        for _ in handle:
            pass


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_jsonl_is_one_error_naming_the_file(tmp_path):
    path = _jsonl(tmp_path / "locked.jsonl", _rows(2))
    path.chmod(0o000)
    try:
        (error,) = read_inputs([path])
    finally:
        path.chmod(0o600)
    assert error.file == str(path) and "cannot read the file: PermissionError" in error.reason


def test_jsonl_with_bom_reads_its_first_article(tmp_path):
    with_bom = [e.id for e in read_inputs([_jsonl(tmp_path / "bom.jsonl", _rows(2), bom=True)])]
    without = [e.id for e in read_inputs([_jsonl(tmp_path / "plain.jsonl", _rows(2))])]
    assert with_bom == without == ["a0", "a1"]


# ----------------------------------------------------------------------------- 2. outputs near inputs


def test_output_equal_to_an_input_is_refused_and_the_input_kept(tmp_path, light_nlp):
    a = _jsonl(tmp_path / "A.jsonl", _rows(2, "a"))
    b = _jsonl(tmp_path / "B.jsonl", _rows(2, "b"))
    before = a.read_bytes()
    with pytest.raises(OutputError, match="also an input"):
        run_job([b, a], a, nlp=light_nlp)
    assert a.read_bytes() == before
    line = _one_line_error(extract(b, a, "-o", a))
    assert "also an input" in line and a.read_bytes() == before
    # the contrast: a new output next to them is fine
    assert run_job([b, a], tmp_path / "C.jsonl", nlp=light_nlp).written == 4


def test_output_inside_an_input_folder_is_refused(tmp_path, light_nlp):
    folder = tmp_path / "news"
    folder.mkdir()
    _jsonl(folder / "a.jsonl", _rows(2))
    line = _one_line_error(extract(folder, "-o", folder / "out.jsonl"))
    assert "inside the input folder" in line
    assert sorted(p.name for p in folder.iterdir()) == ["a.jsonl"]
    assert extract(folder, "-o", tmp_path / "out.jsonl").exit_code == 0


def test_outputs_move_into_place_and_a_failed_job_keeps_the_old_output(tmp_path, light_nlp):
    source = _jsonl(tmp_path / "in.jsonl", _rows(5))
    out = tmp_path / "out.jsonl"
    run_job([source], out, nlp=light_nlp, batch_size=1)
    old = out.read_bytes()
    assert not in_progress_path(out).exists() and not (tmp_path / "out.jsonl.lock").exists()

    def interrupt(_count, seen=[]):  # noqa: B006  (counts calls)
        seen.append(1)
        if len(seen) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_job([source], out, nlp=light_nlp, batch_size=1, progress=interrupt)
    assert out.read_bytes() == old  # never half a job under the real name
    assert in_progress_path(out).exists()
    summary = run_job([source], out, nlp=light_nlp, batch_size=1, resume=True)
    assert summary.skipped == 3 and out.read_bytes() == old


def test_jobs_sharing_an_error_file_are_refused(tmp_path, light_nlp):
    source = _jsonl(tmp_path / "in.jsonl", _rows(2))
    with OutputLock(errors_path_for(tmp_path / "out.jsonl")):
        with pytest.raises(OutputError, match="another job"):
            run_job([source], tmp_path / "out.parquet", "parquet", nlp=light_nlp)
        assert run_job([source], tmp_path / "other.parquet", "parquet", nlp=light_nlp).written == 2


def test_io_and_arrow_import_without_a_circle():
    import subprocess

    code = (
        "import sys, netral_nlp.arrow; assert 'netral_nlp.io' not in sys.modules; "
        "import netral_nlp.io.writers; print('ok')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "ok", result.stderr


def test_second_job_on_the_same_output_is_refused(tmp_path, light_nlp):
    source = _jsonl(tmp_path / "in.jsonl", _rows(2))
    out = tmp_path / "out.jsonl"
    with OutputLock(out):
        with pytest.raises(OutputError, match="another job"):
            run_job([source], out, nlp=light_nlp)
        assert "another job" in _one_line_error(extract(source, "-o", out))
    assert run_job([source], out, nlp=light_nlp).written == 2  # free again once the first ends


# ----------------------------------------------------------------------------- 3. time


def test_article_that_runs_too_long_goes_to_the_error_file(tmp_path, light_nlp):
    nlp = build_pipeline(components=("netral_boilerplate", "netral_segmenter"))
    nlp.add_pipe("test_robustness_stall")
    rows = _rows(3)
    rows[1]["text"] = "Artikel MACET tanpa akhir."
    source = _jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    summary = run_job([source], out, nlp=nlp, timeout=0.3)
    assert _ids(out) == ["a0", "a2"]
    (error,) = read_records(errors_path_for(out))
    assert error["id"] == "a1" and "timed out" in error["reason"] and "--article-timeout" in error["reason"]
    assert summary.errors == 1
    rows[1]["text"] = "Artikel lancar."  # the contrast: nothing stalls, nothing times out
    calm = run_job([_jsonl(tmp_path / "calm.jsonl", rows)], tmp_path / "calm_out.jsonl", nlp=nlp, timeout=0.3)
    assert (calm.written, calm.errors) == (3, 0)


def test_long_article_is_processed_in_chunks_of_linear_size(light_nlp):
    from netral_nlp.batch.records import CHUNK_CHARS, process_batch

    sentence = "ASN dilarang memasang spanduk calon. "
    text = sentence * (CHUNK_CHARS // len(sentence) * 2 + 10)  # one line, over two chunks
    (outcome,) = process_batch(light_nlp, [("panjang", text, None, None, None)])
    assert outcome.kind == "record" and len(outcome.data["chunks"]) == 3
    assert all(end - start <= CHUNK_CHARS for start, end in outcome.data["chunks"])
    (short,) = process_batch(light_nlp, [("pendek", sentence * 10, None, None, None)])
    assert "chunks" not in short.data


# ----------------------------------------------------------------------------- 5. dying workers


class _DyingEngine(LocalEngine):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from dying_worker import die_on_marker

        self.work = die_on_marker


@pytest.mark.slow
def test_worker_killed_takes_only_its_batch(tmp_path, light_nlp):
    texts = [Item(f"n{k}", f"Artikel nomor {k}.") for k in range(8)]
    texts[2] = Item("once", f"Artikel MATI-SEKALI:{tmp_path / 'flag'} lalu pulih.")
    texts[5] = Item("always", "Artikel MATI selalu.")
    engine = _DyingEngine(None, n_process=2, batch_size=1, nlp=light_nlp)
    outcomes = list(engine.run(iter(texts)))
    kinds = {o.data["id"]: o.kind for o in outcomes}
    assert [o.data["id"] for o in outcomes] == [t.id for t in texts]
    assert kinds["once"] == "record"  # retried once in a fresh worker, and it went through
    assert kinds["always"] == "error" and "died twice" in outcomes[5].data["reason"]
    assert [k for k, v in kinds.items() if v == "error"] == ["always"]
    assert engine.retried_batches >= 2  # at least the two batches that killed their worker


# ----------------------------------------------------------------------------- 6. duplicates


def test_duplicate_ids_are_counted_and_can_keep_the_first(tmp_path, light_nlp):
    for name in ("x", "y"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "sama.txt").write_text(f"Bawaslu di folder {name}.", encoding="utf-8")
    (tmp_path / "y" / "lain.txt").write_text("Bawaslu lain.", encoding="utf-8")
    inputs = [tmp_path / "x", tmp_path / "y"]
    both = run_job(inputs, tmp_path / "all.jsonl", nlp=light_nlp)
    assert both.duplicates == 1 and both.written == 3 and "1 article(s) repeat an id" in both.warnings()[0]
    first = run_job(inputs, tmp_path / "first.jsonl", nlp=light_nlp, duplicates="first")
    assert first.written == 2 and _ids(tmp_path / "first.jsonl") == ["sama", "lain"]
    (error,) = read_records(errors_path_for(tmp_path / "first.jsonl"))
    assert error["id"] == "sama" and "duplicate id" in error["reason"] and "x" in error["reason"]
    unique = run_job([tmp_path / "y"], tmp_path / "y.jsonl", nlp=light_nlp)
    assert unique.duplicates == 0 and unique.warnings() == []
    result = extract(*inputs, "-o", tmp_path / "cli.jsonl", "--duplicates", "first")
    assert result.exit_code == 0 and "warning: 1 article(s) repeat an id" in result.stderr


# ----------------------------------------------------------------------------- 7. smaller ones


def test_gz_output_is_gzip_and_resumes(tmp_path, light_nlp):
    source = _jsonl(tmp_path / "in.jsonl", _rows(6))
    out = tmp_path / "out.jsonl.gz"
    run_job([source], out, nlp=light_nlp)
    assert out.read_bytes()[:2] == b"\x1f\x8b" and _ids(out) == [f"a{k}" for k in range(6)]
    full = gzip.decompress(out.read_bytes())
    cut = gzip.compress(full[: full.index(b"\n", full.index(b"\n") + 1) + 15])  # 2 lines + a bit
    in_progress_path(out).write_bytes(cut[: len(cut) - 4])  # and the stream cut short
    out.unlink()
    summary = run_job([source], out, nlp=light_nlp, resume=True)
    assert summary.skipped == 2 and gzip.decompress(out.read_bytes()) == full
    assert errors_path_for(out).name == "out.errors.jsonl"


def test_bad_output_paths_are_one_line_with_exit_2(tmp_path):
    source = _jsonl(tmp_path / "in.jsonl", _rows(1))
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert "cannot create the output folder" in _one_line_error(extract(source, "-o", blocker / "out.jsonl"))
    assert "is a folder" in _one_line_error(extract(source, "-o", tmp_path))
    assert "--engine must be one of" in _one_line_error(extract(source, "-o", tmp_path / "o.jsonl", "--engine", "spark"))
    assert "--format must be one of" in _one_line_error(extract(source, "-o", tmp_path / "o.jsonl", "--format", "csv"))
    assert "no such pipeline folder" in _one_line_error(extract(source, "-o", tmp_path / "o.jsonl", "--model", tmp_path / "nope"))


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere")
def test_unwritable_output_folder_is_one_line(tmp_path):
    source = _jsonl(tmp_path / "in.jsonl", _rows(1))
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert "permission denied" in _one_line_error(extract(source, "-o", locked / "out.jsonl"))
    finally:
        locked.chmod(0o700)


def test_dask_engine_without_the_extra_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the dask extra were not installed
    source = _jsonl(tmp_path / "in.jsonl", _rows(1))
    line = _one_line_error(extract(source, "-o", tmp_path / "out", "--engine", "dask"))
    assert "pip install 'netral-nlp[dask]'" in line


def test_python_api_names_the_bad_argument(light_nlp):
    with pytest.raises(TypeError, match="text must be a str, not bytes: decode"):
        netral_nlp.extract(b"Bawaslu hadir.", nlp=light_nlp)
    with pytest.raises(TypeError, match="text must be a str, not NoneType"):
        netral_nlp.extract(None, nlp=light_nlp)
    with pytest.raises(TypeError, match="id must be"):
        netral_nlp.extract("Bawaslu hadir.", id=1.5, nlp=light_nlp)
    assert netral_nlp.extract("Bawaslu hadir.", id=123, nlp=light_nlp).id == "123"
    with pytest.raises(TypeError, match="items must be an iterable"):
        list(netral_nlp.extract_many("Bawaslu hadir.", nlp=light_nlp))
    with pytest.raises(ValueError, match="batch_size must be at least 1"):
        list(netral_nlp.extract_many(["Bawaslu hadir."], batch_size=0, nlp=light_nlp))
    with pytest.raises(ValueError, match="fmt must be"):
        run_job([], "out.csv", "csv")


def test_dask_partition_whose_workers_died_becomes_errors(tmp_path):
    from netral_nlp.batch.dask_engine import _collect

    class Died:
        def result(self):
            raise RuntimeError("KilledWorker: attempted to run task 3 times")

    part = [Item("a", "Teks a."), Item("b", "Teks b.")]
    infos: dict = {}
    future = Died()
    _collect([future], infos, None, {future: (4, part)}, tmp_path, "jsonl")
    assert infos[4]["errors"] == 2 and infos[4]["records"] == 0
    errors = list(read_records(tmp_path / "part-00004.errors.jsonl"))
    assert [e["id"] for e in errors] == ["a", "b"] and "worker died" in errors[0]["reason"]
    assert list(read_records(tmp_path / "part-00004.jsonl")) == []
