"""Training the trainable parts: one module each (ner.py, rules.py, events.py, ...).

Modules that fit a part from gold articles register it with
:func:`netral_nlp.learn.register_part`; :func:`register_all` imports them so
that the registry is complete.
"""

from __future__ import annotations

import importlib

#: trainer modules that register learned parts
PART_MODULES: tuple[str, ...] = ("people", "rules", "dates", "events")


def register_all() -> None:
    """Import every trainer module that registers a learned part."""
    for module in PART_MODULES:
        importlib.import_module(f"{__name__}.{module}")
