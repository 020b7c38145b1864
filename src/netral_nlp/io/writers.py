"""Writers of a job's outputs: JSONL (plain or gzip) and Parquet.

Both write under ``<name>.inprogress`` and move the file into place when
closed, so an output never holds a half-written job under its real name. A
job killed mid-way leaves the ``.inprogress`` file; ``append=True`` (``--resume``)
goes on from it (a line cut short by the kill is dropped first).
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import Any

from ..jsontext import dump_line, without_surrogates
from .kinds import is_gzip_name
from .resume import complete_lines, repair_jsonl


def in_progress_path(path: str | Path) -> Path:
    """Where an output is written until the job closes it."""
    path = Path(path)
    return path.with_name(path.name + ".inprogress")


def resume_source(path: str | Path) -> Path:
    """The file a resumed job goes on from: the unfinished one when a job was cut, else ``path``."""
    partial = in_progress_path(path)
    return partial if partial.exists() else Path(path)


class JsonlWriter:
    """Appends one JSON object per line (gzip when the name ends in ``.gz``).

    Each line is written whole; lines are flushed every ``flush_every`` records
    and the file is synced and moved into place on :meth:`close`.
    """

    def __init__(self, path: str | Path, append: bool = False, flush_every: int = 64) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.partial = in_progress_path(self.path)
        gz = is_gzip_name(self.path)
        if append:
            self._take_over(gz)
        mode = "ab" if append else "wb"
        self._handle = gzip.open(self.partial, mode) if gz else self.partial.open(mode)  # noqa: SIM115
        self._pending = 0
        self._flush_every = flush_every
        self.count = 0

    def _take_over(self, gz: bool) -> None:
        """Make ``partial`` hold every complete line written so far."""
        source = resume_source(self.path)
        if not source.exists():
            return
        if not gz:
            if source != self.partial:
                os.replace(source, self.partial)
            repair_jsonl(self.partial)
            return
        # a gzip stream cut by a kill cannot be appended to: copy its whole lines afresh
        fresh = self.partial.with_name(self.partial.name + ".copy")
        with gzip.open(fresh, "wb") as out:
            for line in complete_lines(source):
                out.write(line)
        os.replace(fresh, self.partial)

    def write(self, obj: dict[str, Any]) -> None:
        self.write_line(dump_line(obj))

    def write_line(self, line: bytes) -> None:
        """Append one line already encoded by :func:`~netral_nlp.jsontext.dump_line`
        (a worker process encodes its records; the job's parent only writes them)."""
        self._handle.write(line)
        self.count += 1
        self._pending += 1
        if self._pending >= self._flush_every:
            self.flush()

    def flush(self) -> None:
        self._handle.flush()
        self._pending = 0

    def close(self, finished: bool = True) -> None:
        """Sync and close; when ``finished``, move the file into place."""
        if self._handle.closed:
            return
        self._handle.close()
        if finished:
            _sync(self.partial)
            os.replace(self.partial, self.path)

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        # a job that stops on an exception keeps its unfinished file for --resume
        self.close(finished=exc_type is None)


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class ParquetRecordWriter:
    """Writes records to Parquet with the fixed schema of :mod:`netral_nlp.arrow`.

    The file is written under ``<name>.inprogress`` and renamed when closed, so
    a killed job never leaves a half-written file under the real name. With
    ``append`` the rows of an existing complete file are copied first.
    """

    def __init__(self, path: str | Path, append: bool = False, rows_per_group: int = 1000) -> None:
        import pyarrow.parquet as pq

        from ..arrow import RECORD_SCHEMA

        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._tmp = in_progress_path(self.path)
        self._writer = pq.ParquetWriter(self._tmp, RECORD_SCHEMA, compression="zstd")
        self._rows: list[dict[str, Any]] = []
        self._rows_per_group = rows_per_group
        self.count = 0
        if append and self.path.exists():
            for batch in pq.ParquetFile(self.path).iter_batches(batch_size=rows_per_group):
                self._writer.write_batch(batch.cast(RECORD_SCHEMA) if batch.schema != RECORD_SCHEMA else batch)

    def write(self, record: dict[str, Any]) -> None:
        from ..arrow import record_to_row

        self._rows.append(record_to_row(record))
        self.count += 1
        if len(self._rows) >= self._rows_per_group:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        from ..arrow import RECORD_SCHEMA

        if self._rows:
            try:
                table = pa.Table.from_pylist(self._rows, schema=RECORD_SCHEMA)
            except UnicodeEncodeError:
                # Parquet strings must be valid Unicode: a lone surrogate becomes U+FFFD (same length)
                table = pa.Table.from_pylist(without_surrogates(self._rows), schema=RECORD_SCHEMA)
            self._writer.write_table(table)
            self._rows = []

    def close(self, finished: bool = True) -> None:
        if self._writer is None:
            return
        self.flush()
        self._writer.close()
        self._writer = None
        if finished:
            os.replace(self._tmp, self.path)

    def __enter__(self) -> ParquetRecordWriter:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.close(finished=exc_type is None)
