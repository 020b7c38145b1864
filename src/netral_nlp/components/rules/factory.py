"""Factory of the netral_rules component (placeholder until implemented)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Placeholder:
    """Leaves the 'rules' span group present but empty."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans.setdefault("rules", [])
        return doc


@Language.factory("netral_rules", default_config={}, assigns=["doc.spans"])
def create_rules(nlp: Language, name: str) -> Placeholder:
    return Placeholder()
