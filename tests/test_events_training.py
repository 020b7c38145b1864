"""A tiny ``netral train events`` run: the filter is fitted, saved and used."""

from __future__ import annotations

import json

import pytest

from netral_nlp.pipeline import build_pipeline, load
from netral_nlp.train.events import train_events

POSITIVE = "Seluruh ASN Pemkab Klaten menandatangani pakta integritas netralitas di pendopo."
NEGATIVE = "Camat itu mengingatkan seluruh warga datang ke pasar malam untuk pesta rakyat."


def _record(i: int, text: str, events: list[dict]) -> dict:
    return {"id": f"t{i}", "text": text, "entities": [], "dates": [], "rules": [], "events": events}


def _pledge(text: str) -> list[dict]:
    trigger = "menandatangani pakta integritas"
    start = text.index(trigger)
    return [{"type": "pledge", "trigger": {"start": start, "end": start + len(trigger), "text": trigger},
             "date": None, "region": None}]


@pytest.fixture()
def gold_file(tmp_path):
    lines = []
    for i in range(6):
        lines.append(_record(2 * i, POSITIVE, _pledge(POSITIVE)))
        lines.append(_record(2 * i + 1, NEGATIVE, []))
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    return path


def labels(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [span.label_ for span in doc.spans["events"]]


def test_training_installs_a_filter_that_drops_learned_negatives(tmp_path, gold_file):
    source = tmp_path / "source"
    build_pipeline().to_disk(source)
    before = load(source)
    assert labels(before, NEGATIVE) == ["directive"]

    figures = train_events(data=[gold_file], source=source, out=tmp_path / "out")
    assert figures["candidates"] == 12 and figures["positive"] == 6

    trained = load(tmp_path / "out")
    assert trained.get_pipe("netral_events").filter is not None
    assert labels(trained, POSITIVE) == ["pledge"]
    assert labels(trained, NEGATIVE) == []
