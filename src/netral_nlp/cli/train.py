"""``netral train ner|rules|events``: each command delegates to netral_nlp.train.<part>."""

from __future__ import annotations

import typer

app = typer.Typer(no_args_is_help=True)
