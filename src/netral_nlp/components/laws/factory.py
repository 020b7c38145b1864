"""Factory of the netral_laws component: LAW spans with law_type, number and year."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...spans import add_span, boilerplate_ranges
from ...tokenizer import doc_text
from .citations import find_citations


class LawTagger:
    """Adds a LAW span per cited regulation to ``doc.spans["entities"]``."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans.setdefault("entities", [])
        skip = boilerplate_ranges(doc)
        for c in find_citations(doc_text(doc)):
            if any(c.start < e and s < c.end for s, e in skip):
                continue
            add_span(doc, "entities", c.start, c.end, "LAW",
                     law_type=c.law_type, number=c.number, year=c.year)
        return doc


@Language.factory("netral_laws", default_config={}, assigns=["doc.spans"], requires=[])
def create_laws(nlp: Language, name: str) -> LawTagger:
    return LawTagger()
