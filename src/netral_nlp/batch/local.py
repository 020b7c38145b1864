"""The local engine: in-process or worker processes that load the pipeline once and
send back records in input order; the job runner behind ``netral extract``.

Where the platform forks safely (Linux), the workers are forked from this process
after it has loaded the pipeline and warmed it: the pipeline is loaded, and its lazy
tables built, once per job instead of once per worker, and every worker is warm
before its first batch. Elsewhere (or with ``start_method="spawn"``) each worker
starts a fresh interpreter, loads the pipeline and warms it in its initializer,
and the parent never imports spaCy. Benchmarks/README.md ("Start-up") has the
measured trade-off.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..io import (
    Item,
    ReadError,
    error_key,
    item_from_mapping,
    read_inputs,
    text_problem,
)
from .job_files import Duplicates, JobFiles, input_paths
from .records import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_CHARS,
    Outcome,
    Payload,
    cached_pipeline,
    process_batch,
)
from .timeout import DEFAULT_ARTICLE_TIMEOUT

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


def _one_thread_per_worker() -> None:
    # the workers already share the cores: a BLAS or OpenMP pool per worker would only
    # make them wait for each other (the NER's matrix products)
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)


def _init_worker(model: str | None, max_chars: int, warm: bool = False, encode: bool = False) -> None:
    """Initializer of a spawned worker: load the pipeline (and warm it)."""
    _exit_with_parent(os.getppid())
    _one_thread_per_worker()
    _WORKER["nlp"] = cached_pipeline(model, max_chars)
    _WORKER["max_chars"] = max_chars
    _WORKER["encode"] = encode
    if warm:
        from ..pipeline import warm_up

        warm_up(_WORKER["nlp"])
    _WORKER["warm"] = warm


def _init_forked(nlp: Language, max_chars: int, encode: bool = False) -> None:
    """Initializer of a forked worker: the parent's loaded, warm pipeline is already here
    (fork passes ``nlp`` by memory, nothing is pickled)."""
    _exit_with_parent(os.getppid())
    _one_thread_per_worker()
    _WORKER["nlp"] = nlp
    _WORKER["max_chars"] = max_chars
    _WORKER["encode"] = encode
    _WORKER["warm"] = True  # the parent warmed it before forking


def _work(batch: list[Payload], timeout: float | None = DEFAULT_ARTICLE_TIMEOUT) -> list[Outcome]:
    return process_batch(_WORKER["nlp"], batch, _WORKER["max_chars"], timeout, _WORKER.get("encode", False))


def _worker_state(pause: float = 0.0) -> tuple[int, int, bool]:
    """(pid, id of the pipeline object, whether it was warmed) of the worker that runs it;
    tests read it to check that workers share the parent's warm pipeline."""
    if pause:
        time.sleep(pause)
    return os.getpid(), id(_WORKER.get("nlp")), bool(_WORKER.get("warm"))


def default_start_method() -> str:
    """``fork`` on Linux (workers inherit the parent's loaded pipeline), else ``spawn``
    (macOS and Windows: forking a process that loaded native libraries is unsafe there)."""
    import multiprocessing

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


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
    """Runs batches in this process or in worker processes, in order.

    ``worker_rss`` (after the run) holds each worker's peak RSS in MB by pid.
    ``start_method``: ``"fork"`` (workers forked from this process once it has
    loaded and warmed the pipeline) or ``"spawn"`` (each worker loads and warms
    its own); None picks :func:`default_start_method`. ``encode``: records come
    back as JSON lines (``Outcome.line``), for a JSONL output.
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
        timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
        start_method: str | None = None,
        encode: bool = False,
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
        self._pool_model: str | None = None
        #: seconds one article (or chunk) may take; None: no limit (``--article-timeout``)
        self.timeout = timeout
        self.start_method = start_method or default_start_method()
        if self.start_method not in ("fork", "spawn"):
            raise ValueError(f"start_method must be 'fork' or 'spawn', not {self.start_method!r}")
        self.encode = encode
        self._deaths = _DeathWatch(self)

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
            nlp = self._local_pipeline(warm=self.warm)
            for batch in _batches(entries, self.batch_size):
                payloads, split = self._split(batch)
                outcomes = process_batch(nlp, payloads, self.max_chars, self.timeout, self.encode)
                yield from self._join(split, outcomes)
            self.worker_rss[os.getpid()] = peak_rss_mb()
            return
        own = self._pool is None  # a pool started here ends with this job
        finished = False
        try:
            yield from self._pooled(entries)
            finished = True
        finally:
            if own:
                self.close(collect=finished)

    def _local_pipeline(self, warm: bool) -> Language:
        """The pipeline in this process (loaded once), warmed once when ``warm``."""
        nlp = self.nlp or cached_pipeline(self.model, self.max_chars)
        nlp.max_length = max(nlp.max_length, self.max_chars + 1)
        if warm and not self._warmed:
            from ..pipeline import warm_up

            warm_up(nlp)
            self._warmed = True
        return nlp

    def start(self) -> LocalEngine:
        """Start the worker processes now and wait until each holds the warm pipeline.

        Optional (``run`` starts them on demand); benchmarks use it to time
        processing without start-up. Close with :meth:`close` or ``with``.
        """
        if self.n_process > 1 and self._pool is None:
            self._pool = self._make_pool()
            futures = [self._pool.submit(_worker_rss, 0.3) for _ in range(self.n_process)]
            for future in futures:
                future.result()
        return self

    def close(self, collect: bool = True) -> None:
        """Stop the workers (reading their peak RSS first when ``collect``)."""
        if self._pool is not None:
            if collect:
                self._collect_rss(self._pool)
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        self._deaths.close()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
            self._pool_model = None

    def __enter__(self) -> LocalEngine:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _spawn_model(self) -> str:
        """The folder a spawned worker loads: the model's, or a saved copy of ``nlp``."""
        if self._pool_model is None:
            if self.nlp is not None:
                self._tmp = self._tmp or tempfile.TemporaryDirectory(prefix="netral-nlp-")
                path = str(Path(self._tmp.name) / "pipeline")
                self.nlp.to_disk(path)
                self._pool_model = path
            elif self.model is None:
                from ..pipeline import shipped_model_path

                self._pool_model = str(shipped_model_path())
            else:
                self._pool_model = self.model
        return self._pool_model

    def _make_pool(self, n_process: int | None = None, start_method: str | None = None) -> ProcessPoolExecutor:
        """A pool of warm workers: forked from this process (which loads and warms the
        pipeline first) or spawned (each loads and warms its own)."""
        import multiprocessing

        method = start_method or self.start_method
        if method == "fork":
            nlp = self._local_pipeline(warm=True)
            import threadpoolctl  # noqa: F401  (imported once here rather than in every worker)

            initializer, initargs = _init_forked, (nlp, self.max_chars, self.encode)
        else:
            initializer, initargs = _init_worker, (self._spawn_model(), self.max_chars, True, self.encode)
        return ProcessPoolExecutor(
            n_process or self.n_process,
            mp_context=multiprocessing.get_context(method),
            initializer=initializer,
            initargs=initargs,
        )

    def _collect_rss(self, pool: ProcessPoolExecutor) -> None:
        try:
            for pid, rss in pool.map(_worker_rss, [0.05] * (self.n_process * 2)):
                self.worker_rss[pid] = max(rss, self.worker_rss.get(pid, 0.0))
        except BrokenProcessPool:
            pass

    #: the function a worker runs on a batch (tests swap in one that dies)
    work: Callable[..., list[Outcome]] = staticmethod(_work)

    @property
    def retried_batches(self) -> int:
        """Batches run again because their worker process died."""
        return self._deaths.retried

    def _submit(self, payloads: list[Payload]) -> Future:
        try:
            return self._pool.submit(self.work, payloads, self.timeout)
        except BrokenProcessPool:  # a worker died since the last look: carry on in a fresh pool
            self._replace_pool()
            return self._pool.submit(self.work, payloads, self.timeout)

    def _replace_pool(self) -> None:
        """A fresh pool after a worker died. Spawned, not forked: this process now runs the
        dead pool's threads, and a fork copies whatever lock one of them holds."""
        broken = self._pool
        self._pool = self._make_pool(start_method="spawn")
        broken.shutdown(wait=False, cancel_futures=True)

    def _pooled(self, entries: Iterable[Item | ReadError]) -> Iterator[Outcome]:
        if self._pool is None:
            self._pool = self._make_pool()
        pending: deque[tuple[list[Item | ReadError], list[Payload], Future | None]] = deque()
        for batch in _batches(entries, self.batch_size):
            payloads, split = self._split(batch)
            pending.append((split, payloads, self._submit(payloads) if payloads else None))
            while len(pending) >= self.window:
                yield from self._drain(pending.popleft())
        while pending:
            yield from self._drain(pending.popleft())

    def _drain(self, job: tuple[list[Item | ReadError], list[Payload], Future | None]) -> Iterator[Outcome]:
        split, payloads, future = job
        if future is None:
            yield from self._join(split, [])
            return
        try:
            results = future.result()
        except BrokenProcessPool:
            results = self._deaths.retry(payloads)
        yield from self._join(split, results)


class _DeathWatch:
    """What happens when a worker process dies (killed, out of memory) under a batch.

    Every batch the dead pool held is run again, alone, in a fresh one-worker
    pool; a batch that kills that worker too is the culprit, and its articles
    become errors with the reason. The main pool is replaced, and the job goes on.
    """

    REASON = (
        "worker process died twice while processing this article's batch (killed, "
        "e.g. out of memory); the batch was retried once in a fresh worker"
    )

    def __init__(self, engine: LocalEngine) -> None:
        self.engine = engine
        self._solo: ProcessPoolExecutor | None = None
        self.retried = 0

    def retry(self, payloads: list[Payload]) -> list[Outcome]:
        engine = self.engine
        if engine._pool is not None and _is_broken(engine._pool):
            engine._replace_pool()
        self.retried += 1
        if self._solo is None:  # spawned, for the reason in LocalEngine._replace_pool
            self._solo = engine._make_pool(n_process=1, start_method="spawn")
        try:
            return self._solo.submit(engine.work, payloads, engine.timeout).result()
        except BrokenProcessPool:
            self._solo.shutdown(wait=False, cancel_futures=True)
            self._solo = None
            return [
                Outcome("error", {"id": p[0], "file": p[3], "line": p[4], "reason": self.REASON})
                for p in payloads
            ]

    def close(self) -> None:
        if self._solo is not None:
            self._solo.shutdown(wait=False, cancel_futures=True)
            self._solo = None


def _is_broken(pool: ProcessPoolExecutor) -> bool:
    """True when a worker of ``pool`` died (the pool takes no more work)."""
    return bool(getattr(pool, "_broken", False))


# --------------------------------------------------------------------------- Python API


class ExtractionError(ValueError):
    """An article of ``extract_many`` that could not be processed."""

    def __init__(self, info: dict[str, Any]) -> None:
        super().__init__(f"{info.get('id') or 'item ' + str(info.get('line'))}: {info.get('reason')}")
        self.info = info


def _as_item(obj: Any, number: int) -> Item | ReadError:
    default = f"item:{number}"
    if isinstance(obj, dict):
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
    #: articles whose id an earlier article of the job already had
    duplicates: int = 0
    #: batches run again because the worker process running them died
    retried_batches: int = 0

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

    def warnings(self) -> list[str]:
        """Lines for stderr about what the counts alone do not say (repeated ids, dead workers)."""
        lines = []
        if self.duplicates:
            lines.append(
                f"warning: {self.duplicates:,} article(s) repeat an id seen earlier in the inputs; "
                "--duplicates first keeps only the first of each id (the others go to the error file)"
            )
        if self.retried_batches:
            lines.append(
                f"warning: a worker process died (killed, out of memory?); {self.retried_batches:,} "
                "batch(es) were run again in a fresh worker (articles that failed twice are in the error file)"
            )
        return lines


def _counting(
    entries: Iterable[Item | ReadError], summary: Summary, skip: set | None, duplicates: Duplicates | None = None
) -> Iterator[Item | ReadError]:
    for entry in entries:
        summary.records_in += 1
        if isinstance(entry, Item):
            summary.readable += 1
            if duplicates is not None:
                entry = duplicates.check(entry)
                summary.duplicates = duplicates.count
            if skip and entry.id in skip:
                summary.skipped += 1
                continue
        if isinstance(entry, ReadError) and skip and error_key(entry.to_dict()) in skip:
            summary.skipped += 1
            continue
        yield entry


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
    timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
    duplicates: str = "all",
    start_method: str | None = None,
) -> Summary:
    """Extract every input into ``out`` (+ ``OUT.errors.jsonl``) with the local engine.

    ``out`` ending in ``.gz`` is written as gzip. Outputs equal to or inside an
    input, and a second job on the same output, raise :class:`~netral_nlp.io.OutputError`
    before anything is read. ``timeout``: seconds one article (or chunk) may
    take before it goes to the error file. ``duplicates="first"`` sends every
    article whose id was seen before to the error file; with ``"all"`` they are
    written and counted (``Summary.duplicates``). With ``resume``, every article
    whose id is already in the output or the error file is skipped, so of two
    articles with one id only the first is kept after a restart. ``start_method``:
    how worker processes start (:class:`LocalEngine`).
    """
    check_job_arguments(fmt=fmt, over_limit=over_limit, n_process=n_process, batch_size=batch_size,
                        max_chars=max_chars, timeout=timeout)
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    # paths are checked against the outputs up front; a stream (of Items) is not materialised
    files = JobFiles(input_paths(inputs) if isinstance(inputs, (list, tuple)) else [], out, fmt, resume)
    summary = Summary(outputs=[str(files.out), str(files.errors_path)])
    seen = Duplicates(duplicates)
    # a JSONL output is written as the workers encoded it: the parent only reads and writes
    engine = LocalEngine(
        model, n_process, batch_size, max_chars, over_limit, nlp=nlp, timeout=timeout,
        start_method=start_method, encode=fmt == "jsonl",
    )
    start = time.perf_counter()
    with files:
        for outcome in engine.run(_counting(_entries(inputs), summary, files.done, seen)):
            if outcome.kind == "record":
                if outcome.line is not None:  # encoded by the worker
                    files.records.write_line(outcome.line)
                else:
                    files.records.write(outcome.data)
                summary.written += 1
                summary.words += outcome.words
            else:
                files.errors.write(outcome.data)
                summary.errors += 1
            if progress is not None:
                progress(1)
    summary.seconds = time.perf_counter() - start
    summary.worker_rss_mb = dict(engine.worker_rss)
    summary.retried_batches = engine.retried_batches
    return summary


def check_job_arguments(
    *, fmt: str, over_limit: str, n_process: int, batch_size: int, max_chars: int, timeout: float | None
) -> None:
    """ValueError/TypeError naming the argument, before any work starts."""
    if fmt not in ("jsonl", "parquet"):
        raise ValueError(f"fmt must be 'jsonl' or 'parquet', not {fmt!r}")
    if over_limit not in ("chunk", "refuse"):
        raise ValueError(f"over_limit must be 'chunk' or 'refuse', not {over_limit!r}")
    for name, value, least in (("n_process", n_process, 1), ("batch_size", batch_size, 1), ("max_chars", max_chars, 0)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"{name} must be an int, not {type(value).__name__}")
        if value < least:
            raise ValueError(f"{name} must be at least {least}, not {value}")
    if timeout is not None and (not isinstance(timeout, (int, float)) or timeout < 0):
        raise ValueError(f"timeout must be a number of seconds >= 0 or None, not {timeout!r}")


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
