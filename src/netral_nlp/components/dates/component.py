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
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from ...learn.linear import LinearTextClassifier
from ...spans import add_span, boilerplate_ranges, sentence_bounds
from ...tokenizer import doc_text
from ..qualifiers.index import QualifierIndex
from .dateline import date_lines
from .election import detect_elections, find_elections
from .grammar import Mention, find_mentions
from .intervals import Intervals
from .kind_model import FeatureLexicon, default_lexicon, default_lexicon_file, mention_features
from .kinds import Sentences, classify
from .normalise import fill_ranges, finish
from .relative import resolve_relative

LABEL = "DATE"
KIND_MODEL_DIR = "kinds"
LEXICON_FILE = "kind_features.json"
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


class KindDecider:
    """The learned kind decision (``netral train dates``) with the lexicon it was trained with."""

    def __init__(self, model: LinearTextClassifier, lexicon_file: Path | None = None) -> None:
        self.model = model
        self.lexicon_file = lexicon_file or default_lexicon_file()
        self.lexicon = default_lexicon() if lexicon_file is None else FeatureLexicon.from_file(lexicon_file)

    def features(
        self, text: str, mentions: list[Mention], sentences: Sentences, qualifiers: QualifierIndex | None = None
    ) -> list[str]:
        return [
            mention_features(
                text, m.start, m.end, m.kind or "other", m.value, sentences.around(m.start), self.lexicon,
                qualifiers.labels(m.start, m.end) if qualifiers is not None else frozenset(),
            )
            for m in mentions
        ]

    def decide(
        self, text: str, mentions: list[Mention], sentences: Sentences, qualifiers: QualifierIndex | None = None
    ) -> None:
        """Replace a mention's cascade kind by the model's where the model is confident:
        on a few hundred training dates the cascade stays the better guess when it is not."""
        self.decide_many([(text, mentions, sentences, qualifiers)])

    def decide_many(
        self, texts: list[tuple[str, list[Mention], Sentences, QualifierIndex | None]]
    ) -> None:
        """:meth:`decide` for many texts, their mentions scored in one model call."""
        features = [f for text, mentions, sentences, qualifiers in texts
                    for f in self.features(text, mentions, sentences, qualifiers)]
        if not features:
            return
        probabilities = self.model.proba(features)
        threshold = float(self.model.meta.get("override_above", 0.0))
        mentions = [m for _, doc_mentions, _, _ in texts for m in doc_mentions]
        for mention, row in zip(mentions, probabilities, strict=True):
            best = int(row.argmax())
            if row[best] >= threshold or mention.kind not in self.model.classes:
                mention.kind = self.model.classes[best]


def annotate(doc: Doc, resolve: bool = True, elections: bool = True, kinds: KindDecider | None = None) -> Doc:
    """Find, normalise and classify the dates of ``doc`` (the component's work)."""
    return annotate_many([doc], resolve, elections, kinds)[0]


def annotate_many(
    docs: list[Doc], resolve: bool = True, elections: bool = True, kinds: KindDecider | None = None
) -> list[Doc]:
    """:func:`annotate` for a batch of docs, the kinds of all their mentions decided in one
    model call (one call per doc costs more than the scoring itself)."""
    found = []
    for doc in docs:
        text = doc_text(doc)  # doc.text is rebuilt from tokens on every access
        doc.spans["dates"] = []
        ranges = boilerplate_ranges(doc)
        elections_found = detect_elections(doc, Intervals(ranges), text) if elections else []
        bounds = sentence_bounds(doc)
        found.append((text, bounds, analyse(text, ranges, bounds, elections_found, resolve)))
    if kinds is not None:
        kinds.decide_many([
            (text, result.mentions, Sentences(bounds, len(text)), QualifierIndex.of(doc))
            for doc, (text, bounds, result) in zip(docs, found, strict=True) if result.mentions
        ])
    for doc, (_, _, result) in zip(docs, found, strict=True):
        for mention in result.mentions:
            add_span(doc, "dates", mention.start, mention.end, LABEL, value=mention.value, kind=mention.kind)
        doc._.publication = result.publication
        if resolve:
            doc._.resolved = result.resolved
        if elections:
            doc._.election = result.elections
    return docs


@lru_cache(maxsize=1)
def shipped_kinds() -> KindDecider | None:
    """The shipped pipeline's kind decision, read without spaCy (None when there is none)."""
    from ...pipeline import shipped_model_path

    try:
        folder = shipped_model_path() / "netral_dates" / KIND_MODEL_DIR
    except FileNotFoundError:
        return None
    model = LinearTextClassifier.load(folder)
    if model is None:
        return None
    lexicon_file = folder / LEXICON_FILE
    return KindDecider(model, lexicon_file if lexicon_file.exists() else None)


def extract_dates(text: str, learned: bool = True) -> list[dict]:
    """Date mentions of a plain text, without a spaCy pipeline.

    Boilerplate and segments come from the same text-level functions the
    components use, so the values equal the pipeline's (elections are found
    without REGION spans). Kinds are the shipped learned decision's, reading
    qualifiers found on the same text (``learned=False``: the cascade's); they
    can differ from the pipeline's where its sentences or token-aligned
    qualifier spans differ. For jobs that only need dates.
    """
    from ..boilerplate.boilerplate import find_boilerplate
    from ..qualifiers.qualifiers import find_qualifiers
    from ..segmenter.segmenter import segment_starts

    boilerplate = [(start, end) for start, end, _ in find_boilerplate(text)]
    starts = [s for s in segment_starts(text, boilerplate) if s < len(text)] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    sentences = list(zip(starts, [*starts[1:], len(text)], strict=True))
    result = analyse(text, boilerplate, sentences, resolve=False)
    kinds = shipped_kinds() if learned else None
    if kinds is not None and result.mentions:
        qualifiers = QualifierIndex(find_qualifiers(text, sentences))
        kinds.decide(text, result.mentions, Sentences(sentences, len(text)), qualifiers)
    return [
        {"start": m.start, "end": m.end, "text": text[m.start : m.end], "value": m.value, "kind": m.kind}
        for m in result.mentions
    ]


class DatesComponent:
    """spaCy pipe wrapper around :func:`annotate`; never raises on odd input.

    With a trained kind model (``netral train dates``, saved in the component's
    folder with its lexicon) the model decides each kind; without one the
    cascade's answer stays.
    """

    def __init__(self, nlp: Language, name: str, resolve: bool = True, elections: bool = True) -> None:
        self.name = name
        self.resolve = resolve
        self.elections = elections
        self.kinds: KindDecider | None = None
        self.use_model = True

    def __call__(self, doc: Doc) -> Doc:
        kinds = self.kinds if self.use_model else None
        return annotate(doc, resolve=self.resolve, elections=self.elections, kinds=kinds)

    def pipe(self, docs, batch_size: int = 64):
        """Docs in batches: a batch's date kinds are decided in one model call."""
        kinds = self.kinds if self.use_model else None
        for batch in minibatch(docs, size=batch_size):
            yield from annotate_many(list(batch), resolve=self.resolve, elections=self.elections, kinds=kinds)

    def set_kind_model(self, model: LinearTextClassifier | None) -> None:
        """Install a kind model trained with the shipped lexicon (None: the cascade alone)."""
        self.kinds = KindDecider(model) if model is not None else None

    def to_disk(self, path, exclude=()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        if self.kinds is not None:
            self.kinds.model.save(folder / KIND_MODEL_DIR, {LEXICON_FILE: self.kinds.lexicon_file})

    def from_disk(self, path, exclude=()) -> DatesComponent:
        """Read the kind model and the lexicon saved with it (none saved: the cascade)."""
        folder = Path(path) / KIND_MODEL_DIR
        model = LinearTextClassifier.load(folder)
        lexicon_file = folder / LEXICON_FILE
        self.kinds = None if model is None else KindDecider(model, lexicon_file if lexicon_file.exists() else None)
        return self
