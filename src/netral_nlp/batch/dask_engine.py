"""The Dask engine: one part file per partition plus a manifest, same records as the
local engine."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..io import (
    Item,
    JsonlWriter,
    OutputLock,
    ParquetRecordWriter,
    ReadError,
    check_outputs,
    prepare_output_dir,
    read_records,
)
from .job_files import Duplicates, input_paths
from .local import LocalEngine, Summary, _counting, _entries, check_job_arguments
from .records import DEFAULT_BATCH_SIZE, DEFAULT_MAX_CHARS, cached_pipeline
from .timeout import DEFAULT_ARTICLE_TIMEOUT


class MissingExtra(ImportError):
    """An optional dependency is not installed; the message names the extra to install."""


def _dask():
    try:
        from distributed import Client, LocalCluster, wait
    except ImportError:
        raise MissingExtra(
            "the dask engine needs the dask extra: pip install 'netral-nlp[dask]' (or use --engine local)"
        ) from None
    return Client, LocalCluster, wait


# --------------------------------------------------------------------------- Dask engine


def _partitions(entries: Iterable[Item | ReadError], size: int) -> Iterator[list[Item | ReadError]]:
    part: list[Item | ReadError] = []
    for entry in entries:
        part.append(entry)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


def part_name(index: int, fmt: str) -> str:
    return f"part-{index:05d}.{fmt}"


def run_partition(
    index: int,
    entries: list[Item | ReadError],
    out_dir: str,
    fmt: str,
    model: str | None,
    batch_size: int,
    max_chars: int,
    over_limit: str,
    timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
) -> dict[str, Any]:
    """Process one partition on a worker and write its part files (atomically).

    The pipeline comes from :func:`cached_pipeline`, so each worker process
    loads it once whatever the number of partitions it runs.
    """
    nlp = cached_pipeline(model, max_chars)
    engine = LocalEngine(model, 1, batch_size, max_chars, over_limit, nlp=nlp, timeout=timeout)
    directory = Path(out_dir)
    path = directory / part_name(index, fmt)
    errors_path = directory / f"part-{index:05d}.errors.jsonl"
    tmp = directory / f".{path.name}.tmp"
    tmp_errors = directory / f".{errors_path.name}.tmp"
    info = {"index": index, "path": path.name, "errors_path": errors_path.name}
    counts = {"records_in": len(entries), "records": 0, "errors": 0, "words": 0}
    start = time.perf_counter()
    writer = JsonlWriter(tmp) if fmt == "jsonl" else ParquetRecordWriter(tmp)
    with writer, JsonlWriter(tmp_errors) as error_writer:
        for outcome in engine.run(entries):
            if outcome.kind == "record":
                writer.write(outcome.data)
                counts["records"] += 1
                counts["words"] += outcome.words
            else:
                error_writer.write(outcome.data)
                counts["errors"] += 1
    os.replace(tmp_errors, errors_path)
    os.replace(tmp, path)
    info.update(counts, seconds=round(time.perf_counter() - start, 3), worker_pid=os.getpid())
    (directory / f"part-{index:05d}.json").write_text(json.dumps(info), encoding="utf-8")
    return info


def failed_partition(
    index: int, entries: list[Item | ReadError], directory: Path, fmt: str, why: str
) -> dict[str, Any]:
    """Part files for a partition that could not run (its workers died): every article
    becomes an error with the reason, so the job finishes and no article goes missing."""
    reason = f"partition {index} failed on the cluster (a worker died, e.g. out of memory): {why}"
    path = directory / part_name(index, fmt)
    errors_path = directory / f"part-{index:05d}.errors.jsonl"
    writer = JsonlWriter(path) if fmt == "jsonl" else ParquetRecordWriter(path)
    with writer, JsonlWriter(errors_path) as error_writer:
        for entry in entries:
            if isinstance(entry, Item):
                error_writer.write({"id": entry.id, "file": entry.file, "line": entry.line, "reason": reason})
            else:
                error_writer.write(entry.to_dict())
    info = {"index": index, "path": path.name, "errors_path": errors_path.name, "records_in": len(entries),
            "records": 0, "errors": len(entries), "words": 0, "seconds": 0.0, "worker_pid": None}
    (directory / f"part-{index:05d}.json").write_text(json.dumps(info), encoding="utf-8")
    return info


def run_dask_job(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    fmt: str = "jsonl",
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    partition_size: int = 1000,
    model: str | Path | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_chars: int = DEFAULT_MAX_CHARS,
    over_limit: str = "chunk",
    resume: bool = False,
    progress: Callable[[int], None] | None = None,
    timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
    duplicates: str = "all",
) -> Summary:
    """Extract with Dask: one part file per partition plus ``manifest.json`` in ``out_dir``.

    Without ``scheduler`` a ``distributed.LocalCluster`` of ``n_workers``
    processes is started and closed. ``out_dir`` must be reachable by every
    worker (a shared file system on a real cluster). With ``resume``,
    partitions whose part files are complete are not run again (same inputs
    and ``partition_size`` required).
    """
    check_job_arguments(fmt=fmt, over_limit=over_limit, n_process=1, batch_size=batch_size,
                        max_chars=max_chars, timeout=timeout)
    for name, value in (("n_workers", n_workers), ("partition_size", partition_size)):
        if not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be an int of at least 1, not {value!r}")
    Client, LocalCluster, wait = _dask()  # noqa: N806
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    directory = Path(out_dir).resolve()
    check_outputs(input_paths(inputs) if isinstance(inputs, (list, tuple)) else [], [directory])
    prepare_output_dir(directory)
    with OutputLock(directory / "manifest.json"):
        return _run_dask(
            Client, LocalCluster, wait, inputs, directory, fmt, scheduler, n_workers, partition_size,
            model, batch_size, max_chars, over_limit, resume, progress, timeout, Duplicates(duplicates),
        )


def _run_dask(
    Client, LocalCluster, wait, inputs, directory: Path, fmt: str, scheduler, n_workers: int,  # noqa: N803
    partition_size: int, model, batch_size: int, max_chars: int, over_limit: str, resume: bool,
    progress, timeout, duplicates: Duplicates,
) -> Summary:
    if model is None:
        from ..pipeline import shipped_model_path

        model = shipped_model_path()
    model = str(Path(model).resolve())
    summary = Summary(outputs=[str(directory)])
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
    client = Client(scheduler or cluster)
    start = time.perf_counter()
    infos: dict[int, dict[str, Any]] = {}
    reused: set[int] = set()
    window = 2 * max(1, len(client.scheduler_info().get("workers", {})) or n_workers)
    parts: dict[Any, tuple[int, list[Item | ReadError]]] = {}  # in flight: future -> partition
    try:
        pending: set = set()
        counted = _counting(_entries(inputs), summary, None, duplicates)
        for index, part in enumerate(_partitions(counted, partition_size)):
            sidecar = directory / f"part-{index:05d}.json"
            if resume and sidecar.exists() and (directory / part_name(index, fmt)).exists():
                infos[index] = json.loads(sidecar.read_text(encoding="utf-8"))
                reused.add(index)
                summary.skipped += len(part)
                continue
            future = client.submit(
                run_partition, index, part, str(directory), fmt, model, batch_size,
                max_chars, over_limit, timeout, pure=False, key=f"netral-part-{index:05d}-{time.time_ns()}",
            )
            pending.add(future)
            parts[future] = (index, part)
            while len(pending) >= window:
                finished, pending = wait(pending, return_when="FIRST_COMPLETED")
                _collect(finished, infos, progress, parts, directory, fmt)
        if pending:
            _collect(wait(pending).done, infos, progress, parts, directory, fmt)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - start
    fresh = [info for index, info in infos.items() if index not in reused]
    summary.written = sum(i["records"] for i in fresh)
    summary.errors = sum(i["errors"] for i in fresh)
    summary.words = sum(i["words"] for i in fresh)
    manifest = {
        "engine": "dask",
        "format": fmt,
        "partition_size": partition_size,
        "parts": [infos[i] for i in sorted(infos)],
        "records_in": sum(i["records_in"] for i in infos.values()),
        "records": summary.written,
        "errors": summary.errors,
        "words": sum(i["words"] for i in infos.values()),
    }
    (directory / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return summary


def _collect(
    finished: Iterable,
    infos: dict[int, dict[str, Any]],
    progress: Callable[[int], None] | None,
    parts: dict[Any, tuple[int, list[Item | ReadError]]],
    directory: Path,
    fmt: str,
) -> None:
    for future in finished:
        index, part = parts.pop(future)
        try:
            info = future.result()
        except Exception as exc:  # noqa: BLE001  (KilledWorker: the workers that ran it died)
            info = failed_partition(index, part, directory, fmt, f"{type(exc).__name__}: {exc}")
        infos[info["index"]] = info
        if progress is not None:
            progress(info["records_in"])


def read_dask_output(out_dir: str | Path) -> Iterator[dict[str, Any]]:
    """Records of a Dask job, in input order (parts listed by the manifest)."""
    directory = Path(out_dir)
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    for part in manifest["parts"]:
        yield from read_records(directory / part["path"])


# --------------------------------------------------------------------------- datasets
