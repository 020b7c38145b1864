"""The packaged special cases tokenize exactly as the full set (spaCy's id exceptions + ours)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.symbols import NORM, ORTH

from netral_nlp.tokenizer import all_special_cases, build_tokenizer, make_tokenizer, special_cases
from netral_nlp.tokenizer_cases import compute, is_redundant

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "articles.jsonl"

#: places a special-case string can stand in running text: alone, between brackets and
#: quotes, before punctuation, glued to a clitic, a slash, a name or another hyphenated word
CONTEXTS = (
    "{s}",
    "({s})",
    "{s},",
    "{s}.",
    '"{s}"',
    "“{s}”",
    "{s}-nya",
    "{s}/{s}",
    "Ali-{s}",
    "{s}-Budi",
    "se-{s}",
    "{s}:",
    "{s}?)",
    "'{s}'",
    "[{s}]",
)


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
    assert compute()["cases"] == special_cases()


def test_packaged_cases_are_far_fewer_than_all():
    assert len(special_cases()) < len(all_special_cases()) / 3


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
    dropped = set(strings) - set(special_cases())
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
    assert set(nlp.tokenizer.rules) == set(special_cases())
