"""The ``netral`` command line: extract | evaluate | train | schema | show | convert."""

from __future__ import annotations

import typer

from . import convert, evaluate, extract, schema, show, train

app = typer.Typer(
    name="netral",
    help="Structured records from Indonesian news on election neutrality.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (extract, evaluate, schema, show, convert):
    module.register(app)
app.add_typer(train.app, name="train", help="Train the NER, the rule classifier or the event classifier.")


def main() -> None:
    """Console-script entry point."""
    app()
