"""Factory of the netral_people component (placeholder until implemented)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Placeholder:
    """Leaves the 'entities' span group present but empty."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans.setdefault("entities", [])
        return doc


@Language.factory("netral_people", default_config={}, assigns=["doc.spans"])
def create_people(nlp: Language, name: str) -> Placeholder:
    return Placeholder()
