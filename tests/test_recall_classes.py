"""Recall classes of issue 15, each next to a near miss that must not fire (invented names and places)."""

from __future__ import annotations

import pytest

from netral_nlp.components.regions.abbreviations import generate, syllable_prefixes
from netral_nlp.components.regions.gazetteer import Gazetteer, key
from netral_nlp.pipeline import build_pipeline
from netral_nlp.schema import to_record
from people_helpers import entities_with_places


@pytest.fixture(scope="module")
def regions_nlp():
    return build_pipeline(components=("netral_boilerplate", "netral_segmenter", "netral_regions"))


@pytest.fixture(scope="module")
def laws_nlp():
    return build_pipeline(components=("netral_boilerplate", "netral_segmenter", "netral_laws"))


def people(nlp, text):
    return [(e.text, e.label, e.role if e.label == "OFFICIAL" else None)
            for e in to_record(nlp(text)).entities if e.label in ("OFFICIAL", "CANDIDATE")]


# ------------------------------------------------------------------ ranks and units


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kasrem 999/AB Kolonel. Inf Budi Santoso menegaskan prajurit netral.",
         [("Budi Santoso", "OFFICIAL", "Kasrem 999/AB")]),
        ("Kabid Humas Polda Sukamaju Kombes Pol.Rudi Hartanto mengingatkan anggota.",
         [("Rudi Hartanto", "OFFICIAL", "Kabid Humas Polda Sukamaju")]),
        ("Dandim 0999 Sukamaju Letkol Inf. Yoga Pratama menjelaskan aturan.",
         [("Yoga Pratama", "OFFICIAL", "Dandim 0999 Sukamaju")]),
        ("Letkol Czi Arif Rahman menutup pengarahannya.", [("Arif Rahman", "OFFICIAL", None)]),
    ],
)
def test_names_after_rank_and_unit_chains(people_nlp, text, expected):
    assert people(people_nlp, text) == expected


def test_street_named_after_a_hero_and_a_retired_officer_are_no_officials(people_nlp):
    assert people(people_nlp, "Ia tinggal di Jalan Jenderal Sudarto Wiryo sejak lama.") == []
    assert people(people_nlp, "Mayjen (Purn) Budi Santoso hadir di acara itu.") == []


# ------------------------------------------------------------------ long office chains


def test_long_office_chain_binds_the_name_after_its_comma(people_nlp):
    text = "Kepala Inspektorat Daerah Provinsi Sukamaju, Dani Korwana, memberikan peringatan keras."
    assert people(people_nlp, text) == [
        ("Dani Korwana", "OFFICIAL", "Kepala Inspektorat Daerah Provinsi Sukamaju")
    ]


def test_long_office_chain_binds_the_name_after_its_short_form(people_nlp):
    text = "Ketua Komisi Pengawas Aparatur Desa (KPAD) Agus Pramono mengatakan hal itu."
    assert people(people_nlp, text) == [
        ("Agus Pramono", "OFFICIAL", "Ketua Komisi Pengawas Aparatur Desa (KPAD)")
    ]


def test_office_chain_of_a_private_club_is_no_official(people_nlp):
    assert people(people_nlp, "Ketua Komunitas Pecinta Alam Sukamaju, Budi Hartono, hadir di sana.") == []


def test_field_of_duty_is_no_name(people_nlp):
    assert people(people_nlp, "Kepala Dinas Kelautan dan Perikanan Provinsi Sukamaju hadir pada acara itu.") == []


def test_title_after_its_name_and_degrees(people_nlp):
    text = "“Kami siap,” kata Imranto, SE, Ketua Bawaslu Kota Sukamaju kepada wartawan."
    assert people(people_nlp, text) == [("Imranto", "OFFICIAL", "Ketua Bawaslu Kota Sukamaju")]
    text = "Rina Kartika, anggota KPU RI, menyatakan hal itu."
    assert people(people_nlp, text) == [("Rina Kartika", "OFFICIAL", "anggota KPU RI")]


def test_list_of_signatories_is_no_apposition(people_nlp):
    text = "SKB itu ditandatangani Menteri PANRB, Menteri Dalam Negeri, Kepala BKN, dan Ketua KASN."
    assert people(people_nlp, text) == []


# ------------------------------------------------------------------ speakers and linking


def test_untitled_speaker_in_an_article_about_institutions(people_nlp):
    text = "Bawaslu Sukamaju menggelar rapat.\n“Aturan sudah jelas,” kata Deni."
    assert people(people_nlp, text) == [("Deni", "OFFICIAL", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Warga berkumpul di balai desa.\n“Aturan sudah jelas,” kata Deni.",  # no institution
        "Bawaslu Sukamaju menggelar rapat. “Kami siap,” ujar Rudi, warga setempat.",  # a citizen
        "Bawaslu Sukamaju menggelar rapat.\nPenulis: Deni Hartono\nEditor: Rina Wati",  # a byline
        "Bawaslu Sukamaju menggelar rapat. “Itu keliru,” kata Feri yang merupakan pengamat.",
    ],
)
def test_speakers_that_are_not_officials(people_nlp, text):
    assert people(people_nlp, text) == []


def test_speaker_introduced_by_an_unparsed_public_office_takes_its_role(people_nlp):
    role = "Komisioner Divisi Humas, data, dan Informasi pada Bawaslu Sukamaju"
    text = (f"Hal itu disampaikan {role}, Saut Boangmana, kepada wartawan.\n"
            "“Kami mencatat 40 pelanggaran,” kata Saut Boangmana.")
    assert people(people_nlp, text) == [("Saut Boangmana", "OFFICIAL", role)] * 2


def test_speaker_introduced_as_a_private_person_is_no_official(people_nlp):
    text = ("Hal itu disampaikan pengacara terlapor, Saut Boangmana, kepada wartawan.\n"
            "“Kami mencatat 40 pelanggaran,” kata Saut Boangmana. Bawaslu Sukamaju belum menanggapi.")
    assert people(people_nlp, text) == []


def test_short_mention_after_a_common_word_links_with_role(people_nlp):
    text = ("Anggota DPRD Provinsi Sukamaju, Fauzan Alkatir, menyampaikan kritik. "
            "Pernyataan Alkatir ini disampaikan saat rapat. Ia menanggapi pernyataan itu.")
    assert people(people_nlp, text) == [
        ("Fauzan Alkatir", "OFFICIAL", "Anggota DPRD Provinsi Sukamaju"),
        ("Alkatir", "OFFICIAL", "Anggota DPRD Provinsi Sukamaju"),
    ]


def test_each_titled_mention_keeps_its_own_role(people_nlp):
    text = ("Sekretaris Daerah (Sekda) Sukamaju, Andi Pratama membuka acara. "
            "Sekda Andi juga meminta ASN netral. Andi menambahkan, sanksi menanti.")
    assert people(people_nlp, text) == [
        ("Andi Pratama", "OFFICIAL", "Sekretaris Daerah (Sekda) Sukamaju"),
        ("Andi", "OFFICIAL", "Sekda"),
        ("Andi", "OFFICIAL", "Sekda"),
    ]


# ------------------------------------------------------------------ candidates


def test_pairs_announced_by_party_support(people_nlp):
    text = "Di Sukamaju, Budi Hartanto-Rudi Santosa yang didukung PDIP dan Golkar melawan Andi Wijaya-Dedi Kurnia."
    assert [p[:2] for p in people(people_nlp, text)] == [
        ("Budi Hartanto", "CANDIDATE"), ("Rudi Santosa", "CANDIDATE"),
        ("Andi Wijaya", "CANDIDATE"), ("Dedi Kurnia", "CANDIDATE"),
    ]


def _with_regions(nlp, text, places):
    return [(e.text, e.label) for e in entities_with_places(nlp, text, places, "city")
            if e.label in ("OFFICIAL", "CANDIDATE")]


def test_list_of_people_at_regions_after_a_candidacy_cue(people_nlp):
    text = ("Tujuh kepala daerah ikut kontestasi pilkada dan harus cuti. Mereka adalah, Andi Angola dan "
            "Riko Suali di Lembah Hijau, Carla Sendi di Bukit Biru.")
    assert _with_regions(people_nlp, text, ["Lembah Hijau", "Bukit Biru"]) == [
        ("Andi Angola", "CANDIDATE"), ("Riko Suali", "CANDIDATE"), ("Carla Sendi", "CANDIDATE")
    ]
    visit = "Rapat itu dihadiri Andi Angola di Lembah Hijau, Carla Sendi di Bukit Biru."
    assert _with_regions(people_nlp, visit, ["Lembah Hijau", "Bukit Biru"]) == []


def test_dash_pair_without_candidate_cue_is_no_pair(people_nlp):
    assert people(people_nlp, "Laga Persib-Persija digelar pekan depan.") == []


def test_incumbent_running_again_and_partner(people_nlp):
    text = "Bupati Sukamaju, Syarwan, kembali mencalonkan diri bersama Kilatno. Ia siap cuti."
    assert people(people_nlp, text) == [("Syarwan", "CANDIDATE", None), ("Kilatno", "CANDIDATE", None)]


def test_official_speaking_of_others_running_stays_official(people_nlp):
    text = "Ketua Bawaslu Sukamaju, Abhanto, mengingatkan kepala daerah yang hendak maju kembali."
    assert people(people_nlp, text) == [("Abhanto", "OFFICIAL", "Ketua Bawaslu Sukamaju")]


# ------------------------------------------------------------------ regions


def test_short_forms_follow_local_press():
    assert {"bo", "bol"} <= syllable_prefixes("Bolaang")
    assert "Bolsel" in generate("Bolang Mondo Selatan", regency=True)
    assert "Sukut" in generate("Sukamaju Utara", regency=True)
    assert "KST" in generate("Sukamaju Timur", regency=True)
    assert generate("Sukamaju", regency=True) == set()  # one word: no short form


def _invented_gazetteer() -> Gazetteer:
    return Gazetteer({
        "99": "Sukamaju Raya",
        "99.01": "Kabupaten Sukamaju Utara",
        "99.02": "Kabupaten Sukarame Utara",
        "99.03": "Kabupaten Bolang Mondo Selatan",
        "99.03.01": "Sukut",
    })


def test_generated_short_form_resolves_and_a_collision_keeps_code_null():
    g = _invented_gazetteer()
    assert [r.code for r in g.names[key("Bolsel")]] == ["99.03"]
    assert g.names[key("Suut")] == []  # Sukamaju Utara and Sukarame Utara both give it
    assert key("Suut") in g.generated
    assert key("Sukut") not in g.names  # a district already has that name


def test_generated_short_forms_in_text(regions_nlp):
    found = [(e.text, e.code) for e in to_record(regions_nlp(
        "Bawaslu Kabupaten Gorontalo Utara (Gorut) menggelar rapat di kantor Pemkab Gorut.")).entities
        if e.label == "REGION"]
    assert found == [("Kabupaten Gorontalo Utara", "75.05"), ("Gorut", "75.05"), ("Gorut", "75.05")]
    collided = [(e.text, e.code) for e in to_record(regions_nlp("Pj Bupati KTT hadir.")).entities]
    assert collided == [("KTT", None)]


def test_parties_outlets_and_words_are_no_regions(regions_nlp):
    text = "Fotokopi Kartu Tanda Penduduk dilampirkan. Partai Aceh ikut. Kabar dari Tribun Maluku hari ini."
    assert [e.text for e in to_record(regions_nlp(text)).entities if e.label == "REGION"] == []


# ------------------------------------------------------------------ laws


def laws(nlp, text):
    return [e.text for e in to_record(nlp(text)).entities if e.label == "LAW"]


def test_law_title_runs_to_its_end(laws_nlp):
    text = ("Hal itu sesuai Undang-Undang (UU) Republik Indonesia (RI) Nomor 5 Tahun 2014 Tentang "
            "Aparatur Sipil Negara (ASN), kata dia.")
    assert laws(laws_nlp, text) == [
        "Undang-Undang (UU) Republik Indonesia (RI) Nomor 5 Tahun 2014 Tentang Aparatur Sipil Negara"
    ]


def test_amended_law_inside_a_title_is_one_citation(laws_nlp):
    text = ("Tertuang pada Peraturan KPU Nomor 16 Tahun 2019 tentang Perubahan atas Peraturan KPU "
            "Nomor 15 Tahun 2019 tentang Tahapan Pemilihan. Semua wajib patuh.")
    assert laws(laws_nlp, text) == [
        "Peraturan KPU Nomor 16 Tahun 2019 tentang Perubahan atas Peraturan KPU Nomor 15 Tahun 2019 "
        "tentang Tahapan Pemilihan"
    ]


def test_lower_case_title_stops_at_article_words(laws_nlp):
    text = "Dalam PP nomor 42 tahun 2004 tentang pembinaan jiwa korps pada pasal 11 disebutkan."
    assert laws(laws_nlp, text) == ["PP nomor 42 tahun 2004 tentang pembinaan jiwa korps"]
    assert laws(laws_nlp, "Lihat UU Nomor 3 Tahun 2020 tentang Desa yang mengatur kepala desa.") == [
        "UU Nomor 3 Tahun 2020 tentang Desa"
    ]


def test_list_of_regencies_and_police_resort_decide_the_level(regions_nlp):
    def codes(text):
        return [(e.text, e.code) for e in to_record(regions_nlp(text)).entities if e.label == "REGION"]

    assert ("Pekalongan", "33.26") in codes("Pelanggaran terjadi antara lain di Pekalongan, Sukoharjo dan Purbalingga.")
    assert codes("Kapolres Madiun hadir dalam apel.") == [("Madiun", "35.19")]
    assert codes("Kapolresta Madiun hadir dalam apel.") == [("Madiun", "35.77")]
