"""Reading gold/predicted record files and predicting records with a pipeline."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..schema import ArticleRecord, to_record


class RecordError(ValueError):
    """A line of a record file that is not a valid record."""


def iter_jsonl(path: str | Path) -> Iterator[tuple[int, Any]]:
    """``(line number, parsed JSON)`` for each non-blank line."""
    with open(path, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield lineno, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise RecordError(f"{path}:{lineno}: not JSON ({exc.msg})") from exc


def read_records(
    paths: str | Path | Iterable[str | Path], strict: bool = True, problems: list[str] | None = None
) -> list[ArticleRecord]:
    """Records of one or several JSONL files (concatenated), validated by ArticleRecord.

    With ``strict=False`` an invalid record is skipped and described in
    ``problems`` instead of raising (predictions should not abort an evaluation).
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    records: list[ArticleRecord] = []
    for path in paths:
        for lineno, data in iter_jsonl(path):
            try:
                records.append(ArticleRecord.model_validate(data))
            except ValidationError as exc:
                message = f"{path}:{lineno}: invalid record ({exc.error_count()} errors: {exc.errors()[0]['msg']})"
                if strict:
                    raise RecordError(message) from exc
                if problems is not None:
                    problems.append(message)
    return records


def predict_records(
    nlp, gold: Iterable[Any], batch_size: int = 16, problems: list[str] | None = None
) -> list[ArticleRecord]:
    """Run ``nlp`` over the gold texts; each record keeps its gold id.

    A text that makes the pipeline raise gets no prediction (so its gold
    items count as misses) rather than aborting the whole evaluation.
    """
    items = [
        (g.id, g.text) if hasattr(g, "text") else (g.get("id"), g.get("text", "")) for g in gold
    ]
    try:
        docs = nlp.pipe((text for _, text in items), batch_size=batch_size)
        return [to_record(doc, id=id_) for (id_, _), doc in zip(items, docs, strict=True)]
    except Exception:  # noqa: BLE001 - fall back to one article at a time
        out = []
        for id_, text in items:
            try:
                out.append(to_record(nlp(text), id=id_))
            except Exception as exc:  # noqa: BLE001
                if problems is not None:
                    problems.append(f"{id_}: pipeline failed ({type(exc).__name__}: {exc})")
        return out
