"""What readers yield: an article to process, or an input that cannot become one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Item:
    """One article to process: where it came from, its id, text and meta."""

    id: str
    text: str
    meta: dict[str, Any] | None = None
    file: str | None = None
    line: int | None = None


@dataclass(slots=True)
class ReadError:
    """An input that could not become an article (it goes to the error file)."""

    reason: str
    id: str | None = None
    file: str | None = None
    line: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "file": self.file, "line": self.line}
        out["reason"] = self.reason
        out.update(self.extra)
        return out


def text_problem(text: Any) -> str | None:
    """Why ``text`` cannot be processed, or None when it can."""
    if text is None:
        return "missing 'text'"
    if not isinstance(text, str):
        return f"'text' is {type(text).__name__}, not a string"
    if not text.strip():
        return "'text' is empty"
    return None


def coerce_id(value: Any) -> str | None:
    """An input's id as a string (``12.0`` -> ``"12"``); None when it has none usable."""
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def item_from_mapping(
    row: dict[str, Any], default_id: str, file: str | None, line: int | None
) -> Item | ReadError:
    """``{"id", "text", ...}`` -> Item; other fields (and a ``meta`` dict) become meta."""
    id_ = coerce_id(row.get("id")) or default_id
    problem = text_problem(row.get("text"))
    if problem:
        return ReadError(problem, id=id_, file=file, line=line)
    meta = {k: v for k, v in row.items() if k not in ("id", "text", "meta")}
    inner = row.get("meta")
    if isinstance(inner, dict):
        meta = {**inner, **meta}
    elif inner is not None:
        meta["meta"] = inner
    return Item(id_, row["text"], meta or None, file, line)
