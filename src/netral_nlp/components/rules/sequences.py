"""Enumerations in running prose: ``Pertama, ... Kedua, ...`` and announced counts.

``Terdapat 4 poin ikrar. Ke empat poin itu adalah A. Kemudian, B. Serta C dan D.``
gives four items: after an announced count the walker accepts ordinals and
continuation words (``Kemudian``, ``Serta``, ``Selain itu``, ``dan`` ...) and
splits a last sentence on ``dan``/``serta`` + verb while items are missing.
Without a count, only ordinal words (``Pertama``, ``Kedua``, ...) continue a list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...anchors import RangeSearch, word_starts
from .cues import count_noun, count_pattern, count_value, cue, cue_data, ordinal_values
from .items import Item
from .text_utils import OPEN_QUOTES, cut_at_closing_quote, looks_like_headline, trim

Sentence = tuple[int, int]

#: how many unrelated sentences (quotes, stray headlines) may sit between two items
MAX_SKIP = 2


@lru_cache(maxsize=1)
def ordinal_start() -> re.Pattern[str]:
    """An ordinal word opening a sentence (after an optional quote), with its punctuation."""
    words = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in ordinal_values()), key=len, reverse=True))
    quotes = re.escape(OPEN_QUOTES)
    return re.compile(rf"[{quotes}\s]*(?P<w>{words})(?!\w)\s*(?P<p>[,:.]?)\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def inline_ordinal() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in ordinal_values()), key=len, reverse=True))
    return re.compile(rf"(?:\s+(?:dan|serta)\s+|[;.]\s+)(?P<w>{words})(?!\w)\s*[,:]?\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def continuation_start() -> re.Pattern[str]:
    words = "|".join(sorted(cue_data()["continuation"], key=len, reverse=True))
    quotes = re.escape(OPEN_QUOTES)
    return re.compile(rf"[{quotes}\s]*(?P<w>{words})(?!\w)\s*,?\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def intro_pattern() -> re.Pattern[str]:
    words = "|".join(sorted(cue_data()["intro"], key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?P<w>{words})(?!\w)\s*[,:]?\s*", re.IGNORECASE)


#: ``dan``/``serta``/``juga`` followed by a verb-like word: where a last sentence splits
_SPLIT = re.compile(r"(?:,\s*|\s+)(?:dan|serta|juga)\s+(?=(?:me|mem|men|meng|ber|tidak|menolak)\w+)", re.IGNORECASE)
_NOT_ORDINAL_NEXT = re.compile(r"(?:kali|kalinya|pasangan|paslon|calon|belah|nya|orang|tahap|periode)\b", re.IGNORECASE)


def _ordinal_at(text: str, pos: int, end: int, need_punct: bool) -> tuple[str, int, int] | None:
    """(word, value, content start) when the sentence at ``pos`` opens with an ordinal."""
    match = ordinal_start().match(text, pos, end)
    if not match:
        return None
    word = match.group("w")
    if not word[0].isupper():
        return None
    if need_punct and not match.group("p"):
        return None
    if _NOT_ORDINAL_NEXT.match(text, match.end()):
        return None
    value = ordinal_values()[re.sub(r"\s+", " ", word.lower())]
    return word, value, match.end()


def _item_end(text: str, start: int, sent_end: int, next_value: int | None) -> tuple[int, int | None, str | None]:
    """End of an item in its sentence, and where an inline next ordinal item starts."""
    end = cut_at_closing_quote(text, start, sent_end)
    if next_value is not None:
        for m in inline_ordinal().finditer(text, start, end):
            word = m.group("w")
            value = ordinal_values()[re.sub(r"\s+", " ", word.lower())]
            if value in (next_value, 99):
                return m.start(), m.end(), word
    return end, None, None


def _sentence_index(sents: list[Sentence], pos: int) -> int | None:
    for i, (s, e) in enumerate(sents):
        if s <= pos < e:
            return i
    return None


def walk(
    text: str,
    sents: list[Sentence],
    start: int,
    marker: str | None,
    expected: int | None,
    first_value: int,
    lead: str,
) -> list[Item]:
    """Collect items from ``start`` on: ordinals, and continuation words when a count is known."""
    items: list[Item] = []
    value = first_value
    index = _sentence_index(sents, start)
    while index is not None:
        s_end = sents[index][1]
        end, inline_next, inline_word = _item_end(text, start, s_end, value + 1)
        span = trim(text, start, end)
        counted = sum(1 for i in items if i.value)
        last = bool(expected) and counted + 1 >= (expected or 0)
        following = None
        if inline_next is None and not last:
            following = _next_opener(text, sents, index, value, expected)
        pieces = [span]
        if expected and inline_next is None and following is None:
            missing = expected - counted - 1
            if missing > 0:
                pieces = _split(text, span, missing)
        for n, (a, b) in enumerate(pieces):
            if a < b:
                items.append(Item(a, b, marker if n == 0 else None, "ordinal", value + n, lead_in=lead))
        value += len(pieces) - 1
        if expected and sum(1 for i in items if i.value) >= expected:
            break
        if inline_next is not None:
            start, marker, value = inline_next, inline_word, value + 1
            continue
        if following is None:
            break
        items.extend(_restated(text, sents, index + 1, following[0], lead))
        index, start, marker, value = following
    return items


_RESTATED = re.compile(r"[“\"]\s*(?:Me|Ber|Tidak|Men)\w+")


def _restated(text: str, sents, first: int, stop: int, lead: str) -> list[Item]:
    """Quoted restatements of an item between two items (``“Menjaga ...,” ujarnya``)."""
    out = []
    j = first
    while j < stop:
        s, e = sents[j]
        if _RESTATED.match(text, s):
            k = j
            while k + 1 < stop and not any(q in text[sents[k][0] + 1 : sents[k][1]] for q in "”\""):
                k += 1
            end = cut_at_closing_quote(text, s, sents[k][1])
            a, b = trim(text, s, end)
            if a < b:
                out.append(Item(a, b, None, "ordinal", 0, lead_in=lead))
            j = k + 1
            continue
        j += 1
    return out


def _split(text: str, span: tuple[int, int], missing: int) -> list[tuple[int, int]]:
    """Split the last sentence on ``dan``/``serta`` + verb when items are still missing."""
    a, b = span
    out, pos = [], a
    for m in _SPLIT.finditer(text, a, b):
        if len(out) == missing:
            break
        head = trim(text, pos, m.start())
        if len(text[head[0] : head[1]].split()) < 2 or len(text[m.end() : b].split()) < 2:
            continue
        out.append(head)
        pos = m.end()
    out.append(trim(text, pos, b))
    return out


def _next_opener(text: str, sents, index: int, value: int, expected: int | None):
    """The next sentence that continues the list: (index, content start, marker, value)."""
    skipped = 0
    in_quote = False
    for j in range(index + 1, len(sents)):
        s, e = sents[j]
        ordinal = _ordinal_at(text, s, e, need_punct=False)
        if ordinal and ordinal[1] in (value + 1, value, 99):
            word, v, content = ordinal
            return j, content, word, value + 1 if v == 99 else v
        if expected:
            match = continuation_start().match(text, s, e)
            if match and match.end() < e:
                word = match.group("w")
                marker = None if word.lower() in ("dan", "juga") else word
                return j, match.end(), marker, value + 1
        sentence = text[s:e].strip()
        if sentence[:1] in OPEN_QUOTES:
            in_quote = not any(q in sentence[1:] for q in "”\"")
        if looks_like_headline(sentence) or sentence[:1] in OPEN_QUOTES or in_quote:
            if sentence[:1] in OPEN_QUOTES or not in_quote:
                skipped += 1
            if any(q in sentence[1:] for q in "”\""):
                in_quote = False
            if skipped > MAX_SKIP:
                return None
            continue
        return None
    return None


def find_sequences(text: str, sents: list[Sentence], taken: list[tuple[int, int]]) -> list[list[Item]]:
    """Prose enumerations; ``taken`` are ranges already claimed by marked lists."""

    def is_taken(pos: int) -> bool:
        return any(a <= pos < b for a, b in taken)

    def near_marked_list(pos: int) -> bool:
        return any(0 <= a - pos <= 400 for a, _ in taken)

    lists: list[list[Item]] = []
    claimed: list[tuple[int, int]] = []

    def add(items: list[Item]) -> None:
        if len(items) >= 2 and not is_claimed(items[0].start):
            lists.append(items)
            claimed.append((items[0].start, items[-1].end))

    def is_claimed(pos: int) -> bool:
        return any(a <= pos < b for a, b in claimed)

    starts, nouns = word_starts(text), count_noun()
    for i, (s, e) in enumerate(sents):
        if is_taken(s) or is_claimed(s):
            continue
        if not RangeSearch(starts, s, e).search(nouns, text[s:e]):
            continue  # no count noun in the sentence: no announced count either
        for m in count_pattern().finditer(text, s, e):
            n = count_value(m.group("n"))
            if n is None or not 2 <= n <= 12 or near_marked_list(m.end()):
                continue
            lead = text[s:e].strip()
            intro = intro_pattern().search(text, m.end(), e)
            if intro and e - intro.end() > 10:
                add(walk(text, sents, intro.end(), None, n, 1, lead))
                break
            for j in range(i + 1, min(i + 1 + MAX_SKIP + 1, len(sents))):
                js, je = sents[j]
                ordinal = _ordinal_at(text, js, je, need_punct=True)
                if ordinal and ordinal[1] == 1:
                    add(walk(text, sents, ordinal[2], ordinal[0], n, 1, lead))
                    break
                opener = intro_pattern().search(text, js, min(je, js + 60))
                if opener and je - opener.end() > 10:
                    add(walk(text, sents, opener.end(), None, n, 1, lead))
                    break
                if not looks_like_headline(text[js:je]):
                    break
            break
    for i, (s, e) in enumerate(sents):
        if is_taken(s) or is_claimed(s):
            continue
        ordinal = _ordinal_at(text, s, e, need_punct=True)
        if ordinal and ordinal[1] == 1:
            lead = text[sents[i - 1][0] : sents[i - 1][1]].strip() if i else ""
            add(walk(text, sents, ordinal[2], ordinal[0], None, 1, lead))
    return lists


def is_announcement(text: str, where: RangeSearch | None = None) -> bool:
    """A sentence that announces a count of points (``enam poin arahan``). ``where``: the
    article range ``text`` is; the lead-in cue is looked for first, at its anchored word
    starts, since the count pattern (a number or number word) is tried at every character."""
    lead = cue("lead_in_rule")
    if not (lead.search(text) if where is None else where.search(lead, text)):
        return False
    return bool(count_pattern().search(text))
