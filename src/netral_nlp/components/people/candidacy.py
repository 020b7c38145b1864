"""Incumbents running again: the sentence that speaks of candidacy decides the label.

``Bupati Bulungan, Syarwani, kembali mencalonkan diri bersama Kilat``: the person the
sentence says is running (the subject right before a candidacy phrase) is a CANDIDATE
there, and so is the partner named after ``bersama``/``menggandeng``. Elsewhere
the same person keeps the label of their own sentence (an official speaking in role).
Phrases: resources/people/candidates.json ``candidacy`` and ``partner``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...anchors import scanner_of, word_starts
from .lexicon import alternation, bounded, lexicon
from .mention import PersonMention
from .names import Context, read_name


#: what may stand between a subject and its candidacy phrase (not another verb:
#: ``Abhan mengingatkan kepala daerah yang hendak maju kembali`` speaks of others)
@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Candidacy phrases, partner phrases, and what may stand between a subject and its
    candidacy phrase (``candidacy_fillers``; not another verb: ``Abhan mengingatkan kepala
    daerah yang hendak maju kembali`` speaks of others)."""
    cands = lexicon().candidates
    return (
        re.compile(bounded(alternation(cands["candidacy"])), re.IGNORECASE),
        re.compile(rf"(?<![\w-])(?:{alternation(cands['partner'])})\s+", re.IGNORECASE),
        re.compile(rf"[\s,]*(?:(?:{alternation(cands['candidacy_fillers'])})\s+)*"),
    )


def mark_candidacy(text: str, persons: list[PersonMention], ctx: Context | None) -> list[PersonMention]:
    """Relabel the subjects of candidacy phrases; return new mentions for their partners."""
    candidacy, partner, filler = _patterns()
    added: list[PersonMention] = []
    taken = [(m.start, m.end) for m in persons]
    for cue in scanner_of(candidacy).finditer(word_starts(text)):
        clause_start = max(text.rfind(c, 0, cue.start()) for c in ".!?\n\"“”") + 1
        before = [m for m in persons if clause_start <= m.start and m.end <= cue.start()
                  and m.label in ("OFFICIAL", "CANDIDATE")]
        if not before:
            continue
        subject = max(before, key=lambda m: m.end)
        if filler.fullmatch(text, subject.end, cue.start()) is None:
            continue
        subject.label, subject.role = "CANDIDATE", None
        clause_end = min((i for i in (text.find(c, cue.end()) for c in ".!?\n") if i >= 0), default=len(text))
        p = partner.search(text, cue.end(), clause_end)
        if p is None:
            continue
        name = read_name(text, p.end(), ctx)
        if name is None or any(s < name[1] and name[0] < e for s, e in taken):
            continue
        taken.append(name)
        added.append(PersonMention(name[0], name[1], "CANDIDATE", source="pair"))
    return added
