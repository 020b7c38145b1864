"""``netral extract``: batch extraction into JSONL or Parquet (see netral_nlp.batch)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer


class Format(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class OverLimit(StrEnum):
    chunk = "chunk"
    refuse = "refuse"


def _progress_bar():
    """A tqdm bar on stderr when it is a terminal, else nothing."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit=" rec", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_command(
        inputs: list[Path] = typer.Argument(
            ...,
            help=".txt files (id = file stem), folders (their .txt, JSONL and Parquet files, sorted by name), JSONL (.jsonl, .jsonl.gz) "
            'lines {"id", "text", ...} or Parquet files (columns id, text); other fields go to "meta".',
            show_default=False,
        ),
        output: Path = typer.Option(
            ..., "-o", "--output",
            help="Output file (OUT.jsonl or OUT.parquet); errors go to OUT.errors.jsonl. "
            "With --engine dask: a folder of part files plus manifest.json.",
        ),
        model: Path = typer.Option(None, "--model", help="Pipeline folder (default: the shipped one)."),
        n_process: int = typer.Option(1, "--n-process", "-n", min=1, help="Worker processes (local engine)."),
        batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per batch sent to a worker."),
        fmt: Format = typer.Option(
            Format.jsonl, "--format",
            help="jsonl, or parquet (fixed Arrow schema: nested lists of structs, extras as JSON strings).",
        ),
        resume: bool = typer.Option(
            False, "--resume",
            help="Skip ids already in the output or the error file; a line cut short by a crash is "
            "repaired first. Delete the error file to retry failed records.",
        ),
        max_chars: int = typer.Option(
            1_000_000, "--max-chars",
            help="Size limit of one article's text, in characters (0: none). Longer articles are "
            "processed in chunks cut at paragraph/line/sentence boundaries, offsets kept on the "
            "whole text (--over-limit chunk), or refused into the error file (--over-limit refuse).",
        ),
        over_limit: OverLimit = typer.Option(OverLimit.chunk, "--over-limit", help="chunk or refuse (see --max-chars)."),
        engine: Engine = typer.Option(Engine.local, "--engine", help="local processes, or a Dask cluster."),
        scheduler: str = typer.Option(
            None, "--scheduler", help="Dask scheduler address; without it a LocalCluster is started."
        ),
        n_workers: int = typer.Option(2, "--n-workers", min=1, help="Workers of the LocalCluster (dask)."),
        partition_size: int = typer.Option(1000, "--partition-size", min=1, help="Articles per part file (dask)."),
    ) -> None:
        """Extract records from many articles; summary on stderr; exit 1 only when nothing was readable."""
        from ..batch import run_dask_job, run_job

        bar = _progress_bar()
        progress = bar.update if bar is not None else None
        model_arg = str(model) if model is not None else None
        try:
            if engine is Engine.dask:
                summary = run_dask_job(
                    inputs, output, fmt.value, scheduler=scheduler, n_workers=n_workers,
                    partition_size=partition_size, model=model_arg, batch_size=batch_size,
                    max_chars=max_chars, over_limit=over_limit.value, resume=resume, progress=progress,
                )
            else:
                summary = run_job(
                    inputs, output, fmt.value, model=model_arg, n_process=n_process,
                    batch_size=batch_size, max_chars=max_chars, over_limit=over_limit.value,
                    resume=resume, progress=progress,
                )
        finally:
            if bar is not None:
                bar.close()
        typer.echo(summary.line(), err=True)
        if summary.readable == 0:
            typer.echo("error: no article could be read from the inputs", err=True)
            raise typer.Exit(1)
