"""The article record (see the record format) and the Doc -> record conversion.

Every model allows extra fields: the contract fixes what a record MUST carry,
components may add more (``subject``, ``parent``, ``actors`` ...).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from spacy.tokens import Doc

from .spans import attrs_of, group
from .tokenizer import doc_text

EntityLabel = Literal["OFFICIAL", "CANDIDATE", "REGION", "ORG", "LAW"]
DateKind = Literal[
    "campaign_period",
    "voting_day",
    "quiet_period",
    "counting_period",
    "election_stage",
    "event_date",
    "publication",
    "other",
]
Modality = Literal["prohibition", "obligation"]
Category = Literal[
    "candidate_support",
    "campaign_participation",
    "attributes_symbols",
    "social_media",
    "state_facilities",
    "mobilization",
    "partisan_decision",
    "inducement",
    "support_letter",
    "campaign_materials",
    "money_politics",
    "conflict_of_interest",
    "neutrality_general",
    "other",
]
EventType = Literal[
    "pledge", "socialization", "directive", "supervision", "violation_report", "sanction"
]

#: fields each entity label carries (null when unknown) besides start/end/text/label
LABEL_FIELDS: dict[str, tuple[str, ...]] = {
    "OFFICIAL": ("role",),
    "CANDIDATE": ("ballot_number",),
    "REGION": ("level", "code", "canonical"),
    "ORG": (),
    "LAW": ("law_type", "number", "year"),
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class TextSpan(_Model):
    """Offsets into the original text (code points, end exclusive)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Entity(TextSpan):
    label: EntityLabel
    role: str | None = None
    ballot_number: str | None = None
    level: Literal["province", "regency", "city", "district", "village"] | None = None
    code: str | None = None
    canonical: str | None = None
    law_type: str | None = None
    number: str | None = None
    year: str | None = None


class DateMention(TextSpan):
    value: str
    kind: DateKind


class Rule(TextSpan):
    marker: str | None = None
    modality: Modality
    category: Category


class Event(_Model):
    type: EventType
    trigger: TextSpan
    date: str | None = None
    region: str | None = None


class ArticleRecord(_Model):
    """One article in, one record out."""

    id: str | None = None
    text: str
    entities: list[Entity] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    rules: list[Rule] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    @model_validator(mode="after")
    def _offsets_reproduce_text(self) -> ArticleRecord:
        spans: list[TextSpan] = [*self.entities, *self.dates, *self.rules]
        spans += [e.trigger for e in self.events]
        for span in spans:
            if self.text[span.start : span.end] != span.text:
                raise ValueError(
                    f"span {span.start}:{span.end} is {self.text[span.start:span.end]!r}, "
                    f"record says {span.text!r}"
                )
        return self

    def to_json_dict(self) -> dict[str, Any]:
        """Plain JSON data: contract fields always, unset optional fields left out."""
        return self.model_dump(mode="json", exclude_unset=True)


def _span_fields(span, text: str) -> dict[str, Any]:
    # ``text``: the tokenizer's copy of the Doc's text, read once per record
    # (``span.text``/``doc.text`` rebuild it token by token)
    start, end = span.start_char, span.end_char
    return {"start": start, "end": end, "text": text[start:end]}


def _entity(span, text: str) -> dict[str, Any]:
    attrs = attrs_of(span, "entities")
    fields = {**_span_fields(span, text), "label": span.label_}
    for name in LABEL_FIELDS.get(span.label_, ()):
        fields[name] = attrs.pop(name, None)
    fields.update(attrs)
    return fields


def _date(span, text: str) -> dict[str, Any]:
    return {**_span_fields(span, text), **attrs_of(span, "dates")}


def _rule(span, text: str) -> dict[str, Any]:
    attrs = attrs_of(span, "rules")
    return {**_span_fields(span, text), "marker": attrs.pop("marker", None), **attrs}


def _event(span, text: str) -> dict[str, Any]:
    attrs = attrs_of(span, "events")
    return {
        "type": span.label_,
        "trigger": _span_fields(span, text),
        "date": attrs.pop("date", None),
        "region": attrs.pop("region", None),
        **attrs,
    }


def _by_offsets(items: list[dict[str, Any]], key=lambda x: (x["start"], x["end"])) -> list:
    return sorted(items, key=key)


def to_record(doc: Doc, id: str | None = None, meta: dict[str, Any] | None = None) -> ArticleRecord:
    """Turn an annotated Doc into its ArticleRecord (the only place records are made)."""
    text = doc_text(doc)
    record: dict[str, Any] = {
        "id": id,
        "text": text,
        "entities": _by_offsets([_entity(s, text) for s in group(doc, "entities")]),
        "dates": _by_offsets([_date(s, text) for s in group(doc, "dates")]),
        "rules": _by_offsets([_rule(s, text) for s in group(doc, "rules")]),
        "events": _by_offsets(
            [_event(s, text) for s in group(doc, "events")],
            key=lambda e: (e["trigger"]["start"], e["trigger"]["end"]),
        ),
    }
    for name in ("publication", "election", "resolved"):
        value = getattr(doc._, name)
        if value is not None:
            record[name] = value
    if meta:
        record["meta"] = meta
    return ArticleRecord.model_validate(record)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of ArticleRecord (``netral schema``)."""
    return ArticleRecord.model_json_schema()
