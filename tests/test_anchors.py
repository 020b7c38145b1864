"""Literal anchors: a pattern is skipped only when it cannot match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netral_nlp.anchors import (
    AnchoredPattern,
    LiteralStartPattern,
    RangeSearch,
    WordStartPattern,
    WordStarts,
    fold,
    literal_anchors,
)
from netral_nlp.components.events.triggers import lexicon
from scanner_helpers import corpus_texts


@pytest.mark.parametrize(
    ("pattern", "anchors"),
    [
        (r"surat\s+edaran", {"surat"}),
        (r"(?:menerbitkan|mengeluarkan)\s+edaran", {"menerbitkan", "mengeluarkan"}),
        (r"(?:kembali\s+)?mengingatkan", {"kembali", "mengingatkan"}),
        (r"(?<!isi\s)pakta\s+integritas", {"pakta"}),
        (r"(?:meminta|minta\s+agar)", {"minta"}),  # "meminta" holds "minta": one test does
        (r"(?-i:Bawaslu)\s+\w+", {"bawaslu"}),
        (r"Apel", {"apel"}),
    ],
)
def test_anchors_of_patterns(pattern, anchors):
    assert literal_anchors(re.compile(pattern, re.IGNORECASE)) == anchors


@pytest.mark.parametrize("pattern", [r"\w+an", r"[A-Z]\w+", r"(?:\d+\s+)?laporan", r"ke|di", r".*sanksi"])
def test_patterns_without_a_useful_anchor_always_run(pattern):
    assert literal_anchors(pattern) is None
    assert AnchoredPattern.of(re.compile(pattern)).may_match("tidak ada apa-apa")


def test_fold_refuses_texts_whose_length_changes():
    assert fold("Straße") is None  # ß folds to ss
    assert fold("İkrar") is None  # dotted capital I folds to two characters
    assert fold("IKRAR Netralitas") == "ikrar netralitas"


def test_anchored_pattern_is_skipped_only_without_its_words():
    pattern = AnchoredPattern.of(re.compile(r"(?<!\w)(?:berikrar|ikrar\s+netralitas)(?!\w)", re.IGNORECASE))
    assert pattern.may_match(fold("Para camat BERIKRAR di alun-alun."))
    assert not pattern.may_match(fold("Para camat hadir di alun-alun."))



def test_trigger_lexicon_finds_the_same_matches_with_anchors():
    """Every trigger pattern, over every project article (upper-cased too): the same
    matches whether or not the anchors let it skip."""
    texts = corpus_texts()
    texts += [t.upper() for t in texts[:5]]
    for text in texts:
        starts = WordStarts(text)
        for entry in lexicon():
            plain = [m.span() for m in entry.pattern.pattern.finditer(text)]
            assert [m.span() for m in entry.pattern.finditer(starts)] == plain


def test_rule_category_cues_count_the_same_with_anchors():
    from netral_nlp.components.rules.backends.keywords import anchored_category_cues, cue_hits

    for text in corpus_texts():
        plain = {c: n for c, p in anchored_category_cues().items() if (n := len(p.pattern.findall(text)))}
        assert cue_hits(text) == plain


WORDS = st.sampled_from(["surat", "Edaran", "SURAT", "minta", "agar", "meminta", "ſurat", "K", "ikrar", " ", "\n"])


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=12).map("".join))
def test_anchors_never_hide_a_match(text):
    for source in (r"surat\s*edaran", r"(?:meminta|minta\s*agar)", r"(?:k)?ikrar"):
        pattern = AnchoredPattern.of(re.compile(source, re.IGNORECASE))
        assert pattern.may_match(fold(text)) or not pattern.pattern.search(text)


def _people_scanners():
    from netral_nlp.components.people.lexicon import lexicon as people_lexicon
    from netral_nlp.components.people.precedence import _context_re

    names = ["office_re", "cand_title_re", "pair_cue_re", "org_fixed_re", "org_assoc_re", "org_body_re",
             "party_re", "government_re", "unit_head_re"]
    return [getattr(people_lexicon(), n) for n in names] + [_context_re()]


def test_people_lexicon_scanners_find_what_finditer_finds():
    """Tried only at word starts that begin with an anchor: the same matches, every pattern
    the people component scans with, over every project article, upper-cased too, and
    within a stretch (``pos``/``endpos``) as model windows use it."""
    texts = corpus_texts()
    texts += [t.upper() for t in texts[:5]]
    for pattern in _people_scanners():
        scanner = WordStartPattern(pattern)
        assert scanner.heads is not None
        for text in texts:
            starts = WordStarts(text)
            assert [m.span() for m in scanner.finditer(starts)] == [m.span() for m in pattern.finditer(text)]
            lo, hi = len(text) // 3, 2 * len(text) // 3
            assert [m.span() for m in scanner.finditer(starts, lo, hi)] == [
                m.span() for m in pattern.finditer(text, lo, hi)
            ]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Pj", "Bupati", "bupati", "Sleman", "-", " ", "\n", "Wali", "Kota", "ſekda",
                                 "Sekda", "SEKDA", "x", "Ketua", "KPU", ","]), max_size=14).map("".join))
def test_word_start_scanner_equals_finditer_on_odd_texts(text):
    for pattern in _people_scanners()[:2]:
        assert [m.span() for m in WordStartPattern(pattern).finditer(WordStarts(text))] == [
            m.span() for m in pattern.finditer(text)
        ]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [(r"\d+", True), (r"0?[1-9]", True), (r"(?<!\w)(?:1|2)\d", True), (r"(?:\d|x)", False), (r"a?\d", False),
     (r"\d?", False), (r"[0-9a]", False), (r"(?i)januari", False)],
)
def test_starts_with_digit(pattern, expected):
    from netral_nlp.anchors import starts_with_digit

    assert starts_with_digit(re.compile(pattern)) is expected


def test_date_forms_found_at_digits_equal_finditer():
    from netral_nlp.anchors import finditer_at, starts_with_digit
    from netral_nlp.components.dates.patterns import grammar

    texts = corpus_texts() + ["12/1/2024 1-2-2024 03.04.2024 7 dan 8 Januari 2024 ٣ Maret"]
    digit_forms = [p for _, p in grammar().forms if starts_with_digit(p)]
    assert digit_forms
    for text in texts:
        digits = [m.start() for m in re.finditer(r"\d", text)]
        for pattern in digit_forms:
            assert [m.span() for m in finditer_at(pattern, text, digits)] == [m.span() for m in pattern.finditer(text)]


def _rule_raw_cues():
    from netral_nlp.components.rules.cues import RAW_LISTS, cue

    return [cue(name) for name in RAW_LISTS]


def _rule_word_cues():
    from netral_nlp.components.rules.cues import cue, directive_word

    return [cue(n) for n in ("strong_modal", "prohibition", "obligation", "conduct_topic")] + [directive_word()]


def test_literal_start_pattern_finds_what_finditer_finds():
    """Full regexes (``?``, ``^apakah``, ``yang ... dijatuhi sanksi``) tried only where a literal
    start occurs, overlapping occurrences included: the same matches on every project article."""
    texts = corpus_texts() + ["Apakah ASN boleh? Ya.", "  apakah", "kamihak bisahak ?", "dijatuhi sanksi yang"]
    for pattern in _rule_raw_cues() + [re.compile(r"ab|bc|cab", re.I)]:
        scanner = LiteralStartPattern(pattern)
        assert scanner.finder is not None
        for text in texts + ["abcabcab", "xbcab"]:
            assert [m.span() for m in scanner.finditer(WordStarts(text))] == [m.span() for m in pattern.finditer(text)]


def test_literal_start_pattern_runs_everywhere_without_a_literal_start():
    scanner = LiteralStartPattern(re.compile(r"\w+ing|ab"))
    assert scanner.candidates(WordStarts("sing ab")) is None
    assert [m.span() for m in scanner.finditer(WordStarts("sing ab"))] == [(0, 4), (5, 7)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["ASN", "dilarang", "Dilarang", "x", "?", "apakah", "netral", "kampanye", " ", "\n",
                                 "tidak boleh", "wajib", "yang", "dijatuhi sanksi", "-"]), max_size=12).map("".join))
def test_range_search_equals_search_on_the_range(text):
    """Every range, mid-word starts included (``xdilarang``: ``dilarang`` starts the range's
    string though no word of the text)."""
    starts = WordStarts(text)
    for a in range(0, len(text) + 1, 3):
        for b in range(a, len(text) + 1, 5):
            where, piece = RangeSearch(starts, a, b), text[a:b]
            for pattern in _rule_word_cues():
                found, plain = where.search(pattern, piece), pattern.search(piece)
                assert (found and found.span()) == (plain and plain.span())
                assert where.count(pattern, piece) == len(pattern.findall(piece))
            for pattern in _rule_raw_cues():
                found, plain = where.search(pattern, piece, raw=True), pattern.search(piece)
                assert (found and found.span()) == (plain and plain.span())


def test_range_search_sees_a_range_that_starts_mid_word():
    from netral_nlp.components.rules.cues import cue

    text = "xdilarang kampanye"
    starts = WordStarts(text)
    assert RangeSearch(starts, 1, len(text)).search(cue("prohibition"), text[1:]) is not None
    assert RangeSearch(starts, 0, len(text)).search(cue("prohibition"), text) is None
