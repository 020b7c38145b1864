"""The ``netral_qualifiers`` component: qualifier spans on ``doc.spans["qualifiers"]``."""

from __future__ import annotations

from spacy.tokens import Doc

from ...spans import content_sentences, sentence_bounds
from ...tokenizer import doc_text
from .index import GROUP
from .qualifiers import find_qualifiers


class Qualifiers:
    """Marks quoted, reported, hypothetical, negated, planned, deadline and headline text."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        sentences = content_sentences(doc) if doc.spans.get("boilerplate") else sentence_bounds(doc)
        spans = []
        for start, end, label in find_qualifiers(text, sentences):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[GROUP] = spans
        return doc
