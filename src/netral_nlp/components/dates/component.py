"""The ``netral_dates`` component: date mentions, ISO values, kinds and the extras.

Runs the grammar over ``doc.text`` (offsets are the original text's), drops
mentions inside boilerplate, fills years, classifies kinds, and stores:

- ``doc.spans["dates"]``: one span per mention, fields ``value`` and ``kind``;
- ``doc._.publication``: ISO date of the article's own date line, or None;
- ``doc._.resolved``: relative mentions (``kemarin``, ``Selasa``, ``H-1 kampanye``)
  resolved to ISO dates, kept apart from the dates;
- ``doc._.election``: the election(s) the article is about.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ...spans import add_span, boilerplate_ranges, sentence_bounds
from ...tokenizer import doc_text
from .dateline import date_lines
from .election import detect_elections, find_elections
from .grammar import Mention, find_mentions
from .intervals import Intervals
from .kinds import Sentences, classify
from .normalise import fill_ranges, finish
from .relative import resolve_relative

LABEL = "DATE"
YEAR = re.compile(r"(?<![\d/.,-])(?:19|20)\d{2}(?![\d/])")


def _outside(mentions: list[Mention], skip: Intervals) -> list[Mention]:
    return [m for m in mentions if not skip.overlaps(m.start, m.end)]


def _text_year(text: str, elections: list[dict], skip: Intervals) -> int | None:
    """The year an article is about: its election's, else its most frequent one."""
    years = Counter(e["year"] for e in elections if e.get("year"))
    if not years:
        years = Counter(
            int(m.group(0)) for m in YEAR.finditer(text) if not skip.overlaps(m.start(), m.end())
        )
    return years.most_common(1)[0][0] if years else None


@dataclass
class DateAnalysis:
    """Everything the date layer finds in one text (plain data)."""

    mentions: list[Mention]
    publication: str | None
    resolved: list[dict] | None
    elections: list[dict]


def analyse(
    text: str,
    boilerplate: list[tuple[int, int]],
    sentences: list[tuple[int, int]],
    elections: list[dict] | None = None,
    resolve: bool = True,
) -> DateAnalysis:
    """Find, normalise and classify the dates of ``text``: works on plain text, so the
    same code serves the spaCy component and :func:`extract_dates`."""
    skip = Intervals(boilerplate)
    mentions = _outside(find_mentions(text), skip)
    fill_ranges(mentions)
    publication, header_others = date_lines(text, mentions)
    found_elections = find_elections(text, None, skip) if elections is None else elections
    text_year = _text_year(text, found_elections, skip)
    mentions = finish(mentions, publication.first.year if publication else None, text_year)
    bounds = Sentences(sentences, len(text))
    for mention in mentions:
        if mention is publication:
            mention.kind = "publication"
        elif any(mention is other for other in header_others):
            mention.kind = "other"
        else:
            mention.kind = classify(text, mention, bounds)
    published = publication.value if publication is not None and publication.value else None
    resolved = resolve_relative(text, mentions, published, skip) if resolve else None
    return DateAnalysis(mentions, published, resolved, found_elections)


def annotate(doc: Doc, resolve: bool = True, elections: bool = True) -> Doc:
    """Find, normalise and classify the dates of ``doc`` (the component's work)."""
    text = doc_text(doc)  # doc.text is rebuilt from tokens on every access
    doc.spans["dates"] = []
    ranges = boilerplate_ranges(doc)
    found = detect_elections(doc, Intervals(ranges), text) if elections else []
    result = analyse(text, ranges, sentence_bounds(doc), found, resolve)
    for mention in result.mentions:
        add_span(doc, "dates", mention.start, mention.end, LABEL, value=mention.value, kind=mention.kind)
    doc._.publication = result.publication
    if resolve:
        doc._.resolved = result.resolved
    if elections:
        doc._.election = result.elections
    return doc


def extract_dates(text: str) -> list[dict]:
    """Date mentions of a plain text, without a spaCy pipeline.

    Boilerplate and segments come from the same text-level functions the
    components use, so the values and kinds equal the pipeline's (elections are
    found without REGION spans). For jobs that only need dates.
    """
    from ..boilerplate.boilerplate import find_boilerplate
    from ..segmenter.segmenter import segment_starts

    boilerplate = [(start, end) for start, end, _ in find_boilerplate(text)]
    starts = [s for s in segment_starts(text, boilerplate) if s < len(text)] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    sentences = list(zip(starts, [*starts[1:], len(text)], strict=True))
    result = analyse(text, boilerplate, sentences, resolve=False)
    return [
        {"start": m.start, "end": m.end, "text": text[m.start : m.end], "value": m.value, "kind": m.kind}
        for m in result.mentions
    ]


class DatesComponent:
    """spaCy pipe wrapper around :func:`annotate`; never raises on odd input."""

    def __init__(self, nlp: Language, name: str, resolve: bool = True, elections: bool = True) -> None:
        self.name = name
        self.resolve = resolve
        self.elections = elections

    def __call__(self, doc: Doc) -> Doc:
        return annotate(doc, resolve=self.resolve, elections=self.elections)
