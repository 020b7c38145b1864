"""The files of one job: outputs checked, locked, opened (fresh or resumed) and closed.

Before anything is read, outputs that are or lie inside an input are
refused, the output folder is created, and a lock refuses a second job on
the same output. Records and errors are written under temporary names and
moved into place when the job ends (see :mod:`netral_nlp.io.writers`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..io import (
    Item,
    JsonlWriter,
    OutputError,
    OutputLock,
    ParquetRecordWriter,
    ReadError,
    check_outputs,
    error_keys,
    errors_path_for,
    in_progress_path,
    is_gzip_name,
    jsonl_ids,
    parquet_ids,
    prepare_output_dir,
    repair_jsonl,
    resume_source,
)


def input_paths(inputs: Iterable[Any]) -> list[Path]:
    """The paths among ``inputs`` (Items and ReadErrors passed by callers are not files)."""
    return [Path(i) for i in inputs if isinstance(i, (str, Path))]


def done_keys(out: Path, errors: Path, fmt: str) -> set:
    """What a previous run already finished: record ids, error keys."""
    errors_source = resume_source(errors)
    repair_jsonl(errors_source)
    if fmt == "jsonl":
        source = resume_source(out)
        if not is_gzip_name(source):
            repair_jsonl(source)
        ids = jsonl_ids(source)
    else:
        ids = parquet_ids(out)
    done: set = {i for i in ids if i is not None}
    done.update(error_keys(errors_source))
    done.update(k[1] for k in list(done) if isinstance(k, tuple) and k[0] == "id")
    return done


class JobFiles:
    """Output, error file and lock of one job (a context manager).

    ``done`` holds what a resumed job may skip. On a clean exit both files
    are moved into place; on an exception they stay as ``.inprogress`` for
    ``--resume``.
    """

    def __init__(self, inputs: list[Path], out: str | Path, fmt: str, resume: bool) -> None:
        self.out = Path(out)
        self.errors_path = errors_path_for(self.out)
        self.fmt = fmt
        self.resume = resume
        # the error file is locked too: OUT.jsonl and OUT.parquet share OUT.errors.jsonl
        self.locks = [OutputLock(self.out), OutputLock(self.errors_path)]
        written = [self.out, self.errors_path, in_progress_path(self.out), in_progress_path(self.errors_path)]
        if self.out.is_dir():
            raise OutputError(f"output {self.out} is a folder; name a file (OUT.jsonl, OUT.jsonl.gz or OUT.parquet)")
        check_outputs(inputs, [*written, *(lock.path for lock in self.locks)])
        prepare_output_dir(self.out.parent)
        self.done: set | None = None
        self.records: JsonlWriter | ParquetRecordWriter | None = None
        self.errors: JsonlWriter | None = None

    def __enter__(self) -> JobFiles:
        try:
            for lock in self.locks:
                lock.acquire()
            self.done = done_keys(self.out, self.errors_path, self.fmt) if self.resume else None
            if self.fmt == "jsonl":
                self.records = JsonlWriter(self.out, append=self.resume)
            else:
                self.records = ParquetRecordWriter(self.out, append=self.resume)
            self.errors = JsonlWriter(self.errors_path, append=self.resume)
        except BaseException:
            self._release()
            raise
        return self

    def _release(self) -> None:
        for lock in self.locks:
            lock.release()

    def __exit__(self, exc_type: object, *exc: object) -> None:
        try:
            for writer in (self.records, self.errors):
                if writer is not None:
                    writer.close(finished=exc_type is None)
        finally:
            self._release()


class Duplicates:
    """Ids seen more than once in a job's inputs: counted, and with ``keep="first"``
    every later article with a seen id becomes an error naming the first."""

    def __init__(self, keep: str = "all") -> None:
        if keep not in ("all", "first"):
            raise ValueError(f"duplicates must be 'all' or 'first', not {keep!r}")
        self.keep = keep
        self.count = 0
        self._first: dict[str, tuple[str | None, int | None]] = {}

    def check(self, entry: Item) -> Item | ReadError:
        first = self._first.get(entry.id)
        if first is None:
            self._first[entry.id] = (entry.file, entry.line)
            return entry
        self.count += 1
        if self.keep == "all":
            return entry
        where = first[0] or "the input"
        if first[1] is not None:
            where += f", line {first[1]}"
        return ReadError(
            f"duplicate id: the first article with this id ({where}) was kept (--duplicates first)",
            id=entry.id,
            file=entry.file,
            line=entry.line,
        )
