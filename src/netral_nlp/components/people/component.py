"""The ``netral_people`` component: OFFICIAL, CANDIDATE and ORG spans.

Reads what earlier components left (REGION/LAW spans in ``doc.spans
["entities"]``, the statistical ``doc.ents`` when a ``ner`` ran, sentences,
boilerplate) and appends its own spans to ``doc.spans["entities"]``. Works
with or without any of them.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...spans import add_span, boilerplate_ranges, group, sentence_bounds
from ...tokenizer import doc_text
from .candidates import assign_ballots, find_candidates
from .headlines import confirmed
from .linking import link_mentions, share_ballots
from .mention import PersonMention
from .names import Context, common_words, regionish_words
from .officials import find_officials
from .orgs import OrgMatch, find_orgs
from .precedence import model_orgs, model_persons, model_windows, rule_persons_allowed

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

    def model_entities(self, doc: Doc, text: str, sentences: list[tuple[int, int]]) -> list:
        """(start, end, label) of the statistical NER: ``doc.ents`` when ``ner`` ran on the
        whole document, else the disabled ``ner`` run on the sentences that can use it."""
        if not self.use_model:
            return []
        if doc.ents or self.nlp is None or self.model in self.nlp.pipe_names:
            return [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        if self.model not in self.nlp.component_names:
            return []
        ner = self.nlp.get_pipe(self.model)
        spans = [doc.char_span(s, e, alignment_mode="expand") for s, e in model_windows(text, sentences)]
        spans = [span for span in spans if span is not None and len(span)]
        found = []
        for span, sub in zip(spans, ner.pipe(span.as_doc() for span in spans), strict=True):
            found += [(span.start_char + e.start_char, span.start_char + e.end_char, e.label_) for e in sub.ents]
        return found

    def __call__(self, doc: Doc) -> Doc:
        doc.spans.setdefault(GROUP, [])
        text = doc_text(doc)
        if not text.strip():
            return doc
        persons, orgs = self.find(doc)
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
        return doc

    def find(self, doc: Doc) -> tuple[list[PersonMention], list[OrgMatch]]:
        """All person mentions (label None = known non-official) and ORG mentions."""
        text = doc_text(doc)[: self.max_chars]
        existing = [s for s in group(doc, GROUP) if s.label_ in PROTECTED_LABELS]
        regions = [(s.start_char, s.end_char) for s in existing if s.label_ == "REGION"]
        protected = [(s.start_char, s.end_char) for s in existing]
        sentences = _sentences(doc, len(text))
        ents = self.model_entities(doc, text, sentences)
        model_person = [(s, e) for s, e, label in ents if label == "PERSON"]
        model_place = [(s, e) for s, e, label in ents if label in ("PLACE", "GPE", "LOC")]
        model_org = [(s, e) for s, e, label in ents if label == "ORG"]
        # the model only hints at places where no gazetteer ran; its PERSON spans never
        # steer the rules (precedence.py): they are judged after the rules are done
        places = model_place if not regions else []
        ctx = Context(text, regions=regions, places=places, persons=[], regionish=regionish_words(text),
                      common=common_words(text))

        officials = find_officials(text, ctx)
        taken = [(m.start, m.end) for m in officials]
        candidates = find_candidates(text, ctx, taken)
        rule_persons = confirmed(text, rule_persons_allowed(officials + candidates, protected))

        ctx.persons = [(m.start, m.end) for m in rule_persons]
        orgs = [o for o in find_orgs(text, ctx) if not _inside_any(o, protected)]
        blocked = [(o.start, o.end) for o in orgs] + protected
        linked = link_mentions(text, rule_persons, blocked)
        persons = rule_persons + linked
        if self.use_model:
            extra = model_persons(text, model_person, persons, orgs, sentences, protected, ctx)
            persons += extra + link_mentions(text, extra, blocked + [(m.start, m.end) for m in persons])
            orgs += model_orgs(text, model_org, orgs, protected + [(m.start, m.end) for m in persons])
        assign_ballots(text, persons, sentences)
        share_ballots(text, persons)
        return persons, sorted(orgs, key=lambda o: o.start)


def _inside_any(o: OrgMatch, spans: list[tuple[int, int]]) -> bool:
    return any(s <= o.start and o.end <= e for s, e in spans)


def _sentences(doc: Doc, limit: int) -> list[tuple[int, int]]:
    """Sentence extents; the whole text when no segmenter ran."""
    try:
        return [(s, min(e, limit)) for s, e in sentence_bounds(doc) if s < limit]
    except ValueError:  # E030: no sentence boundaries
        return [(0, limit)]


def _dedupe(mentions: list[PersonMention]) -> list[PersonMention]:
    """Same-label spans never overlap: keep the earlier-found (rules before model)."""
    kept: list[PersonMention] = []
    for m in mentions:
        if any(k.overlaps(m.start, m.end) for k in kept):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)
