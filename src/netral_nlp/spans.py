"""Shared helpers for the span groups every component writes.

Components never write JSON: they put spans on ``doc.spans[GROUP]`` and keep the
fields of each span as a plain dict in a per-group span extension (plain data
keeps Docs serialisable). ``schema.to_record`` reads them back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Span

from .tokenizer import doc_text

#: span group name -> name of the span extension holding that group's fields
GROUPS: dict[str, str] = {
    "boilerplate": "boilerplate_attrs",
    "entities": "ent_attrs",
    "dates": "date_attrs",
    "rules": "rule_attrs",
    "events": "event_attrs",
}

#: plain-data document extensions (defaults) filled by components
DOC_EXTENSIONS: dict[str, Any] = {
    "publication": None,  # ISO date of the article's own date line
    "election": None,  # list of {"name", "year", "region"} the article is about
    "resolved": None,  # relative mentions resolved against the publication date
}


def register_extensions() -> None:
    """Register the span and doc extensions once per process (idempotent)."""
    for attr in GROUPS.values():
        if not Span.has_extension(attr):
            Span.set_extension(attr, default=None)
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()


def char_span(doc: Doc, start: int, end: int, label: str = "") -> Span | None:
    """A span over characters ``start:end``, widened to token boundaries if needed."""
    if start >= end:
        return None
    span = doc.char_span(start, end, label=label)
    if span is None:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
    return span


def add_span(doc: Doc, group: str, start: int, end: int, label: str, **attrs: Any) -> Span | None:
    """Append a labelled span with its fields to ``doc.spans[group]``."""
    span = char_span(doc, start, end, label)
    if span is None:
        return None
    setattr(span._, GROUPS[group], dict(attrs))
    doc.spans.setdefault(group, [])
    doc.spans[group].append(span)
    return span


def attrs_of(span: Span, group: str) -> dict[str, Any]:
    """The fields stored on a span of ``group`` (empty dict when none)."""
    return dict(getattr(span._, GROUPS[group]) or {})


def group(doc: Doc, name: str) -> Iterable[Span]:
    """Spans of a group, empty when the component did not run."""
    return doc.spans.get(name, ())


def labelled(doc: Doc, group_name: str, label: str) -> list[tuple[int, int, dict[str, Any]]]:
    """(start, end, fields) of the spans of one label in a group, in document order."""
    return [
        (span.start_char, span.end_char, attrs_of(span, group_name))
        for span in group(doc, group_name)
        if span.label_ == label
    ]


def boilerplate_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges marked as not part of the article."""
    return [(s.start_char, s.end_char) for s in group(doc, "boilerplate")]


def in_boilerplate(doc: Doc, start: int, end: int) -> bool:
    """True when ``start:end`` overlaps a boilerplate span (later components skip it)."""
    return any(start < b_end and b_start < end for b_start, b_end in boilerplate_ranges(doc))


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Sentence (segment) bounds in characters, covering the whole text.

    Read as one array: iterating ``doc.sents`` walks every token in Python and
    is the slowest thing a component can do on a long article.
    """
    if len(doc) == 0:
        return []
    marks = doc.to_array([SENT_START, IDX])
    starts = marks[marks[:, 0] == 1, 1].tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return list(zip(starts, [*starts[1:], len(doc_text(doc))], strict=True))


def content_sentences(doc: Doc) -> list[tuple[int, int]]:
    """Bounds of the sentences that are article content: not blank, not boilerplate."""
    text = doc_text(doc)
    ranges = boilerplate_ranges(doc)
    out = []
    for start, end in sentence_bounds(doc):
        stripped = text[start:end].strip()
        if not stripped:
            continue
        covered = sum(min(e, end) - max(s, start) for s, e in ranges if start < e and s < end)
        if covered and covered >= len(stripped):
            continue
        out.append((start, end))
    return out
