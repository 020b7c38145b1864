"""Event detection: one case per type, hypotheticals, merging, arguments.

Date and region layers come from other components; here they are added by
hand so the event component is tested alone.
"""

from __future__ import annotations

import pytest

from netral_nlp.components.events.events import EventExtractor
from netral_nlp.schema import to_record
from netral_nlp.spans import add_span


def run(blank_nlp, text, dates=(), regions=(), entities=()):
    doc = blank_nlp(text)
    for surface, value, kind in dates:
        start = text.index(surface)
        add_span(doc, "dates", start, start + len(surface), "DATE", value=value, kind=kind)
    for surface, canonical, level, code in regions:
        start = text.index(surface)
        add_span(doc, "entities", start, start + len(surface), "REGION",
                 level=level, code=code, canonical=canonical)
    for surface, label in entities:
        start = text.index(surface)
        add_span(doc, "entities", start, start + len(surface), label)
    return to_record(EventExtractor()(doc)).to_json_dict()["events"]


@pytest.mark.parametrize(
    ("text", "event_type", "trigger"),
    [
        ("Seluruh ASN Pemkab Sleman menandatangani pakta integritas netralitas pada Pilkada 2024.",
         "pledge", "menandatangani pakta integritas"),
        ("Bawaslu Kabupaten Klaten menggelar sosialisasi pengawasan netralitas ASN di aula kecamatan.",
         "socialization", "menggelar sosialisasi"),
        ("Bupati Klaten menerbitkan surat edaran tentang netralitas ASN menjelang Pilkada.",
         "directive", "menerbitkan surat edaran"),
        ("Bawaslu Kota Blitar membentuk tim patroli siber untuk mengawasi akun ASN selama kampanye.",
         "supervision", "membentuk tim patroli siber"),
        ("Seorang kepala desa dilaporkan warga ke Bawaslu Kabupaten Garut karena ikut kampanye.",
         "violation_report", "dilaporkan warga ke Bawaslu Kabupaten Garut"),
        ("Camat tersebut dijatuhi sanksi penurunan pangkat oleh BKN karena tidak netral.",
         "sanction", "dijatuhi sanksi penurunan pangkat"),
    ],
)
def test_one_event_per_type(blank_nlp, text, event_type, trigger):
    events = run(blank_nlp, text)
    assert [(e["type"], e["trigger"]["text"]) for e in events] == [(event_type, trigger)]


@pytest.mark.parametrize(
    "text",
    [
        "Masyarakat bisa melapor ke Bawaslu apabila menemukan dugaan pelanggaran netralitas ASN.",
        "Sanksi bisa berupa pemecatan bagi ASN yang terbukti tidak netral.",
        "Hingga kini kami belum menemukan laporan dugaan pelanggaran netralitas ASN.",
        "Jika terbukti, ASN tersebut akan dijatuhi sanksi disiplin berat.",
    ],
)
def test_hypotheticals_yield_nothing(blank_nlp, text):
    assert run(blank_nlp, text) == []


def test_headline_lead_and_body_of_one_pledge_make_one_event(blank_nlp):
    text = (
        "Ratusan ASN Pemkab Klaten Ikrar Netralitas Jelang Pilkada\n\n"
        "KLATEN – Ratusan ASN di lingkungan Pemkab Klaten mengucapkan ikrar netralitas "
        "di Pendopo Kabupaten Klaten, Senin (16/9/2024).\n\n"
        "Pembacaan ikrar netralitas dipimpin oleh Sekda Klaten. Ikrar netralitas itu "
        "diikuti 8 kepala OPD, 4 camat dan 34 lurah.\n"
    )
    events = run(
        blank_nlp,
        text,
        dates=[("Senin (16/9/2024)", "2024-09-16", "event_date")],
        regions=[("KLATEN", "Kabupaten Klaten", "regency", "33.10")],
    )
    assert len(events) == 1
    (event,) = events
    assert event["type"] == "pledge"
    assert event["trigger"]["text"] == "mengucapkan ikrar netralitas"
    assert event["date"] == "2024-09-16"
    assert event["region"] == "Kabupaten Klaten"


def test_venue_region_and_participants(blank_nlp):
    text = (
        "Pemkot Blitar menggelar sosialisasi netralitas ASN di Kecamatan Sananwetan, "
        "Kota Blitar, yang diikuti 120 peserta, Rabu (4/9/2024)."
    )
    (event,) = run(
        blank_nlp,
        text,
        dates=[("Rabu (4/9/2024)", "2024-09-04", "event_date")],
        regions=[("Kota Blitar", "Kota Blitar", "city", "35.72")],
        entities=[("Pemkot Blitar", "ORG")],
    )
    assert event["region"] == "Kota Blitar"
    assert event["date"] == "2024-09-04"
    assert event["participants"] == "120 peserta"
    assert [a["text"] for a in event["actors"]] == ["Pemkot Blitar"]


def test_directive_needs_an_addressed_group(blank_nlp):
    assert run(blank_nlp, "Ia mengingatkan bahwa cuaca sedang buruk.") == []
    events = run(blank_nlp, "Pj Bupati Klaten mengingatkan seluruh ASN agar menjaga netralitas.")
    assert [e["type"] for e in events] == ["directive"]


def test_boilerplate_lines_yield_no_events(blank_nlp):
    text = "Isi berita singkat.\n\nBaca juga: Bupati Menandatangani Pakta Integritas Netralitas\n"
    assert run(blank_nlp, text) == []


def test_earlier_happenings_do_not_take_the_article_date(blank_nlp):
    text = (
        "Pj Bupati Klaten mengingatkan seluruh ASN agar netral, Senin (16/9/2024).\n\n"
        "Ia menyebut pemkab sudah menerbitkan surat edaran tentang netralitas ASN."
    )
    events = run(blank_nlp, text, dates=[("Senin (16/9/2024)", "2024-09-16", "event_date")])
    dates = {e["trigger"]["text"]: e["date"] for e in events}
    assert dates == {"mengingatkan": "2024-09-16", "menerbitkan surat edaran": None}


def test_ongoing_oversight_takes_no_article_date_where_a_socialisation_does(blank_nlp):
    text = (
        "Pj Bupati Klaten mengingatkan seluruh ASN agar netral, Senin (16/9/2024).\n\n"
        "Menurut dia, netralitas penting bagi pelayanan publik.\n\n"
        "Bawaslu Kabupaten Klaten membentuk tim patroli siber untuk mengawasi akun ASN selama kampanye.\n\n"
        "Pelanggaran netralitas bisa berujung sanksi disiplin.\n\n"
        "Bawaslu Kabupaten Klaten juga menggelar sosialisasi netralitas bagi kepala desa."
    )
    events = run(blank_nlp, text, dates=[("Senin (16/9/2024)", "2024-09-16", "event_date")])
    dates = {e["type"]: e["date"] for e in events}
    assert dates["supervision"] is None  # oversight goes on: no day of its own
    assert dates["socialization"] == "2024-09-16"


def test_venue_introduced_by_di_names_the_region(blank_nlp):
    text = "KENDARI – Bawaslu menggelar rapat koordinasi nasional di Jakarta, Selasa (17/9/2024)."
    (event,) = run(
        blank_nlp,
        text,
        regions=[("KENDARI", "Kota Kendari", "city", "74.71"),
                 ("Jakarta", "DKI Jakarta", "province", "31")],
    )
    assert event["region"] == "DKI Jakarta"


def test_a_region_naming_an_office_is_not_the_venue(blank_nlp):
    text = "DENPASAR – Sekda membuka sosialisasi netralitas ASN di Wiswa Sabha, Kantor Gubernur Bali."
    (event,) = run(
        blank_nlp,
        text,
        regions=[("DENPASAR", "Kota Denpasar", "city", "51.71"), ("Bali", "Bali", "province", "51")],
    )
    assert event["region"] == "Kota Denpasar"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # what an official asks others to do is an order, not their happening
        ("Bupati meminta camat memantau kepala desa di wilayahnya selama kampanye.", "supervision"),
        ("Wali kota menginstruksikan lurah untuk memperketat pengawasan terhadap ASN.", "supervision"),
        # a modal passive after the trigger: a plan or a possibility
        ("Surat edaran tentang netralitas pegawai akan diterbitkan pekan depan.", "directive"),
        ("Laporan masyarakat dapat disampaikan melalui layanan pengaduan Bawaslu.", "violation_report"),
        # statistics and rankings
        ("Provinsi itu masuk lima besar dengan laporan pelanggaran netralitas terbanyak.",
         "violation_report"),
        # objects and other senses that are no event of the type
        ("Kepala desa itu mencopot spanduk calon bupati yang terpasang di balai desa.", "sanction"),
        ("Seorang camat menghadiri deklarasi relawan pasangan calon menjelang pilkada.", "pledge"),
        ("Bakal calon memasang baliho sosialisasi di sepanjang jalan desa menjelang pemilu.",
         "socialization"),
        ("Kades itu meminta warga memilih calon tertentu pada pemilu.", "directive"),
        ("Camat menyampaikan isi pakta integritas netralitas kepada ketua RT.", "pledge"),
    ],
)
def test_non_happenings_yield_no_event_of_the_type(blank_nlp, text, absent):
    assert absent not in {e["type"] for e in run(blank_nlp, text)}


def test_real_happenings_next_to_the_new_cues_stay(blank_nlp):
    events = run(blank_nlp, "Bupati Garut mencopot camat yang terbukti ikut kampanye pasangan calon.")
    assert [e["type"] for e in events] == ["sanction"]
    events = run(blank_nlp, "Bawaslu menerima laporan dugaan pelanggaran netralitas yang diajukan warga.")
    assert [e["type"] for e in events] == ["violation_report"]


def test_headline_mention_is_dropped_when_the_body_reports_the_type():
    from netral_nlp.components.events.events import merge
    from netral_nlp.components.events.triggers import Candidate

    head = Candidate("violation_report", 0, 10, 0, 40, "violation_report", headline=True,
                     fields={"date": "2024-10-08"})
    body = Candidate("violation_report", 60, 75, 50, 120, "violation_report",
                     fields={"date": "2024-10-07"})
    other = Candidate("sanction", 5, 15, 0, 40, "sanction", headline=True, fields={"date": None})
    assert [(c.type, c.start) for c in merge([head, other, body])] == [
        ("sanction", 5), ("violation_report", 60)]


def test_region_is_the_acting_body_area_before_the_dateline(blank_nlp):
    text = ("TANJUNGPINANG – Bawaslu Provinsi Kepulauan Riau mengingatkan seluruh ASN agar menjaga "
            "netralitas dalam Pilkada.")
    regions = [("TANJUNGPINANG", "Kota Tanjung Pinang", "city", "21.72"),
               ("Kepulauan Riau", "Kepulauan Riau", "province", "21")]
    (event,) = run(blank_nlp, text, regions=regions)
    assert event["region"] == "Kepulauan Riau"
    plain = "TANJUNGPINANG – Ketua panitia mengingatkan seluruh ASN agar menjaga netralitas dalam Pilkada."
    (event,) = run(blank_nlp, plain, regions=regions[:1])
    assert event["region"] == "Kota Tanjung Pinang"


def test_a_national_body_with_no_venue_has_no_region_a_local_one_has_the_dateline(blank_nlp):
    regions = [("JAKARTA", "DKI Jakarta", "province", "31")]
    national = "JAKARTA – Kemendagri mengingatkan seluruh ASN agar menjaga netralitas dalam Pilkada."
    local = "JAKARTA – Wali kota mengingatkan seluruh ASN agar menjaga netralitas dalam Pilkada."
    (event,) = run(blank_nlp, national, regions=regions)
    assert event["region"] is None
    (event,) = run(blank_nlp, local, regions=regions)
    assert event["region"] == "DKI Jakarta"
