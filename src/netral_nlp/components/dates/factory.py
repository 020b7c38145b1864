"""Factory of the netral_dates component (placeholder until implemented)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Placeholder:
    """Leaves the 'dates' span group present but empty."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans.setdefault("dates", [])
        return doc


@Language.factory("netral_dates", default_config={}, assigns=["doc.spans"])
def create_dates(nlp: Language, name: str) -> Placeholder:
    return Placeholder()
