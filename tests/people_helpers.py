"""Running netral_people on a text whose places are already marked, as netral_regions would
have marked them: the people readers are tested without the gazetteer deciding the places."""

from __future__ import annotations

from netral_nlp.schema import to_record
from netral_nlp.spans import add_span


def entities_with_places(nlp, text: str, places, level: str):
    """The record's entities, with ``places`` marked REGION (of ``level``) right before
    netral_people runs."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "netral_people":
            for place in places:
                start = text.index(place)
                add_span(doc, "entities", start, start + len(place), "REGION", level=level, code=None)
        doc = proc(doc)
    return to_record(doc).entities
