"""The ``netral_people`` component: OFFICIAL, CANDIDATE and ORG spans.

Reads what earlier components left (REGION/LAW spans in ``doc.spans
["entities"]``, the statistical ``doc.ents`` when a ``ner`` ran, sentences,
boilerplate) and appends its own spans to ``doc.spans["entities"]``. Works
with or without any of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.attrs import NORM
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from ...learn.linear import LinearTextClassifier
from ...spans import add_span, boilerplate_ranges, group, sentence_bounds
from ...tokenizer import doc_text
from ..dates.intervals import Intervals
from .candidacy import mark_candidacy
from .candidates import assign_ballots, find_candidates
from .headlines import confirmed
from .learned import ORG, Candidate, SpanModel, mentions_of, training_features
from .linking import link_mentions, share_ballots
from .mention import PersonMention
from .model_cues import CueWords
from .names import Context, common_words, regionish_words
from .officials import find_officials
from .orgs import OrgMatch, find_orgs
from .precedence import (
    Cover,
    has_unknown_name,
    model_orgs,
    model_persons,
    model_windows,
    rule_persons_allowed,
)
from .speakers import find_speakers
from .word_knowledge import WordKnowledge

GROUP = "entities"
#: labels of other components that this one must not contradict
PROTECTED_LABELS = ("REGION", "LAW")


class PeopleTagger:
    """Officials, candidates and institutions, rules first, the model second."""

    def __init__(self, nlp=None, use_model: bool = True, max_chars: int = 200_000, model: str = "ner"):
        self.nlp = nlp
        self.use_model = use_model
        self.max_chars = max_chars
        self.model = model
        #: the learned second source (learned.py), fitted by ``netral train people``
        self.span_model: SpanModel | None = None
        self.use_span_model = True
        #: NERGrit word classes the candidates' features read (the installed model's, or
        #: those ``netral train people`` is training with)
        self.knowledge: WordKnowledge | None = None
        #: the learned source's cue words (the installed model's; None: the resource files')
        self.cue_words: CueWords | None = None

    def _ner(self):
        """The disabled statistical NER to run on demand, or None (off, absent, or
        already run on the whole document as an enabled pipe)."""
        if not self.use_model or self.nlp is None or self.model in self.nlp.pipe_names:
            return None
        if self.span_model is not None and not self.span_model.with_ner:
            return None  # the learned source replaces it (learned.py, WITH_NER)
        return self.nlp.get_pipe(self.model) if self.model in self.nlp.component_names else None

    def _windows(self, doc: Doc, draft: _Draft, known: list[tuple[int, int]] | None) -> list[Span]:
        """Stretches to run the NER on: rule 4's contexts (precedence.py), and with a
        gazetteer only those that still hold a name the rules did not explain."""
        windows = model_windows(draft.text, draft.sentences, draft.ctx.word_starts if draft.ctx else None)
        if known is not None and windows:
            cover = Cover(known)
            windows = [w for w in windows if has_unknown_name(draft.text, w, cover, draft.common)]
        spans = [doc.char_span(s, e, alignment_mode="expand") for s, e in windows]
        return [span for span in spans if span is not None and len(span)]

    def _run_ner(self, spans: list[Span]) -> list[list[tuple[int, int, str]]]:
        """One NER call over many windows (per-call overhead dominates small inputs);
        the entities of each window, in its document's offsets."""
        ner = self._ner()
        if ner is None or not spans:
            return [[] for _ in spans]
        return [
            [(span.start_char + e.start_char, span.start_char + e.end_char, e.label_) for e in sub.ents]
            for span, sub in zip(spans, ner.pipe(_window_doc(span) for span in spans), strict=True)
        ]

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 64):
        """Per batch: the NER over every window of the documents that have no gazetteer
        regions (its places steer their rules), the rules doc by doc, the NER once more over
        every window the rules left unexplained, then the rest."""
        for batch in minibatch(docs, size=batch_size):
            drafts = [self._prepare(doc) for doc in batch]
            first = [(doc, d) for doc, d in zip(batch, drafts, strict=True) if d.model_first]
            self._attach_ents([d for _, d in first], [self._windows(doc, d, None) for doc, d in first])
            for draft in drafts:
                self._apply_rules(draft)
            later = [(doc, d) for doc, d in zip(batch, drafts, strict=True) if d.ents is None]
            self._attach_ents([d for _, d in later], [self._windows(doc, d, d.known) for doc, d in later])
            for doc, draft in zip(batch, drafts, strict=True):
                self._write(doc, *self._complete(draft))
            if self.span_model is not None and self.use_span_model:
                self._add_learned(batch, drafts)
            yield from batch

    def span_candidates(self, doc: Doc, draft: _Draft | None = None) -> list[Candidate]:
        """The runs of name words the rules left in an annotated ``doc``, with their feature
        texts: what the learned source decides on (and what ``netral train people`` labels)."""
        text = draft.text if draft is not None else doc_text(doc)[: self.max_chars]
        entities = [(s.start_char, s.end_char, s.label_) for s in group(doc, GROUP)]
        sentences = draft.sentences if draft is not None else _sentences(doc, len(text))
        common = draft.common if draft is not None else None
        return training_features(text, entities, boilerplate_ranges(doc), sentences, common, self.knowledge,
                                 self.cue_words)

    def _add_learned(self, docs: list[Doc], drafts: list[_Draft]) -> None:
        """The learned source's spans, after the rules (precedence: learned.py), one model call."""
        found = [self.span_candidates(doc, d) for doc, d in zip(docs, drafts, strict=True)]
        for doc, draft, accepted in zip(docs, drafts, self.span_model.decide(found), strict=True):
            orgs = [c for c, label in accepted if label == ORG]
            people = [(c, label) for c, label in accepted if label != ORG
                      and not any(c.start < o.end and o.start < c.end for o in orgs)]
            for c in orgs:
                add_span(doc, GROUP, c.start, c.end, ORG)
            for m in mentions_of(draft.text, people, draft.sentences):
                fields = {"role": m.role} if m.label == "OFFICIAL" else {"ballot_number": m.ballot_number}
                add_span(doc, GROUP, m.start, m.end, m.label, **fields)

    def set_span_model(self, model: LinearTextClassifier | None) -> None:
        """Install the learned source (None: the rules alone)."""
        self.span_model = SpanModel(model) if model is not None else None
        self.knowledge = self.span_model.knowledge if self.span_model is not None else None
        self.cue_words = self.span_model.cue_words if self.span_model is not None else None

    def to_disk(self, path, exclude=()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        if self.span_model is not None:
            self.span_model.save(folder)

    def from_disk(self, path, exclude=()) -> PeopleTagger:
        """Read the learned source saved with the pipeline (none saved: the rules alone)."""
        self.span_model = SpanModel.load(path)
        self.knowledge = self.span_model.knowledge if self.span_model is not None else None
        self.cue_words = self.span_model.cue_words if self.span_model is not None else None
        return self

    def _attach_ents(self, drafts: list[_Draft], windows: list[list[Span]]) -> None:
        """One NER call for the windows of many drafts; each draft gets its entities."""
        found = iter(self._run_ner([w for ws in windows for w in ws]))
        for draft, ws in zip(drafts, windows, strict=True):
            draft.ents = [ent for _ in ws for ent in next(found)]

    def _write(self, doc: Doc, persons: list[PersonMention], orgs: list[OrgMatch]) -> None:
        doc.spans.setdefault(GROUP, [])
        boiler = boilerplate_ranges(doc)

        def keep(start: int, end: int) -> bool:
            return not any(start < e and s < end for s, e in boiler)

        for m in _dedupe(persons):
            if m.label is None or not keep(m.start, m.end):
                continue
            fields = {"role": m.role} if m.label == "OFFICIAL" else {"ballot_number": m.ballot_number}
            add_span(doc, GROUP, m.start, m.end, m.label, **fields)
        for o in orgs:
            if keep(o.start, o.end):
                add_span(doc, GROUP, o.start, o.end, "ORG")

    def _prepare(self, doc: Doc) -> _Draft:
        """What the rules read, and whether the model's entities are needed before them."""
        text = doc_text(doc)[: self.max_chars]
        existing = [s for s in group(doc, GROUP) if s.label_ in PROTECTED_LABELS]
        regions = [(s.start_char, s.end_char) for s in existing if s.label_ == "REGION"]
        protected = [(s.start_char, s.end_char) for s in existing]
        sentences = _sentences(doc, len(text))
        draft = _Draft(text, sentences, common_words(text), protected, regions)
        if not text.strip() or not self.use_model:
            draft.ents = []
        # the model only hints at places where no gazetteer ran; its PERSON spans never
        # steer the rules (precedence.py): they are judged after the rules are done, so
        # with a gazetteer the model runs only where the rules left a name unexplained
        elif doc.ents or self._ner() is None:
            draft.ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        elif not regions:
            draft.model_first = True
        return draft

    def _apply_rules(self, draft: _Draft) -> None:
        """Everything the rules find; the model's part is left for :meth:`_complete`."""
        text, regions, protected = draft.text, draft.regions, draft.protected
        if not text.strip():
            return
        places = [(s, e) for s, e, label in draft.ents or () if label in ("PLACE", "GPE", "LOC")]
        ctx = Context(text, regions=regions, places=places, persons=[], regionish=regionish_words(text),
                      common=draft.common)

        officials = find_officials(text, ctx)
        taken = [(m.start, m.end) for m in officials]
        candidates = find_candidates(text, ctx, taken)
        rule_persons = confirmed(text, rule_persons_allowed(officials + candidates, protected))

        ctx.persons = [(m.start, m.end) for m in rule_persons]
        orgs = [o for o in find_orgs(text, ctx) if not _inside_any(o, protected)]
        blocked = [(o.start, o.end) for o in orgs] + protected
        draft.ctx, draft.orgs, draft.blocked = ctx, orgs, blocked
        persons = rule_persons + link_mentions(text, rule_persons, blocked, draft.common)
        known = blocked + [(m.start, m.end) for m in persons] + regions
        speakers = find_speakers(text, ctx, known, any(o.public for o in orgs))
        # the speakers' later mentions, and one role per person across rule persons and speakers
        linked = link_mentions(text, persons + speakers, known, draft.common) if speakers else []
        draft.persons = persons + speakers + linked
        draft.known = blocked + [(m.start, m.end) for m in draft.persons] + regions

    def _complete(self, draft: _Draft) -> tuple[list[PersonMention], list[OrgMatch]]:
        """Add what the model found with domain context, then ballot numbers."""
        text, persons, orgs = draft.text, draft.persons, draft.orgs
        if self.use_model and draft.ents:
            model_person = [(s, e) for s, e, label in draft.ents if label == "PERSON"]
            model_org = [(s, e) for s, e, label in draft.ents if label == "ORG"]
            extra = model_persons(text, model_person, persons, orgs, draft.sentences, draft.protected, draft.ctx)
            persons += extra + link_mentions(text, extra, draft.blocked + [(m.start, m.end) for m in persons])
            orgs += model_orgs(text, model_org, orgs, draft.protected + [(m.start, m.end) for m in persons])
        persons += mark_candidacy(text, persons, draft.ctx)
        assign_ballots(text, persons, draft.sentences)
        share_ballots(text, persons)
        return persons, sorted(orgs, key=lambda o: o.start)


@dataclass
class _Draft:
    """One document between the rules and the model (see ``PeopleTagger.pipe``)."""

    text: str
    sentences: list[tuple[int, int]]
    common: set[str]
    protected: list[tuple[int, int]]
    regions: list[tuple[int, int]]
    #: no gazetteer region: the model's places are needed before the rules run
    model_first: bool = False
    ctx: Context | None = None
    persons: list[PersonMention] = field(default_factory=list)
    orgs: list[OrgMatch] = field(default_factory=list)
    blocked: list[tuple[int, int]] = field(default_factory=list)
    known: list[tuple[int, int]] = field(default_factory=list)
    ents: list[tuple[int, int, str]] | None = None


def _window_doc(span: Span) -> Doc:
    """A window as a Doc of its own: words, spaces and norms (a tokenizer exception's
    ``Jan.`` -> ``Januari``), all the NER reads; ``Span.as_doc`` copies every attribute
    and costs several times more."""
    doc = Doc(span.doc.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span])
    norms = span.doc.to_array([NORM])[span.start : span.end]
    return doc.from_array([NORM], norms)


def _inside_any(o: OrgMatch, spans: list[tuple[int, int]]) -> bool:
    return any(s <= o.start and o.end <= e for s, e in spans)


def _sentences(doc: Doc, limit: int) -> list[tuple[int, int]]:
    """Sentence extents cut at ``limit`` (one sentence when no segmenter ran)."""
    return [(s, min(e, limit)) for s, e in sentence_bounds(doc) if s < limit]


def _dedupe(mentions: list[PersonMention]) -> list[PersonMention]:
    """Same-label spans never overlap: keep the earlier-found (rules before model)."""
    kept: list[PersonMention] = []
    spans = Intervals()
    for m in mentions:
        if spans.overlaps(m.start, m.end):
            continue
        kept.append(m)
        spans.add(m.start, m.end)
    return sorted(kept, key=lambda m: m.start)
