"""Batch extraction: in-process, local worker processes, or a Dask cluster.

Every engine runs the same per-batch function, :func:`process_batch`, which
turns articles into plain record dicts (or error dicts) with a pipeline that
its process loaded once. Worker processes send back those small dicts, never
Docs (spaCy's own ``n_process`` pickles whole Docs back to the parent and
gains little). Results come back in input order, with a bounded number of
batches in flight, so a stream of any length runs in constant memory.

Articles longer than ``max_chars`` are either processed in chunks cut at
paragraph/line/sentence boundaries (offsets shifted back onto the whole text,
``over_limit="chunk"``, the default) or refused with a clear reason
(``over_limit="refuse"``).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .io import (
    Item,
    JsonlWriter,
    ParquetRecordWriter,
    ReadError,
    error_key,
    error_keys,
    errors_path_for,
    jsonl_ids,
    parquet_ids,
    read_inputs,
    repair_jsonl,
    text_problem,
)

if TYPE_CHECKING:
    from spacy.language import Language

    from .schema import ArticleRecord

DEFAULT_MAX_CHARS = 1_000_000
DEFAULT_BATCH_SIZE = 32

#: an article as it travels to a worker: (id, text, meta, file, line)
Payload = tuple[str | None, str, dict | None, str | None, int | None]


class Outcome(NamedTuple):
    """What became of one input: ``kind`` is "record" or "error"; ``data`` its dict."""

    kind: str
    data: dict[str, Any]
    words: int = 0


# --------------------------------------------------------------------------- one batch


def _error(payload: Payload, reason: str) -> Outcome:
    id_, _text, _meta, file, line = payload
    return Outcome("error", {"id": id_, "file": file, "line": line, "reason": reason})


def split_chunks(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Cut ``text`` into pieces of at most ``max_chars``, at the best boundary.

    A piece ends after a blank line, else a line break, else a sentence end,
    else a space, looked for in the second half of the window; a hard cut only
    when none is there.
    """
    if max_chars <= 0 or len(text) <= max_chars:
        return [(0, len(text))]
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        floor = start + max_chars // 2
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            index = text.rfind(sep, floor, limit - len(sep) + 1)
            if index >= 0:
                cut = index + len(sep)
                break
        if cut <= start:
            cut = limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(text)))
    return pieces


def _shift(record: dict[str, Any], offset: int) -> None:
    for name in ("entities", "dates", "rules"):
        for item in record.get(name, ()):
            item["start"] += offset
            item["end"] += offset
    for event in record.get("events", ()):
        event["trigger"]["start"] += offset
        event["trigger"]["end"] += offset


def _merge_chunks(text: str, id_: str | None, parts: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """One record from the records of a text's chunks (offsets onto the whole text)."""
    from .schema import ArticleRecord

    merged: dict[str, Any] = {"id": id_, "text": text, "entities": [], "dates": [], "rules": [], "events": []}
    for offset, record in parts:
        _shift(record, offset)
        for name in ("entities", "dates", "rules", "events"):
            merged[name].extend(record.get(name, ()))
        for key, value in record.items():
            if key in merged or value is None:
                continue
            merged[key] = value  # doc-level fields: the first chunk that has one wins
    merged["chunks"] = [[offset, offset + len(r["text"])] for offset, r in parts]
    return ArticleRecord.model_validate(merged).to_json_dict()


def _record(nlp: Language, doc_or_text: Any, payload: Payload) -> Outcome:
    from .schema import to_record

    id_, text, meta, _file, _line = payload
    try:
        doc = nlp(doc_or_text) if isinstance(doc_or_text, str) else doc_or_text
        record = to_record(doc, id=id_).to_json_dict()
    except Exception as exc:  # noqa: BLE001  (a record whose processing raises is an error)
        return _error(payload, f"processing failed: {type(exc).__name__}: {exc}")
    if meta:
        record["meta"] = meta
    return Outcome("record", record, len(text.split()))


def _chunked(nlp: Language, payload: Payload, max_chars: int) -> Outcome:
    from .schema import to_record

    id_, text, meta, _file, _line = payload
    try:
        parts = []
        for start, end in split_chunks(text, max_chars):
            piece = text[start:end]
            parts.append((start, to_record(nlp(piece)).to_json_dict()))
        record = _merge_chunks(text, id_, parts)
    except Exception as exc:  # noqa: BLE001
        return _error(payload, f"processing failed (chunked): {type(exc).__name__}: {exc}")
    if meta:
        record["meta"] = meta
    return Outcome("record", record, len(text.split()))


def process_batch(nlp: Language, batch: list[Payload], max_chars: int = DEFAULT_MAX_CHARS) -> list[Outcome]:
    """Records (or errors) for a batch of articles, in batch order.

    The batch goes through ``nlp.pipe`` at once; when that raises, each
    article is run alone so only the failing one becomes an error.
    """
    out: list[Outcome | None] = [None] * len(batch)
    short = [i for i, p in enumerate(batch) if max_chars <= 0 or len(p[1]) <= max_chars]
    if len(short) < len(batch):
        fits = set(short)
        for i, payload in enumerate(batch):
            if i not in fits:
                out[i] = _chunked(nlp, payload, max_chars)
    if short:
        try:
            docs = list(nlp.pipe([batch[i][1] for i in short]))
        except Exception:  # noqa: BLE001  (isolate the culprit below)
            docs = [batch[i][1] for i in short]
        for i, doc in zip(short, docs, strict=True):
            out[i] = _record(nlp, doc, batch[i])
    return out  # type: ignore[return-value]


# --------------------------------------------------------------------------- pipelines per process

_PIPELINES: dict[str | None, Any] = {}


def cached_pipeline(model: str | None, max_chars: int = DEFAULT_MAX_CHARS) -> Language:
    """The pipeline of ``model`` (None: shipped), loaded once per process."""
    nlp = _PIPELINES.get(model)
    if nlp is None:
        from .pipeline import load

        nlp = _PIPELINES[model] = load(model)
    nlp.max_length = max(nlp.max_length, max_chars + 1)
    return nlp


_WORKER: dict[str, Any] = {}


def _exit_with_parent(parent: int, every: float = 2.0) -> None:
    """End this worker when the job that started it is gone (killed, crashed)."""
    import threading

    def watch() -> None:
        while True:
            time.sleep(every)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True, name="netral-parent-watch").start()


def _init_worker(model: str | None, max_chars: int) -> None:
    _exit_with_parent(os.getppid())
    _WORKER["nlp"] = cached_pipeline(model, max_chars)
    _WORKER["max_chars"] = max_chars


def _work(batch: list[Payload]) -> list[Outcome]:
    return process_batch(_WORKER["nlp"], batch, _WORKER["max_chars"])


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    Linux: VmHWM, which starts afresh in a spawned process (ru_maxrss would
    carry over the parent's peak at fork time); elsewhere ru_maxrss.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _worker_rss(pause: float = 0.0) -> tuple[int, float]:
    """(pid, peak RSS in MB) of the worker that runs it; the pause spreads calls over workers."""
    if pause:
        time.sleep(pause)
    return os.getpid(), peak_rss_mb()


# --------------------------------------------------------------------------- local engine


def _batches(entries: Iterable[Item | ReadError], size: int) -> Iterator[list[Item | ReadError]]:
    batch: list[Item | ReadError] = []
    items = 0
    for entry in entries:
        batch.append(entry)
        if isinstance(entry, Item):
            items += 1
        if items >= size or len(batch) >= 4 * size:
            yield batch
            batch, items = [], 0
    if batch:
        yield batch


def _refuse(entry: Item | ReadError, max_chars: int, over_limit: str) -> Item | ReadError:
    if (
        over_limit == "refuse"
        and isinstance(entry, Item)
        and max_chars > 0
        and len(entry.text) > max_chars
    ):
        return ReadError(
            f"text is {len(entry.text):,} characters, over the limit of {max_chars:,} "
            "(--max-chars; use --over-limit chunk to process it in pieces)",
            id=entry.id,
            file=entry.file,
            line=entry.line,
        )
    return entry


def _payload(item: Item) -> Payload:
    return (item.id, item.text, item.meta, item.file, item.line)


class LocalEngine:
    """Runs batches in this process or in spawned worker processes, in order.

    ``stats`` (after the run) holds each worker's peak RSS in MB by pid.
    """

    def __init__(
        self,
        model: str | Path | None = None,
        n_process: int = 1,
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_chars: int = DEFAULT_MAX_CHARS,
        over_limit: str = "chunk",
        nlp: Language | None = None,
        window: int | None = None,
    ) -> None:
        self.model = str(model) if model is not None else None
        self.n_process = max(1, int(n_process))
        self.batch_size = max(1, int(batch_size))
        self.max_chars = int(max_chars)
        self.over_limit = over_limit
        self.nlp = nlp
        self.window = window or 3 * self.n_process
        self.worker_rss: dict[int, float] = {}
        self._pool: ProcessPoolExecutor | None = None
        self._tmp: tempfile.TemporaryDirectory | None = None

    def _split(self, batch: list[Item | ReadError]) -> tuple[list[Payload], list[Item | ReadError]]:
        entries = [_refuse(e, self.max_chars, self.over_limit) for e in batch]
        return [_payload(e) for e in entries if isinstance(e, Item)], entries

    @staticmethod
    def _join(entries: list[Item | ReadError], results: list[Outcome]) -> Iterator[Outcome]:
        it = iter(results)
        for entry in entries:
            if isinstance(entry, Item):
                yield next(it)
            else:
                yield Outcome("error", entry.to_dict())

    def run(self, entries: Iterable[Item | ReadError]) -> Iterator[Outcome]:
        """Outcomes for every entry, in input order."""
        if self.n_process == 1:
            nlp = self.nlp or cached_pipeline(self.model, self.max_chars)
            nlp.max_length = max(nlp.max_length, self.max_chars + 1)
            for batch in _batches(entries, self.batch_size):
                payloads, split = self._split(batch)
                yield from self._join(split, process_batch(nlp, payloads, self.max_chars))
            self.worker_rss[os.getpid()] = peak_rss_mb()
            return
        if self._pool is not None:
            yield from self._pooled(entries, None)
            return
        with tempfile.TemporaryDirectory(prefix="netral-nlp-") as tmp:
            yield from self._pooled(entries, self._model_path(tmp))

    def start(self) -> LocalEngine:
        """Start the worker processes now and wait until each has loaded the pipeline.

        Optional (``run`` starts them on demand); benchmarks use it to time
        processing without start-up. Close with :meth:`close` or ``with``.
        """
        if self.n_process > 1 and self._pool is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="netral-nlp-")
            self._pool = self._make_pool(self._model_path(self._tmp.name))
            futures = [self._pool.submit(_worker_rss, 0.3) for _ in range(self.n_process)]
            for future in futures:
                future.result()
        return self

    def close(self) -> None:
        if self._pool is not None:
            self._collect_rss(self._pool)
            self._pool.shutdown()
            self._pool = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> LocalEngine:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _model_path(self, tmp: str) -> str:
        if self.nlp is not None:
            path = str(Path(tmp) / "pipeline")
            self.nlp.to_disk(path)
            return path
        if self.model is None:
            from .pipeline import shipped_model_path

            return str(shipped_model_path())
        return self.model

    def _make_pool(self, model: str) -> ProcessPoolExecutor:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            self.n_process, mp_context=context, initializer=_init_worker, initargs=(model, self.max_chars)
        )

    def _collect_rss(self, pool: ProcessPoolExecutor) -> None:
        for pid, rss in pool.map(_worker_rss, [0.05] * (self.n_process * 2)):
            self.worker_rss[pid] = max(rss, self.worker_rss.get(pid, 0.0))

    def _pooled(self, entries: Iterable[Item | ReadError], model: str | None) -> Iterator[Outcome]:
        own = self._pool is None
        pool = self._make_pool(model) if own else self._pool
        try:
            pending: deque[tuple[list[Item | ReadError], Future | None]] = deque()
            for batch in _batches(entries, self.batch_size):
                payloads, split = self._split(batch)
                pending.append((split, pool.submit(_work, payloads) if payloads else None))
                while len(pending) >= self.window:
                    yield from self._drain(pending.popleft())
            while pending:
                yield from self._drain(pending.popleft())
            if own:
                self._collect_rss(pool)
        finally:
            if own:
                pool.shutdown(cancel_futures=True)

    def _drain(self, job: tuple[list[Item | ReadError], Future | None]) -> Iterator[Outcome]:
        split, future = job
        yield from self._join(split, future.result() if future is not None else [])


# --------------------------------------------------------------------------- Python API


class ExtractionError(ValueError):
    """An article of ``extract_many`` that could not be processed."""

    def __init__(self, info: dict[str, Any]) -> None:
        super().__init__(f"{info.get('id') or 'item ' + str(info.get('line'))}: {info.get('reason')}")
        self.info = info


def _as_item(obj: Any, number: int) -> Item | ReadError:
    default = f"item:{number}"
    if isinstance(obj, dict):
        from .io import item_from_mapping

        return item_from_mapping(obj, default, None, number)
    if isinstance(obj, tuple) and len(obj) == 2:
        text, id_ = obj
    else:
        text, id_ = obj, None
    id_ = default if id_ is None else str(id_)
    problem = text_problem(text)
    if problem:
        return ReadError(problem, id=id_, line=number)
    return Item(id_, text, None, None, number)


def iter_records(
    items: Iterable[str | tuple[str, str | None] | dict[str, Any]],
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    nlp: Language | None = None,
    model: str | Path | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    errors: str = "raise",
) -> Iterator[ArticleRecord]:
    """ArticleRecords for ``items`` in input order (``extract_many``).

    Items without an id get ``item:<n>`` (n from 1). An item that cannot be
    processed raises :class:`ExtractionError` (``errors="raise"``) or is left
    out (``errors="skip"``).
    """
    from .schema import ArticleRecord

    entries = (_as_item(obj, n) for n, obj in enumerate(items, start=1))
    engine = LocalEngine(model, n_process, batch_size, max_chars, "chunk", nlp=nlp)
    for outcome in engine.run(entries):
        if outcome.kind == "record":
            yield ArticleRecord.model_validate(outcome.data)
        elif errors == "raise":
            raise ExtractionError(outcome.data)


# --------------------------------------------------------------------------- jobs (netral extract)


@dataclass
class Summary:
    """Counts of one job: every input ends written, in errors, or skipped (resume)."""

    records_in: int = 0
    written: int = 0
    errors: int = 0
    skipped: int = 0
    readable: int = 0
    words: int = 0
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)
    worker_rss_mb: dict[int, float] = field(default_factory=dict)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        text = (
            f"records in: {self.records_in:,} · written: {self.written:,} · errors: {self.errors:,}"
        )
        if self.skipped:
            text += f" · skipped (already done): {self.skipped:,}"
        return text + f" · {self.words_per_second:,.0f} words/s ({self.seconds:.1f} s)"


def _counting(entries: Iterable[Item | ReadError], summary: Summary, skip: set | None) -> Iterator[Item | ReadError]:
    for entry in entries:
        summary.records_in += 1
        if isinstance(entry, Item):
            summary.readable += 1
            if skip and entry.id in skip:
                summary.skipped += 1
                continue
        elif skip and error_key(entry.to_dict()) in skip:
            summary.skipped += 1
            continue
        yield entry


def _done_keys(out: Path, errors: Path, fmt: str) -> set:
    """What a previous run already finished: record ids, error keys."""
    repair_jsonl(errors)
    if fmt == "jsonl":
        repair_jsonl(out)
        ids = jsonl_ids(out)
    else:
        ids = parquet_ids(out)
    done: set = {i for i in ids if i is not None}
    done.update(error_keys(errors))
    done.update(k[1] for k in list(done) if isinstance(k, tuple) and k[0] == "id")
    return done


def run_job(
    inputs: Iterable[str | Path] | Iterable[Item | ReadError],
    out: str | Path,
    fmt: str = "jsonl",
    *,
    model: str | Path | None = None,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_chars: int = DEFAULT_MAX_CHARS,
    over_limit: str = "chunk",
    resume: bool = False,
    nlp: Language | None = None,
    progress: Callable[[int], None] | None = None,
) -> Summary:
    """Extract every input into ``out`` (+ ``OUT.errors.jsonl``) with the local engine."""
    out = Path(out)
    errors_path = errors_path_for(out)
    summary = Summary(outputs=[str(out), str(errors_path)])
    done = _done_keys(out, errors_path, fmt) if resume else None
    entries = _entries(inputs)
    engine = LocalEngine(model, n_process, batch_size, max_chars, over_limit, nlp=nlp)
    start = time.perf_counter()
    writer = JsonlWriter(out, append=resume) if fmt == "jsonl" else ParquetRecordWriter(out, append=resume)
    with writer, JsonlWriter(errors_path, append=resume) as error_writer:
        for outcome in engine.run(_counting(entries, summary, done)):
            if outcome.kind == "record":
                writer.write(outcome.data)
                summary.written += 1
                summary.words += outcome.words
            else:
                error_writer.write(outcome.data)
                summary.errors += 1
            if progress is not None:
                progress(1)
    summary.seconds = time.perf_counter() - start
    summary.worker_rss_mb = dict(engine.worker_rss)
    return summary


def _entries(inputs: Iterable[Any]) -> Iterator[Item | ReadError]:
    """Paths are read; Items/ReadErrors pass through (for callers that stream their own)."""
    paths: list[Any] = []
    for entry in inputs:
        if isinstance(entry, (Item, ReadError)):
            if paths:
                yield from read_inputs(paths)
                paths = []
            yield entry
        else:
            paths.append(entry)
    if paths:
        yield from read_inputs(paths)


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
) -> dict[str, Any]:
    """Process one partition on a worker and write its part files (atomically).

    The pipeline comes from :func:`cached_pipeline`, so each worker process
    loads it once whatever the number of partitions it runs.
    """
    nlp = cached_pipeline(model, max_chars)
    engine = LocalEngine(model, 1, batch_size, max_chars, over_limit, nlp=nlp)
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
) -> Summary:
    """Extract with Dask: one part file per partition plus ``manifest.json`` in ``out_dir``.

    Without ``scheduler`` a ``distributed.LocalCluster`` of ``n_workers``
    processes is started and closed. ``out_dir`` must be reachable by every
    worker (a shared file system on a real cluster). With ``resume``,
    partitions whose part files are complete are not run again (same inputs
    and ``partition_size`` required).
    """
    from distributed import Client, LocalCluster, wait

    directory = Path(out_dir).resolve()
    directory.mkdir(parents=True, exist_ok=True)
    if model is None:
        from .pipeline import shipped_model_path

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
    try:
        pending: set = set()
        counted = _counting(_entries(inputs), summary, None)
        for index, part in enumerate(_partitions(counted, partition_size)):
            sidecar = directory / f"part-{index:05d}.json"
            if resume and sidecar.exists() and (directory / part_name(index, fmt)).exists():
                infos[index] = json.loads(sidecar.read_text(encoding="utf-8"))
                reused.add(index)
                summary.skipped += len(part)
                continue
            pending.add(
                client.submit(
                    run_partition, index, part, str(directory), fmt, model, batch_size,
                    max_chars, over_limit, pure=False, key=f"netral-part-{index:05d}-{time.time_ns()}",
                )
            )
            while len(pending) >= window:
                finished, pending = wait(pending, return_when="FIRST_COMPLETED")
                _collect(finished, infos, progress)
        if pending:
            _collect(wait(pending).done, infos, progress)
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


def _collect(finished: Iterable, infos: dict[int, dict[str, Any]], progress: Callable[[int], None] | None) -> None:
    for future in finished:
        info = future.result()
        infos[info["index"]] = info
        if progress is not None:
            progress(info["records_in"])


def read_dask_output(out_dir: str | Path) -> Iterator[dict[str, Any]]:
    """Records of a Dask job, in input order (parts listed by the manifest)."""
    from .io import read_records

    directory = Path(out_dir)
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    for part in manifest["parts"]:
        yield from read_records(directory / part["path"])


# --------------------------------------------------------------------------- datasets


def _dataset_batch(
    batch: dict[str, list], model: str | None, text_column: str, as_json: bool, max_chars: int
) -> dict[str, list]:
    from .arrow import ITEM_TYPES, record_to_row

    nlp = cached_pipeline(model, max_chars)
    texts = batch[text_column]
    ids = batch.get("id") or [None] * len(texts)
    columns: dict[str, list] = {name: [] for name in ITEM_TYPES}
    columns["error"] = []
    payloads: list[Payload] = []
    slots: list[int | None] = []
    for id_, text in zip(ids, texts, strict=True):
        problem = text_problem(text)
        slots.append(None if problem else len(payloads))
        if not problem:
            payloads.append((None if id_ is None else str(id_), text, None, None, None))
    outcomes = process_batch(nlp, payloads, max_chars)
    for slot, text in zip(slots, texts, strict=True):
        if slot is None:
            row, error = {name: [] for name in ITEM_TYPES}, text_problem(text)
        else:
            outcome = outcomes[slot]
            ok = outcome.kind == "record"
            row = record_to_row(outcome.data) if ok else {name: [] for name in ITEM_TYPES}
            error = None if ok else outcome.data["reason"]
        for name in ITEM_TYPES:
            value = row[name]
            columns[name].append(json.dumps(value, ensure_ascii=False) if as_json else value)
        columns["error"].append(error)
    return columns


def map_dataset(
    ds: Any,
    num_proc: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    model: str | Path | None = None,
    text_column: str = "text",
    as_json: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Any:
    """Add ``entities``, ``dates``, ``rules``, ``events`` and ``error`` columns to a Dataset.

    Columns are lists of structs with the fixed schema of
    :mod:`netral_nlp.arrow` (``as_json=True``: JSON strings). A row whose
    text is missing, empty or fails gets empty lists and its ``error``.
    Each process loads the pipeline once.
    """
    import datasets
    import pyarrow as pa

    from .arrow import ITEM_TYPES

    extra = [pa.field(n, pa.string() if as_json else t) for n, t in ITEM_TYPES.items()]
    extra.append(pa.field("error", pa.string()))
    features = datasets.Features(
        {
            **{k: v for k, v in ds.features.items() if k not in {f.name for f in extra}},
            **datasets.Features.from_arrow_schema(pa.schema(extra)),
        }
    )
    return ds.map(
        _dataset_batch,
        batched=True,
        batch_size=batch_size,
        num_proc=num_proc,
        features=features,
        fn_kwargs={
            "model": str(model) if model is not None else None,
            "text_column": text_column,
            "as_json": as_json,
            "max_chars": max_chars,
        },
        desc="netral-nlp",
    )
