"""Records back from a job's output, as plain dicts."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .kinds import input_kind, is_gzip_name


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Records (or error entries) from a JSONL (plain or .gz) or Parquet output."""
    path = Path(path)
    if input_kind(path) == "parquet":
        import pyarrow.parquet as pq

        from ..arrow import row_to_record

        for batch in pq.ParquetFile(path).iter_batches(batch_size=512):
            for row in batch.to_pylist():
                yield row_to_record(row)
        return
    opener = gzip.open if is_gzip_name(path) else open
    with opener(path, "rb") as handle:
        for raw in handle:
            if raw.strip():
                yield json.loads(raw)
