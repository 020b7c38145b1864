"""Shared by the scanner equivalence tests: the project corpus in several cases, and the
loop that compares a faster scanner's matches with the plain pattern's."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

CORPUS = Path(__file__).parents[1] / "corpora" / "articles.jsonl"


def corpus_texts() -> list[str]:
    with CORPUS.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def cased_corpus_texts() -> list[str]:
    """The corpus, plus three of its articles upper-cased and three lower-cased."""
    texts = corpus_texts()
    return texts + [t.upper() for t in texts[:3]] + [t.lower() for t in texts[:3]]


def compared_matches(pairs: Callable[[str], Iterable[tuple[list, list]]], texts: Iterable[str]) -> int:
    """Assert that every (scanned, plain) pair ``pairs`` gives for each text is equal; the
    number of matches compared, so that a test can check the comparison was not empty."""
    found = 0
    for text in texts:
        for scanned, plain in pairs(text):
            assert scanned == plain
            found += len(plain)
    return found
