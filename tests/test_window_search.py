"""Window searches at a text's word starts give exactly a slice's ``finditer`` / ``search``."""

from __future__ import annotations

import json
import re
from pathlib import Path

from netral_nlp.anchors import (
    WordStartPattern,
    WordStarts,
    found_in_window,
    inside_word,
    spans_in_window,
)
from netral_nlp.components.dates import kind_model
from netral_nlp.components.events.triggers import WORD_CUES, anchored_cues, cues

CORPUS = Path(__file__).parents[1] / "corpora" / "articles.jsonl"
WORDS = WordStartPattern(re.compile(r"(?<!\w)(?:ikrar|ikrar netralitas|netral\w*)(?!\w)", re.IGNORECASE))


def _texts() -> list[str]:
    with CORPUS.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    return texts[:12] + [t.upper() for t in texts[:2]]


def _windows(text: str, step: int = 37, width: int = 173):
    """Windows opening anywhere: at word starts, inside words, on spaces."""
    for lo in range(0, len(text), step):
        yield lo, min(len(text), lo + width)


def test_window_inside_a_word_is_searched_as_a_slice():
    text = "Para camat berikrar netralitas; ikrar dibacakan."
    starts = WordStarts(text)
    lo = text.index("ikrar netralitas")  # inside "berikrar": a word start only in the slice
    assert inside_word(text, lo) and not inside_word(text, text.index("camat"))
    assert spans_in_window(WORDS, starts, lo, len(text))[0] == (lo, lo + len("ikrar"))
    # from the word's real start the same letters are no match
    whole = spans_in_window(WORDS, starts, text.index("berikrar"), len(text))
    assert whole[0] == (text.index("netralitas"), text.index("netralitas") + len("netralitas"))


def test_window_end_cuts_a_phrase_as_a_slice_does():
    text = "ikrar netralitas ASN"
    starts = WordStarts(text)
    assert spans_in_window(WORDS, starts, 0, 8) == [(0, 5)]  # "ikrar ne": the short word only
    assert not found_in_window(WORDS, starts, 1, 5)  # "krar": no word starts there


def test_event_cues_in_windows_equal_slice_searches():
    for text in _texts():
        starts = WordStarts(text)
        for name in WORD_CUES:
            pattern = cues()[name]
            for lo, hi in _windows(text):
                assert found_in_window(anchored_cues()[name], starts, lo, hi) == bool(pattern.search(text[lo:hi]))


def test_date_kind_families_in_windows_equal_slice_finditer():
    lexicon = kind_model.default_lexicon()
    for text in _texts():
        for lo, hi in _windows(text, step=53, width=301):
            window = text[lo:hi]
            plain = [(name, lo + m.start(), lo + m.end()) for name, p in lexicon.families for m in p.finditer(window)]
            assert kind_model._hits(lexicon, text, lo, hi) == plain
