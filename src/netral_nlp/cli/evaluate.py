"""``netral evaluate`` (see netral_nlp.evaluate)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command("evaluate")
    def evaluate_command() -> None:
        """Score predictions against gold records (not implemented yet)."""
        raise typer.Exit(2)
