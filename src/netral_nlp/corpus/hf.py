"""Annotated records as Hugging Face ``datasets`` (optional ``data`` extra).

Rows keep the record format with fixed nested features, so every split has
the same schema even when a split has no rules or no events. Extra fields a
component adds (``subject``, ``actors`` ...) are dropped: the dataset holds
the contract only.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import Any

from ..evaluate.scoring import as_dict
from ..schema import LABEL_FIELDS

SPLITS: tuple[str, ...] = ("train", "dev", "test")
DEFAULT_RATIOS: tuple[float, float, float] = (0.8, 0.1, 0.1)
DEFAULT_SEED = 13

_ENTITY_FIELDS = tuple(dict.fromkeys(f for fields in LABEL_FIELDS.values() for f in fields))


def split_records(
    records: Iterable[Any], ratios: Sequence[float] = DEFAULT_RATIOS, seed: int = DEFAULT_SEED
) -> dict[str, list[Any]]:
    """train/dev/test lists: sorted by id, shuffled with ``seed``, cut by ``ratios``.

    Sorting first makes the split independent of file order; dev and test
    get at least one record each (when their ratio is positive) as long as
    one is left for train.
    """
    items = sorted(records, key=lambda r: str(as_dict(r).get("id") or as_dict(r).get("text", "")))
    random.Random(seed).shuffle(items)
    total = sum(ratios) or 1.0
    n = len(items)
    sizes = [0] + [round(n * r / total) for r in ratios[1:]]
    for k, r in enumerate(ratios[1:], 1):
        if r > 0 and sizes[k] == 0 and n - sum(sizes) > 1:
            sizes[k] = 1
    sizes[0] = max(0, n - sum(sizes))
    out: dict[str, list[Any]] = {}
    start = 0
    for name, size in zip(SPLITS, sizes, strict=False):
        out[name] = items[start : start + size]
        start += size
    return out


def features():
    """The ``datasets.Features`` of a record row."""
    from datasets import Features, Value

    span = {"start": Value("int32"), "end": Value("int32"), "text": Value("string")}
    return Features(
        {
            "id": Value("string"),
            "text": Value("string"),
            "entities": [
                {**span, "label": Value("string"), **{f: Value("string") for f in _ENTITY_FIELDS}}
            ],
            "dates": [{**span, "value": Value("string"), "kind": Value("string")}],
            "rules": [
                {
                    **span,
                    "marker": Value("string"),
                    "modality": Value("string"),
                    "category": Value("string"),
                }
            ],
            "events": [
                {
                    "type": Value("string"),
                    "trigger": span,
                    "date": Value("string"),
                    "region": Value("string"),
                }
            ],
        }
    )


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def to_row(record: Any) -> dict[str, Any]:
    """A record as a dataset row (contract fields only, strings for field values)."""
    data = as_dict(record)

    def spanned(item: dict[str, Any]) -> dict[str, Any]:
        return {"start": int(item["start"]), "end": int(item["end"]), "text": item["text"]}

    return {
        "id": _str(data.get("id")),
        "text": data.get("text", ""),
        "entities": [
            {**spanned(e), "label": e["label"], **{f: _str(e.get(f)) for f in _ENTITY_FIELDS}}
            for e in data.get("entities") or []
        ],
        "dates": [
            {**spanned(d), "value": d["value"], "kind": d["kind"]} for d in data.get("dates") or []
        ],
        "rules": [
            {
                **spanned(r),
                "marker": _str(r.get("marker")),
                "modality": r["modality"],
                "category": r["category"],
            }
            for r in data.get("rules") or []
        ],
        "events": [
            {
                "type": e["type"],
                "trigger": spanned(e["trigger"]),
                "date": _str(e.get("date")),
                "region": _str(e.get("region")),
            }
            for e in data.get("events") or []
        ],
    }


def to_dataset(records: Iterable[Any]):
    """A ``datasets.Dataset`` of records (one row per article)."""
    from datasets import Dataset

    return Dataset.from_list([to_row(r) for r in records], features=features())


def to_dataset_dict(
    records: Iterable[Any], ratios: Sequence[float] = DEFAULT_RATIOS, seed: int = DEFAULT_SEED
):
    """A ``datasets.DatasetDict`` with train/dev/test splits (see ``split_records``)."""
    from datasets import DatasetDict

    parts = split_records(records, ratios=ratios, seed=seed)
    return DatasetDict({name: to_dataset(items) for name, items in parts.items()})


def from_dataset(dataset) -> list[dict[str, Any]]:
    """Dataset rows back to record dicts (validate with ``ArticleRecord`` if needed)."""
    return [dict(row) for row in dataset]
