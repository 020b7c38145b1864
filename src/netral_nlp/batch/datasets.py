"""Record columns for a Hugging Face ``datasets.Dataset``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..io import (
    text_problem,
)
from .records import DEFAULT_BATCH_SIZE, DEFAULT_MAX_CHARS, Payload, cached_pipeline, process_batch

if TYPE_CHECKING:

    pass


def _dataset_batch(
    batch: dict[str, list], model: str | None, text_column: str, as_json: bool, max_chars: int
) -> dict[str, list]:
    from ..arrow import ITEM_TYPES, record_to_row

    nlp = cached_pipeline(model, max_chars)
    texts = batch[text_column]
    ids = batch.get("id") or [None] * len(texts)
    columns: dict[str, list] = {name: [] for name in ITEM_TYPES}
    columns["error"] = []
    payloads: list[Payload] = []
    slots: list[int | None] = []
    for id_, text in zip(ids, texts, strict=True):
        problem = text_problem(text)
        slots.append(None if problem else len(payloads))
        if not problem:
            payloads.append((None if id_ is None else str(id_), text, None, None, None))
    outcomes = process_batch(nlp, payloads, max_chars)
    for slot, text in zip(slots, texts, strict=True):
        if slot is None:
            row, error = {name: [] for name in ITEM_TYPES}, text_problem(text)
        else:
            outcome = outcomes[slot]
            ok = outcome.kind == "record"
            row = record_to_row(outcome.data) if ok else {name: [] for name in ITEM_TYPES}
            error = None if ok else outcome.data["reason"]
        for name in ITEM_TYPES:
            value = row[name]
            columns[name].append(json.dumps(value, ensure_ascii=False) if as_json else value)
        columns["error"].append(error)
    return columns


def map_dataset(
    ds: Any,
    num_proc: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    model: str | Path | None = None,
    text_column: str = "text",
    as_json: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Any:
    """Add ``entities``, ``dates``, ``rules``, ``events`` and ``error`` columns to a Dataset.

    Columns are lists of structs with the fixed schema of
    :mod:`netral_nlp.arrow` (``as_json=True``: JSON strings). A row whose
    text is missing, empty or fails gets empty lists and its ``error``.
    Each process loads the pipeline once.
    """
    import datasets
    import pyarrow as pa

    from ..arrow import ITEM_TYPES

    extra = [pa.field(n, pa.string() if as_json else t) for n, t in ITEM_TYPES.items()]
    extra.append(pa.field("error", pa.string()))
    features = datasets.Features(
        {
            **{k: v for k, v in ds.features.items() if k not in {f.name for f in extra}},
            **datasets.Features.from_arrow_schema(pa.schema(extra)),
        }
    )
    return ds.map(
        _dataset_batch,
        batched=True,
        batch_size=batch_size,
        num_proc=num_proc,
        features=features,
        fn_kwargs={
            "model": str(model) if model is not None else None,
            "text_column": text_column,
            "as_json": as_json,
            "max_chars": max_chars,
        },
        desc="netral-nlp",
    )
