"""Domain knowledge as data files (lexicons, patterns), read through these helpers."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def path(name: str):
    """A resource file as a Traversable (works from a wheel or a checkout)."""
    return resources.files(__name__).joinpath(name)


def read_text(name: str) -> str:
    return path(name).read_text(encoding="utf-8")


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
