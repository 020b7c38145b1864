"""``netral schema``: print the record's JSON Schema."""

from __future__ import annotations

import json

import typer


def register(app: typer.Typer) -> None:
    @app.command("schema")
    def schema_command() -> None:
        """Print the JSON Schema of the article record."""
        from ..schema import json_schema

        typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
