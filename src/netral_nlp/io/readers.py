"""Streaming readers: one :class:`Item` or :class:`ReadError` at a time.

Inputs of any size are read in constant memory. A file that breaks part way
(a corrupt ``.gz``, an unreadable disk block, a bad Parquet page) ends in one
ReadError naming the file and the line where reading stopped; the job goes on
with the next file, and a ``--resume`` run skips that same error.

Inputs: ``.txt`` files (id = file stem), folders (their ``.txt``, JSONL and
Parquet files, sorted by name), JSONL (``.jsonl``, ``.jsonl.gz``,
``.ndjson``; one ``{"id", "text", ...}`` object a line, a UTF-8 BOM allowed)
and Parquet (columns ``id``, ``text``; other fields/columns become ``meta``).
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .items import Item, ReadError, coerce_id, item_from_mapping, text_problem
from .kinds import input_kind, input_stem

_BOM = b"\xef\xbb\xbf"
_ID_IN_BROKEN = re.compile(r'"id"\s*:\s*"((?:[^"\\]|\\.)*)"')


def readable_name(name: str) -> str:
    """A file name as valid text: names that are not UTF-8 on disk are read as Latin-1
    (``caf\\xe9.txt`` -> ``café``), so ids and error entries can be written."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(name)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("latin-1")
    return name


def expand_inputs(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """Input paths in order, a folder replaced by its input files (.txt, .jsonl, .parquet) sorted by name."""
    for raw in paths:
        path = Path(raw)
        shown = readable_name(str(path))
        try:
            if path.is_dir():
                files = sorted(
                    (p for p in path.iterdir() if p.is_file() and input_kind(p) is not None),
                    key=lambda p: p.name,
                )
                if not files:
                    yield ReadError(
                        f"folder {shown} holds no input files (.txt, .jsonl[.gz], .parquet)", file=shown
                    )
                yield from files
            elif not path.exists():
                yield ReadError(f"no such file: {shown}", file=shown)
            elif input_kind(path) is None:
                yield ReadError(
                    f"unsupported input type {readable_name(path.name)!r} (expected .txt, a folder "
                    "of .txt, .jsonl[.gz] or .parquet)",
                    file=shown,
                )
            else:
                yield path
        except OSError as exc:
            yield ReadError(f"cannot list input: {exc.strerror or exc}", file=shown)


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Item | ReadError]:
    """Stream every article (or read error) of every input, in input order."""
    for path in expand_inputs(paths):
        if isinstance(path, ReadError):
            yield path
            continue
        kind = input_kind(path)
        if kind == "txt":
            yield read_txt(path)
        elif kind == "jsonl":
            yield from _guarded(path, read_jsonl(path))
        else:
            yield from _guarded(path, read_parquet(path))


def _guarded(path: Path, entries: Iterator[Item | ReadError]) -> Iterator[Item | ReadError]:
    """Whatever a reader raises ends that file with one error entry, never the job."""
    last = 0
    try:
        for entry in entries:
            last = entry.line or last
            yield entry
    except Exception as exc:  # noqa: BLE001  (any failure of one file stays with that file)
        where = f"further than line {last}" if last else "the file"
        yield ReadError(
            f"cannot read {where}: {type(exc).__name__}: {exc}",
            file=readable_name(str(path)),
            line=last + 1,
        )


def read_txt(path: Path) -> Item | ReadError:
    """One ``.txt`` file is one article; its id is the file stem."""
    id_, file = readable_name(path.stem), readable_name(str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        return ReadError(f"cannot read file: {exc.strerror or exc}", id=id_, file=file)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return ReadError(
            f"not valid UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start})", id=id_, file=file
        )
    problem = text_problem(text)
    if problem:
        return ReadError(problem, id=id_, file=file)
    return Item(id_, text, None, file, None)


def open_lines(path: Path):
    """The file as bytes, un-gzipped when its name ends in ``.gz``."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def read_jsonl(path: Path) -> Iterator[Item | ReadError]:
    """Stream a JSONL file line by line; each bad line becomes a ReadError."""
    stem, file = readable_name(input_stem(path)), readable_name(str(path))
    with open_lines(path) as handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM) :]
            if not raw.strip():
                continue
            yield _jsonl_line(raw, f"{stem}:{number}", file, number)


def _jsonl_line(raw: bytes, default_id: str, file: str, number: int) -> Item | ReadError:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        guess = _id_from_broken(raw.decode("utf-8", errors="replace"))
        return ReadError(
            f"line is not valid UTF-8 (byte {raw[exc.start]:#04x} at column {exc.start})",
            id=guess or default_id,
            file=file,
            line=number,
        )
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadError(
            f"broken JSON: {exc.msg} at column {exc.colno}",
            id=_id_from_broken(line) or default_id,
            file=file,
            line=number,
        )
    if not isinstance(row, dict):
        return ReadError(
            f"line holds a JSON {type(row).__name__}, not an object", id=default_id, file=file, line=number
        )
    return item_from_mapping(row, default_id, file, number)


def _id_from_broken(line: str) -> str | None:
    """The id of a line that does not parse, when it can still be seen."""
    try:
        row = json.loads(line)
    except (json.JSONDecodeError, ValueError):
        match = _ID_IN_BROKEN.search(line)
        return match.group(1) if match else None
    return coerce_id(row.get("id")) if isinstance(row, dict) else None


def read_parquet(path: Path, batch_rows: int = 256) -> Iterator[Item | ReadError]:
    """Stream a Parquet file in row batches; row numbers (from 1) stand for lines."""
    import pyarrow.parquet as pq

    stem, file = readable_name(input_stem(path)), readable_name(str(path))
    try:
        handle = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001  (pyarrow raises several types)
        yield ReadError(f"not a readable Parquet file: {exc}", file=file)
        return
    if "text" not in handle.schema_arrow.names:
        yield ReadError("Parquet file has no 'text' column", file=file)
        return
    number = 0
    for batch in handle.iter_batches(batch_size=batch_rows):
        for row in batch.to_pylist():
            number += 1
            yield item_from_mapping(row, f"{stem}:{number}", file, number)
