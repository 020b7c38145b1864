"""Prose rules: sentences that state conduct for a group (``ASN dilarang ...``).

A sentence is a rule when it carries a deontic cue (dilarang, tidak boleh,
wajib, harus, jangan ...) or a directive aimed at a group (meminta/mengingatkan
ASN agar ...), talks about conduct (neutrality, campaigns, support, social
media ...) and is not a question, a report of a sanction or a hope.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from ...anchors import RangeSearch
from ...spans import content_sentences
from ...tokenizer import doc_text
from .cues import addressed_directive, any_rule_cue, cue, directive_word, subject_cues
from .text_utils import CLOSE_QUOTES, OPEN_QUOTES, TERMINAL, cut_at_closing_quote, trim

Sentence = tuple[int, int]

MIN_WORDS = 4
MAX_CHARS = 600


def sentences(doc: Doc) -> list[Sentence]:
    """Content sentences (boilerplate left out), hard-wrapped lines joined again."""
    text = doc_text(doc)
    spans: list[Sentence] = []
    for sent_start, sent_end in content_sentences(doc):
        start, end = trim(text, sent_start, sent_end, keep_quotes=True)
        if start >= end:
            continue
        if spans and _wrapped(text, spans[-1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _wrapped(text: str, prev: Sentence, start: int) -> bool:
    gap = text[prev[1] : start]
    if gap.count("\n") != 1 or gap.strip():
        return False
    last = text[prev[1] - 1]
    return last not in TERMINAL + CLOSE_QUOTES and text[start].islower()


def rule_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The part of a sentence a prose rule spans: quotes and attributions cut off."""
    end = cut_at_closing_quote(text, start, end)
    return trim(text, start, end)


def has_subject(sentence: str, where: RangeSearch | None = None) -> bool:
    if where is not None:
        return any(where.search(p, sentence) for _, p in subject_cues())
    return any(p.search(sentence) for _, p in subject_cues())


def is_prose_rule(sentence: str, where: RangeSearch | None = None) -> bool:
    """Whether a sentence states a rule of conduct for a group (``where``: the article
    range ``sentence`` is, to skip cues it cannot hold)."""
    words = sentence.split()
    if len(words) < MIN_WORDS or len(sentence) > MAX_CHARS:
        return False

    def search(pattern: re.Pattern[str], raw: bool = False) -> bool:
        return (pattern.search(sentence) if where is None else where.search(pattern, sentence, raw)) is not None

    # cheap cues first: a sentence without a modal or directive cue is no rule, and most
    # sentences have none; the exclusions, topic and group are only read after that
    strong = search(cue("strong_modal"))
    weak = not strong and search(cue("weak_modal"))
    if not (strong or weak or search(directive_word())):
        return False
    if search(cue("not_rule"), raw=True):  # full regexes: not word-start patterns
        return False
    if strong:
        return search(cue("conduct_topic")) or has_subject(sentence, where)
    if search(cue("soft_not_rule"), raw=True):
        return False
    if search(addressed_directive()):
        return search(cue("conduct_topic"))
    return weak and has_subject(sentence, where) and search(cue("conduct_topic"))


def quote_start(text: str, start: int) -> bool:
    return text[start : start + 1] in OPEN_QUOTES


_COLON_END = re.compile(r":\s*$")


def is_list_intro(sentence: str) -> bool:
    """A sentence that only introduces a list (``..., yaitu:``)."""
    return bool(_COLON_END.search(sentence))


@lru_cache(maxsize=1)
def _clause_break() -> re.Pattern[str]:
    """``dan``/``;`` before a new group subject followed closely by a modal cue."""
    groups = "|".join(p.pattern for _, p in subject_cues())
    modal = cue("strong_modal").pattern
    return re.compile(rf"(?:\s+dan|;|,\s+sedangkan)\s+(?=(?:{groups})(?:\s+\S+){{0,2}}?\s+(?:{modal}))")


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut where a second group rule starts (``ASN dilarang A dan ASN juga dilarang B``)."""
    if start >= end:
        return []
    out, pos = [], start
    for m in _clause_break().finditer(text, start, end):
        # a left part without a cue of its own is the first of coordinated subjects
        # (``kepala desa dan perangkat desa harus ...``): no cut there
        left = text[pos : m.start()]
        if len(left.split()) >= MIN_WORDS and any_rule_cue().search(left):
            out.append(trim(text, pos, m.start()))
            pos = m.end()
    out.append(trim(text, pos, end))
    return [(a, b) for a, b in out if a < b]
