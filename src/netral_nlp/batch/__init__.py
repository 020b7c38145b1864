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

Articles over ``CHUNK_CHARS`` are always processed in chunks (some
components are superlinear in the length of one text), and each article or
chunk has a time limit (``timeout``, ``--article-timeout``). A worker
process that dies takes only its batch (retried once in a fresh worker).

Modules: ``records`` (the per-batch function and chunking), ``timeout`` (the
per-article time limit), ``local`` (worker processes, ``iter_records``,
``run_job``), ``job_files`` (a job's outputs, lock and duplicate ids),
``dask_engine`` (``run_dask_job``), ``datasets`` (``map_dataset``).
"""

from .dask_engine import read_dask_output, run_dask_job, run_partition
from .datasets import map_dataset
from .local import ExtractionError, LocalEngine, Summary, iter_records, peak_rss_mb, run_job
from .records import (
    CHUNK_CHARS,
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_CHARS,
    cached_pipeline,
    process_batch,
    split_chunks,
)
from .timeout import DEFAULT_ARTICLE_TIMEOUT, ArticleTimeout

__all__ = [
    "CHUNK_CHARS",
    "DEFAULT_ARTICLE_TIMEOUT",
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_MAX_CHARS",
    "ArticleTimeout",
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
