"""Shared by the events tests: a gold record of an invented article with at most one event."""

from __future__ import annotations


def event_record(article_id: str, text: str, event_type: str | None, trigger: str | None) -> dict:
    """The record of ``text`` whose one event (if ``event_type``) is named by ``trigger``."""
    events = []
    if event_type:
        start = text.index(trigger)
        events.append({"type": event_type, "trigger": {"start": start, "end": start + len(trigger), "text": trigger},
                       "date": None, "region": None})
    return {"id": article_id, "text": text, "entities": [], "dates": [], "rules": [], "events": events}
