"""Records back from a JSONL or Parquet output, one at a time, never all at once.

The report reads only what extraction wrote, so the reader is its own: a
broken line becomes a :class:`Unreadable` (counted and listed on the page)
instead of stopping the report, and a Parquet file is read by row group.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..io.kinds import input_kind
from ..io.readers import open_lines


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A line or row that is not a record, and why."""

    where: str
    reason: str


def _problem(record: Any) -> str | None:
    if not isinstance(record, dict):
        return f"a JSON {type(record).__name__}, not an object"
    if not isinstance(record.get("text"), str):
        return "no text"
    return None


def read_jsonl(path: Path) -> Iterator[dict[str, Any] | Unreadable]:
    with open_lines(path) as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as error:
                yield Unreadable(where, f"not JSON ({error.msg if hasattr(error, 'msg') else error})")
                continue
            problem = _problem(record)
            yield Unreadable(where, problem) if problem else record


def read_parquet(path: Path, batch_rows: int = 256) -> Iterator[dict[str, Any] | Unreadable]:
    import pyarrow.parquet as pq

    from ..arrow import row_to_record

    number = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows):
        for row in batch.to_pylist():
            number += 1
            try:
                record = row_to_record(row)
            except (ValueError, TypeError) as error:
                yield Unreadable(f"{path.name}: row {number}", f"unreadable row ({error})")
                continue
            problem = _problem(record)
            yield Unreadable(f"{path.name}: row {number}", problem) if problem else record


def read_records(path: str | Path) -> Iterator[dict[str, Any] | Unreadable]:
    """Each record of an extraction output (JSONL, JSONL.gz or Parquet), streamed."""
    path = Path(path)
    yield from (read_parquet(path) if input_kind(path) == "parquet" else read_jsonl(path))
