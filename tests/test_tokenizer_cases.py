"""The packaged special cases tokenize exactly as the full set (spaCy's id exceptions + ours)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.symbols import NORM, ORTH

from netral_nlp.tokenizer import (
    _packaged,
    all_special_cases,
    build_tokenizer,
    hyphen_pairs,
    make_tokenizer,
    needed_special_cases,
    special_cases,
)
from netral_nlp.tokenizer_cases import compute, is_redundant

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "articles.jsonl"

#: places a special-case string can stand in running text: alone, between brackets and
#: quotes, before punctuation, glued to a clitic, a slash, names or another hyphenated word
CONTEXTS = ("{s}", "({s}.)", "“{s}”,", "{s}-nya", "Ali-{s}/{s}-Budi", "se-{s}:")


@pytest.fixture(scope="module")
def reference():
    """The netral tokenizer with every special case (the slow way it was built before)."""
    return build_tokenizer(spacy.blank("id"), all_special_cases())


@pytest.fixture(scope="module")
def packaged():
    return make_tokenizer(spacy.blank("id"))


@pytest.fixture(scope="module")
def bare():
    """Affix rules only: what decides whether a case is needed."""
    return build_tokenizer(spacy.blank("id"), {})


def token_view(doc) -> list[tuple]:
    return [(t.text, t.idx, t.whitespace_, t.norm_, t.lower_) for t in doc]


def test_packaged_file_is_what_the_rules_and_spacy_give_now():
    """Fails after a rule change or a spaCy upgrade: run `python -m netral_nlp.tokenizer_cases`."""
    now = compute()
    assert now["cases"] == special_cases()
    assert now["hyphen_pairs"] == _packaged()["hyphen_pairs"]


def test_a_tokenizer_starts_with_far_fewer_cases_than_all():
    assert len(special_cases()) < len(all_special_cases()) / 10
    assert len(needed_special_cases()) < len(all_special_cases()) / 3


@pytest.mark.parametrize(
    ("string", "substrings", "redundant"),
    [
        ("anak-anak", [{ORTH: "anak-anak"}], True),  # no split point inside: whole anyway
        ("Anak-Anak", [{ORTH: "Anak-Anak"}], False),  # the name-pair hyphen would split it
        ("ABANG-ABANG", [{ORTH: "ABANG-ABANG"}], True),
        ("Kab.", [{"ORTH": "Kab."}], False),  # the period is a suffix
        ("Kab", [{"ORTH": "Kab"}], True),
        ("Jan.", [{ORTH: "Jan.", NORM: "Januari"}], False),  # sets NORM
        ("jumat", [{ORTH: "jumat", NORM: "Jumat"}], False),
        ("Dr. med", [{ORTH: "Dr. med"}], False),  # a space
    ],
)
def test_a_case_is_redundant_only_when_the_rules_keep_its_string_whole(bare, string, substrings, redundant):
    assert is_redundant(bare, string, substrings) is redundant


def test_dropped_and_kept_cases_tokenize_as_the_full_set_in_every_context(reference, packaged):
    strings = sorted(all_special_cases())
    dropped = set(strings) - set(needed_special_cases())
    assert "anak-anak" in dropped and "Anak-Anak" not in dropped
    for start in range(0, len(strings), 400):
        text = "\n".join(
            " ".join(context.format(s=s) for context in CONTEXTS) for s in strings[start : start + 400]
        )
        assert token_view(packaged(text)) == token_view(reference(text))


def test_project_corpus_tokenizes_as_with_the_full_set(reference, packaged):
    with CORPUS.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    assert len(texts) >= 20
    for text in texts:
        assert token_view(packaged(text)) == token_view(reference(text))


def test_shipped_pipeline_builds_its_tokenizer_from_the_packaged_cases(nlp):
    assert set(special_cases()) <= set(nlp.tokenizer.rules) <= set(needed_special_cases())


def test_a_hyphen_pair_is_added_when_a_text_shows_it(packaged):
    tokenizer = make_tokenizer(spacy.blank("id"))
    assert "Abang-Abang" not in tokenizer.rules
    assert [t.text for t in tokenizer("Abang Abang datang")] == ["Abang", "Abang", "datang"]
    assert "Abang-Abang" not in tokenizer.rules  # no hyphen between them: not needed
    tokenizer("kata Abang - Abang")  # spaCy's matcher also sees the pair across spaces
    assert "Abang-Abang" in tokenizer.rules
    assert [t.text for t in tokenizer("Abang-Abang datang")] == ["Abang-Abang", "datang"]


def test_what_a_tokenizer_read_does_not_change_what_it_saves():
    tokenizer = make_tokenizer(spacy.blank("id"))
    before = tokenizer.to_bytes()
    tokenizer("kata Abang-Abang datang")
    assert "Abang-Abang" in tokenizer.rules  # the pair was added ...
    assert tokenizer.to_bytes() == before  # ... and is not saved


def test_a_pickled_tokenizer_keeps_adding_pairs():
    import pickle

    copy = pickle.loads(pickle.dumps(make_tokenizer(spacy.blank("id"))))
    assert [t.text for t in copy("Abang-Abang datang")] == ["Abang-Abang", "datang"]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Abang-Abang", {"Abang-Abang"}),
        ("Ali-Abang-Abang/x", {"Abang-Abang"}),
        ("Abang -\nAbang", {"Abang-Abang"}),
        ("Abang–Abang", set()),  # an en dash: spaCy's case has a hyphen
        ("Abang-Abangan", {"Abang-Abang"}),  # more than needed is harmless
        ("Abang-abang", set()),
    ],
)
def test_pairs_shown_around_a_hyphen(text, shown):
    assert hyphen_pairs().shown_in(text) == shown


def _pair_chains(limit: int) -> list[tuple[str, str, str]]:
    """Word triples A, B, C with A-B and B-C both pairs (``Bolak-Balik``, ``Balik-Balik``)."""
    pairs = _packaged()["hyphen_pairs"]
    starts: dict[str, list[str]] = {}
    for pair in pairs:
        first, second = pair.split("-")
        starts.setdefault(first, []).append(second)
    chains = []
    for pair in pairs:
        first, second = pair.split("-")
        for third in starts.get(second, ()):
            chains.append((first, second, third))
    return chains[:: max(1, len(chains) // limit)][:limit]


def test_each_text_alone_adds_what_it_needs(reference):
    """A fresh tokenizer per text, so only that text's pairs are added: where spaCy's matcher
    claims tokens across spaces (``A - B``) it keeps a later pair from merging, and the
    pair that claims them must be there too."""
    chains = _pair_chains(30)
    assert len(chains) >= 20
    tokenizer = make_tokenizer(spacy.blank("id"))
    for a, b, c in chains:
        for text in (f"{a} - {b}-{c}/x", f"{a}-{b}-{c}", f"x/{a}-{b} - {c}", f"{a} -{b}-{c}.", f"({a}-{b})-{c}"):
            tokenizer.rules = special_cases()  # back to a fresh tokenizer's cases
            assert token_view(tokenizer(text)) == token_view(reference(text)), text
