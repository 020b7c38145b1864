"""The local engine: in-process or worker processes that load the pipeline once and
send back records in input order; the job runner behind ``netral extract``."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..io import (
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
from .records import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_CHARS,
    Outcome,
    Payload,
    cached_pipeline,
    process_batch,
)

if TYPE_CHECKING:
    from spacy.language import Language

    from ..schema import ArticleRecord


#: the pipeline a worker process loaded once (set by the pool initializer)
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


def _init_worker(model: str | None, max_chars: int, warm: bool = False) -> None:
    _exit_with_parent(os.getppid())
    # the workers already share the cores: a BLAS or OpenMP pool per worker would only
    # make them wait for each other (the NER's matrix products)
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
    _WORKER["nlp"] = cached_pipeline(model, max_chars)
    _WORKER["max_chars"] = max_chars
    if warm:
        from ..pipeline import warm_up

        warm_up(_WORKER["nlp"])


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
        warm: bool = False,
    ) -> None:
        self.model = str(model) if model is not None else None
        self.n_process = max(1, int(n_process))
        self.batch_size = max(1, int(batch_size))
        self.max_chars = int(max_chars)
        self.over_limit = over_limit
        self.nlp = nlp
        self.window = window or 3 * self.n_process
        #: build the pipeline's lazy tables before the first batch (``pipeline.warm_up``)
        self.warm = warm
        self._warmed = False
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
            if self.warm and not self._warmed:
                from ..pipeline import warm_up

                warm_up(nlp)
                self._warmed = True
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
            from ..pipeline import shipped_model_path

            return str(shipped_model_path())
        return self.model

    def _make_pool(self, model: str) -> ProcessPoolExecutor:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            self.n_process,
            mp_context=context,
            initializer=_init_worker,
            initargs=(model, self.max_chars, self.warm),
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
        from ..io import item_from_mapping

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
    from ..schema import ArticleRecord

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
