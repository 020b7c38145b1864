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

Modules: ``records`` (the per-batch function and chunking), ``local`` (worker
processes, ``iter_records``, ``run_job``), ``dask_engine`` (``run_dask_job``),
``datasets`` (``map_dataset``).
"""

from .dask_engine import read_dask_output, run_dask_job, run_partition
from .datasets import map_dataset
from .local import ExtractionError, LocalEngine, Summary, iter_records, peak_rss_mb, run_job
from .records import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_CHARS,
    cached_pipeline,
    process_batch,
    split_chunks,
)

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_MAX_CHARS",
    "ExtractionError",
    "LocalEngine",
    "Summary",
    "cached_pipeline",
    "iter_records",
    "map_dataset",
    "peak_rss_mb",
    "process_batch",
    "read_dask_output",
    "run_dask_job",
    "run_job",
    "run_partition",
    "split_chunks",
]
