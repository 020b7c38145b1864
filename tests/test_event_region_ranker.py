"""The learned event region: candidate features, training, storage.

Texts are invented. The features are pinned with contrasting pairs (a venue named vs
not, a regional vs a national body, a national agent vs a national destination, a
dateline vs a body in the lead, a venue named as a place vs a scope or an office, a body's
short name in brackets after its type word vs residents, a national vs a regional body
leading the article); so is what settles the region before the ranker (a venue place, a
national agent, a national body acting where its sentence names no region). Training is
checked to learn an annotation convention and its opposite from invented gold,
deterministically, and the stored ranker to round-trip through the component's
to_disk/from_disk.
"""

from __future__ import annotations

import pytest

from netral_nlp.components.events.events import REGION_DIR, EventExtractor
from netral_nlp.components.events.region_choice import CUES_FILE, decided
from netral_nlp.components.events.region_ranker import RegionRanker
from netral_nlp.schema import to_record
from netral_nlp.spans import add_span
from netral_nlp.train.event_region import region_examples


def record(text: str, trigger: str, region: str | None = None, kind: str = "socialization") -> dict:
    start = text.index(trigger)
    event = {"type": kind, "trigger": {"start": start, "end": start + len(trigger), "text": trigger},
             "date": None, "region": region}
    return {"id": text[:20], "text": text, "entities": [], "dates": [], "rules": [], "events": [event]}


def features(nlp, text: str, trigger: str, kind: str = "socialization") -> dict:
    """Candidate name (None: null) -> its feature tokens, for the one event of ``text``."""
    [(candidates, _)] = region_examples(nlp, [record(text, trigger, kind=kind)])
    return {name: set(tokens) for name, tokens in candidates}


def test_a_region_after_di_is_a_venue_and_one_without_is_not(nlp):
    venue = features(nlp, "Bawaslu Kota Ternate menggelar sosialisasi netralitas ASN di Kabupaten Halmahera Barat.",
                     "sosialisasi")
    audience = features(nlp, "Bawaslu Kota Ternate menggelar sosialisasi netralitas ASN Kabupaten Halmahera Barat.",
                        "sosialisasi")
    assert "after:venue:direct" in venue["Kabupaten Halmahera Barat"]
    assert "after:venue:direct" not in audience["Kabupaten Halmahera Barat"]
    assert "before:body:direct" in venue["Kota Ternate"] and "before:body:direct" in audience["Kota Ternate"]


def test_a_national_body_before_the_trigger_marks_null_a_regional_one_does_not(nlp):
    national = features(nlp, "KASN mengimbau seluruh ASN di Kota Ternate menjaga netralitas.", "mengimbau", "directive")
    regional = features(nlp, "Bawaslu Kota Ternate mengimbau seluruh ASN menjaga netralitas.", "mengimbau", "directive")
    assert "null&national" in national[None]
    assert "null&national" not in regional[None]


def test_a_national_agent_after_the_trigger_differs_from_a_national_destination(nlp):
    agent = features(nlp, "Kepala dinas di Kota Ternate mendapat rekomendasi KASN agar dijatuhi sanksi.",
                     "rekomendasi", "sanction")
    destination = features(nlp, "Kepala dinas di Kota Ternate dilaporkan ke KASN karena tidak netral.",
                           "dilaporkan", "violation_report")
    assert "null&national_after" in agent[None] and "null&national_after_destination" not in agent[None]
    assert "null&national_after_destination" in destination[None]


def test_a_dateline_in_any_case_is_flagged_a_body_in_the_lead_is_not(nlp):
    dateline = features(nlp, "Ternate (ANTARA) - Panitia menggelar sosialisasi netralitas ASN bagi para camat.",
                        "sosialisasi")
    body = features(nlp, "Hari ini Pemkot Ternate menggelar sosialisasi netralitas ASN bagi para camat.",
                    "sosialisasi")
    assert "dateline_any" in dateline["Kota Ternate"]
    assert "dateline_any" not in body["Kota Ternate"]


#: (body's city, venue regency) pairs of the invented training articles
PAIRS = [
    ("Malang", "Kabupaten Jombang"),
    ("Pasuruan", "Kabupaten Sidoarjo"),
    ("Kediri", "Kabupaten Blitar"),
    ("Ternate", "Kabupaten Halmahera Barat"),
    ("Mojokerto", "Kabupaten Lamongan"),
    ("Probolinggo", "Kabupaten Lumajang"),
]
TEMPLATE = "Bawaslu Kota {city} menggelar sosialisasi netralitas ASN di {venue}."
UNSEEN = TEMPLATE.format(city="Madiun", venue="Kabupaten Ngawi")


def convention(nlp, venue_wins: bool) -> RegionRanker:
    """A ranker trained on articles annotated by the venue (or by the body's seat)."""
    records = [
        record(TEMPLATE.format(city=city, venue=venue), "sosialisasi", venue if venue_wins else f"Kota {city}")
        for city, venue in PAIRS
    ]
    return RegionRanker.fit(region_examples(nlp, records), c=1.0)


def choose(nlp, ranker: RegionRanker, text: str) -> str | None:
    [(candidates, _)] = region_examples(nlp, [record(text, "sosialisasi")])
    return ranker.choose(candidates)


def test_training_learns_the_annotators_convention_and_its_opposite(nlp):
    assert choose(nlp, convention(nlp, venue_wins=True), UNSEEN) == "Kabupaten Ngawi"
    assert choose(nlp, convention(nlp, venue_wins=False), UNSEEN) == "Kota Madiun"


def test_training_is_deterministic(nlp):
    assert convention(nlp, True).weights == convention(nlp, True).weights


def test_fit_needs_an_event_with_a_choice():
    with pytest.raises(ValueError):
        RegionRanker.fit([([(None, ["null"])], None)])


TERNATE = ("Kota Ternate", "city", "82.71")
HALBAR = ("Kabupaten Halmahera Barat", "regency", "82.01")


def event_regions(extractor: EventExtractor, blank_nlp, text: str) -> list:
    doc = blank_nlp(text)
    for surface, (canonical, level, code) in (("Ternate", TERNATE), ("Kabupaten Halmahera Barat", HALBAR)):
        start = text.index(surface)
        add_span(doc, "entities", start, start + len(surface), "REGION", level=level, code=code, canonical=canonical)
    return [e["region"] for e in to_record(extractor(doc)).to_json_dict()["events"]]


def test_the_ranker_round_trips_through_the_component(nlp, blank_nlp, tmp_path):
    text = "Bawaslu Kota Ternate menggelar sosialisasi netralitas ASN di Kabupaten Halmahera Barat."
    for venue_wins, expected in ((False, ["Kota Ternate"]), (True, ["Kabupaten Halmahera Barat"])):
        extractor = EventExtractor()
        extractor.set_region_ranker(convention(nlp, venue_wins))
        folder = tmp_path / str(venue_wins)
        extractor.to_disk(folder)
        assert (folder / REGION_DIR / CUES_FILE).exists()
        loaded = EventExtractor().from_disk(folder)
        assert loaded.region_ranker is not None and loaded.region_ranker.weights == extractor.region_ranker.weights
        assert event_regions(loaded, blank_nlp, text) == event_regions(extractor, blank_nlp, text) == expected


def test_the_shipped_pipeline_places_a_regional_body_and_not_a_national_one(nlp):
    assert nlp.get_pipe("netral_events").region_ranker is not None
    regional = nlp("TERNATE - Bawaslu Kota Ternate mengimbau seluruh ASN menjaga netralitas selama Pilkada.")
    national = nlp("JAKARTA - Bawaslu RI mengimbau seluruh ASN menjaga netralitas selama Pilkada.")
    assert [e["region"] for e in to_record(regional).to_json_dict()["events"]] == ["Kota Ternate"]
    assert [e["region"] for e in to_record(national).to_json_dict()["events"]] == [None]


def test_without_regions_to_choose_from_no_ranker_is_trained(nlp):
    from netral_nlp.train.event_region import train_region_ranker

    unplaced = [record("Panitia menggelar sosialisasi netralitas ASN bagi para camat.", "sosialisasi")]
    placed = [record(TEMPLATE.format(city=c, venue=v), "sosialisasi", v) for c, v in PAIRS]
    assert train_region_ranker(nlp, unplaced) is None
    assert train_region_ranker(nlp, placed) is not None


def settled(nlp, text: str, trigger: str, kind: str = "socialization") -> tuple[bool, str | None]:
    [(candidates, _)] = region_examples(nlp, [record(text, trigger, kind=kind)])
    return decided(candidates)


def test_a_venue_named_as_a_place_settles_the_region_a_scope_or_an_office_does_not(nlp):
    body = "Bawaslu Provinsi Jawa Tengah menggelar sosialisasi netralitas ASN "
    assert settled(nlp, body + "di Hotel Patra, Kota Semarang.", "sosialisasi") == (True, "Kota Semarang")
    assert settled(nlp, body + "bagi pegawai di lingkungan Pemkot Semarang.", "sosialisasi") == (False, None)
    assert settled(nlp, body + "di Kantor Wali Kota Semarang.", "sosialisasi") == (False, None)


def test_a_place_is_the_region_it_names_not_the_province_written_after_it(nlp):
    text = "Panitia menggelar sosialisasi netralitas ASN di Hotel Bela, Kota Ternate, Maluku Utara."
    assert "after:place:direct" in features(nlp, text, "sosialisasi")["Kota Ternate"]
    assert not any(":place:" in t for t in features(nlp, text, "sosialisasi")["Maluku Utara"])
    assert settled(nlp, text, "sosialisasi") == (True, "Kota Ternate")


def test_a_national_agent_settles_null_a_national_destination_does_not(nlp):
    agent = settled(nlp, "Seorang kepala dinas di Kota Ternate mendapat rekomendasi KASN agar dijatuhi sanksi.",
                    "rekomendasi", "sanction")
    destination = settled(nlp, "Seorang kepala dinas di Kota Ternate dilaporkan ke KASN karena tidak netral.",
                          "dilaporkan", "violation_report")
    assert agent == (True, None)
    assert destination == (False, None)


def test_a_regional_body_receiving_the_national_agents_act_leaves_the_ranker_to_choose(nlp):
    received = settled(nlp, "Pemkot Ternate menerima rekomendasi KASN agar kepala dinas itu dijatuhi sanksi.",
                       "rekomendasi", "sanction")
    assert received == (False, None)


def shipped_regions(nlp, text: str) -> list:
    return [e["region"] for e in to_record(nlp(text)).to_json_dict()["events"]]


def test_the_shipped_pipeline_places_an_event_at_its_venue_place_else_at_the_body(nlp):
    at_place = "TERNATE - Bawaslu Kota Ternate menggelar sosialisasi netralitas ASN di Hotel Bela, Kabupaten Halmahera Barat."
    as_scope = "TERNATE - Bawaslu Kota Ternate menggelar sosialisasi netralitas ASN bagi pegawai di Kabupaten Halmahera Barat."
    assert shipped_regions(nlp, at_place) == ["Kabupaten Halmahera Barat"]
    assert shipped_regions(nlp, as_scope) == ["Kota Ternate"]
    province = "Bawaslu Provinsi Jawa Tengah menggelar sosialisasi netralitas ASN di Hotel Patra, Kota Semarang."
    city = "Bawaslu Kota Semarang menggelar sosialisasi netralitas ASN bagi para camat."
    assert shipped_regions(nlp, province) == ["Kota Semarang"] == shipped_regions(nlp, city)
    assert shipped_regions(nlp, province.replace("di Hotel Patra, Kota Semarang", "bagi pegawai Pemkot Semarang")) == [
        "Jawa Tengah"
    ]


def test_cues_stored_before_the_venue_place_read_no_place(tmp_path):
    import json

    from netral_nlp.components.events.region_choice import RegionCues
    from netral_nlp.resources import packaged_text

    old = {k: v for k, v in json.loads(packaged_text("events/region_cues.json")).items() if "place" not in k}
    (tmp_path / CUES_FILE).write_text(json.dumps(old), encoding="utf-8")
    assert RegionCues.read(tmp_path / CUES_FILE).place_before.search("di Hotel Bela, ") is None
    assert RegionCues.read().place_before.search("di Hotel Bela, ") is not None


def test_a_short_name_in_brackets_after_the_type_word_still_names_the_acting_body(nlp):
    body = features(nlp, "Pemerintah Kabupaten (Pemkab) Halmahera Barat meminta ASN menjaga netralitas.",
                    "meminta", "directive")
    residents = features(nlp, "Masyarakat Kabupaten (Kab) Halmahera Barat meminta ASN menjaga netralitas.",
                         "meminta", "directive")
    assert "before:body:direct" in body["Kabupaten Halmahera Barat"]
    assert "before:body:direct" not in residents["Kabupaten Halmahera Barat"]


def test_a_national_body_leading_the_article_is_flagged_a_regional_one_is_not(nlp):
    tail = " mengingatkan ASN menjaga netralitas. Laporan dari Kota Ternate terus bertambah, katanya."
    national = features(nlp, "Bawaslu RI" + tail, "mengingatkan", "directive")
    regional = features(nlp, "Bawaslu Kota Ternate" + tail, "mengingatkan", "directive")
    assert "null&national_lead" in national[None]
    assert "null&national_lead" not in regional[None]


def test_a_national_body_acting_where_no_region_is_named_settles_null(nlp):
    lead = "KUPANG - Danrem 161 memimpin apel netralitas prajurit di Kota Kupang. "
    national = settled(nlp, lead + "Panglima TNI telah menginstruksikan prajurit untuk netral.", "menginstruksikan",
                       "directive")
    named = settled(nlp, lead + "Panglima TNI telah menginstruksikan prajurit di Kota Kupang untuk netral.",
                    "menginstruksikan", "directive")
    regional = settled(nlp, lead + "Danrem telah menginstruksikan prajurit untuk netral.", "menginstruksikan",
                       "directive")
    assert national == (True, None)
    assert named == (False, None)
    assert regional == (False, None)


def test_the_shipped_pipeline_leaves_a_national_body_in_the_capital_unplaced_and_places_the_capitals_own(nlp):
    national = "JAKARTA - Bawaslu RI mengimbau seluruh ASN menjaga netralitas selama Pilkada."
    regional = "JAKARTA - Bawaslu DKI Jakarta mengimbau seluruh ASN menjaga netralitas selama Pilkada."
    assert shipped_regions(nlp, national) == [None]
    assert shipped_regions(nlp, regional) == ["DKI Jakarta"]
