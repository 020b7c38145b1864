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
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...anchors import WordStartPattern, word_starts
from ...resources import path as resource_path
from .triggers import (
    GROUP_WINDOW,
    Candidate,
    _conditions_hold,
    cues,
    is_generic,
    is_hypothetical,
    lexicon,
)

PROPOSERS = "proposers.json"
WORD = re.compile(r"[a-z][a-z\-]*|\d+", re.IGNORECASE)
LEFT_WORDS = 6
RIGHT_WORDS = 6
#: characters after a trigger where a count (``mencatat 182 pelanggaran``) is looked for
#: (a count inside the trigger counts too)
COUNT_WINDOW = 25
#: sentences starting before this offset are the article's opening
OPENING_CHARS = 400
QUOTES = "\"“”„‟«»"
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


@dataclass
class Proposal:
    """A candidate and what the classifier reads about it."""

    candidate: Candidate
    features: str


def _words(text: str) -> list[str]:
    """Lower-cased words; numbers become ``num`` (a count is a cue, its value is not)."""
    return ["num" if w[0].isdigit() else w.lower() for w in WORD.findall(text)]


@lru_cache(maxsize=256)
def _sentence_flags(sentence: str) -> tuple[tuple[str, bool], ...]:
    """Cues of a whole sentence, read once for all its candidates."""
    c = cues()
    return (
        ("generic", is_generic(sentence)),
        ("neutrality", bool(c["neutrality"].search(sentence))),
        ("past", bool(c["past"].search(sentence))),
        ("report_target", bool(c["report_target"].search(sentence))),
        ("violation", bool(c["violation"].search(sentence))),
    )


def describe(text: str, cand: Candidate, proposer: Proposer, qualifiers: frozenset[str] = frozenset()) -> str:
    """The feature string of one candidate (see the module docstring); ``qualifiers`` are
    the labels of the shared qualifier component over its trigger (QUOTED, PLANNED, ...)."""
    sentence = text[cand.sent_start : cand.sent_end]
    start, end = cand.start - cand.sent_start, cand.end - cand.sent_start
    before, after = sentence[:start], sentence[end:]
    trigger = _words(text[cand.start : cand.end])
    out = [f"t_{cand.type}", f"src_{proposer.source}", f"t_{cand.type}_{'_'.join(trigger[:2])}"]
    out += [f"k_{w}" for w in trigger]
    left, right = _words(before)[-LEFT_WORDS:], _words(after)[:RIGHT_WORDS]
    out += [f"l_{w}" for w in left] + [f"r_{w}" for w in right]
    out += [f"ln_{w}" for w in left[-1:]] + [f"rn_{w}" for w in right[:1]]
    c = cues()
    whole = dict(_sentence_flags(sentence))
    flags = {
        "needs_ok": proposer.source == "lexicon" and _conditions_hold(proposer, sentence, start, end),
        "hypothetical": is_hypothetical(sentence, start, end),
        "generic": whole["generic"],
        "headline": cand.headline,
        "quoted": sum(before.count(q) for q in QUOTES) % 2 == 1,
        "group_after": bool(c["group"].search(after[:GROUP_WINDOW])),
        "neutrality": whole["neutrality"],
        "past": whole["past"],
        "earlier": bool(c["earlier"].search(before)),
        "report_target": whole["report_target"],
        "violation": whole["violation"],
        "count": "num" in trigger or bool(re.search(r"\d", after[:COUNT_WINDOW])),
        "opening": cand.sent_start < OPENING_CHARS,
    }
    out += [f"__{name}" for name, on in flags.items() if on]
    out += [f"__{cand.type}_{name}" for name, on in flags.items() if on]
    out += [f"__q_{label.lower()}" for label in sorted(qualifiers)]
    out += [f"__{cand.type}_q_{label.lower()}" for label in sorted(qualifiers)]
    return " ".join(out)


def find_proposals(
    text: str, sentences: list[tuple[int, int]], file: str | None = None
) -> tuple[list[Candidate], list[Proposer]]:
    """One candidate per sentence and proposed type (the first proposer that matches, lexicon
    entries before word families), with the proposer that found it."""
    starts = [start for start, _ in sentences]
    found: dict[tuple[int, str], tuple[Candidate, Proposer]] = {}
    words = word_starts(text)
    for proposer in proposers(file):
        for match in proposer.pattern.finditer(words):
            index = bisect_right(starts, match.start()) - 1
            if index < 0:
                continue
            lo, hi = sentences[index]
            if match.end() > hi or (index, proposer.type) in found:
                continue
            cand = Candidate(proposer.type, match.start(), match.end(), lo, hi, proposer.type)
            found[index, proposer.type] = (cand, proposer)
    ordered = sorted(found.values(), key=lambda pair: (pair[0].sent_start, pair[0].start))
    return [c for c, _ in ordered], [p for _, p in ordered]
