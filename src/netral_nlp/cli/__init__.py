"""The ``netral`` command line: extract | evaluate | train | schema | show | convert | report."""

from __future__ import annotations

import typer

from . import convert, evaluate, extract, schema, show, train
from . import report as report_cli

app = typer.Typer(
    name="netral",
    help="Structured records from Indonesian news on election neutrality.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (extract, evaluate, schema, show, convert, report_cli):
    module.register(app)
app.add_typer(train.app, name="train", help="Train the NER, the rule classifier or the event classifier.")


def main() -> None:
    """Console-script entry point."""
    app()
