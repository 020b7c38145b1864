"""Domain knowledge as data files (lexicons, patterns), read through these helpers."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def path(name: str):
    """A resource file as a Traversable (works from a wheel or a checkout)."""
    return resources.files(__name__).joinpath(name)


#: resource name -> text that replaces the packaged file (a trained component's own lexicons)
_OVERRIDES: dict[str, str] = {}


def read_text(name: str) -> str:
    if name in _OVERRIDES:
        return _OVERRIDES[name]
    return path(name).read_text(encoding="utf-8")


def packaged_text(name: str) -> str:
    """The packaged file, whatever overrides are installed."""
    return path(name).read_text(encoding="utf-8")


def override(name: str, text: str | None) -> None:
    """Make ``read_text(name)`` return ``text`` (``None`` restores the packaged file).

    A trained component calls this with the lexicons it was trained with, so that
    a model and its cues travel together; callers clear their own caches.
    """
    if text is None or text == packaged_text(name):
        _OVERRIDES.pop(name, None)
    else:
        _OVERRIDES[name] = text


def read_lines(name: str) -> list[str]:
    """Non-empty lines, ``#`` comments removed."""
    lines = []
    for line in read_text(name).splitlines():
        line = line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            lines.append(line)
    return lines


def read_json(name: str) -> Any:
    return json.loads(read_text(name))
