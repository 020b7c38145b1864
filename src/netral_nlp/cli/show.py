"""``netral show``: run the pipeline on one text and print its record, or write its view."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("show")
    def show_command(
        text_file: Path = typer.Argument(None, help="A .txt file; standard input when omitted."),
        model: Path = typer.Option(None, "--model", help="Pipeline folder (default: shipped)."),
        html_out: Path = typer.Option(
            None, "--html", help="Write the article's displaCy span view to this HTML file instead."
        ),
    ) -> None:
        """Print the record of one article as indented JSON (or, with --html, write its view)."""
        from .. import extract, load
        from ..view.page import article_page
        from ..view.records import as_record

        text = text_file.read_text(encoding="utf-8") if text_file else sys.stdin.read()
        article_id = text_file.stem if text_file else None
        if html_out is None:
            nlp = load(model) if model else None
            record = extract(text, id=article_id, nlp=nlp)
            typer.echo(json.dumps(record.to_json_dict(), indent=2, ensure_ascii=False))
            return
        # the Doc still holds the boilerplate the record leaves out, so the view need not find it again
        record, marked = as_record(load(model)(text))
        record["id"] = article_id
        html_out.write_text(article_page(record, marked), encoding="utf-8")
        typer.echo(f"wrote {html_out}", err=True)
