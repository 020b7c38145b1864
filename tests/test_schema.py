"""Record schema: contract fields, offsets invariant, JSON Schema, Doc -> record."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import netral_nlp
from netral_nlp.schema import ArticleRecord, json_schema, to_record
from netral_nlp.spans import add_span


def test_offsets_must_reproduce_text():
    with pytest.raises(ValidationError):
        ArticleRecord(
            id="x",
            text="Bupati Sleman hadir",
            entities=[{"start": 0, "end": 6, "text": "Sleman", "label": "REGION"}],
        )


def test_extra_fields_are_kept():
    record = ArticleRecord(
        id="x",
        text="ASN wajib netral.",
        rules=[
            {"start": 0, "end": 17, "text": "ASN wajib netral.", "marker": None,
             "modality": "obligation", "category": "neutrality_general", "subject": "ASN"}
        ],
    )
    assert record.to_json_dict()["rules"][0]["subject"] == "ASN"


def test_to_record_emits_label_fields(blank_nlp):
    doc = blank_nlp("Pj Wali Kota Malang, Wahyu Hidayat hadir di Pemkot Malang.")
    add_span(doc, "entities", 13, 19, "REGION", level="city", code="35.73", canonical="Kota Malang")
    add_span(doc, "entities", 21, 34, "OFFICIAL", role="Pj Wali Kota Malang")
    add_span(doc, "entities", 44, 57, "ORG")
    data = to_record(doc, id="a").to_json_dict()
    region, official, org = data["entities"]
    assert region == {"start": 13, "end": 19, "text": "Malang", "label": "REGION",
                      "level": "city", "code": "35.73", "canonical": "Kota Malang"}
    assert official["role"] == "Pj Wali Kota Malang"
    assert org == {"start": 44, "end": 57, "text": "Pemkot Malang", "label": "ORG"}


def test_official_without_role_carries_null(blank_nlp):
    doc = blank_nlp("Wahyu hadir.")
    add_span(doc, "entities", 0, 5, "OFFICIAL")
    assert to_record(doc).to_json_dict()["entities"][0]["role"] is None


def test_json_schema_names_the_contract():
    schema = json_schema()
    props = schema["properties"]
    assert {"id", "text", "entities", "dates", "rules", "events"} <= set(props)
    assert "Entity" in schema["$defs"] and "Event" in schema["$defs"]
    json.dumps(schema)


def _check_offsets(record: ArticleRecord) -> None:
    data = record.to_json_dict()
    for key in ("entities", "dates", "rules"):
        for span in data[key]:
            assert data["text"][span["start"]:span["end"]] == span["text"]
    for event in data["events"]:
        t = event["trigger"]
        assert data["text"][t["start"]:t["end"]] == t["text"]


_words = st.sampled_from(
    ["ASN", "dilarang", "wajib", "netral", "Bupati", "Malang", "Kota", "1.", "a)", "Kedua,",
     "Baca juga:", "\n", "\n\n", "19/11/2023", "28 November 2023", "hingga", "-", "Pj", "Sekda",
     "pasangan", "nomor urut 2", "Bawaslu", "UU", "Nomor", "5", "Tahun", "2014", "\u00a0", "“", "”",
     ".", ",", ";", ":", "Jatim", "Kab.", "kata", "Wahyu", "<p>", "&amp;", "é", "🙂", "\t"]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_words, st.text(max_size=8)), max_size=60))
def test_offsets_invariant_on_random_texts(nlp, parts):
    text = " ".join(parts)
    _check_offsets(netral_nlp.extract(text, id="random", nlp=nlp))


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "<html><body><p>Bupati</p></body></html>"])
def test_degenerate_texts_do_not_crash(nlp, text):
    record = netral_nlp.extract(text, nlp=nlp)
    assert record.text == text
