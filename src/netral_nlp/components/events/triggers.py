"""Find event trigger candidates in article sentences from the trigger lexicon."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ...anchors import WordStartPattern, WordStarts, found_in_window, word_starts
from ...resources import read_json

#: how far after a trigger the addressed group may appear (characters)
GROUP_WINDOW = 90
#: how far before a trigger a hypothetical cue still governs it (characters)
HYPOTHETICAL_WINDOW = 60


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon entry: a pattern for one event type and the conditions it needs."""

    type: str
    pattern: WordStartPattern
    needs: tuple[str, ...] = ()
    key: str = ""


@dataclass
class Candidate:
    """A trigger found in a sentence, before arguments and merging."""

    type: str
    start: int
    end: int
    sent_start: int
    sent_end: int
    key: str
    headline: bool = False
    fields: dict = field(default_factory=dict)
    #: the learned decision's probability of ``type`` (0 on the hand-written path)
    score: float = 0.0


def _content_word(function_words: list[str]) -> str:
    """What ``{w}`` stands for in trigger patterns: one lower-case word that is not a
    function word (``cues.json``)."""
    stop = "|".join(map(re.escape, function_words))
    return rf"(?-i:\s+(?!(?:{stop})\b)[a-z]+)"


@lru_cache(maxsize=1)
def lexicon() -> tuple[TriggerEntry, ...]:
    """Compiled trigger lexicon from ``resources/events/triggers.json`` in file order."""
    data = read_json("events/cues.json")
    content_word = _content_word(data["function_words"])
    heads = data["merge_heads"]
    entries = []
    for event_type, items in read_json("events/triggers.json").items():
        if event_type.startswith("_"):
            continue
        for item in items:
            body = item["pattern"].replace("{w}", content_word)
            pattern = WordStartPattern(re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE))
            key = item.get("key") or _merge_key(event_type, item["pattern"], heads)
            entries.append(TriggerEntry(event_type, pattern, tuple(item.get("needs", ())), key))
    return tuple(entries)


def _merge_key(event_type: str, pattern: str, heads: dict[str, list[str]]) -> str:
    """Mentions with the same type and key are one happening (see events.merge)."""
    for head in heads.get(event_type, ()):
        if head in pattern:
            return f"{event_type}:{head}"
    return event_type


@lru_cache(maxsize=1)
def cues() -> dict[str, re.Pattern[str]]:
    data = read_json("events/cues.json")
    return {
        name: re.compile(value, re.IGNORECASE)
        for name, value in data.items()
        if isinstance(value, str) and not name.startswith("_")
    }


#: cues whose every match starts a word (``\\b`` then a word): searched in a window of an
#: article at its word starts (:func:`cue_between`), not by scanning the window
WORD_CUES = ("hypothetical", "group", "neutrality", "past", "negated", "report_target", "violation",
             "earlier", "generic")


@lru_cache(maxsize=1)
def anchored_cues() -> dict[str, WordStartPattern]:
    return {name: WordStartPattern(cues()[name]) for name in WORD_CUES}


def cue_between(name: str, starts: WordStarts, lo: int, hi: int) -> bool:
    """Whether cue ``name`` occurs in ``starts.text[lo:hi]`` (as ``search`` on that slice)."""
    return found_in_window(anchored_cues()[name], starts, lo, hi)


@lru_cache(maxsize=1)
def headline_max_words() -> int:
    return int(read_json("events/cues.json").get("headline_max_words", 25))


def _conditions_hold(entry: TriggerEntry, sentence: str, start: int, end: int) -> bool:
    for need in entry.needs:
        if need == "group":
            if not cues()["group"].search(sentence[end : end + GROUP_WINDOW]):
                return False
        elif not cues()[need].search(sentence):
            return False
    return True


def is_hypothetical(sentence: str, start: int, end: int | None = None) -> bool:
    """A modal, conditional, prohibiting or directing cue in the same clause before the
    trigger, a negation right before it (``belum menerima laporan``), or a modal passive
    right after it (``surat edaran akan diterbitkan``)."""
    window = sentence[max(0, start - HYPOTHETICAL_WINDOW) : start]
    clause = re.split(r"[,.;:!?\"“”]", window)[-1]
    if cues()["hypothetical"].search(clause) or cues()["negated"].search(window):
        return True
    return end is not None and bool(cues()["hypothetical_after"].search(sentence[end:]))


def is_generic(sentence: str) -> bool:
    """Statistics and rankings (``provinsi dengan laporan terbanyak``) speak of mentions
    in general, not of one happening."""
    return bool(cues()["generic"].search(sentence))


def sentence_matches(
    pattern: WordStartPattern, words: WordStarts, sentences: list[tuple[int, int]], starts: list[int]
) -> Iterator[tuple[int, re.Match[str]]]:
    """The matches of ``pattern`` in the text of ``words`` that lie inside one of the
    (sorted) ``sentences`` (``starts``: their first offsets), each with that sentence's index."""
    for match in pattern.finditer(words):
        index = bisect_right(starts, match.start()) - 1
        if index >= 0 and match.end() <= sentences[index][1]:
            yield index, match


def find_in_sentences(text: str, sentences: list[tuple[int, int]], offset: int = 0) -> list[Candidate]:
    """Candidates of many sentences of ``text``, each pattern run once over the whole text
    (a Python loop per pattern and sentence costs more than the matching itself), and
    there only where a word starts with one of its anchors (``anchors.py``)."""
    starts = [start for start, _ in sentences]
    found: dict[tuple[int, str], Candidate] = {}
    words = word_starts(text)
    for entry in lexicon():
        for index, match in sentence_matches(entry.pattern, words, sentences, starts):
            if (index, entry.type) in found:
                continue
            lo, hi = sentences[index]
            sentence = text[lo:hi]
            start, end = match.start() - lo, match.end() - lo
            if (
                not _conditions_hold(entry, sentence, start, end)
                or is_hypothetical(sentence, start, end)
                or is_generic(sentence)
            ):
                continue
            found[index, entry.type] = Candidate(
                type=entry.type,
                start=offset + match.start(),
                end=offset + match.end(),
                sent_start=offset + lo,
                sent_end=offset + hi,
                key=entry.key,
            )
    return sorted(found.values(), key=lambda c: (c.sent_start, c.start))
