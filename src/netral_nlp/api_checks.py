"""Argument checks of the Python API: a TypeError or ValueError that names the argument,
instead of an error from deep inside spaCy, msgpack or pydantic."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def checked_text(text: Any, name: str = "text") -> str:
    """``text`` when it is a str; bytes and other types raise TypeError."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray)):
        raise TypeError(f"{name} must be a str, not {type(text).__name__}: decode it first, e.g. {name}.decode('utf-8')")
    raise TypeError(f"{name} must be a str, not {type(text).__name__}")


def checked_id(value: Any, name: str = "id") -> str | None:
    """An article id as str: str and int ids are taken (``123`` -> ``"123"``), None stays None."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise TypeError(f"{name} must be a str, an int or None, not {type(value).__name__}")


def checked_items(items: Any) -> Iterable[Any]:
    """``items`` when it is an iterable of articles (a lone text is a mistake, not many articles)."""
    if isinstance(items, (str, bytes, bytearray)):
        raise TypeError("items must be an iterable of texts, (text, id) pairs or dicts, not one "
                        f"{type(items).__name__}; for one article use netral_nlp.extract(text)")
    if not isinstance(items, Iterable):
        raise TypeError(f"items must be an iterable of articles, not {type(items).__name__}")
    return items


def checked_positive(name: str, value: Any) -> int:
    """``value`` when it is an int of at least 1."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, not {value}")
    return value
