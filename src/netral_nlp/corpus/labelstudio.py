"""Label Studio: export records as tasks with predictions, import the JSON export.

One labelling config (``label_config()``) covers the whole record: span
labels for entities (OFFICIAL ... LAW), DATE, RULE and the six event types
(on the trigger), and per-region controls for the fields (TextArea for free
values, Choices for closed sets). Label Studio stores a per-region field as a
result with the same ``id`` as the region, which is how import joins them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, get_args
from xml.sax.saxutils import quoteattr

from ..evaluate.scoring import as_dict
from ..schema import Category, DateKind, EntityLabel, EventType, Modality
from .offsets import align, empty_record

TEXT_NAME = "text"
ENTITY_LABELS: tuple[str, ...] = get_args(EntityLabel)
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
DATE_LABEL = "DATE"
RULE_LABEL = "RULE"
LEVELS = ("province", "regency", "city", "district", "village")

#: per-region control name -> (record section, field name, control type, choices)
CONTROLS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "role": ("entities", "role", "textarea", ()),
    "ballot_number": ("entities", "ballot_number", "textarea", ()),
    "level": ("entities", "level", "choices", LEVELS),
    "code": ("entities", "code", "textarea", ()),
    "canonical": ("entities", "canonical", "textarea", ()),
    "law_type": ("entities", "law_type", "textarea", ()),
    "number": ("entities", "number", "textarea", ()),
    "year": ("entities", "year", "textarea", ()),
    "value": ("dates", "value", "textarea", ()),
    "kind": ("dates", "kind", "choices", get_args(DateKind)),
    "marker": ("rules", "marker", "textarea", ()),
    "modality": ("rules", "modality", "choices", get_args(Modality)),
    "category": ("rules", "category", "choices", get_args(Category)),
    "event_date": ("events", "date", "textarea", ()),
    "event_region": ("events", "region", "textarea", ()),
}
#: which controls show for which label (Label Studio ``visibleWhen``)
_CONTROLS_FOR: dict[str, tuple[str, ...]] = {
    "OFFICIAL": ("role",),
    "CANDIDATE": ("ballot_number",),
    "REGION": ("level", "code", "canonical"),
    "LAW": ("law_type", "number", "year"),
    DATE_LABEL: ("value", "kind"),
    RULE_LABEL: ("marker", "modality", "category"),
    **{t: ("event_date", "event_region") for t in EVENT_TYPES},
}


def _section_of(label: str) -> str | None:
    if label in ENTITY_LABELS:
        return "entities"
    if label == DATE_LABEL:
        return "dates"
    if label == RULE_LABEL:
        return "rules"
    if label in EVENT_TYPES:
        return "events"
    return None


def label_config() -> str:
    """The Label Studio labelling config (XML) matching import and export."""
    labels = [*ENTITY_LABELS, DATE_LABEL, RULE_LABEL, *EVENT_TYPES]
    lines = ["<View>", f'  <Labels name="label" toName="{TEXT_NAME}">']
    lines += [f"    <Label value={quoteattr(v)}/>" for v in labels]
    lines += ["  </Labels>", f'  <Text name="{TEXT_NAME}" value="$text"/>']
    for name, (_, _, kind, choices) in CONTROLS.items():
        shown = [label for label, names in _CONTROLS_FOR.items() if name in names]
        when = ",".join(shown)
        lines.append(f'  <View visibleWhen="region-selected" whenLabelValue={quoteattr(when)}>')
        lines.append(f"    <Header value={quoteattr(name)}/>")
        if kind == "textarea":
            lines.append(
                f'    <TextArea name="{name}" toName="{TEXT_NAME}" perRegion="true" maxSubmissions="1" editable="true"/>'
            )
        else:
            lines.append(f'    <Choices name="{name}" toName="{TEXT_NAME}" perRegion="true">')
            lines += [f"      <Choice value={quoteattr(c)}/>" for c in choices]
            lines.append("    </Choices>")
        lines.append("  </View>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------- export


def _region(rid: str, start: int, end: int, text: str, label: str) -> dict[str, Any]:
    return {
        "id": rid,
        "from_name": "label",
        "to_name": TEXT_NAME,
        "type": "labels",
        "value": {"start": start, "end": end, "text": text, "labels": [label]},
    }


def _field(rid: str, control: str, start: int, end: int, value: Any) -> dict[str, Any]:
    kind = CONTROLS[control][2]
    payload: dict[str, Any] = {"start": start, "end": end}
    if kind == "textarea":
        payload["text"] = [str(value)]
    else:
        payload["choices"] = [str(value)]
    return {"id": rid, "from_name": control, "to_name": TEXT_NAME, "type": kind, "value": payload}


def record_to_results(record: Any) -> list[dict[str, Any]]:
    """Label Studio results (regions and their per-region fields) for one record."""
    data = as_dict(record)
    results: list[dict[str, Any]] = []

    def add(prefix: str, n: int, span: dict[str, Any], label: str, fields: dict[str, Any]) -> None:
        rid = f"{prefix}{n}"
        start, end = int(span["start"]), int(span["end"])
        results.append(_region(rid, start, end, span.get("text", ""), label))
        for control in _CONTROLS_FOR.get(label, ()):
            value = fields.get(CONTROLS[control][1])
            if value is not None:
                results.append(_field(rid, control, start, end, value))

    for n, e in enumerate(data.get("entities") or []):
        add("e", n, e, e["label"], e)
    for n, d in enumerate(data.get("dates") or []):
        add("d", n, d, DATE_LABEL, d)
    for n, r in enumerate(data.get("rules") or []):
        add("r", n, r, RULE_LABEL, r)
    for n, ev in enumerate(data.get("events") or []):
        add("v", n, ev["trigger"], ev["type"], ev)
    return results


def to_tasks(
    records: Iterable[Any], model_version: str = "netral-nlp", as_annotations: bool = False
) -> list[dict[str, Any]]:
    """Label Studio tasks; records go in as predictions (or as annotations for gold)."""
    tasks = []
    for record in records:
        data = as_dict(record)
        task_data = {"text": data.get("text", ""), "record_id": data.get("id")}
        if data.get("meta") is not None:
            task_data["meta"] = data["meta"]
        results = record_to_results(data)
        task: dict[str, Any] = {"data": task_data}
        if as_annotations:
            task["annotations"] = [{"result": results}]
        else:
            task["predictions"] = [{"model_version": model_version, "result": results}]
        tasks.append(task)
    return tasks


def write_tasks(records: Iterable[Any], path: str | Path, **kwargs: Any) -> Path:
    """Write tasks as a JSON list and the labelling config next to it (``.xml``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(to_tasks(records, **kwargs), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    path.with_suffix(".xml").write_text(label_config(), encoding="utf-8")
    return path


# ------------------------------------------------------------------- import


def _first(value: Any) -> Any:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _pick_results(task: dict[str, Any], use_predictions: bool) -> list[dict[str, Any]]:
    annotations = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if annotations:
        latest = max(
            annotations, key=lambda a: str(a.get("updated_at") or a.get("created_at") or "")
        )
        return latest.get("result") or []
    if use_predictions and task.get("predictions"):
        return task["predictions"][-1].get("result") or []
    return []


def task_to_record(
    task: dict[str, Any], use_predictions: bool = False, problems: list[str] | None = None
) -> dict[str, Any]:
    """One exported task as a record dict (validate with ``ArticleRecord``).

    Regions whose offsets cannot be matched to the text, and regions missing
    a required field (date value/kind, rule modality/category), are skipped
    and described in ``problems``.
    """
    data = task.get("data") or {}
    text = data.get("text") or ""
    rid = data.get("record_id", data.get("id", task.get("id")))
    record: dict[str, Any] = empty_record(rid, text, data.get("meta"))
    regions: dict[str, dict[str, Any]] = {}
    fields: dict[str, dict[str, Any]] = {}
    for result in _pick_results(task, use_predictions):
        value = result.get("value") or {}
        if result.get("type") == "labels" or "labels" in value:
            regions[str(result.get("id"))] = value
        elif result.get("from_name") in CONTROLS:
            raw = value.get("text", value.get("choices"))
            fields.setdefault(str(result.get("id")), {})[result["from_name"]] = _first(raw)
    note = problems.append if problems is not None else (lambda _msg: None)
    for region_id, value in regions.items():
        label = _first(value.get("labels"))
        section = _section_of(str(label))
        offsets = align(
            text, int(value.get("start", -1)), int(value.get("end", -1)), value.get("text")
        )
        if section is None or offsets is None:
            note(f"{rid}: region {region_id} ({label}) skipped: unknown label or offsets")
            continue
        start, end = offsets
        span = {"start": start, "end": end, "text": text[start:end]}
        values = {
            CONTROLS[c][1]: v
            for c, v in fields.get(region_id, {}).items()
            if CONTROLS[c][0] == section
        }
        if section == "entities":
            record["entities"].append({**span, "label": label, **values})
        elif section == "events":
            record["events"].append(
                {
                    "type": label,
                    "trigger": span,
                    "date": values.get("date"),
                    "region": values.get("region"),
                }
            )
        else:
            required = ("value", "kind") if section == "dates" else ("modality", "category")
            missing = [f for f in required if not values.get(f)]
            if missing:
                note(f"{rid}: {label} region {region_id} skipped: no {', '.join(missing)}")
                continue
            if section == "rules":
                values.setdefault("marker", None)
            record[section].append({**span, **values})
    for name in ("entities", "dates", "rules"):
        record[name].sort(key=lambda s: (s["start"], s["end"]))
    record["events"].sort(key=lambda e: (e["trigger"]["start"], e["trigger"]["end"]))
    return record


def read_export(
    path: str | Path, use_predictions: bool = False, problems: list[str] | None = None
) -> list[dict[str, Any]]:
    """Records from a Label Studio JSON export (a list of tasks, or JSON lines)."""
    raw = Path(path).read_text(encoding="utf-8").strip()
    if raw.startswith("["):
        tasks = json.loads(raw)
    else:
        tasks = [json.loads(line) for line in raw.splitlines() if line.strip()]
    return [task_to_record(t, use_predictions=use_predictions, problems=problems) for t in tasks]
