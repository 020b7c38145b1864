"""Everything the report shows, counted in one pass over the records.

Each record is read once and forgotten; what stays is bounded by the number
of distinct keys (months, types, categories) or by a :class:`BoundedTally`'s
capacity (names, regions, periods), never by the number of records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .counting import BoundedTally
from .evidence import cite
from .reading import Unreadable
from .regions import Place, places_in, resolve

STATED_KINDS = ("campaign_period", "quiet_period", "voting_day", "counting_period")
MONTH = re.compile(r"^(\d{4}-\d{2})")
ERRORS_LISTED = 20
NAMES_CAPACITY = 5000


def _month(value: Any) -> str | None:
    match = MONTH.match(value) if isinstance(value, str) else None
    return match.group(1) if match else None


def _name_key(text: str) -> str:
    return " ".join(text.split())


def _has_offsets(span: Any) -> bool:
    return isinstance(span, dict) and isinstance(span.get("start"), int) and isinstance(span.get("end"), int)


def shape_problem(record: dict[str, Any]) -> str | None:
    """Why the record cannot be counted (checked before anything is counted), or None."""
    for group in ("entities", "dates", "rules", "events"):
        items = record.get(group) or []
        if not isinstance(items, list):
            return f"{group} is not a list"
        for number, item in enumerate(items):
            span = item.get("trigger") if group == "events" and isinstance(item, dict) else item
            if not _has_offsets(span):
                return f"{group}[{number}] has no start/end offsets"
            if group == "entities" and not isinstance(item.get("text"), str):
                return f"{group}[{number}] has no text"
    return None


@dataclass
class Tally:
    """The report's figures, filled record by record."""

    records: int = 0
    unreadable: int = 0
    errors: list[Unreadable] = field(default_factory=list)
    events_by_month: BoundedTally = field(default_factory=BoundedTally)  # (month, type)
    event_month_basis: dict[str, int] = field(default_factory=lambda: {"event date": 0, "publication": 0, "none": 0})
    events_by_region: BoundedTally = field(default_factory=lambda: BoundedTally(NAMES_CAPACITY))  # name
    places: dict[str, Place] = field(default_factory=dict)  # region name -> code and level (bounded by Kemendagri)
    events_by_province: BoundedTally = field(default_factory=BoundedTally)  # province code
    rules_by_category: BoundedTally = field(default_factory=BoundedTally)  # (category, modality)
    rules_by_subject: BoundedTally = field(default_factory=BoundedTally)  # (subject, modality)
    stated_periods: BoundedTally = field(default_factory=lambda: BoundedTally(NAMES_CAPACITY))  # (kind, value)
    officials: BoundedTally = field(default_factory=lambda: BoundedTally(NAMES_CAPACITY))  # name
    organisations: BoundedTally = field(default_factory=lambda: BoundedTally(NAMES_CAPACITY))  # name
    publications: BoundedTally = field(default_factory=BoundedTally)  # month
    scores_seen: int = 0

    def add(self, item: dict[str, Any] | Unreadable) -> None:
        if isinstance(item, Unreadable):
            self.unreadable += 1
            if len(self.errors) < ERRORS_LISTED:
                self.errors.append(item)
            return
        problem = shape_problem(item)
        if problem:
            self.add(Unreadable(str(item.get("id")), f"malformed record ({problem})"))
            return
        self.records += 1
        self._record(item)

    def _record(self, record: dict[str, Any]) -> None:
        publication = _month(record.get("publication"))
        if publication:
            self.publications.add(publication)
        self._events(record, publication)
        self._rules(record)
        self._dates(record)
        self._people(record)

    def _events(self, record: dict[str, Any], publication: str | None) -> None:
        local = places_in(record)
        for event in record.get("events") or ():
            trigger = event["trigger"]

            def quote(t=trigger):
                return cite(record, t["start"], t["end"])

            month = _month(event.get("date"))
            basis = "event date" if month else ("publication" if publication else "none")
            self.event_month_basis[basis] += 1
            self.events_by_month.add((month or publication or "undated", event.get("type")), quote)
            name = event.get("region")
            if isinstance(name, str) and name:
                place: Place = local.get(name) or self.places.get(name) or resolve(name)
                if place.code or name not in self.places:
                    self.places[name] = place
                self.events_by_region.add(name, quote, note=event.get("type"))
                if place.province_code:
                    self.events_by_province.add(place.province_code, quote)
            if isinstance(event.get("score"), (int, float)):
                self.scores_seen += 1

    def _rules(self, record: dict[str, Any]) -> None:
        for rule in record.get("rules") or ():

            def quote(r=rule):
                return cite(record, r["start"], r["end"])

            modality = rule.get("modality") or "unknown"
            self.rules_by_category.add((rule.get("category") or "unknown", modality), quote)
            self.rules_by_subject.add((rule.get("subject") or "(not stated)", modality), quote)
            if isinstance(rule.get("score"), (int, float)):
                self.scores_seen += 1

    def _dates(self, record: dict[str, Any]) -> None:
        seen = set()
        for date in record.get("dates") or ():
            key = (date.get("kind"), date.get("value"))
            if key[0] in STATED_KINDS and isinstance(key[1], str) and key not in seen:
                seen.add(key)
                self.stated_periods.add(key, lambda d=date: cite(record, d["start"], d["end"]))

    def _people(self, record: dict[str, Any]) -> None:
        seen = set()
        for entity in record.get("entities") or ():
            label = entity.get("label")
            if label not in ("OFFICIAL", "ORG"):
                continue
            key = (label, _name_key(entity["text"]))
            if key in seen:
                continue  # an article counts once per name
            seen.add(key)
            tally = self.officials if label == "OFFICIAL" else self.organisations
            tally.add(key[1], lambda e=entity: cite(record, e["start"], e["end"]), note=entity.get("role"))
