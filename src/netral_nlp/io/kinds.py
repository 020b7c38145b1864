"""Input and output kinds, told from file names."""

from __future__ import annotations

from pathlib import Path

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz")
PARQUET_SUFFIXES = (".parquet", ".pq")
TEXT_SUFFIXES = (".txt",)


def input_kind(path: Path) -> str | None:
    """"jsonl", "parquet", "txt", or None for a file that is not an input."""
    name = path.name.lower()
    if any(name.endswith(s) for s in JSONL_SUFFIXES):
        return "jsonl"
    if any(name.endswith(s) for s in PARQUET_SUFFIXES):
        return "parquet"
    if any(name.endswith(s) for s in TEXT_SUFFIXES):
        return "txt"
    return None


def input_stem(path: Path) -> str:
    """The name without its input suffix (``news.jsonl.gz`` -> ``news``)."""
    name = path.name
    for suffix in (*JSONL_SUFFIXES, *PARQUET_SUFFIXES, *TEXT_SUFFIXES):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def is_gzip_name(path: str | Path) -> bool:
    """True for ``x.jsonl.gz``, and for its unfinished ``x.jsonl.gz.inprogress``."""
    name = str(path).lower().removesuffix(".inprogress")
    return name.endswith(".gz")


def errors_path_for(out: str | Path) -> Path:
    """``OUT.jsonl`` -> ``OUT.errors.jsonl`` (``OUT.parquet``, ``OUT.jsonl.gz`` too)."""
    out = Path(out)
    name = out.name
    for suffix in (".jsonl.gz", ".jsonl", ".parquet", ".ndjson"):
        if name.endswith(suffix):
            return out.with_name(name[: -len(suffix)] + ".errors.jsonl")
    return out.with_name(name + ".errors.jsonl")
