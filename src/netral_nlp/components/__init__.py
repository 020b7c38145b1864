"""Pipeline components, one folder each (factory.py + the component)."""

from __future__ import annotations

import importlib

FACTORY_MODULES = (
    "boilerplate",
    "segmenter",
    "qualifiers",
    "regions",
    "laws",
    "people",
    "dates",
    "rules",
    "events",
)


def register_all() -> None:
    """Import every factory module so ``@Language.factory`` runs."""
    for name in FACTORY_MODULES:
        importlib.import_module(f"netral_nlp.components.{name}.factory")
