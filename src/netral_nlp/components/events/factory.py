"""Factory of ``netral_events``."""

from __future__ import annotations

from spacy.language import Language

from .events import EventExtractor


@Language.factory(
    "netral_events",
    default_config={},
    assigns=["doc.spans"],
    requires=["doc.sents"],
)
def create_events(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor()
