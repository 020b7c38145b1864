"""Boilerplate's floating patterns are skipped on a line without their anchors: the same
first kind as searching every pattern, on the project corpus's lines and generated lines."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from netral_nlp.anchors import fold
from netral_nlp.components.boilerplate.boilerplate import _lines, patterns

CORPUS = Path(__file__).parents[1] / "corpora" / "articles.jsonl"


def _first_kinds(line: str) -> tuple[str | None, str | None]:
    floating = patterns().floating
    folded = fold(line)
    guarded = next((k for k, p in floating if p.may_match(folded) and p.pattern.search(line)), None)
    plain = next((k for k, p in floating if p.pattern.search(line)), None)
    return guarded, plain


def test_guarded_floating_patterns_equal_plain_search_on_the_corpus():
    with open(CORPUS, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    lines = [t[s:e] for t in texts for s, e in _lines(t)]
    lines += ["Daftar / Login", "SIGN UP/LOG IN", "Kolom yang wajib diisi", "Dapatkan update berita terkini"]
    kinds = [_first_kinds(line) for line in lines]
    assert all(guarded == plain for guarded, plain in kinds)
    assert sum(plain is not None for _, plain in kinds) >= 4  # the comparison is not empty


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["daftar", "Masuk", "LOGIN", " ", "/", "sign", "up", "İ", "ſ", "kolom yang wajib",
                                 "dapatkan", "update", "berita", "terbaru", "»", "x"]), max_size=10).map("".join))
def test_guarded_floating_patterns_equal_plain_search_on_generated_lines(line):
    guarded, plain = _first_kinds(line)
    assert guarded == plain
