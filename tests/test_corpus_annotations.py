"""The project's own corpus and gold records are consistent (offsets reproduce text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netral_nlp.schema import ArticleRecord

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "articles.jsonl"
GOLD = ROOT / "annotations" / "articles.jsonl"


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_corpus_has_at_least_forty_articles():
    articles = _lines(CORPUS)
    assert len(articles) >= 40
    assert len({a["id"] for a in articles}) == len(articles)
    assert all(a["text"].strip() for a in articles)


def test_every_article_has_a_gold_record_with_the_same_text():
    texts = {a["id"]: a["text"] for a in _lines(CORPUS)}
    gold = {g["id"]: g["text"] for g in _lines(GOLD)}
    assert gold == texts


@pytest.mark.parametrize("record", _lines(GOLD), ids=lambda r: r["id"])
def test_gold_offsets_reproduce_text(record):
    parsed = ArticleRecord.model_validate(record)  # validates every span's offsets
    by_label: dict[str, list[tuple[int, int]]] = {}
    for entity in parsed.entities:
        by_label.setdefault(entity.label, []).append((entity.start, entity.end))
    for label, spans in by_label.items():
        spans.sort()
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert start >= end, f"overlapping {label} spans in {record['id']}"


def test_corpus_covers_fifteen_provinces():
    provinces = {
        e["code"].split(".")[0]
        for record in _lines(GOLD)
        for e in record["entities"]
        if e["label"] == "REGION" and e.get("code")
    }
    assert len(provinces) >= 15
