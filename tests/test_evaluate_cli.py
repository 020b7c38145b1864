"""``netral evaluate`` end to end on small files written by the test."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from netral_nlp.cli import app

TEXT = "Pj Bupati Sukamaju, Andi Wijaya, memimpin ikrar netralitas ASN pada 5 Maret 2024."


def _span(sub: str) -> dict:
    start = TEXT.index(sub)
    return {"start": start, "end": start + len(sub), "text": sub}


GOLD = {
    "id": "t1",
    "text": TEXT,
    "entities": [{**_span("Andi Wijaya"), "label": "OFFICIAL", "role": "Pj Bupati Sukamaju"}],
    "dates": [{**_span("5 Maret 2024"), "value": "2024-03-05", "kind": "event_date"}],
    "rules": [],
    "events": [
        {
            "type": "pledge",
            "trigger": _span("ikrar netralitas"),
            "date": "2024-03-05",
            "region": None,
        }
    ],
}


@pytest.fixture()
def files(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    pred_record = {**GOLD, "entities": [], "id": "t1"}
    extra = {**GOLD, "id": "unknown"}
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(pred_record) + "\n" + json.dumps(extra) + "\n", encoding="utf-8")
    return gold, pred


def test_json_output(files):
    gold, pred = files
    result = CliRunner().invoke(app, ["evaluate", str(gold), "--pred", str(pred), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    # the entity was not predicted: OFFICIAL fn 1; the date and event are exact
    assert data["entities"]["strict"]["OFFICIAL"]["fn"] == 1
    assert data["headline"]["dates_value_f1"] == 1.0
    assert data["headline"]["events_micro_f1"] == 1.0
    assert data["articles"]["extra_pred_ids"] == ["unknown"]


def test_table_markdown_errors_and_plots(files, tmp_path):
    gold, pred = files
    runner = CliRunner()
    table = runner.invoke(app, ["evaluate", str(gold), "--pred", str(pred)])
    assert table.exit_code == 0, table.output
    assert "entity micro O/C/R" in table.stdout
    assert len(table.stdout.splitlines()) <= 30
    md = runner.invoke(app, ["evaluate", str(gold), "--pred", str(pred), "--markdown"])
    assert md.stdout.startswith("| figure |")
    args = ["evaluate", str(gold), "--pred", str(pred), "--errors", str(tmp_path / "err")]
    if _has_matplotlib():
        args += ["--plot", str(tmp_path / "plots")]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "err" / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    errors = json.loads(lines[0])
    assert errors["entities"]["fn"][0]["text"] == "Andi Wijaya"
    assert "[[Andi Wijaya]]" in errors["entities"]["fn"][0]["context"]
    if _has_matplotlib():
        assert (tmp_path / "plots" / "rule_categories.png").stat().st_size > 0
        assert (tmp_path / "plots" / "per_label.png").stat().st_size > 0


def test_invalid_gold_is_an_error_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps(
            {**GOLD, "entities": [{**_span("Andi Wijaya"), "text": "x", "label": "OFFICIAL"}]}
        )
        + "\n"
    )
    result = CliRunner().invoke(app, ["evaluate", str(bad), "--pred", str(bad)])
    assert result.exit_code == 1
    assert "invalid record" in result.output


def test_invalid_prediction_counts_as_missing_with_a_warning(files, tmp_path):
    gold, _ = files
    broken = {**GOLD, "dates": [{**GOLD["dates"][0], "end": GOLD["dates"][0]["end"] + 1}]}
    pred = tmp_path / "broken.jsonl"
    pred.write_text(json.dumps(broken) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(gold), "--pred", str(pred), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"]["missing_pred_ids"] == ["t1"]
    assert data["entities"]["strict"]["OFFICIAL"]["fn"] == 1
    assert any("invalid record" in w for w in data["warnings"])


def test_shipped_pipeline_predicts_when_no_pred_given(files):
    gold, _ = files
    result = CliRunner().invoke(app, ["evaluate", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"] == {
        "gold": 1,
        "scored": 1,
        "missing_pred_ids": [],
        "extra_pred_ids": [],
    }


def _has_matplotlib() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True
