"""The one-article view: displaCy span view with fields, boilerplate dimmed, any record form."""

from __future__ import annotations

import re

import pytest

import netral_nlp
from netral_nlp.view.article import _tokens
from netral_nlp.view.labels import display_spans

TEXT = (
    "KOTA PASURUAN – Pj Wali Kota Pasuruan, Budi Santoso, memimpin ikrar netralitas ASN.\n"
    "Baca juga: Bupati Lantik Pejabat Baru\n"
    "1. ASN dilarang memasang spanduk pasangan calon."
)


def _span(text: str, part: str, **fields):
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part, **fields}


def record(**extra_rule_fields) -> dict:
    rule_text = "ASN dilarang memasang spanduk pasangan calon."
    return {
        "id": "v-1",
        "text": TEXT,
        "entities": [
            _span(TEXT, "Budi Santoso", label="OFFICIAL", role="Pj Wali Kota Pasuruan"),
            _span(TEXT, "KOTA PASURUAN", label="REGION", level="city", code="35.75", canonical="Kota Pasuruan"),
        ],
        "dates": [],
        "rules": [
            _span(TEXT, rule_text, marker="1", modality="prohibition", category="campaign_materials",
                  subject="ASN", **extra_rule_fields)
        ],
        "events": [
            {"type": "pledge", "trigger": _span(TEXT, "ikrar netralitas"), "date": None, "region": "Kota Pasuruan"}
        ],
    }


def labels(markup: str) -> list[str]:
    return [re.sub(r"\s+", " ", m) for m in re.findall(r'class="span-label"[^>]*>([^<]*)<', markup)]


def lines(markup: str) -> list[tuple[str, str]]:
    """(class, visible text) of each rendered line."""
    found = re.findall(r'<div class="(line|boilerplate)"[^>]*>(.*?)</div>\s*</div>', markup, flags=re.S)
    return [(cls, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).strip()) for cls, body in found]


def test_labels_carry_each_kind_of_field():
    shown = labels(netral_nlp.render(record(), jupyter=False))
    assert "OFFICIAL · Pj Wali Kota Pasuruan" in shown
    assert "REGION · city · 35.75" in shown
    assert "RULE · 1 · prohibition · campaign_materials" in shown
    assert "EVENT · pledge · Kota Pasuruan" in shown


def test_score_is_shown_when_present_and_not_required():
    with_score = labels(netral_nlp.render(record(score=0.873), jupyter=False))
    without = labels(netral_nlp.render(record(), jupyter=False))
    assert "RULE · 1 · prohibition · campaign_materials · 0.87" in with_score
    assert not any("0.87" in label for label in without)


def test_extra_fields_reach_the_table():
    markup = netral_nlp.render(record(), jupyter=False)
    rule_row = re.search(r'<tr id="span-\d+" class="row-rules">.*?</tr>', markup, flags=re.S).group()
    assert "<b>subject</b> ASN" in rule_row
    assert "<b>category</b> campaign_materials" in rule_row


def test_boilerplate_line_is_dimmed_and_content_lines_are_not():
    rendered = lines(netral_nlp.render(record(), jupyter=False))
    assert ("boilerplate", "Baca juga: Bupati Lantik Pejabat Baru") in rendered
    assert [cls for cls, text in rendered if text.startswith("1. ASN")] == ["line"]
    assert [cls for cls, text in rendered if "ikrar" in text] == ["line"]


def test_boilerplate_stated_by_the_record_wins_over_the_marker():
    stated = {**record(), "boilerplate": []}
    assert all(cls == "line" for cls, _ in lines(netral_nlp.render(stated, jupyter=False)))


def test_span_boundary_inside_a_word_splits_only_that_word():
    text = "Budi, Ani dan Joko"
    cut_at_comma = _tokens(text, 0, len(text), {0, 4})
    no_cut = _tokens(text, 0, len(text), {0})
    assert [text[s:e] for s, e in cut_at_comma] == ["Budi", ",", "Ani", "dan", "Joko"]
    assert [text[s:e] for s, e in no_cut] == ["Budi,", "Ani", "dan", "Joko"]


def test_event_spans_sit_on_their_trigger():
    spans = display_spans(record())
    event = next(s for s in spans if s.kind == "EVENT")
    assert TEXT[event.start : event.end] == "ikrar netralitas"


def test_a_doc_and_its_record_render_the_same_spans(nlp):
    doc = nlp(TEXT)
    from netral_nlp.schema import to_record

    from_doc = labels(netral_nlp.render(doc, jupyter=False))
    from_record = labels(netral_nlp.render(to_record(doc), jupyter=False))
    assert from_doc and from_doc == from_record


def test_page_is_standalone_and_scriptless():
    page = netral_nlp.render(record(), page=True, jupyter=False)
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "http" not in page


def test_not_a_record_is_refused_clearly():
    with pytest.raises(TypeError, match="record dict with a text"):
        netral_nlp.render({"id": "x"}, jupyter=False)


def test_show_html_writes_the_view(tmp_path):
    from typer.testing import CliRunner

    from netral_nlp.cli import app

    source = tmp_path / "artikel.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "view.html"
    result = CliRunner().invoke(app, ["show", str(source), "--html", str(out)])
    assert result.exit_code == 0, result.output
    markup = out.read_text(encoding="utf-8")
    assert "artikel" in markup and 'class="spans"' in markup
    assert ("boilerplate", "Baca juga: Bupati Lantik Pejabat Baru") in lines(markup)
