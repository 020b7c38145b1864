"""One fixed Arrow schema for records (Parquet output, ``datasets`` columns).

Derived from the pydantic models in :mod:`netral_nlp.schema`, so every part
file of a job (and of every job) has the same columns whatever the records
hold: nested lists stay lists of structs, fields a component adds beyond the
contract (``subject``, ``actors`` ...) go into an ``extra`` JSON string per
item, and record-level additions (``election``, ``resolved`` ...) into a
record ``extra`` JSON string. ``row_to_record`` gives back the JSONL record.
"""

from __future__ import annotations

import json
import typing
from typing import Any

import pyarrow as pa
from pydantic import BaseModel

from .jsontext import json_default
from .schema import LABEL_FIELDS, DateMention, Entity, Event, Rule


def _arrow_type(annotation: Any) -> pa.DataType:
    """int -> int64, a nested model -> struct, anything else -> string."""
    args = typing.get_args(annotation)
    candidates = [a for a in args if a is not type(None)] if args else [annotation]
    for candidate in candidates:
        if candidate is int:
            return pa.int64()
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return pa.struct(_model_fields(candidate))
    return pa.string()


def _model_fields(model: type[BaseModel], extra: bool = False) -> list[pa.Field]:
    fields = [pa.field(name, _arrow_type(info.annotation)) for name, info in model.model_fields.items()]
    if extra:
        fields.append(pa.field("extra", pa.string()))
    return fields


ITEM_MODELS: dict[str, type[BaseModel]] = {
    "entities": Entity,
    "dates": DateMention,
    "rules": Rule,
    "events": Event,
}
ITEM_TYPES: dict[str, pa.DataType] = {
    name: pa.list_(pa.struct(_model_fields(model, extra=True))) for name, model in ITEM_MODELS.items()
}
RECORD_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string()),
        pa.field("text", pa.string()),
        *(pa.field(name, kind) for name, kind in ITEM_TYPES.items()),
        pa.field("publication", pa.string()),
        pa.field("meta", pa.string()),  # JSON object of the input's other fields
        pa.field("extra", pa.string()),  # JSON object of other record-level fields
    ]
)
_ITEM_COLUMNS = {name: [f.name for f in ITEM_TYPES[name].value_type] for name in ITEM_TYPES}
_TOP = {"id", "text", *ITEM_TYPES, "publication", "meta"}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=json_default)


def _item_row(item: dict[str, Any], columns: list[str]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name in columns:
        if name == "extra":
            continue
        value = item.get(name)
        if value is not None and not isinstance(value, (str, int, dict)):
            value = _dumps(value)
        row[name] = value
    rest = {k: v for k, v in item.items() if k not in row}
    row["extra"] = _dumps(rest) if rest else None
    return row


def record_to_row(record: dict[str, Any]) -> dict[str, Any]:
    """A JSON record -> a row of :data:`RECORD_SCHEMA`."""
    row: dict[str, Any] = {"id": record.get("id"), "text": record.get("text")}
    for name, columns in _ITEM_COLUMNS.items():
        row[name] = [_item_row(item, columns) for item in record.get(name) or ()]
    publication = record.get("publication")
    row["publication"] = publication if publication is None or isinstance(publication, str) else _dumps(publication)
    row["meta"] = _dumps(record["meta"]) if record.get("meta") is not None else None
    rest = {k: v for k, v in record.items() if k not in _TOP}
    row["extra"] = _dumps(rest) if rest else None
    return row


def _kept(name: str, item: dict[str, Any]) -> set[str]:
    """Keys ``to_record`` always writes for this item (kept even when null)."""
    if name == "entities":
        return {"start", "end", "text", "label", *LABEL_FIELDS.get(item.get("label") or "", ())}
    return set(_ITEM_COLUMNS[name]) - {"extra"}


def _item_record(name: str, row: dict[str, Any]) -> dict[str, Any]:
    keep = _kept(name, row)
    item = {k: v for k, v in row.items() if k != "extra" and (v is not None or k in keep)}
    if row.get("extra"):
        item.update(json.loads(row["extra"]))
    return item


def row_to_record(row: dict[str, Any]) -> dict[str, Any]:
    """A Parquet row -> the JSON record it was made from."""
    record: dict[str, Any] = {"id": row.get("id"), "text": row.get("text")}
    for name in ITEM_TYPES:
        record[name] = [_item_record(name, item) for item in row.get(name) or ()]
    if row.get("publication") is not None:
        record["publication"] = row["publication"]
    if row.get("extra"):
        record.update(json.loads(row["extra"]))
    if row.get("meta") is not None:
        record["meta"] = json.loads(row["meta"])
    return record
