"""THE place that decides between the rules and the statistical NER.

Order of authority, highest first:

1. Lexicon/pattern results (titles bound to names, candidate cues, the ORG
   lexicon) always win: a model span that overlaps one is dropped.
2. Spans of the regions component (REGION) and of the laws component (LAW)
   are never overwritten: a person or ORG from the model that overlaps one
   is dropped; a rule person that overlaps one is kept only when it does
   not lie inside it.
3. Short mentions linked to a rule-found person come next (linking.py).
4. The model adds names the patterns miss only with domain context:
   - a PERSON right after a candidate cue (``pasangan``, ``calon``,
     ``capres``) -> CANDIDATE;
   - a PERSON that is the speaker of a speech verb (``kata X``, ``X
     mengatakan``) in a sentence that names a public institution, or right
     after an office title -> OFFICIAL with the role the text gives (or null);
   - an ORG that starts with an institution head word (``Badan``, ``Komisi``,
     ``Asosiasi`` ...) -> ORG.
   Anything else the model finds (PERSON of private citizens, journalists,
   PLACE) is not annotated here.

Once the learned source of people (learned.py, ``netral train people``) is
installed, it takes this NER's place: rule 4 is not run (learned.py, ``WITH_NER``).

Because only those contexts can use a model span, the shipped pipeline keeps
``ner`` disabled and runs it on the sentences that have one of them
(``model_windows``): a speech verb, a candidate cue or an institution head
word. Enabling ``ner`` (``nlp.enable_pipe("ner")``) runs it on whole documents
and this component uses ``doc.ents`` as they are.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.lang.id.stop_words import STOP_WORDS

from ...anchors import WordStartPattern, WordStarts, word_starts
from ...resources import read_json
from ..dates.intervals import Intervals
from .lexicon import lexicon, scanner
from .mention import PersonMention
from .names import Context
from .orgs import OrgMatch

_SPEECH_AFTER_RE = re.compile(r"^\s*,?\s*(?:juga\s+|pun\s+)?([a-z]+)")
_CAND_CUE_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:pasangan(?:\s+calon)?|paslon|calon|capres|cawapres|cagub|cawagub|cabup|cawabup|cawalkot|caleg)\s+$",
    re.IGNORECASE,
)
_OFFICE_BEFORE_WINDOW = 60


def _overlaps(a: tuple[int, int], spans: Intervals) -> bool:
    return spans.overlaps(*a)


@lru_cache(maxsize=1)
def _model_org_heads() -> tuple[str, ...]:
    return tuple(read_json("people/orgs.json").get("model_org_heads", []))


def rule_persons_allowed(mentions: list[PersonMention], protected: list[tuple[int, int]]) -> list[PersonMention]:
    """Rule persons that do not sit inside another component's REGION/LAW span."""
    return [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in protected)]


def model_persons(
    text: str,
    persons: list[tuple[int, int]],
    known: list[PersonMention],
    orgs: list[OrgMatch],
    sentences: list[tuple[int, int]],
    protected: list[tuple[int, int]],
    ctx: Context,
) -> list[PersonMention]:
    """Statistical PERSON spans accepted with domain context (rule 4)."""
    lex = lexicon()
    taken = Intervals([*((m.start, m.end) for m in known), *((o.start, o.end) for o in orgs), *protected])
    added: list[PersonMention] = []
    for start, end in persons:
        if _overlaps((start, end), taken):
            continue
        name = text[start:end]
        if not name[:1].isupper() or name.isupper() or len(name) < 3:
            continue
        if any(w in lex.name_stop or w.lower() in ctx.common for w in name.split()):
            continue  # ``Selasa``, a headline verb: the model's slips
        before = text[max(0, start - _OFFICE_BEFORE_WINDOW) : start]
        if _CAND_CUE_BEFORE_RE.search(before):
            added.append(PersonMention(start, end, "CANDIDATE", source="model"))
            taken.add(start, end)
            continue
        if not _speaker(text, start, end):
            continue
        sent = next(((s, e) for s, e in sentences if s <= start < e), (max(0, start - 200), end + 200))
        if any(o.public and sent[0] <= o.start < sent[1] for o in orgs) or _office_in(text, sent):
            added.append(PersonMention(start, end, "OFFICIAL", role=None, source="model"))
            taken.add(start, end)
    return added


def _speaker(text: str, start: int, end: int) -> bool:
    """``kata X`` / ``ujar X`` before, or ``X mengatakan`` after."""
    lex = lexicon()
    if lex.speech_before_re.search(text, max(0, start - 20), start):
        return True
    m = _SPEECH_AFTER_RE.match(text[end : end + 30])
    return bool(m and m.group(1) in lex.speech)


def _office_in(text: str, sent: tuple[int, int]) -> bool:
    from .officials import office_ok

    return any(office_ok(m) for m in lexicon().office_re.finditer(text, sent[0], sent[1]))


def model_orgs(text: str, model_orgs_spans: list[tuple[int, int]], orgs: list[OrgMatch], protected: list[tuple[int, int]]) -> list[OrgMatch]:
    """Statistical ORG spans kept when they start with an institution head word."""
    heads = _model_org_heads()
    taken = Intervals([*((o.start, o.end) for o in orgs), *protected])
    added = []
    for start, end in model_orgs_spans:
        if _overlaps((start, end), taken):
            continue
        first = text[start:end].split(" ", 1)[0]
        if first in heads and " " in text[start:end].strip():
            added.append(OrgMatch(start, end, "model"))
            taken.add(start, end)
    return added



@lru_cache(maxsize=1)
def _context_re() -> re.Pattern[str]:
    """Any word that gives a model span a domain context (see rule 4)."""
    lex = lexicon()
    words = sorted({*lex.speech, *_model_org_heads()}, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _context_scanner() -> WordStartPattern:
    return WordStartPattern(_context_re())


#: characters around a context word that the model sees (within its sentence)
WINDOW_BEFORE, WINDOW_AFTER = 30, 50


def model_windows(
    text: str, sentences: list[tuple[int, int]], starts: WordStarts | None = None
) -> list[tuple[int, int]]:
    """Stretches of the sentences where a statistical span could be accepted: around
    each speech verb, candidate cue or institution head word (rule 4's contexts)."""
    starts = starts if starts is not None and starts.text == text else word_starts(text)
    windows: list[tuple[int, int]] = []
    for start, end in sentences:
        for pattern in (_context_scanner(), scanner("pair_cue_re")):
            for m in pattern.finditer(starts, start, end):
                lo, hi = max(start, m.start() - WINDOW_BEFORE), min(end, m.end() + WINDOW_AFTER)
                windows.append((lo, hi))
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(windows):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _cut(text: str, start: int, end: int, window: tuple[int, int]) -> bool:
    return (start == window[0] and start > 0 and text[start - 1].isalnum()) or (
        end == window[1] and end < len(text) and text[end].isalnum()
    )


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """Lower-cased words that explain themselves when capitalised: function words at a
    sentence start (spaCy's Indonesian stop words: ``Selanjutnya``, ``Jika``) and the
    words of office titles (``Ketua``, ``Gubernur``, ``Pj``), but not the head words
    that start a model ORG (``Dinas PMD``)."""
    lex = lexicon()
    titles = [*lex.office_kind, *lex.titles["acting_prefixes"], *lex.titles["rank_prefixes"]]
    title_words = {word.lower().rstrip(".") for title in titles for word in title.split()}
    return frozenset(STOP_WORDS | title_words) - {head.lower() for head in _model_org_heads()}


_CAPITALISED_RE = re.compile(r"(?<![\w-])[A-Z][a-z]+(?:[-'][A-Za-z]+)?(?![\w-])")


class Cover:
    """Spans sorted by start with the running maximum of their ends: whether one span
    covers ``start:end`` is one bisect (instead of a scan over every span)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []
        furthest = -1
        for _, e in ordered:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


def has_unknown_name(
    text: str, window: tuple[int, int], known: list[tuple[int, int]] | Cover, common: frozenset[str] | set[str]
) -> bool:
    """Whether a window holds a capitalised word that no rule explained: no known span
    covers it and the article does not also write it in lower case. Only such windows
    can give the model a name to add."""
    lex = lexicon()
    not_names = _not_name_words()
    cover = known if isinstance(known, Cover) else Cover(known)
    start, end = window
    for m in _CAPITALISED_RE.finditer(text, start, end):
        if _cut(text, m.start(), m.end(), window):
            continue  # a word the window's edge cuts is too far from its context word
        word = m.group()
        if word in lex.name_stop or word.lower() in common or word.lower() in not_names:
            continue
        if not cover.covers(m.start(), m.end()):
            return True
    return False
