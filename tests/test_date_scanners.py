"""The dates step tries its patterns only where a match may start (word starts with a
month name, a digit, a number word; the capital ``H``): the same matches as a plain
``finditer`` over the whole text, on the project corpus and on generated texts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from netral_nlp.anchors import WordStarts, finditer_at, scanner_of, starts_with_digit
from netral_nlp.components.dates import election, relative
from netral_nlp.components.dates.patterns import grammar
from scanner_helpers import cased_corpus_texts, compared_matches


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def _pairs(text: str):
    """(scanned, plain) spans of every whole-text pattern of the dates step."""
    starts = WordStarts(text)
    g, r, e = grammar(), relative._data(), election._data()
    for _form, pattern in g.forms:
        if starts_with_digit(pattern):
            scanned = finditer_at(pattern, text, starts.number_starts())
        else:
            scanned = scanner_of(pattern).finditer(starts)
        yield _spans(scanned), _spans(pattern.finditer(text))
    for pattern in (r.offset_re, r.day_re, e.name_re):
        yield _spans(scanner_of(pattern).finditer(starts)), _spans(pattern.finditer(text))
    yield _spans(r.counts(text)), _spans(r.count_re.finditer(text))
    h_positions = [m.start() for m in relative._H_DAY.finditer(text)]
    yield _spans(finditer_at(r.h_re, text, h_positions)), _spans(r.h_re.finditer(text))


def test_number_starts_are_digits_after_no_word_character():
    assert WordStarts("a1 22 (3/4) x-5 ٣").number_starts() == [3, 7, 9, 14, 16]


def test_date_scanners_find_what_finditer_finds_on_the_corpus():
    assert compared_matches(_pairs, cased_corpus_texts()) > 100  # the corpus has dates, days, elections: the comparison is not empty


_PIECES = ["12", "3", "٣", "/", "-", ".", ",", " ", "\n", "(", ")", "Januari", "jan", "Okt.", "2024", "24",
           "Selasa", "SELASA", "selasa", "hari", "lalu", "ini", "kemarin", "tiga", "Tiga", "H", "H-", "h-", "+",
           "Pilkada", "pemilihan", "umum", "Pemilu", "x", "İ", "ſ", "hingga", "dan"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16).map("".join))
def test_date_scanners_equal_finditer_on_generated_texts(text):
    for scanned, plain in _pairs(text):
        assert scanned == plain
