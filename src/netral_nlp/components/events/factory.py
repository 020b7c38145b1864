"""Factory of the netral_events component (placeholder until implemented)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Placeholder:
    """Leaves the 'events' span group present but empty."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans.setdefault("events", [])
        return doc


@Language.factory("netral_events", default_config={}, assigns=["doc.spans"])
def create_events(nlp: Language, name: str) -> Placeholder:
    return Placeholder()
