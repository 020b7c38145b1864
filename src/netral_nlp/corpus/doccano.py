"""doccano sequence-labelling JSONL: import and export.

doccano carries span labels only, so it brings entities (OFFICIAL ... LAW)
and event triggers (a label named after the event type, date and region
null). Labels it cannot fill (dates and rules need a value or a category)
are skipped and counted in ``problems``. Both doccano layouts are read:
``{"text", "label": [[start, end, "LABEL"], ...]}`` and
``{"text", "entities": [{"start_offset", "end_offset", "label"}, ...]}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..evaluate.scoring import as_dict
from .labelstudio import ENTITY_LABELS, EVENT_TYPES
from .offsets import align, empty_record


def _spans(line: dict[str, Any]) -> list[tuple[int, int, str]]:
    out = []
    for item in line.get("label") or line.get("labels") or []:
        if isinstance(item, list | tuple) and len(item) >= 3:
            out.append((int(item[0]), int(item[1]), str(item[2])))
    for item in line.get("entities") or []:
        if isinstance(item, dict):
            start = item.get("start_offset", item.get("start"))
            end = item.get("end_offset", item.get("end"))
            if start is not None and end is not None:
                out.append((int(start), int(end), str(item.get("label"))))
    return out


def line_to_record(line: dict[str, Any], problems: list[str] | None = None) -> dict[str, Any]:
    """One doccano line as a record dict."""
    text = line.get("text") or ""
    rid = line.get("record_id", line.get("id"))
    record: dict[str, Any] = empty_record(rid, text, line.get("meta"))
    for start, end, label in sorted(_spans(line)):
        offsets = align(text, start, end, None)
        if offsets is None or (label not in ENTITY_LABELS and label not in EVENT_TYPES):
            if problems is not None:
                problems.append(f"{rid}: span {start}:{end} {label!r} skipped")
            continue
        s, e = offsets
        span = {"start": s, "end": e, "text": text[s:e]}
        if label in ENTITY_LABELS:
            record["entities"].append({**span, "label": label})
        else:
            record["events"].append({"type": label, "trigger": span, "date": None, "region": None})
    return record


def read_jsonl(path: str | Path, problems: list[str] | None = None) -> list[dict[str, Any]]:
    """Records from a doccano JSONL export."""
    out = []
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            if raw.strip():
                out.append(line_to_record(json.loads(raw), problems))
    return out


def record_to_line(record: Any) -> dict[str, Any]:
    """A record as a doccano line (entities and event triggers)."""
    data = as_dict(record)
    labels = [[e["start"], e["end"], e["label"]] for e in data.get("entities") or []]
    labels += [
        [ev["trigger"]["start"], ev["trigger"]["end"], ev["type"]]
        for ev in data.get("events") or []
    ]
    line: dict[str, Any] = {
        "id": data.get("id"),
        "text": data.get("text", ""),
        "label": sorted(labels),
    }
    if data.get("meta") is not None:
        line["meta"] = data["meta"]
    return line


def write_jsonl(records: Iterable[Any], path: str | Path) -> Path:
    """Write records as doccano JSONL."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record_to_line(record), ensure_ascii=False) + "\n")
    return path
