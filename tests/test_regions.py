"""REGION spans, levels, Kemendagri codes and canonical names (texts written for the tests)."""

from __future__ import annotations

import pytest

from netral_nlp.components.regions import lookup
from netral_nlp.components.regions.gazetteer import gazetteer
from netral_nlp.pipeline import build_pipeline
from netral_nlp.schema import to_record


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(components=("netral_boilerplate", "netral_segmenter", "netral_regions"))


def regions(nlp, text):
    return [(e.text, e.level, e.code, e.canonical) for e in to_record(nlp(text)).entities
            if e.label == "REGION"]


def spans(nlp, text):
    return [r[0] for r in regions(nlp, text)]


def test_gazetteer_covers_kemendagri_levels():
    g = gazetteer()
    levels = [r.level for r in g.by_code.values()]
    assert levels.count("province") == 38
    assert levels.count("regency") + levels.count("city") == 514
    assert levels.count("district") > 7000


def test_lookup_api():
    assert {r.code for r in lookup("Malang")} == {"35.07", "35.73"}
    assert [r.canonical for r in lookup("Malang", hint="city")] == ["Kota Malang"]
    assert [r.code for r in lookup("Jatim")] == ["35"]
    assert lookup("Atlantis") == []


def test_special_provinces_take_their_short_canonical_names_and_their_cities_do_not(nlp):
    found = regions(nlp, "Bawaslu DIY dan Bawaslu DKI Jakarta bertemu di Kota Yogyakarta.")
    assert [(text, canonical) for text, _, _, canonical in found] == [
        ("DIY", "DI Yogyakarta"), ("DKI Jakarta", "DKI Jakarta"), ("Kota Yogyakarta", "Kota Yogyakarta")]


def test_type_words_belong_to_the_span(nlp):
    text = ("Rapat di Kota Pasuruan, Kabupaten Batanghari, Kab. Jombang, Provinsi Jawa Timur "
            "dan Kecamatan Gadingrejo.")
    assert regions(nlp, text) == [
        ("Kota Pasuruan", "city", "35.75", "Kota Pasuruan"),
        ("Kabupaten Batanghari", "regency", "15.04", "Kabupaten Batanghari"),
        ("Kab. Jombang", "regency", "35.17", "Kabupaten Jombang"),
        ("Provinsi Jawa Timur", "province", "35", "Jawa Timur"),
        ("Kecamatan Gadingrejo", "district", "35.75.01", "Gadingrejo"),
    ]


def test_office_and_government_words_stay_outside(nlp):
    text = ("Wali Kota Malang, Walikota Madiun, Bupati Jombang, Pemkot Blitar, Pemkab Kediri, "
            "Gubernur Bali dan Wakil Wali Kota Probolinggo hadir.")
    assert regions(nlp, text) == [
        ("Malang", "city", "35.73", "Kota Malang"),
        ("Madiun", "city", "35.77", "Kota Madiun"),
        ("Jombang", "regency", "35.17", "Kabupaten Jombang"),
        ("Blitar", "city", "35.72", "Kota Blitar"),
        ("Kediri", "regency", "35.06", "Kabupaten Kediri"),
        ("Bali", "province", "51", "Bali"),
        ("Probolinggo", "city", "35.74", "Kota Probolinggo"),
    ]


def test_pemerintah_kota_keeps_the_type_word_unless_abbreviated(nlp):
    assert spans(nlp, "ASN di lingkungan Pemerintah Kota Makassar diminta netral.") == ["Kota Makassar"]
    assert spans(nlp, "Pemerintah Kota (Pemkot) Bogor mengingatkan ASN.") == ["Bogor"]
    assert regions(nlp, "Pemerintah Kabupaten (Pemkab) Bogor menggelar apel.")[0][2] == "32.01"


def test_city_or_regency_decided_by_article_context(nlp):
    text = ("Pemkab Pasuruan menggelar apel netralitas. Ratusan ASN Pasuruan hadir.\n"
            "Sekda Pasuruan membacakan ikrar.")
    assert [r[2] for r in regions(nlp, text)] == ["35.14", "35.14", "35.14"]
    text = "Wali Kota Tegal memimpin rapat. Di Tegal, ASN diminta netral."
    assert [r[2] for r in regions(nlp, text)] == ["33.76", "33.76"]


def test_ambiguous_leftover_gets_no_code(nlp):
    assert regions(nlp, "Warga Pekalongan diminta ikut mengawasi pemilu.") == [
        ("Pekalongan", None, None, None)
    ]


def test_provincial_capital_and_province_defaults(nlp):
    text = "KPU Jawa Tengah menggelar rapat di Semarang."
    assert regions(nlp, text)[1] == ("Semarang", "city", "33.74", "Kota Semarang")
    text = "Penjagub Gorontalo meminta ASN Gorontalo netral."
    assert [r[1] for r in regions(nlp, text)] == ["province", "province"]


def test_abbreviations_and_spelling_variants(nlp):
    text = ("Bawaslu Jatim, Jateng, Jabar, Sumut, Sulsel, NTT, NTB, DIY, Kaltim dan Kalbar "
            "serta Kabupaten Batang Hari dan Sumatra Barat.")
    got = regions(nlp, text)
    assert [r[2] for r in got] == ["35", "33", "32", "12", "73", "53", "52", "34", "64", "61",
                                   "15.04", "13"]
    assert got[-2][3] == "Kabupaten Batanghari"


def test_datelines(nlp):
    assert regions(nlp, "KOTA PASURUAN. Bawaslu menggelar sosialisasi.")[0] == (
        "KOTA PASURUAN", "city", "35.75", "Kota Pasuruan")
    got = regions(nlp, "JAYAPURA – Pj Gubernur Papua meminta ASN netral.")
    assert got[0][0] == "JAYAPURA"
    assert got[0][2] == "91.71"  # the provincial capital, since nothing says Kabupaten
    assert spans(nlp, "Warta.com, BANYUWANGI - ASN diminta netral.") == ["BANYUWANGI"]


def test_person_names_and_ordinary_words_are_not_regions(nlp):
    assert spans(nlp, "Bima Arya memberi sambutan. Agam menyampaikan pesan.") == []
    assert spans(nlp, "Batu itu besar dan nasib mereka malang sekali.") == []
    assert spans(nlp, "warga malang dan kediri berkumpul") == []


def test_ordinary_word_names_need_context(nlp):
    assert spans(nlp, "Wali Kota Batu meminta ASN di Batu netral.") == ["Batu", "Batu"]
    assert spans(nlp, "Pilkada digelar di Malaka, Belu, dan Ngada.") == ["Malaka", "Belu", "Ngada"]


def test_all_caps_headline_without_junk(nlp):
    assert spans(nlp, "PASANGAN CALON BATU NOMOR URUT SATU SIAP BERKAMPANYE DI KOTA INI") == []
    assert spans(nlp, "KETUA KPU DAN BUPATI SLEMAN HADIRI APEL") == ["SLEMAN"]


def test_venues_websites_and_country_are_not_regions(nlp):
    text = "Acara di Jalan Malang, diberitakan suryamalang.com, demi Indonesia dan NKRI."
    assert spans(nlp, text) == []
    assert spans(nlp, "Sulsel News Network melaporkan.") == []


def test_a_name_that_opens_a_venue_is_no_region_where_the_place_itself_is(nlp):
    assert spans(nlp, "Sosialisasi digelar di Maluku City Mall dan Palu Grand Mall.") == []
    assert spans(nlp, "Sosialisasi digelar di Maluku, lalu di Kota Palu.") == ["Maluku", "Kota Palu"]


def test_villages_and_districts_after_their_words(nlp):
    got = regions(nlp, "Camat Klojen dan Lurah Sei Agul hadir di Desa Sukamaju.")
    assert got[0] == ("Klojen", "district", "35.73.02", "Klojen")
    assert got[1][:3] == ("Sei Agul", "village", "12.71.05.1005")  # Sei = Sungai
    assert got[2][:2] == ("Desa Sukamaju", "village")
    assert got[2][2] is None  # dozens of villages share the name
    assert spans(nlp, "Sikap Kades Pada Pemilu Serentak") == []


def test_baca_juga_lines_are_skipped(nlp):
    text = "Bupati Jombang hadir.\n\nBaca juga: Wali Kota Kediri Ingatkan ASN\n\nASN diminta netral."
    assert spans(nlp, text) == ["Jombang"]


def test_article_without_regions_and_bad_input(nlp):
    assert spans(nlp, "ASN diminta menjaga netralitas selama masa kampanye.") == []
    for text in ("", "   ", "<p>Kota</p>\u200b", "Kota " * 5000, "\U0001F600 Malang \x00"):
        to_record(nlp(text))


def test_regency_abbreviations_offices_and_mastheads(nlp):
    assert regions(nlp, "Bawaslu Lotim menerima laporan.")[0][2] == "52.03"
    assert spans(nlp, "Ikrar dibacakan Sekretaris Kota Ambon.") == ["Ambon"]
    assert spans(nlp, "Bogor Sepekan\nBupati Garut hadir.") == ["Garut"]


def test_statistical_person_spans_only_veto_ambiguous_names(nlp):
    from spacy.tokens import Span

    from netral_nlp.components.regions.component import RegionTagger

    doc = nlp.make_doc("Sekda Donggala hadir. Bima menyampaikan pesan di Kota Bima.")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 4, 5, "PERSON")]
    got = [(s.text, s.label_) for s in RegionTagger()(doc).spans["entities"]]
    assert got == [("Donggala", "REGION"), ("Kota Bima", "REGION")]
