"""``netral report``: one offline HTML page of figures over extracted records."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report_command(
        records: list[Path] = typer.Argument(..., help="Records written by netral extract (.jsonl, .jsonl.gz, .parquet)."),
        out: Path = typer.Option(..., "-o", "--out", help="The HTML page to write."),
    ) -> None:
        """Write a self-contained HTML report (charts, tables, cited text) of a batch of records."""
        from ..report import missing_extra

        hint = missing_extra()
        if hint:
            typer.echo(hint, err=True)
            raise typer.Exit(2)
        missing = [str(p) for p in records if not p.is_file()]
        if missing:
            typer.echo(f"no such file: {', '.join(missing)}", err=True)
            raise typer.Exit(2)
        from ..report import build_report

        counted = build_report(records, out)
        typer.echo(f"wrote {out}: {counted.records:,} records, {counted.unreadable:,} unreadable", err=True)
        if counted.records == 0:
            raise typer.Exit(1)
