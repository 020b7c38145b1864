"""Event extraction: triggers in article sentences, hypotheticals dropped, repeated
mentions of one happening merged, then date/region/actor arguments attached."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc
from spacy.util import minibatch

from ...learn.linear import LinearTextClassifier
from ...resources import read_json
from ...spans import add_span, attrs_of, content_sentences, group
from ...tokenizer import doc_text
from ..qualifiers.index import QualifierIndex
from . import arguments, region_choice
from .candidate_filter import CandidateFilter
from .lexicons import EVENT_LEXICONS
from .main_mentions import MainMentionRanker
from .proposals import (
    NONE,
    PROPOSERS,
    article_cues,
    default_proposers_file,
    describe,
    find_proposals,
    preferred_trigger,
)
from .region_ranker import RegionRanker
from .triggers import Candidate, _merge_key, cues, find_in_sentences, headline_max_words
from .type_models import load_decision

DECISION_DIR = "decision"
REGION_DIR = "region"
MAIN_DIR = "main_mention"


def _is_headline(sentence: str) -> bool:
    """A title-like line (headline, menu) or a photo caption: a mention there is not the
    main one when the body mentions the same happening."""
    if cues()["caption"].search(sentence):
        return True
    words = sentence.split()
    if not words or len(words) > headline_max_words() or sentence.strip()[-1] in ".!?\"”":
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return capitalised / len(words) >= 0.6


def _list_items(doc: Doc) -> list[tuple[int, int]]:
    """Rule list items: they state conduct, they do not report a happening."""
    return [
        (s.start_char, s.end_char)
        for s in group(doc, "rules")
        if attrs_of(s, "rules").get("marker")
    ]


def find_candidates(doc: Doc, text: str) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Candidates of every content sentence, plus the sentence ranges (for neighbours)."""
    items = _list_items(doc)
    sentences = content_sentences(doc)
    candidates = []
    for cand in find_in_sentences(text, sentences):
        if any(lo <= cand.start < hi for lo, hi in items):
            continue
        cand.headline = _is_headline(text[cand.sent_start : cand.sent_end])
        candidates.append(cand)
    return candidates, sentences


def proposals(
    doc: Doc, text: str, file: str | None = None, sentences: list[tuple[int, int]] | None = None
) -> tuple[list[Candidate], list[str]]:
    """Candidates of the widened lexicon in content sentences (rule list items left out),
    with their feature strings (own cues plus their article's, ``article_cues``): what the
    learned decision and its training read."""
    items = _list_items(doc)
    found, by = find_proposals(text, content_sentences(doc) if sentences is None else sentences, file)
    qualifiers = QualifierIndex.of(doc)
    candidates, features = [], []
    headlines: dict[int, bool] = {}  # a sentence's candidates share its answer
    for cand, proposer in zip(found, by, strict=True):
        if any(lo <= cand.start < hi for lo, hi in items):
            continue
        if cand.sent_start not in headlines:
            headlines[cand.sent_start] = _is_headline(text[cand.sent_start : cand.sent_end])
        cand.headline = headlines[cand.sent_start]
        candidates.append(cand)
        features.append(describe(text, cand, proposer, qualifiers.labels(cand.start, cand.end)))
    features = [f"{f} {extra}" if extra else f for f, extra in zip(features, article_cues(candidates), strict=True)]
    return candidates, features


@lru_cache(maxsize=1)
def _merge_heads() -> dict[str, list[str]]:
    return read_json("events/cues.json")["merge_heads"]


@lru_cache(maxsize=1)
def _separate_types() -> frozenset[str]:
    return frozenset(read_json("events/cues.json").get("separate_types", ()))


@lru_cache(maxsize=1)
def single_main_types() -> frozenset[str]:
    """Types recorded once per article at their main mention (``cues.json``)."""
    return frozenset(read_json("events/cues.json").get("single_main_types", ()))


@lru_cache(maxsize=1)
def _single_main_extra_above() -> float:
    return float(read_json("events/cues.json").get("single_main_extra_above", 1.0))


def decide(
    decision: LinearTextClassifier,
    text: str,
    candidates: list[Candidate],
    features: list[str],
    probabilities: np.ndarray | None = None,
    proposers_file: str | None = None,
) -> list[Candidate]:
    """The likeliest event type of each candidate, kept when its probability reaches the
    model's ``accept_above`` (events are rare among proposals, so a type below one half
    is often right); one candidate per sentence and type (the likeliest), its trigger
    the sentence's preferred words of that type (:func:`proposals.preferred_trigger`),
    keyed for merging by its trigger's head noun. ``probabilities``: the model's rows for
    ``features`` when already computed (a batch of docs scored in one call);
    ``proposers_file``: the lexicon the candidates were proposed with."""
    if not candidates:
        return []
    if probabilities is None:
        probabilities = decision.proba(features)
    heads = _merge_heads()
    accept = float(decision.meta.get("accept_above", 0.5))
    typed = [i for i, name in enumerate(decision.classes) if name != NONE]
    best: dict[tuple[int, str], tuple[float, Candidate]] = {}
    for cand, row in zip(candidates, probabilities, strict=True):
        top = max(typed, key=lambda i: row[i])
        if row[top] < accept:
            continue
        label = decision.classes[top]
        cand.type = label
        cand.score = float(row[top])
        cand.key = _merge_key(label, text[cand.start : cand.end].lower(), heads)
        slot = (cand.sent_start, label)
        if slot not in best or row[top] > best[slot][0]:
            best[slot] = (float(row[top]), cand)
    chosen = [c for _, c in best.values()]
    for cand in chosen:
        start, end = preferred_trigger(text, cand, proposers_file)
        if (start, end) != (cand.start, cand.end):
            cand.start, cand.end = start, end
            cand.key = _merge_key(cand.type, text[start:end].lower(), heads)
    return sorted(chosen, key=lambda c: (c.sent_start, c.start))


def neighbour_sentences(sentences: list[tuple[int, int]], cand: Candidate) -> list[tuple[int, int]]:
    """The sentences just before and after the candidate's own (its date and region read them)."""
    for i, (start, _) in enumerate(sentences):
        if start == cand.sent_start:
            return [sentences[j] for j in (i - 1, i + 1) if 0 <= j < len(sentences)]
    return []


def merge(candidates: list[Candidate], single_main: bool = False,
          mains: list[Candidate] | None = None) -> list[Candidate]:
    """One event per happening: mentions of the same type and key whose dates agree are
    merged, and the main (first non-headline) mention names the event. Body mentions of
    the ``separate_types`` of ``cues.json`` are never merged with each other (each report
    or finding an article counts is its own; a headline still merges into the body).
    ``single_main`` (the learned path, whose candidates carry scores): the
    ``single_main_types`` then keep one main mention per article (:func:`keep_main_mentions`);
    ``mains``: the main mention chosen for a type (:mod:`.main_mentions`), read as if it came
    before the type's other body mentions, so they merge into it."""
    merged: list[Candidate] = []
    separate = _separate_types()
    for cand in _mains_first(candidates, mains or []):
        date = cand.fields.get("date")
        same = next(
            (
                m
                for m in merged
                if m.type == cand.type
                and m.key == cand.key
                and (date is None or m.fields.get("date") in (None, date))
            ),
            None,
        )
        if same is not None and not (same.headline or cand.headline) and cand.type in separate:
            same = None  # two body mentions of such a type are two happenings
        if same is None:
            merged.append(cand)
            continue
        if same.headline and not cand.headline:
            cand.fields = {**same.fields, **{k: v for k, v in cand.fields.items() if v}}
            merged[merged.index(same)] = cand
        elif not same.fields.get("date") and date:
            same.fields["date"] = date
    merged = _drop_repeated_headlines(merged)
    return keep_main_mentions(merged, mains) if single_main else merged


def _mains_first(candidates: list[Candidate], mains: list[Candidate]) -> list[Candidate]:
    """``candidates`` with each chosen main mention moved just before the first body
    mention of its type."""
    if not mains:
        return candidates
    moved = [c for c in candidates if not any(c is m for m in mains)]
    for main in mains:
        at = next((i for i, c in enumerate(moved) if c.type == main.type and not c.headline), len(moved))
        moved.insert(at, main)
    return moved


def keep_main_mentions(events: list[Candidate], mains: list[Candidate] | None = None) -> list[Candidate]:
    """Of each ``single_main_types`` type, the first body event (gold records such a
    happening at its main mention, and the decision is trained to find any mention of
    it); a later one stays only when the decision is confident of it
    (``single_main_extra_above``) and it is not dated like one kept already (a second
    appeal on another day is a second happening). A chosen main mention (``mains``)
    comes before the type's other body events."""
    single, extra_above = single_main_types(), _single_main_extra_above()
    chosen = {id(m) for m in mains or ()}
    kept: dict[str, list[Candidate]] = {}
    out = []
    for event in sorted(events, key=lambda e: (e.headline, id(e) not in chosen, e.sent_start, e.start)):
        if event.type not in single:
            out.append(event)
            continue
        same = kept.setdefault(event.type, [])
        date = event.fields.get("date")
        if same and not (
            event.score >= extra_above
            and not event.headline
            and all(not date or k.fields.get("date") != date for k in same)
        ):
            continue
        same.append(event)
        out.append(event)
    return sorted(out, key=lambda e: (e.sent_start, e.start))


def _drop_repeated_headlines(events: list[Candidate]) -> list[Candidate]:
    """A headline or caption mention whose type the body also reports is that body event
    retold (its date is often the publication day, its wording a short label), so it
    adds no happening of its own."""
    body_types = {e.type for e in events if not e.headline}
    return [e for e in events if not (e.headline and e.type in body_types)]


def attach_fields(layers: arguments.Layers, text: str, candidates: list[Candidate],
                  sentences: list[tuple[int, int]]) -> str | None:
    """Date, region, actors (and a participant count) of each candidate at its own
    mention; returns the article's fallback region."""
    region_fallback = arguments.article_region(layers)
    for cand in candidates:
        cand.fields = {
            "date": arguments.event_date(layers, cand, neighbour_sentences(sentences, cand)),
            "region": arguments.event_region(layers, cand, region_fallback),
            "actors": arguments.actors(layers, cand),
        }
        count = arguments.participants(text, cand)
        if count:
            cand.fields["participants"] = count
    return region_fallback


class EventExtractor:
    """Pipeline component: fills ``doc.spans["events"]`` (span = trigger, label = type).

    With a trained candidate filter (``netral train events``) candidates the model
    finds unlikely are dropped before merging; without one every candidate stays.
    """

    def __init__(self, threshold: float = 0.3, use_filter: bool = True) -> None:
        self.threshold = threshold
        self.use_filter = use_filter
        self.filter: CandidateFilter | None = None
        #: the learned type-or-none decision over the widened lexicon (``netral train events``)
        self.decision: LinearTextClassifier | None = None
        self.proposers_file: str | None = None
        #: the lexicon texts the decision was fitted with (saved and restored with it)
        self.lexicons: dict[str, str] = {}
        #: the learned choice of an event's region among the article's (``netral train events``)
        self.region_ranker: RegionRanker | None = None
        #: the learned choice of a single-main type's main mention (``netral train events``)
        self.main_ranker: MainMentionRanker | None = None

    def candidates(self, doc: Doc) -> tuple[list[Candidate], list[tuple[int, int]]]:
        """Lexicon candidates (unfiltered) and the sentence ranges: training reads these."""
        return find_candidates(doc, doc_text(doc))

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 64):
        """Propose doc by doc; on the learned path decide a batch's proposals in one model
        call (one call per doc costs more than the scoring itself)."""
        if self.decision is not None and self.use_filter:
            for doc, text, chosen, sentences in self.decided(docs, batch_size):
                yield self._fill(doc, text, chosen, sentences)
            return
        for doc in docs:
            text = doc_text(doc)
            candidates, sentences = find_candidates(doc, text)
            if self.filter is not None and self.use_filter:
                candidates = self.filter.keep(text, candidates)
            yield self._fill(doc, text, candidates, sentences)

    def decided(self, docs, batch_size: int = 64):
        """(doc, text, decided candidates, sentence ranges) of each doc (the learned
        decision installed): what merging reads, and what the main-mention ranker's
        training reads."""
        for batch in minibatch(docs, size=batch_size):
            found = []
            for doc in batch:
                text = doc_text(doc)
                sentences = content_sentences(doc)
                found.append((text, sentences, *proposals(doc, text, self.proposers_file, sentences)))
            features = [f for *_, doc_features in found for f in doc_features]
            probabilities = self.decision.proba(features)
            row = 0
            for doc, (text, sentences, candidates, doc_features) in zip(batch, found, strict=True):
                rows = probabilities[row : row + len(doc_features)]
                row += len(doc_features)
                chosen = decide(self.decision, text, candidates, doc_features, rows, self.proposers_file)
                yield doc, text, chosen, sentences

    def _fill(self, doc: Doc, text: str, candidates: list[Candidate], sentences: list[tuple[int, int]]) -> Doc:
        """Arguments of the kept candidates, one event per happening, as ``events`` spans."""
        doc.spans["events"] = []
        if not candidates:
            return doc
        layers = arguments.Layers.of(doc)
        region_fallback = attach_fields(layers, text, candidates, sentences)
        single_main = self.decision is not None and self.use_filter
        mains = self.main_ranker.mains(text, candidates, sentences) if single_main and self.main_ranker else None
        events = merge(candidates, single_main=single_main, mains=mains)
        if self.region_ranker is not None:
            self._rank_regions(layers, region_fallback, events, sentences)
        for event in events:
            add_span(doc, "events", event.start, event.end, event.type, **event.fields)
        return doc

    def _rank_regions(self, layers: arguments.Layers, fallback: str | None, events: list[Candidate],
                      sentences: list[tuple[int, int]]) -> None:
        """The learned region of each event at its main mention, the cascade's answer there
        one of its features (after merging: only the events kept are ranked); a venue named
        as a place or a national agent decides first (:func:`region_choice.decided`)."""
        ranker = self.region_ranker
        context = region_choice.RegionContext(layers, fallback, ranker.cues)
        for event in events:
            pick = arguments.event_region(layers, event, fallback)
            candidates = region_choice.candidates(context, event, pick, neighbour_sentences(sentences, event))
            settled, region = region_choice.decided(candidates)
            event.fields["region"] = region if settled else ranker.choose(candidates)

    def set_filter(self, model) -> None:
        """Install a fitted candidate model (from ``netral train events``)."""
        self.filter = CandidateFilter(model, self.threshold)

    def set_decision(self, decision: LinearTextClassifier | None) -> None:
        """Install a decision trained with the shipped proposer lexicon and the cue lexicons
        in force now (None: the hand path)."""
        self.decision = decision
        self.proposers_file = None
        self.lexicons = EVENT_LEXICONS.current() if decision is not None else {}

    def set_main_ranker(self, ranker: MainMentionRanker | None) -> None:
        """Install a fitted main-mention ranker (None: the first body mention is the main one)."""
        self.main_ranker = ranker

    def set_region_ranker(self, ranker: RegionRanker | None) -> None:
        """Install a fitted region ranker (None: the hand-written cascade alone)."""
        self.region_ranker = ranker

    def to_disk(self, path, exclude=()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        if self.filter is not None:
            self.filter.save(folder)
        if self.decision is not None:
            source = Path(self.proposers_file) if self.proposers_file else default_proposers_file()
            self.decision.save(folder / DECISION_DIR, {PROPOSERS: source})
            EVENT_LEXICONS.write(folder / DECISION_DIR, self.lexicons)
        if self.region_ranker is not None:
            self.region_ranker.save(folder / REGION_DIR)
        if self.main_ranker is not None:
            self.main_ranker.save(folder / MAIN_DIR)

    def from_disk(self, path, exclude=()) -> EventExtractor:
        """Read the filter and the decision with the proposer lexicon saved beside it; the
        cue lexicons it was fitted with come in force."""
        self.filter = CandidateFilter.load(Path(path), self.threshold)
        folder = Path(path) / DECISION_DIR
        self.decision = load_decision(folder)
        self.proposers_file = str(folder / PROPOSERS) if (folder / PROPOSERS).exists() else None
        self.lexicons = EVENT_LEXICONS.read(folder) if self.decision is not None else {}
        EVENT_LEXICONS.put_in_force(self.lexicons)
        self.region_ranker = RegionRanker.load(Path(path) / REGION_DIR)
        self.main_ranker = MainMentionRanker.load(Path(path) / MAIN_DIR)
        return self
