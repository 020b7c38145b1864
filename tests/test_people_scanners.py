"""The people step tries its whole-text patterns only where a match may start (word starts
that begin with an anchor, line starts, letters): the same matches as a plain ``finditer``
over the whole text, on the project corpus and on generated texts."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from netral_nlp.anchors import WordStarts, finditer_at, scanner_of
from netral_nlp.components.people import candidacy, candidates, names, speakers
from netral_nlp.components.people.lexicon import NAME_WORD_RE, lexicon
from netral_nlp.components.people.linking import People
from netral_nlp.components.people.mention import PersonMention
from netral_nlp.components.people.model_cues import resource_cue_words
from scanner_helpers import cased_corpus_texts, compared_matches

#: the plain patterns the step used to run over the whole text
_LOWER_WORD_PLAIN = re.compile(r"(?<![\w-])[a-z]{3,}(?![\w-])")
_NAME_RUN_PLAIN = re.compile(rf"{NAME_WORD_RE.pattern}(?:[ \u00a0]{NAME_WORD_RE.pattern})*")



def _word_start_patterns() -> list[re.Pattern[str]]:
    lex = lexicon()
    return [candidates._PAIR_LEAD_RE, lex.ballot_re, lex.rank_head_re, speakers._patterns()[0],
            resource_cue_words().org_run_re, candidacy._patterns()[0], names._region_type_re()]


def _pairs(text: str):
    starts = WordStarts(text)
    for pattern in _word_start_patterns():
        yield [m.span() for m in scanner_of(pattern).finditer(starts)], [m.span() for m in pattern.finditer(text)]
    line_starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]
    yield ([m.span() for m in finditer_at(names._DATELINE_RE, text, line_starts)],
           [m.span() for m in names._DATELINE_RE.finditer(text)])
    yield names._LOWER_WORD_RE.findall(text), _LOWER_WORD_PLAIN.findall(text)
    yield [m.span() for m in names._NAME_RUN_RE.finditer(text)], [m.span() for m in _NAME_RUN_PLAIN.finditer(text)]


def test_people_scanners_find_what_finditer_finds_on_the_corpus():
    assert compared_matches(_pairs, cased_corpus_texts()) > 1000


_PIECES = ["Pasangan", "calon", "paslon", " ", "\n", "-", ",", ".", "nomor", "urut", "2", "Kota", "Kediri", "Wali",
           "Kabupaten", "KOTA", "JAKARTA", " - ", "–", "AKBP", "Kombes", "kata", "ujar", "Badan", "Pengawas", "Pemilu",
           "maju", "kembali", "mencalonkan", "diri", "abc", "x-yz", "İ", "ſ", "Budi", "_", "ke", "Muh.", "M.", "A",
           "\u00a0", "Ma’ruf", "É"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16).map("".join))
def test_people_scanners_equal_finditer_on_generated_texts(text):
    for scanned, plain in _pairs(text):
        assert scanned == plain


def test_people_may_match_only_first_words_of_known_names():
    text = "Wahyu Hidayat hadir."
    people = People(text, [PersonMention(0, 13, "OFFICIAL")])
    assert people.may_match("Wahyu") and people.may_match("Hidayat")
    assert not people.may_match("Hadir")
    assert people.match(["Hadir"], 14) is None


def test_linking_skips_runs_without_a_known_word_but_links_after_an_opening_word():
    from netral_nlp.components.people.linking import link_mentions

    for text in ["Bupati Wahyu Hidayat hadir. Wahyu lalu bicara. Budi lalu bicara.",
                 "Bupati Wahyu Hidayat hadir.\nMenurut Wahyu acara lancar. Menurut Budi acara lancar."]:
        linked = link_mentions(text, [PersonMention(7, 20, "OFFICIAL", role="Bupati")], [])
        assert [(text[m.start : m.end], m.label, m.role) for m in linked] == [("Wahyu", "OFFICIAL", "Bupati")]
