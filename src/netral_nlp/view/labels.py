"""One displayable span per record item: where it is, what it is, and its fields.

A span's label is short (what fits over the text in displaCy's span view);
its fields, extras included (``score``, ``subject``, ``actors`` ...), go to the
hover title and to the table beside the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: fields that locate a span rather than describe it
_LOCATION = frozenset({"start", "end", "text", "trigger"})
#: colours per group (and per entity label): pale enough to read the text over
COLORS: dict[str, str] = {
    "OFFICIAL": "#f9c74f",
    "CANDIDATE": "#f8961e",
    "REGION": "#90be6d",
    "ORG": "#a7c7e7",
    "LAW": "#c9ada7",
    "DATE": "#b5a7f2",
    "RULE": "#f4a6a6",
    "EVENT": "#4dd0c8",
    "BOILERPLATE": "#d0d0d0",
}
MAX_LABEL = 64


@dataclass(frozen=True, slots=True)
class DisplaySpan:
    """A record item placed on the text."""

    group: str  # entities | dates | rules | events | boilerplate
    kind: str  # colour key: the entity label, DATE, RULE, EVENT, BOILERPLATE
    start: int
    end: int
    label: str  # short text shown over the span
    fields: dict[str, Any] = field(default_factory=dict)  # everything else, for title and table


def _short(parts: list[Any]) -> str:
    text = " · ".join(str(p) for p in parts if p not in (None, "", []))
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _fields(item: dict[str, Any], skip: frozenset[str] = _LOCATION) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in skip and v not in (None, "", [], {})}


def _score(item: dict[str, Any]) -> str | None:
    score = item.get("score")
    return f"{score:.2f}" if isinstance(score, (int, float)) and not isinstance(score, bool) else None


def entity_span(item: dict[str, Any]) -> DisplaySpan:
    label = item.get("label") or "ENTITY"
    detail = {
        "OFFICIAL": [item.get("role")],
        "CANDIDATE": [f"no. {item['ballot_number']}" if item.get("ballot_number") else None],
        "REGION": [item.get("level"), item.get("code")],
        "LAW": [item.get("law_type"), item.get("number"), item.get("year")],
    }.get(label, [])
    fields = _fields(item, _LOCATION | {"label"})
    return DisplaySpan("entities", label, item["start"], item["end"], _short([label, *detail]), fields)


def date_span(item: dict[str, Any]) -> DisplaySpan:
    return DisplaySpan(
        "dates", "DATE", item["start"], item["end"],
        _short(["DATE", item.get("kind"), item.get("value")]), _fields(item),
    )


def rule_span(item: dict[str, Any]) -> DisplaySpan:
    parts = ["RULE", item.get("marker"), item.get("modality"), item.get("category"), _score(item)]
    return DisplaySpan("rules", "RULE", item["start"], item["end"], _short(parts), _fields(item))


def event_span(item: dict[str, Any]) -> DisplaySpan:
    trigger = item.get("trigger") or {}
    parts = ["EVENT", item.get("type"), item.get("date"), item.get("region"), _score(item)]
    fields = {"trigger": trigger.get("text"), **_fields(item)}
    return DisplaySpan("events", "EVENT", trigger["start"], trigger["end"], _short(parts), fields)


def display_spans(record: dict[str, Any]) -> list[DisplaySpan]:
    """Every item of the record that has offsets, in text order."""
    spans: list[DisplaySpan] = []
    for group, make in (("entities", entity_span), ("dates", date_span), ("rules", rule_span), ("events", event_span)):
        spans.extend(make(item) for item in record.get(group) or ())
    return sorted(spans, key=lambda s: (s.start, -s.end))
