"""The netral_regions component: REGION spans with level, Kemendagri code and canonical name."""

from __future__ import annotations

from spacy.tokens import Doc

from ...spans import add_span, boilerplate_ranges
from ...tokenizer import doc_text
from .finder import find_mentions
from .resolver import fields, resolve

#: statistical NER labels that mark a person (a region name inside one is not a region)
PERSON_LABELS = frozenset({"PERSON", "PER", "PPL"})


class RegionTagger:
    """Adds a REGION span per region mention to ``doc.spans["entities"]``."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans.setdefault("entities", [])
        text = doc_text(doc)
        if not text.strip():
            return doc
        persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in PERSON_LABELS]
        mentions = resolve(find_mentions(text, boilerplate_ranges(doc), persons), text)
        for mention in mentions:
            add_span(doc, "entities", mention.start, mention.end, "REGION", **fields(mention))
        return doc
