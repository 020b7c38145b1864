"""Readers and writers for batch extraction.

Readers stream: they yield one :class:`Item` (an article to process) or one
:class:`ReadError` (an input that cannot become an article, with a readable
reason) at a time, so inputs of any size are read in constant memory. Writers
append one record at a time and can repair an output cut short by a crash
(``--resume``).

Inputs: ``.txt`` files (id = file stem), folders (their ``.txt``, JSONL and
Parquet files, sorted by name),
JSONL (``.jsonl``, ``.jsonl.gz``, ``.ndjson``; one ``{"id", "text", ...}``
object a line) and Parquet (columns ``id``, ``text``; other fields/columns
become the record's ``meta``).
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz")
PARQUET_SUFFIXES = (".parquet", ".pq")
TEXT_SUFFIXES = (".txt",)


@dataclass(slots=True)
class Item:
    """One article to process: where it came from, its id, text and meta."""

    id: str
    text: str
    meta: dict[str, Any] | None = None
    file: str | None = None
    line: int | None = None


@dataclass(slots=True)
class ReadError:
    """An input that could not become an article (it goes to the error file)."""

    reason: str
    id: str | None = None
    file: str | None = None
    line: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "file": self.file, "line": self.line}
        out["reason"] = self.reason
        out.update(self.extra)
        return out


# --------------------------------------------------------------------------- readers


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if any(name.endswith(s) for s in JSONL_SUFFIXES):
        return "jsonl"
    if any(name.endswith(s) for s in PARQUET_SUFFIXES):
        return "parquet"
    if any(name.endswith(s) for s in TEXT_SUFFIXES):
        return "txt"
    return None


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (*JSONL_SUFFIXES, *PARQUET_SUFFIXES, *TEXT_SUFFIXES):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def expand_inputs(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """Input paths in order, a folder replaced by its input files (.txt, .jsonl, .parquet) sorted by name."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                (p for p in path.iterdir() if p.is_file() and _kind(p) is not None),
                key=lambda p: p.name,
            )
            if not files:
                yield ReadError(
                    f"folder {path} holds no input files (.txt, .jsonl[.gz], .parquet)",
                    file=str(path),
                )
            yield from files
        elif not path.exists():
            yield ReadError(f"no such file: {path}", file=str(path))
        elif _kind(path) is None:
            yield ReadError(
                f"unsupported input type {path.name!r} (expected .txt, a folder of .txt, "
                ".jsonl[.gz] or .parquet)",
                file=str(path),
            )
        else:
            yield path


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Item | ReadError]:
    """Stream every article (or read error) of every input, in input order."""
    for path in expand_inputs(paths):
        if isinstance(path, ReadError):
            yield path
            continue
        kind = _kind(path)
        if kind == "txt":
            yield read_txt(path)
        elif kind == "jsonl":
            yield from read_jsonl(path)
        else:
            yield from read_parquet(path)


def read_txt(path: Path) -> Item | ReadError:
    """One ``.txt`` file is one article; its id is the file stem."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return ReadError(f"cannot read file: {exc.strerror or exc}", id=path.stem, file=str(path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return ReadError(
            f"not valid UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start})",
            id=path.stem,
            file=str(path),
        )
    problem = text_problem(text)
    if problem:
        return ReadError(problem, id=path.stem, file=str(path))
    return Item(path.stem, text, None, str(path), None)


def text_problem(text: Any) -> str | None:
    """Why ``text`` cannot be processed, or None when it can."""
    if text is None:
        return "missing 'text'"
    if not isinstance(text, str):
        return f"'text' is {type(text).__name__}, not a string"
    if not text.strip():
        return "'text' is empty"
    return None


def _coerce_id(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def item_from_mapping(
    row: dict[str, Any], default_id: str, file: str | None, line: int | None
) -> Item | ReadError:
    """``{"id", "text", ...}`` -> Item; other fields (and a ``meta`` dict) become meta."""
    id_ = _coerce_id(row.get("id")) or default_id
    problem = text_problem(row.get("text"))
    if problem:
        return ReadError(problem, id=id_, file=file, line=line)
    meta = {k: v for k, v in row.items() if k not in ("id", "text", "meta")}
    inner = row.get("meta")
    if isinstance(inner, dict):
        meta = {**inner, **meta}
    elif inner is not None:
        meta["meta"] = inner
    return Item(id_, row["text"], meta or None, file, line)


def _open_lines(path: Path):
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def read_jsonl(path: Path) -> Iterator[Item | ReadError]:
    """Stream a JSONL file line by line; each bad line becomes a ReadError."""
    stem, file = _stem(path), str(path)
    number = 0
    try:
        with _open_lines(path) as handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                yield _jsonl_line(raw, f"{stem}:{number}", file, number)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield ReadError(
            f"cannot read further than line {number}: {exc}",
            id=None,
            file=file,
            line=number + 1,
        )


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
            f"line holds a JSON {type(row).__name__}, not an object",
            id=default_id,
            file=file,
            line=number,
        )
    return item_from_mapping(row, default_id, file, number)


def _id_from_broken(line: str) -> str | None:
    """The id of a line that does not parse, when it can still be seen."""
    try:
        row = json.loads(line)
    except (json.JSONDecodeError, ValueError):
        import re

        match = re.search(r'"id"\s*:\s*"((?:[^"\\]|\\.)*)"', line)
        return match.group(1) if match else None
    return _coerce_id(row.get("id")) if isinstance(row, dict) else None


def read_parquet(path: Path, batch_rows: int = 256) -> Iterator[Item | ReadError]:
    """Stream a Parquet file in row batches; row numbers (from 1) stand for lines."""
    import pyarrow.parquet as pq

    stem, file = _stem(path), str(path)
    try:
        handle = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001  (pyarrow raises several types)
        yield ReadError(f"not a readable Parquet file: {exc}", file=file)
        return
    if "text" not in handle.schema_arrow.names:
        yield ReadError("Parquet file has no 'text' column", file=file)
        return
    number = 0
    try:
        for batch in handle.iter_batches(batch_size=batch_rows):
            for row in batch.to_pylist():
                number += 1
                yield item_from_mapping(row, f"{stem}:{number}", file, number)
    except Exception as exc:  # noqa: BLE001
        yield ReadError(f"cannot read further than row {number}: {exc}", file=file, line=number + 1)


# --------------------------------------------------------------------------- writers


def json_default(value: Any) -> Any:
    """JSON for values Parquet meta may hold (dates, decimals, bytes)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=json_default)


def errors_path_for(out: str | Path) -> Path:
    """``OUT.jsonl`` -> ``OUT.errors.jsonl`` (``OUT.parquet`` too)."""
    out = Path(out)
    name = out.name
    for suffix in (".jsonl.gz", ".jsonl", ".parquet", ".ndjson"):
        if name.endswith(suffix):
            return out.with_name(name[: -len(suffix)] + ".errors.jsonl")
    return out.with_name(name + ".errors.jsonl")


def repair_jsonl(path: Path) -> int:
    """Cut a JSONL file after its last complete line (a kill mid-write); bytes removed."""
    if not path.exists():
        return 0
    size = path.stat().st_size
    if size == 0:
        return 0
    with path.open("rb+") as handle:
        block = 1 << 16
        pos = size
        keep = 0
        while pos > 0:
            start = max(0, pos - block)
            handle.seek(start)
            chunk = handle.read(pos - start)
            index = chunk.rfind(b"\n")
            if index >= 0:
                keep = start + index + 1
                break
            pos = start
        if keep < size:
            handle.truncate(keep)
    return size - keep


def jsonl_ids(path: Path) -> Iterator[str | None]:
    """The ids of a JSONL output (None for lines without one), line by line."""
    if not path.exists():
        return
    with path.open("rb") as handle:
        for raw in handle:
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except json.JSONDecodeError:
                continue
            if isinstance(row, dict):
                yield row.get("id")


def error_keys(path: Path) -> Iterator[tuple]:
    """Keys identifying each error already written (id, else file and line)."""
    if not path.exists():
        return
    with path.open("rb") as handle:
        for raw in handle:
            try:
                row = json.loads(raw)
            except json.JSONDecodeError:
                continue
            yield error_key(row)


def error_key(row: dict[str, Any]) -> tuple:
    if row.get("id") is not None:
        return ("id", row["id"])
    return ("at", row.get("file"), row.get("line"), row.get("reason"))


class JsonlWriter:
    """Appends one JSON object per line; each line is written whole, then flushed."""

    def __init__(self, path: str | Path, append: bool = False, flush_every: int = 64) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if append:
            repair_jsonl(self.path)
        self._handle = self.path.open("a" if append else "w", encoding="utf-8", newline="\n")
        self._pending = 0
        self._flush_every = flush_every
        self.count = 0

    def write(self, obj: dict[str, Any]) -> None:
        self._handle.write(dumps(obj) + "\n")
        self.count += 1
        self._pending += 1
        if self._pending >= self._flush_every:
            self.flush()

    def flush(self) -> None:
        self._handle.flush()
        self._pending = 0

    def close(self) -> None:
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ParquetRecordWriter:
    """Writes records to Parquet with the fixed schema of :mod:`netral_nlp.arrow`.

    The file is written under ``<name>.inprogress`` and renamed when closed, so
    a killed job never leaves a half-written file under the real name. With
    ``append`` the rows of an existing complete file are copied first.
    """

    def __init__(self, path: str | Path, append: bool = False, rows_per_group: int = 1000) -> None:
        import pyarrow.parquet as pq

        from .arrow import RECORD_SCHEMA

        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._tmp = self.path.with_name(self.path.name + ".inprogress")
        self._writer = pq.ParquetWriter(self._tmp, RECORD_SCHEMA, compression="zstd")
        self._rows: list[dict[str, Any]] = []
        self._rows_per_group = rows_per_group
        self.count = 0
        if append and self.path.exists():
            for batch in pq.ParquetFile(self.path).iter_batches(batch_size=rows_per_group):
                self._writer.write_batch(batch.cast(RECORD_SCHEMA) if batch.schema != RECORD_SCHEMA else batch)

    def write(self, record: dict[str, Any]) -> None:
        from .arrow import record_to_row

        self._rows.append(record_to_row(record))
        self.count += 1
        if len(self._rows) >= self._rows_per_group:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        from .arrow import RECORD_SCHEMA

        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=RECORD_SCHEMA))
            self._rows = []

    def close(self) -> None:
        self.flush()
        self._writer.close()
        os.replace(self._tmp, self.path)

    def __enter__(self) -> ParquetRecordWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def parquet_ids(path: Path) -> Iterator[str | None]:
    """Ids of a complete Parquet output (nothing when absent or unreadable)."""
    import pyarrow.parquet as pq

    if not path.exists():
        return
    try:
        handle = pq.ParquetFile(path)
    except Exception:  # noqa: BLE001
        return
    for batch in handle.iter_batches(batch_size=4096, columns=["id"]):
        yield from batch.column(0).to_pylist()


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Records back from a JSONL or Parquet output, as plain dicts."""
    path = Path(path)
    if _kind(path) == "parquet":
        import pyarrow.parquet as pq

        from .arrow import row_to_record

        for batch in pq.ParquetFile(path).iter_batches(batch_size=512):
            for row in batch.to_pylist():
                yield row_to_record(row)
    else:
        with _open_lines(path) as handle:
            for raw in handle:
                if raw.strip():
                    yield json.loads(raw)
