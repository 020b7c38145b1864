"""``netral extract``: batch extraction into JSONL or Parquet (see netral_nlp.batch)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

FORMATS = ("jsonl", "parquet")
ENGINES = ("local", "dask")
OVER_LIMIT = ("chunk", "refuse")
DUPLICATES = ("all", "first")
START_METHODS = ("auto", "fork", "spawn")


def _progress_bar():
    """A tqdm bar on stderr when it is a terminal, else nothing."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit=" rec", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def _fail(message: str) -> typer.Exit:
    """One line on stderr and exit status 2 (a usage problem, nothing was processed)."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


def _choice(option: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise _fail(f"{option} must be one of {', '.join(allowed)}, not {value!r}")
    return value


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
            help="Output file (OUT.jsonl, OUT.jsonl.gz (gzip) or OUT.parquet); errors go to OUT.errors.jsonl. "
            "Written under OUT.inprogress and moved into place at the end; never an input or inside an "
            "input folder; a second job on the same output is refused (OUT.lock). "
            "With --engine dask: a folder of part files plus manifest.json.",
        ),
        model: Path = typer.Option(None, "--model", help="Pipeline folder (default: the shipped one)."),
        n_process: int = typer.Option(1, "--n-process", "-n", min=1, help="Worker processes (local engine)."),
        start_method: str = typer.Option(
            "auto", "--start-method",
            help="How workers start (--n-process 2 or more): fork (from this process once it has loaded "
            "and warmed the pipeline: loaded once per job), spawn (each worker loads its own; this "
            "process never loads spaCy), or auto (fork on Linux, else spawn).",
        ),
        batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per batch sent to a worker."),
        fmt: str = typer.Option(
            "jsonl", "--format",
            help="jsonl, or parquet (fixed Arrow schema: nested lists of structs, extras as JSON strings).",
        ),
        resume: bool = typer.Option(
            False, "--resume",
            help="Skip ids already in the output or the error file (so of two articles with one id "
            "only the first is kept); a job cut short goes on from OUT.inprogress. Errors of whole "
            "files (a corrupt .gz) are skipped too. Delete the error file to retry failed records.",
        ),
        max_chars: int = typer.Option(
            1_000_000, "--max-chars",
            help="Size limit of one article's text, in characters (0: none). Longer articles are "
            "processed in chunks cut at paragraph/line/sentence boundaries, offsets kept on the "
            "whole text (--over-limit chunk), or refused into the error file (--over-limit refuse). "
            "Articles over 50,000 characters are always processed in chunks of that size (linear time).",
        ),
        over_limit: str = typer.Option("chunk", "--over-limit", help="chunk or refuse (see --max-chars)."),
        article_timeout: float = typer.Option(
            60.0, "--article-timeout", min=0,
            help="Seconds one article (or one 50,000-character chunk) may take; one that runs longer "
            "goes to the error file with the reason and the job goes on (0: no limit).",
        ),
        duplicates: str = typer.Option(
            "all", "--duplicates",
            help="all: write every article, and warn with the count of repeated ids at the end; "
            "first: keep the first article of each id, the others go to the error file.",
        ),
        engine: str = typer.Option("local", "--engine", help="local processes, or dask (needs the dask extra)."),
        scheduler: str = typer.Option(
            None, "--scheduler", help="Dask scheduler address; without it a LocalCluster is started."
        ),
        n_workers: int = typer.Option(2, "--n-workers", min=1, help="Workers of the LocalCluster (dask)."),
        partition_size: int = typer.Option(1000, "--partition-size", min=1, help="Articles per part file (dask)."),
    ) -> None:
        """Extract records from many articles; summary on stderr; exit 1 only when nothing was readable,
        2 when the command itself cannot run (bad output, missing extra, unknown option value)."""
        from ..batch import run_dask_job, run_job
        from ..batch.dask_engine import MissingExtra
        from ..io import OutputError

        _choice("--format", fmt, FORMATS)
        _choice("--engine", engine, ENGINES)
        _choice("--over-limit", over_limit, OVER_LIMIT)
        _choice("--duplicates", duplicates, DUPLICATES)
        _choice("--start-method", start_method, START_METHODS)
        if fmt == "parquet" and output.name.lower().endswith(".gz"):
            raise _fail(f"--format parquet is compressed already: name the output {output.name[:-3]!r}")
        if model is not None and not model.is_dir():
            raise _fail(f"--model {model}: no such pipeline folder (leave it out for the shipped pipeline)")
        timeout = article_timeout or None
        bar = _progress_bar()
        progress = bar.update if bar is not None else None
        model_arg = str(model) if model is not None else None
        try:
            if engine == "dask":
                summary = run_dask_job(
                    inputs, output, fmt, scheduler=scheduler, n_workers=n_workers,
                    partition_size=partition_size, model=model_arg, batch_size=batch_size,
                    max_chars=max_chars, over_limit=over_limit, resume=resume, progress=progress,
                    timeout=timeout, duplicates=duplicates,
                )
            else:
                summary = run_job(
                    inputs, output, fmt, model=model_arg, n_process=n_process,
                    batch_size=batch_size, max_chars=max_chars, over_limit=over_limit,
                    resume=resume, progress=progress, timeout=timeout, duplicates=duplicates,
                    start_method=None if start_method == "auto" else start_method,
                )
        except (OutputError, MissingExtra) as exc:
            raise _fail(str(exc)) from None
        except OSError as exc:  # the output disappeared or filled the disk mid-way
            raise _fail(f"cannot write the output: {exc.strerror or exc} ({exc.filename or output})") from None
        finally:
            if bar is not None:
                bar.close()
        typer.echo(summary.line(), err=True)
        for warning in summary.warnings():
            typer.echo(warning, err=True)
        if summary.readable == 0:
            typer.echo("error: no article could be read from the inputs", err=True)
            raise typer.Exit(1)
