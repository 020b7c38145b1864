"""What a date is in its article (``kind``), from the words around it.

Cues are data (``resources/dates/kind_cues.json``). Evidence, strongest first:

1. the article's date line -> ``publication`` (other header date lines ->
   ``other``; decided in ``dateline.py``);
2. a document's date (``Surat Nomor ... tanggal X``) -> ``other``; an election
   name right before the date (``Pilbup 3 Maret``) -> ``voting_day``; an
   attribution verb right after a quote (``..." kata Wahyu, Selasa (24/9)``)
   -> ``event_date``;
3. the nearest stage cue before the date in its sentence (quoted speech left
   out) -> that stage's kind, unless a reported happening stands between it
   and the date, or before it when nothing links the stage to the date
   (``menggelar patroli masa tenang di X, Minggu (11/2)``) -> ``event_date``;
4. an attribution verb without a quote, or a reported happening in the
   date's clause -> ``event_date``;
5. an election name earlier in the same clause (``Pilkada 2024 digelar X``)
   -> ``voting_day``; a passive happening (``digelar di ...``) -> ``event_date``;
6. a stage cue after the date in its sentence (``Per X, pendaftaran dibuka``);
7. a day name written with the date (news report convention) -> ``event_date``;
8. a stage cue in the previous sentence when this one refers back to it
   (``Acara ini berlangsung pada X``);
9. else ``other``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ...resources import read_json
from .grammar import Mention

QUOTES = "\"“”„‟«»'’‘"
#: how far before the date an attribution verb may stand
STATEMENT_REACH = 110
#: context read around a date, whatever the sentence length (keeps long texts linear)
LEFT_REACH = 400
RIGHT_REACH = 250
#: a stage cue this close to the date (in words, no comma between) is linked to it
LINK_WORDS = 3
#: characters before a weak stage cue searched for its verb
WEAK_VERB_BEFORE = 12
CLAUSE_END = re.compile(r"[,;:.!?]")


def phrases_pattern(words: list[str]) -> re.Pattern[str]:
    """Any of ``words`` (longest first, any spacing inside a phrase, ``-nya`` allowed) as a whole word."""
    alternation = "|".join(
        r"\s+".join(re.escape(part) for part in w.split()) for w in sorted(set(words), key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{alternation})(?:nya)?(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Cues:
    period: tuple[tuple[str, re.Pattern[str], bool], ...]  # kind, cue, weak
    period_links: re.Pattern[str]
    period_weak_links: re.Pattern[str]
    statement: re.Pattern[str]
    event: re.Pattern[str]
    event_passive: re.Pattern[str]
    election: re.Pattern[str]
    election_adjacent: re.Pattern[str]  # an election name ending a string, then the date
    document_date: re.Pattern[str]  # 'tanggal' ending a string
    document: re.Pattern[str]
    schedule_words: frozenset[str]
    anaphora: re.Pattern[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = read_json("dates/kind_cues.json")
    period = tuple((kind, phrases_pattern(words), False) for kind, words in data["period"].items())
    period += tuple((kind, phrases_pattern(words), True) for kind, words in data["period_weak"].items())
    election = phrases_pattern(data["election"])
    joiners = phrases_pattern(data["election_joiners"]).pattern
    return Cues(
        period=period,
        period_links=phrases_pattern(data["period_links"]),
        period_weak_links=phrases_pattern(data["period_weak_links"]),
        statement=phrases_pattern(data["statement"]),
        event=phrases_pattern(data["event"]),
        event_passive=phrases_pattern(data["event_passive"]),
        election=election,
        election_adjacent=re.compile(rf"{election.pattern}(?:[^\S\n]+{joiners})*[^\S\n]*$", re.IGNORECASE),
        document_date=re.compile(
            rf"(?P<prev>[\w,]+)?[^\S\n]*{phrases_pattern(data['document_date_words']).pattern}[^\S\n]*$",
            re.IGNORECASE,
        ),
        document=phrases_pattern(data["document"]),
        schedule_words=frozenset(w.lower() for w in data["schedule_words"]),
        anaphora=phrases_pattern(data["anaphora"]),
    )


class Sentences:
    """Sentence bounds of a text, looked up by offset."""

    def __init__(self, bounds: list[tuple[int, int]], text_len: int) -> None:
        self.bounds = sorted(bounds) or [(0, text_len)]
        self.starts = [s for s, _ in self.bounds]

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def around(self, offset: int) -> tuple[int, int]:
        return self.bounds[self.index(offset)]

    def before(self, offset: int) -> tuple[int, int] | None:
        i = self.index(offset)
        return self.bounds[i - 1] if i > 0 else None


def _after_quotes(text: str) -> tuple[str, int]:
    """The part of ``text`` after its last quote mark (and where it starts)."""
    cut = max(text.rfind(q) for q in QUOTES)
    return (text[cut + 1 :], cut + 1) if cut >= 0 else (text, 0)


def _linked(gap: str) -> bool:
    """Whether a stage cue followed by ``gap`` names the date that follows."""
    c = cues()
    if c.period_links.search(gap):
        return True
    return "," not in gap and len(gap.split()) <= LINK_WORDS


def _nearest_left(left: str) -> tuple[str, int, int] | None:
    """(kind, start, end) of the stage cue nearest the end of ``left`` (weak cues need a link)."""
    best: tuple[str, int, int] | None = None
    for kind, pattern, weak in cues().period:
        for match in pattern.finditer(left):
            # a weak cue needs a stage verb after it or right before it ('memulai kampanye pada X')
            if weak and not cues().period_weak_links.search(left[max(0, match.start() - WEAK_VERB_BEFORE) :]):
                continue
            if best is None or match.end() > best[2] or (match.end() == best[2] and match.start() < best[1]):
                best = (kind, match.start(), match.end())
    return best


def _nearest_right(right: str) -> str | None:
    best: tuple[int, str] | None = None
    for kind, pattern, weak in cues().period:
        if weak:
            continue
        match = pattern.search(right)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), kind)
    return best[1] if best else None


def _stage_kind(left: str) -> str | None:
    """Step 3: the stage the nearest cue names, or ``event_date`` when a happening claims the date."""
    found = _nearest_left(left)
    if found is None:
        return None
    kind, start, end = found
    gap = left[end:]
    event = cues().event
    if event.search(gap):
        return "event_date"  # '... masa kampanye, Bupati menggelar bimtek di X, Selasa (28/11)'
    if not _linked(gap) and event.search(left[:start]):
        return "event_date"  # 'menggelar patroli masa tenang di enam kecamatan, Minggu (11/2)'
    return kind


def classify(text: str, mention: Mention, sentences: Sentences) -> str:
    """The kind of one (non date-line) mention."""
    c = cues()
    s_start, s_end = sentences.around(mention.start)
    left_raw = text[max(s_start, mention.start - LEFT_REACH) : mention.start]
    left, _ = _after_quotes(left_raw)
    right = text[mention.end : max(mention.end, min(s_end, mention.end + RIGHT_REACH))]
    right = right[: min((right.find(q) for q in QUOTES if q in right), default=len(right))]
    clause_end = CLAUSE_END.search(right)
    right_clause = right[: clause_end.start()] if clause_end else right

    dated = c.document_date.search(left)
    if dated and (dated.group("prev") or "").lower() not in c.schedule_words and c.document.search(left):
        return "other"  # 'Surat Nomor ... tanggal 17 Desember 2017': a document's date
    if c.election_adjacent.search(left):
        return "voting_day"  # 'Pilbup 3 Maret'
    statements = list(c.statement.finditer(left))
    attributed = bool(statements) and len(left) - statements[-1].end() <= STATEMENT_REACH
    if attributed and len(left) < len(left_raw):
        return "event_date"  # '..." kata Wahyu, Selasa (24/9)': when it was said

    kind = _stage_kind(left)
    if kind:
        return kind
    if attributed or c.event.search(left) or c.event.search(right_clause):
        return "event_date"
    elections = list(c.election.finditer(left))
    if elections and not CLAUSE_END.search(left[elections[-1].end() :]):
        return "voting_day"  # 'Pilkada 2024 akan diadakan serentak pada 27 November 2024'
    if c.event_passive.search(left) or c.event_passive.search(right_clause):
        return "event_date"
    kind = _nearest_right(right)
    if kind:
        return kind
    if mention.has_day_name:
        return "event_date"
    previous = sentences.before(mention.start)
    if previous is not None and c.anaphora.search(left):
        prev_text, _ = _after_quotes(text[max(previous[0], previous[1] - LEFT_REACH) : previous[1]])
        found = _nearest_left(prev_text)
        if found:
            return found[0]
    return "other"
