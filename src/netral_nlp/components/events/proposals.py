"""Event candidates for the learned decision: the widened lexicon proposes, cues describe.

Every entry of ``triggers.json`` (its conditions turned into features) and every
word family of ``proposers.json`` proposes a candidate of its type, one per
sentence and type. Each candidate is described by a feature string: its
proposed type, its trigger words, the words around it in its sentence, and
pseudo-words for the cues the hand-written path filters on (hypothetical,
negated, generic, headline, quoted, a group addressed, a count after it, ...)
and the labels of the shared qualifier component (``netral_qualifiers``:
quoted, reported, hypothetical, negated, planned, deadline, headline).
The classifier (``netral train events``) reads that string and decides the
type or ``none``. Regexes over the sentence only: no spaCy call per candidate.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...anchors import WordStartPattern, WordStarts, word_starts
from ...resources import path as resource_path
from ...resources import read_json
from .triggers import (
    GROUP_WINDOW,
    HYPOTHETICAL_WINDOW,
    Candidate,
    cue_between,
    cues,
    lexicon,
    sentence_matches,
)

PROPOSERS = "proposers.json"
WORD = re.compile(r"[a-z][a-z\-]*|\d+", re.IGNORECASE)
LEFT_WORDS = 6
RIGHT_WORDS = 6
#: characters after a trigger where a count (``mencatat 182 pelanggaran``) is looked for
#: (a count inside the trigger counts too)
COUNT_WINDOW = 25
#: characters before a trigger where an amount (``12 kasus``, ``seorang ASN``) is looked for
AMOUNT_WINDOW = 25
#: sentences starting before this offset are the article's opening
OPENING_CHARS = 400
QUOTES = "\"“”„‟«»"
#: characters that end the clause a hypothetical cue governs (as ``triggers.is_hypothetical``)
CLAUSE_MARKS = ",.;:!?\"“”"
#: cues read once per sentence, in this order
SENTENCE_CUES = ("generic", "neutrality", "past", "report_target", "violation")
#: characters read from the near end of a long range for its nearest words
READ_CHARS = 80
DIGIT = re.compile(r"\d")
NONE = "none"


@dataclass(frozen=True)
class Proposer:
    type: str
    pattern: WordStartPattern
    source: str  # "lexicon" (triggers.json, with its conditions) or "family" (proposers.json)
    needs: tuple[str, ...] = ()


def default_proposers_file() -> Path:
    return Path(str(resource_path(f"events/{PROPOSERS}")))


@lru_cache(maxsize=4)
def proposers(file: str | None = None) -> tuple[Proposer, ...]:
    """The lexicon's entries first, then the word families of ``file`` (default: shipped)."""
    out = [Proposer(e.type, e.pattern, "lexicon", e.needs) for e in lexicon()]
    data = json.loads(Path(file or default_proposers_file()).read_text(encoding="utf-8"))
    for event_type, fragments in data.items():
        if event_type.startswith("_"):
            continue
        body = "|".join(sorted(fragments, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
        out.append(Proposer(event_type, WordStartPattern(pattern), "family"))
    return tuple(out)


def _words(text: str) -> list[str]:
    """Lower-cased words; numbers become ``num`` (a count is a cue, its value is not)."""
    return ["num" if w[0].isdigit() else w.lower() for w in WORD.findall(text)]


def _last_words(text: str, lo: int, hi: int, count: int) -> list[str]:
    """``_words(text[lo:hi])[-count:]``, reading only the end of a long range: a space never
    belongs to a word, so the words after one are the same wherever the reading starts."""
    cut = text.rfind(" ", lo, hi - READ_CHARS)
    if cut >= 0:
        words = _words(text[cut + 1 : hi])
        if len(words) >= count:
            return words[-count:]
    return _words(text[lo:hi])[-count:]


def _first_words(text: str, lo: int, hi: int, count: int) -> list[str]:
    """``_words(text[lo:hi])[:count]``, reading only the start of a long range."""
    cut = text.find(" ", lo + READ_CHARS, hi)
    if cut >= 0:
        words = _words(text[lo:cut])
        if len(words) >= count:
            return words[:count]
    return _words(text[lo:hi])[:count]


def _conditions(proposer: Proposer, starts: WordStarts, sent_start: int, sent_end: int, end: int) -> bool:
    """``triggers._conditions_hold`` of a lexicon entry, searched at the text's word starts."""
    for need in proposer.needs:
        if need == "group":
            if not cue_between("group", starts, end, min(end + GROUP_WINDOW, sent_end)):
                return False
        elif not cue_between(need, starts, sent_start, sent_end):
            return False
    return True


def _hypothetical(starts: WordStarts, sent_start: int, sent_end: int, start: int, end: int) -> bool:
    """``triggers.is_hypothetical`` searched at the text's word starts: a modal or directing
    cue in the clause before the trigger, a negation right before it, a modal passive after it."""
    text = starts.text
    lo = max(sent_start, start - HYPOTHETICAL_WINDOW)
    clause_lo = max(lo, *(text.rfind(mark, lo, start) + 1 for mark in CLAUSE_MARKS))
    if cue_between("hypothetical", starts, clause_lo, start) or cue_between("negated", starts, lo, start):
        return True
    return cues()["hypothetical_after"].match(text[end:sent_end]) is not None


@lru_cache(maxsize=64)
def _sentence_flags(starts: WordStarts, lo: int, hi: int) -> tuple[bool, ...]:
    """The cues of a whole sentence (SENTENCE_CUES order), read once for all its candidates
    (they come sentence by sentence, so a short cache is enough)."""
    return tuple(cue_between(name, starts, lo, hi) for name in SENTENCE_CUES)


@lru_cache(maxsize=1)
def context_types() -> frozenset[str]:
    """Types described with trigger-neighbour pairs and amounts (``cues.json``)."""
    return frozenset(read_json("events/cues.json").get("context_types", ()))


def _context_words(text: str, cand: Candidate, key: str, left: list[str], right: list[str]) -> list[str]:
    """Pseudo-words of a ``context_types`` proposal: its trigger joined to its nearest
    words (``ada 12 kasus pelanggaran`` vs ``tugas pengawasan``: the neighbour means more
    with that trigger than alone) and an amount before the trigger or in its sentence
    (findings are counted; mandates and plans are not)."""
    out = [f"{key}_ln_{w}" for w in left[-1:]] + [f"{key}_rn_{w}" for w in right[:1]]
    amount = cues()["amount"]
    if amount.search(text, max(cand.sent_start, cand.start - AMOUNT_WINDOW), cand.start):
        out += ["__num_before", f"__{cand.type}_num_before"]
    if amount.search(text, cand.sent_start, cand.sent_end):
        out.append(f"__{cand.type}_num_sent")
    return out


def describe(text: str, cand: Candidate, proposer: Proposer, qualifiers: frozenset[str] = frozenset()) -> str:
    """The feature string of one candidate (see the module docstring); ``qualifiers`` are
    the labels of the shared qualifier component over its trigger (QUOTED, PLANNED, ...).
    Cues are searched in the whole text at its word starts (``anchors.py``), so a candidate
    costs a few look-ups, not a scan of its sentence per cue."""
    starts = word_starts(text)
    lo, hi = cand.sent_start, cand.sent_end
    trigger = _words(text[cand.start : cand.end])
    out = [f"t_{cand.type}", f"src_{proposer.source}", f"t_{cand.type}_{'_'.join(trigger[:2])}"]
    out += [f"k_{w}" for w in trigger]
    left, right = _last_words(text, lo, cand.start, LEFT_WORDS), _first_words(text, cand.end, hi, RIGHT_WORDS)
    out += [f"l_{w}" for w in left] + [f"r_{w}" for w in right]
    out += [f"ln_{w}" for w in left[-1:]] + [f"rn_{w}" for w in right[:1]]
    whole = dict(zip(SENTENCE_CUES, _sentence_flags(starts, lo, hi), strict=True))
    flags = {
        "needs_ok": proposer.source == "lexicon" and _conditions(proposer, starts, lo, hi, cand.end),
        "hypothetical": _hypothetical(starts, lo, hi, cand.start, cand.end),
        "generic": whole["generic"],
        "headline": cand.headline,
        "quoted": sum(text.count(q, lo, cand.start) for q in QUOTES) % 2 == 1,
        "group_after": cue_between("group", starts, cand.end, min(cand.end + GROUP_WINDOW, hi)),
        "neutrality": whole["neutrality"],
        "past": whole["past"],
        "earlier": cue_between("earlier", starts, lo, cand.start),
        "report_target": whole["report_target"],
        "violation": whole["violation"],
        "count": "num" in trigger or bool(DIGIT.search(text, cand.end, min(cand.end + COUNT_WINDOW, hi))),
        "opening": lo < OPENING_CHARS,
    }
    out += [f"__{name}" for name, on in flags.items() if on]
    out += [f"__{cand.type}_{name}" for name, on in flags.items() if on]
    out += [f"__q_{label.lower()}" for label in sorted(qualifiers)]
    out += [f"__{cand.type}_q_{label.lower()}" for label in sorted(qualifiers)]
    if cand.type in context_types():
        out += _context_words(text, cand, out[2], left, right)
    return " ".join(out)


@lru_cache(maxsize=1)
def trigger_preference() -> dict[str, tuple[re.Pattern[str], ...]]:
    """Per type, the word-start patterns an accepted event's trigger is preferred by, in
    order (``cues.json`` ``trigger_preference``)."""
    data = read_json("events/cues.json").get("trigger_preference", {})
    return {name: tuple(re.compile(p, re.IGNORECASE) for p in prefixes) for name, prefixes in data.items()}


def preferred_trigger(text: str, cand: Candidate, file: str | None = None) -> tuple[int, int]:
    """The span naming an accepted event of a ``trigger_preference`` type: of its type's
    proposer matches in its sentence, the first that starts like the earliest preference
    (leftmost, then longest), else the leftmost; the candidate's own span for other types.
    Why: a proposal is the first proposer's match, which decides well whether the sentence
    reports an event of the type but not which of its words names it (``dugaan pelanggaran
    netralitas`` where the report is ``dilaporkan ke BKN``)."""
    order = trigger_preference().get(cand.type)
    if not order:
        return cand.start, cand.end
    starts = word_starts(text)
    found = []
    for proposer in proposers(file):
        if proposer.type != cand.type:
            continue
        for match in proposer.pattern.finditer(starts, cand.sent_start, cand.sent_end):
            words = match.group(0)
            rank = next((k for k, prefix in enumerate(order) if prefix.match(words)), len(order))
            found.append((rank, match.start(), -match.end()))
    if not found:
        return cand.start, cand.end
    _, start, end = min(found)
    return start, -end


def article_cues(candidates: list[Candidate]) -> list[str]:
    """Pseudo-words each candidate gets from its article: the types proposed in the opening
    (an article's lead names what it reports, so a later mention of that type is likelier
    an event) and whether it is the first proposal of its type (later ones often retell it)."""
    opening = sorted({c.type for c in candidates if c.sent_start < OPENING_CHARS})
    shared = " ".join(f"__open_{t}" for t in opening)
    seen: set[str] = set()
    out = []
    for cand in candidates:
        words = [f"__open_same {cand.type}_open_same"] if cand.type in opening else []
        if cand.type not in seen:
            words.append(f"__first {cand.type}_first")
            seen.add(cand.type)
        out.append(" ".join([*words, shared]).strip())
    return out


def find_proposals(
    text: str, sentences: list[tuple[int, int]], file: str | None = None
) -> tuple[list[Candidate], list[Proposer]]:
    """One candidate per sentence and proposed type (the first proposer that matches, lexicon
    entries before word families), with the proposer that found it."""
    starts = [start for start, _ in sentences]
    found: dict[tuple[int, str], tuple[Candidate, Proposer]] = {}
    words = word_starts(text)
    for proposer in proposers(file):
        if proposer.pattern.candidates(words) == []:  # none of its words in the text
            continue
        for index, match in sentence_matches(proposer.pattern, words, sentences, starts):
            if (index, proposer.type) in found:
                continue
            lo, hi = sentences[index]
            cand = Candidate(proposer.type, match.start(), match.end(), lo, hi, proposer.type)
            found[index, proposer.type] = (cand, proposer)
    ordered = sorted(found.values(), key=lambda pair: (pair[0].sent_start, pair[0].start))
    return [c for c, _ in ordered], [p for _, p in ordered]
