"""What a previous run already finished: repair a cut JSONL, read back ids and error keys."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .kinds import is_gzip_name


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


def complete_lines(path: Path) -> Iterator[bytes]:
    """The whole lines of a JSONL output, plain or gzip; a gzip stream cut by a kill
    ends at its last whole line."""
    if not path.exists():
        return
    if not is_gzip_name(path):
        with path.open("rb") as handle:
            for raw in handle:
                if raw.endswith(b"\n"):
                    yield raw
        return
    yield from _gzip_lines(path)


def _gzip_lines(path: Path, block: int = 1 << 16) -> Iterator[bytes]:
    """Whole lines of a gzip file of one or more members, as far as it decompresses
    (``gzip.open`` gives nothing of a small file whose end was cut off)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    pending = b""
    with path.open("rb") as handle:
        data = handle.read(block)
        while data:
            try:
                out = inflater.decompress(data)
            except zlib.error:
                return
            pending += out
            *lines, pending = pending.split(b"\n")
            for line in lines:
                yield line + b"\n"
            if inflater.eof:  # next member (appended by a resumed job)
                data = inflater.unused_data
                inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                if data:
                    continue
            data = handle.read(block)


def jsonl_ids(path: Path) -> Iterator[str | None]:
    """The ids of a JSONL output (None for lines without one), line by line."""
    for raw in complete_lines(path):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError:
            continue
        if isinstance(row, dict):
            yield row.get("id")


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


def error_keys(path: Path) -> Iterator[tuple]:
    """Keys identifying each error already written (id, else file and line)."""
    for raw in complete_lines(path):
        try:
            row = json.loads(raw)
        except json.JSONDecodeError:
            continue
        if isinstance(row, dict):
            yield error_key(row)


def error_key(row: dict[str, Any]) -> tuple:
    """An error's identity for ``--resume``: its id, else where it was and why."""
    if row.get("id") is not None:
        return ("id", row["id"])
    return ("at", row.get("file"), row.get("line"), row.get("reason"))
