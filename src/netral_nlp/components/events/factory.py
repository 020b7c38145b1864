"""Factory of ``netral_events``."""

from __future__ import annotations

from spacy.language import Language

from .events import EventExtractor


@Language.factory(
    "netral_events",
    default_config={"threshold": 0.3, "use_filter": True},
    assigns=["doc.spans"],
    requires=["doc.sents"],
)
def create_events(nlp: Language, name: str, threshold: float, use_filter: bool) -> EventExtractor:
    return EventExtractor(threshold=threshold, use_filter=use_filter)
