"""``netral show``: run the pipeline on one text and print its record."""

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
    ) -> None:
        """Print the record of one article as indented JSON."""
        from .. import extract, load

        text = text_file.read_text(encoding="utf-8") if text_file else sys.stdin.read()
        nlp = load(model) if model else None
        record = extract(text, id=text_file.stem if text_file else None, nlp=nlp)
        typer.echo(json.dumps(record.to_json_dict(), indent=2, ensure_ascii=False))
