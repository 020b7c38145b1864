"""``netral extract`` (owned by the batch work: see netral_nlp.batch)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_command() -> None:
        """Batch extraction (not implemented yet)."""
        raise typer.Exit(2)
