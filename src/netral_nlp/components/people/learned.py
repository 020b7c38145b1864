"""The learned second source of OFFICIAL, CANDIDATE and ORG spans (issue 15, item 1).

The rules bind names to titles, cues and pairs; a name they cannot explain is
left out. This source looks at every run of name-shaped words the rules left
(no span of any label on it, nor inside boilerplate), describes it as a
feature text — its neighbouring words and pseudo-words for the cue families
that fire around it (``__speech_before``, ``__office_before``,
``__cand_cue_sentence`` ...) — and a linear classifier
(:class:`netral_nlp.learn.linear.LinearTextClassifier`, trained on the real
articles' gold spans by ``netral train people``) decides OFFICIAL, CANDIDATE
or none.

Precedence (stated once): the rules are exact where they are — titles, roles,
ballot numbers, region codes, law fields — and keep every span they found; the
model only adds spans on text no rule span touches, never relabels one. An
OFFICIAL it adds takes as role the office title written right before it (or
the role of an earlier model-found mention of the same person), else null; a
CANDIDATE takes the ballot number the sentence states, as the rules' do.
ORG candidates are the capitalised runs that open with an organisation head
word (``model_org_heads`` of resources/people/orgs.json: ``Badan``, ``Komisi``,
``Partai`` ...) and the bracketed acronyms the rules left; they may hold a
REGION span (``Badan X Kota Y``) but no other span, and the model decides ORG
or none for them (never a person label; a name run is never ORG).
REGION stays with the gazetteer (codes are exact there). Once this source is
installed it is the pipeline's statistical source of people: the general spaCy
NER's windows (precedence.py, rule 4) are no longer run (``WITH_NER``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
from spacy.lang.id.stop_words import STOP_WORDS

from ...anchors import scanner_of, word_starts
from ...learn.linear import LinearTextClassifier
from ..regions import lookup
from .candidates import assign_ballots
from .chains import is_institution_word
from .headlines import headline_lines
from .lexicon import NAME_WORD_RE, lexicon, not_name_words, scanner
from .linking import People, assign_roles
from .mention import PersonMention
from .model_cues import CueWords, resource_cue_words
from .names import common_words, name_runs
from .officials import office_ok
from .word_knowledge import META_KEY, WordKnowledge

MODEL_DIR = "span_model"
LABELS = ("OFFICIAL", "CANDIDATE")
ORG = "ORG"
#: every label the model writes (the gold labels ``netral train people`` reads)
SPAN_LABELS = (*LABELS, ORG)
NONE = "none"
#: probability above which the model's label is written (grouped 5-fold CV over the real
#: articles: 0.9 keeps OFFICIAL precision within 0.01 of the rules' and role accuracy >= 0.88)
ACCEPT_ABOVE = 0.9
#: the same for ORG candidates (CV: 0.8 adds recall at equal precision; 0.7 costs precision;
#: proposing every standalone all-caps word as well lowered ORG F1)
ORG_ACCEPT_ABOVE = 0.8
#: whether the general spaCy NER (NERGrit PERSON/ORG/PLACE) is still consulted in its
#: windows beside this source. Grouped CV over the real articles, people step alone: without
#: it OFFICIAL precision 0.942 -> 0.961 at equal recall, ORG F1 0.861 -> 0.855, and the step
#: about a third faster; so the learned source replaces it once installed. Its ORG candidates
#: (org_runs) then brought ORG back: 0.896/0.838/0.866 (the windows' recall was 0.836).
WITH_NER = False
#: classifier settings (every feature word is binary): inverse regularisation, class weights
C = 4.0
BALANCED = True

_WORD_RE = re.compile(r"[\w'’]+|[^\w\s]")
_QUOTE_RE = re.compile(r"[\"“”]")
_OFFICE_WINDOW = 60
_BREAK_RE = re.compile(r"[.;:!?\n\"“”]")
_LOWER_RE = re.compile(r"(?<![\w-])[a-z]{2,}")


@dataclass
class Candidate:
    """One run of name words the rules left, and its feature text."""

    start: int
    end: int
    features: str
    #: ``person`` (a name run: OFFICIAL/CANDIDATE/none) or ``org`` (ORG/none)
    kind: str = "person"

    def allows(self, label: str) -> bool:
        return (label == ORG) == (self.kind == "org")


def _taken_mask(length: int, spans: list[tuple[int, int]]) -> bytearray:
    mask = bytearray(length + 1)
    for s, e in spans:
        mask[s:e] = b"\x01" * max(0, min(e, length) - s)
    return mask


def _runs(text: str, mask: bytearray, common: frozenset[str]) -> list[tuple[int, int]]:
    """Runs of name words outside every span, without the title, rank and function words
    that open or close them (``Menurut Hartanto`` -> ``Hartanto``)."""
    not_a_name = not_name_words()
    out: list[tuple[int, int]] = []
    for start, end in name_runs(text):
        if mask.find(0, start, end) < 0:
            continue  # wholly inside what the rules (or other components) found
        words = [(w.start(), w.end()) for w in NAME_WORD_RE.finditer(text, start, end)]
        pieces: list[list[tuple[int, int]]] = [[]]
        for s, e in words:
            if 1 in mask[s:e]:
                pieces.append([])
            else:
                pieces[-1].append((s, e))
        for piece in pieces:
            while piece and _not_name(text, piece[0], not_a_name, common):
                piece.pop(0)
            while piece and _not_name(text, piece[-1], not_a_name, common):
                piece.pop()
            if piece and piece[-1][1] - piece[0][0] >= 3 and any(e - s >= 3 for s, e in piece):
                words = [text[s:e] for s, e in piece]
                # an institution field (``Kementrian``) or a verb form (``Pihaknya``) is never a
                # name word, as the rules hold (chains.py, names.py)
                if not any(is_institution_word(w) or _NYA_KAN_RE.search(w) for w in words):
                    out.append((piece[0][0], piece[-1][1]))
    return out


def _not_name(text: str, word: tuple[int, int], not_a_name: frozenset[str], common: frozenset[str]) -> bool:
    w = text[word[0] : word[1]]
    if w in not_a_name:
        return True
    lex, lower = lexicon(), w.lower()
    if lower in common or lower in lex.speech or lex.office_re.match(text, word[0]):
        return True
    rank = lex.ranks_re.match(text, word[0])
    return rank is not None and rank.end() > word[0]


def _words_around(text: str, start: int, end: int, n: int = 2) -> tuple[list[str], list[str]]:
    before = _WORD_RE.findall(text[max(0, start - 40) : start])[-n:]
    after = _WORD_RE.findall(text[end : end + 40])[:n]
    return [w.lower() for w in before], [w.lower() for w in after]


class ArticleCues:
    """What the features read about one article, built once: sentences, offices, cues."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], persons: list[PersonMention],
                 knowledge: WordKnowledge | None = None, cue_words: CueWords | None = None) -> None:
        self.text = text
        #: the model's own cue words (model_cues.py)
        self.cue_words = cue_words or resource_cue_words()
        #: NERGrit's word classes (word_knowledge.py), when the model was trained with them
        self.knowledge = knowledge
        self.sentences = sentences or [(0, len(text))]
        self.sentence_starts = [s for s, _ in self.sentences]
        self._persons = persons
        self._starts = starts = word_starts(text)
        self.offices = [(m.start(), m.end()) for m in scanner("office_re").finditer(starts) if office_ok(m)]
        self.office_ends = [e for _, e in self.offices]

    # the tables below are built on first use: a role lookup (mentions_of) needs the offices only

    @cached_property
    def cand_words(self) -> list[int]:
        return [m.start() for m in self.cue_words.candidate_scanner.finditer(self._starts)]

    @cached_property
    def ballots(self) -> list[int]:
        return [m.start() for m in scanner("ballot_re").finditer(self._starts)]

    @cached_property
    def public(self) -> list[int]:
        return sorted(m.start() for name in ("org_body_re", "government_re")
                      for m in scanner(name).finditer(self._starts))

    @cached_property
    def quotes(self) -> list[int]:
        return [m.start() for m in _QUOTE_RE.finditer(self.text)]

    @cached_property
    def headlines(self) -> list[tuple[int, int]]:
        return headline_lines(self.text)

    @cached_property
    def people(self) -> People:
        return People(self.text, [p for p in self._persons if p.label])

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.sentence_starts, pos) - 1
        return self.sentences[max(0, i)]

    @staticmethod
    def any_in(positions: list[int], lo: int, hi: int) -> bool:
        i = bisect_left(positions, lo)
        return i < len(positions) and positions[i] < hi

    def office_before(self, start: int) -> tuple[int, int] | None:
        """The office title that ends in the stretch right before ``start`` (same clause)."""
        i = bisect_right(self.office_ends, start) - 1
        while i >= 0 and self.office_ends[i] >= start - _OFFICE_WINDOW:
            s, e = self.offices[i]
            # only capitalised words, brackets and commas between: the title's own qualifier
            if not _BREAK_RE.search(self.text, e, start) and not _LOWER_RE.search(self.text, e, start):
                return s, e
            i -= 1
        return None


#: the word after a run (``, juga kata``): a speech verb there makes it a speaker
_NEXT_WORD_RE = re.compile(r"\s*,?\s*(?:juga\s+|pun\s+)?([a-z]+)")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?\n][\"”]?)\s*$")
#: word shapes no name has: ``Pihaknya``, ``Ingatkan``, ``Diketahui``
_NYA_KAN_RE = re.compile(r"[a-z]{2}(?:nya|kan|lah)$")
_PASSIVE_RE = re.compile(r"^Di[a-z]{3,}(?:i|kan)$")


def _shape_features(words: list[str]) -> list[str]:
    out = []
    if any(_NYA_KAN_RE.search(w) for w in words):
        out.append("__suffix_nya_kan")
    if any(_PASSIVE_RE.match(w) for w in words):
        out.append("__passive_shape")
    if any(is_institution_word(w.strip(".,")) for w in words):
        out.append("__institution_word")
    if any(w.lower() in STOP_WORDS for w in words):
        out.append("__function_word")
    if len(words) == 1:
        out.append("__one_word")
    return out


def features(cues: ArticleCues, start: int, end: int) -> str:
    """The feature text of the run ``start:end``."""
    lex = lexicon()
    text = cues.text
    name = text[start:end]
    words = name.split()
    before, after = _words_around(text, start, end)
    out = [f"b1={before[-1]}" if before else "b1=^", f"a1={after[0]}" if after else "a1=$"]
    if len(before) > 1:
        out.append(f"b2={before[-2]}")
    if len(after) > 1:
        out.append(f"a2={after[1]}")
    out.append(f"__n{min(len(words), 4)}")
    out += _shape_features(words)
    if cues.knowledge:
        out += cues.knowledge.features(words)
    if start == cues.sentence(start)[0] or _SENTENCE_START_RE.search(text, max(0, start - 4), start):
        out.append("__sentence_start")
    if name.isupper():
        out.append("__caps")
    if lex.speech_before_re.search(text, max(0, start - 20), start):
        out.append("__speech_before")
    nxt = _NEXT_WORD_RE.match(text[end : end + 30])
    if nxt and nxt.group(1) in lex.speech:
        out.append("__speech_after")
    office = cues.office_before(start)
    if office is not None:
        out.append("__office_before")
        out.append("__office_" + lex.office_kind.get(text[office[0]:office[1]].split()[-1].lower(), "other"))
    rank = lex.ranks_re.search(text, max(0, start - 25), start)
    if rank and rank.end() == start:
        out.append("__rank_before")
    s, e = cues.sentence(start)
    if cues.any_in(cues.cand_words, s, e):
        out.append("__cand_cue_sentence")
    if cues.any_in(cues.cand_words, max(s, start - 40), start):
        out.append("__cand_cue_before")
    if cues.any_in(cues.ballots, s, e):
        out.append("__ballot_sentence")
    if cues.any_in(cues.public, s, e):
        out.append("__public_sentence")
    if cues.any_in(cues.quotes, max(s, start - 6), start):
        out.append("__quote_before")
    if text[end : end + 1] in "-–" and text[end + 1 : end + 2].isupper():
        out.append("__dash_after")
    if start > 1 and text[start - 1] in "-–" and text[start - 2 : start - 1].isalpha():
        out.append("__dash_before")
    if text[end : end + 1] == ",":
        out.append("__comma_after")
    if text[max(0, start - 2) : start].strip() == ",":
        out.append("__comma_before")
    if text[end : end + 2].lstrip().startswith("("):
        out.append("__bracket_after")
    if cues.cue_words.byline_re.search(text, max(0, start - 20), start):
        out.append("__byline")
    if any(s0 <= start < e0 for s0, e0 in cues.headlines):
        out.append("__headline")
    if lookup(name):
        out.append("__region_name")
    words_clean = [w.rstrip(".") for w in words]
    cluster = cues.people.match(words_clean, start)
    if cluster:
        out.append("__known_" + str(cluster[0].label))
    return " ".join(out)


_ACRONYM_RE = re.compile(r"\(\s*([A-Z][A-Za-z]*[A-Z][A-Za-z-]*)\s*\)")


def org_runs(text: str, taken: list[tuple[int, int]], regions: list[tuple[int, int]],
             cue_words: CueWords | None = None) -> list[tuple[int, int]]:
    """ORG candidates the rules left: head-word runs (a REGION span may sit inside) and
    bracketed acronyms (not themselves a region), touching no other span."""
    mask = _taken_mask(len(text), taken)
    inside_region = _taken_mask(len(text), regions)
    out = [(m.start(), m.end()) for m in scanner_of((cue_words or resource_cue_words()).org_run_re).finditer(word_starts(text))
           if mask.find(1, m.start(), m.end()) < 0 and len(m.group().split()) > 1]
    out += [(m.start(1), m.end(1)) for m in _ACRONYM_RE.finditer(text)
            if len(m.group(1)) <= 12 and mask.find(1, m.start(1), m.end(1)) < 0
            and inside_region.find(1, m.start(1), m.end(1)) < 0]
    return sorted(set(out))


def org_features(cues: ArticleCues, start: int, end: int, org_ends: frozenset[int]) -> str:
    """The feature text of an ORG candidate: its head and words, neighbours, shape."""
    text = cues.text
    words = [w.lower() for w in text[start:end].split()]
    before, after = _words_around(text, start, end)
    out = ["__kind_org", f"head={words[0]}", f"__on{min(len(words), 5)}"]
    out += [f"ow={w}" for w in words[1:5]]
    if cues.knowledge:
        out += cues.knowledge.features(words[1:] or words)
    out += [f"ob1={before[-1]}" if before else "ob1=^", f"oa1={after[0]}" if after else "oa1=$"]
    if len(words) == 1:
        out.append("__acronym")
        prefix = text[:start].rstrip()
        if prefix.endswith("(") and len(prefix[:-1].rstrip()) in org_ends:
            out.append("__org_before_bracket")  # ``Badan X (BX)``: the name's own acronym
    if text[end : end + 2].lstrip().startswith("("):
        out.append("__bracket_after")
    if any(s0 <= start < e0 for s0, e0 in cues.headlines):
        out.append("__headline")
    if start == cues.sentence(start)[0] or _SENTENCE_START_RE.search(text, max(0, start - 4), start):
        out.append("__sentence_start")
    if cues.cue_words.byline_re.search(text, max(0, start - 20), start):
        out.append("__byline")
    return " ".join(out)


def candidates(text: str, taken: list[tuple[int, int]], sentences: list[tuple[int, int]],
               persons: list[PersonMention], common: frozenset[str] | None = None,
               org_taken: list[tuple[int, int]] | None = None, regions: list[tuple[int, int]] = (),
               org_ends: frozenset[int] = frozenset(), knowledge: WordKnowledge | None = None,
               cue_words: CueWords | None = None) -> list[Candidate]:
    """Every run the rules left, with its feature text (``common``: the words the article
    writes in lower case, ``names.common_words``); with ``org_taken`` (every span but the
    REGION ones, and boilerplate) the ORG candidates too."""
    if not text.strip():
        return []
    common = common if common is not None else common_words(text)
    runs = _runs(text, _taken_mask(len(text), taken), common)
    orgs = org_runs(text, org_taken, list(regions), cue_words) if org_taken is not None else []
    if not runs and not orgs:
        return []
    cues = ArticleCues(text, sentences, persons, knowledge, cue_words)
    return ([Candidate(s, e, features(cues, s, e)) for s, e in runs]
            + [Candidate(s, e, org_features(cues, s, e, org_ends), "org") for s, e in orgs])


class SpanModel:
    """The fitted classifier and how its answers become person mentions."""

    def __init__(self, model: LinearTextClassifier, accept_above: float = ACCEPT_ABOVE) -> None:
        self.model = model
        self.accept_above = float(model.meta.get("accept_above", accept_above))
        self.org_accept_above = float(model.meta.get("org_accept_above", ORG_ACCEPT_ABOVE))
        #: the spaCy NER's windows run beside this source (the setting it was trained with)
        self.with_ner = bool(model.meta.get("with_ner", WITH_NER))
        #: the NERGrit word classes it was trained with (stored in its meta)
        self.knowledge = WordKnowledge(model.meta.get(META_KEY))
        #: the cue words it was trained with (model_cues.py, stored in its meta)
        self.cue_words = CueWords.from_meta(model.meta)

    def decide(self, found: list[list[Candidate]]) -> list[list[tuple[Candidate, str]]]:
        """Per document, the candidates the model labels OFFICIAL or CANDIDATE (one call)."""
        flat = [c for cs in found for c in cs]
        if not flat:
            return [[] for _ in found]
        proba = self.model.proba([c.features for c in flat])
        classes = list(self.model.classes)
        # a candidate takes only the labels of its kind: a name run is never ORG, nor an
        # organisation run a person
        allowed = np.array([[k == NONE or c.allows(k) for k in classes] for c in flat])
        proba = np.where(allowed, proba, 0.0)
        best = proba.argmax(axis=1)
        labels = iter(
            (classes[b] if classes[b] != NONE and proba[i, b] >= (
                self.org_accept_above if classes[b] == ORG else self.accept_above) else None)
            for i, b in enumerate(best)
        )
        out = []
        for cs in found:
            out.append([(c, label) for c in cs if (label := next(labels)) is not None])
        return out

    def save(self, folder: str | Path) -> None:
        self.model.save(Path(folder) / MODEL_DIR)

    @classmethod
    def load(cls, folder: str | Path) -> SpanModel | None:
        model = LinearTextClassifier.load(Path(folder) / MODEL_DIR)
        return cls(model) if model is not None else None


def mentions_of(text: str, accepted: list[tuple[Candidate, str]], cues_sentences: list[tuple[int, int]]
                ) -> list[PersonMention]:
    """Person mentions for the accepted candidates: role from the office written right
    before (shared with later mentions of the same person), ballots from the sentence."""
    found: list[PersonMention] = []
    cues = None
    for c, label in accepted:
        role = None
        if label == "OFFICIAL":
            cues = cues or ArticleCues(text, cues_sentences, [])
            office = cues.office_before(c.start)
            if office is not None:
                role = text[office[0] : c.start].strip(" ,\t\u00a0") or None
        found.append(PersonMention(c.start, c.end, label, role=role, source="model"))
    for cluster in People(text, found).clusters:
        assign_roles(cluster)
    assign_ballots(text, found, cues_sentences)
    return found


def training_features(nlp_doc_text: str, entities: list[tuple[int, int, str]], boiler: list[tuple[int, int]],
                      sentences: list[tuple[int, int]], common: frozenset[str] | None = None,
                      knowledge: WordKnowledge | None = None, cue_words: CueWords | None = None
                      ) -> list[Candidate]:
    """The candidates of a document the rules have annotated (``entities``: every span they
    wrote, any label): the same runs and features the component computes at run time."""
    persons = [PersonMention(s, e, label) for s, e, label in entities if label in LABELS]
    regions = [(s, e) for s, e, label in entities if label == "REGION"]
    org_taken = [(s, e) for s, e, label in entities if label != "REGION"] + boiler
    org_ends = frozenset(e for _, e, label in entities if label == ORG)
    return candidates(nlp_doc_text, [(s, e) for s, e, _ in entities] + boiler, sentences, persons, common,
                      org_taken, regions, org_ends, knowledge, cue_words)

