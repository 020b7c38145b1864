"""LAW spans and their fields (texts written for the tests)."""

from __future__ import annotations

import pytest

from netral_nlp.pipeline import build_pipeline
from netral_nlp.schema import to_record


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(components=("netral_boilerplate", "netral_segmenter", "netral_laws"))


def laws(nlp, text):
    return [(e.text, e.law_type, e.number, e.year) for e in to_record(nlp(text)).entities
            if e.label == "LAW"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hal itu diatur dalam Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum.",
         ("Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum", "UU", "7", "2017")),
        ("Sesuai UU No 10 tahun 2016, ASN wajib netral.", ("UU No 10 tahun 2016", "UU", "10", "2016")),
        ("Menurut UU RI No. 1 Tahun 2015 tentang Pilkada dan aturan lain.",
         ("UU RI No. 1 Tahun 2015 tentang Pilkada", "UU", "1", "2015")),
        ("Lihat PP 53/2010 soal disiplin.", ("PP 53/2010", "PP", "53", "2010")),
        ("Peraturan Pemerintah (PP) Nomor 94 Tahun 2021 tentang Disiplin PNS, kata dia.",
         ("Peraturan Pemerintah (PP) Nomor 94 Tahun 2021 tentang Disiplin PNS", "PP", "94", "2021")),
        ("Perpres Nomor 12 Tahun 2021 berlaku.", ("Perpres Nomor 12 Tahun 2021", "Perpres", "12", "2021")),
        ("Ia mengutip PermenPAN-RB Nomor 6 Tahun 2022 yang baru.",
         ("PermenPAN-RB Nomor 6 Tahun 2022", "Permen", "6", "2022")),
        ("Permendagri No. 72 Tahun 2019 mengatur hal itu.",
         ("Permendagri No. 72 Tahun 2019", "Permen", "72", "2019")),
        ("Mengacu PKPU Nomor 15 Tahun 2023 tentang Kampanye Pemilihan Umum.",
         ("PKPU Nomor 15 Tahun 2023 tentang Kampanye Pemilihan Umum", "PKPU", "15", "2023")),
        ("sebagaimana diatur peraturan KPU nomor 8 tahun 2024 tentang pencalonan.",
         ("peraturan KPU nomor 8 tahun 2024 tentang pencalonan", "PKPU", "8", "2024")),
        ("Perbawaslu Nomor 6 Tahun 2018 tentang Pengawasan Netralitas Pegawai ASN.",
         ("Perbawaslu Nomor 6 Tahun 2018 tentang Pengawasan Netralitas Pegawai ASN",
          "Perbawaslu", "6", "2018")),
        ("Surat Keputusan Bersama (SKB) Nomor 2 Tahun 2022 tentang Pedoman Netralitas bahwa ASN",
         ("Surat Keputusan Bersama (SKB) Nomor 2 Tahun 2022 tentang Pedoman Netralitas",
          "SKB", "2", "2022")),
        ("Wali kota menerbitkan Surat Edaran Nomor 800/1234/2024 tentang Netralitas ASN dalam Pilkada.",
         ("Surat Edaran Nomor 800/1234/2024 tentang Netralitas ASN dalam Pilkada",
          "SE", "800/1234/2024", "2024")),
        ("Ada SE Bupati Kudus No. 100.3/45 Tahun 2024 tentang Netralitas ASN, kata dia.",
         ("SE Bupati Kudus No. 100.3/45 Tahun 2024 tentang Netralitas ASN", "SE", "100.3/45", "2024")),
        ("Pasal 28 UUD 1945 menjamin hak itu.", ("UUD 1945", "UUD", None, "1945")),
        ("Pelanggaran Pasal 71 UU Pilkada dapat dipidana.", ("UU Pilkada", "UU", None, None)),
    ],
)
def test_law_forms_and_fields(nlp, text, expected):
    assert laws(nlp, text) == [expected]


def test_title_stops_before_the_next_law(nlp):
    text = "Berdasarkan UU Nomor 20 Tahun 2023 tentang ASN dan PP Nomor 94 Tahun 2021 tentang Disiplin PNS."
    assert [law[0] for law in laws(nlp, text)] == [
        "UU Nomor 20 Tahun 2023 tentang ASN",
        "PP Nomor 94 Tahun 2021 tentang Disiplin PNS",
    ]


def test_skb_with_its_issuers(nlp):
    text = "Pedoman tertuang dalam Keputusan Bersama MenPAN-RB, Mendagri, Kepala BKN dan Ketua KASN. Yakni"
    assert laws(nlp, text) == [
        ("Keputusan Bersama MenPAN-RB, Mendagri, Kepala BKN dan Ketua KASN", "SKB", None, None)
    ]


def test_no_citation_without_number_or_name(nlp):
    assert laws(nlp, "Sesuai undang-undang, ASN wajib netral. Di PKPU sudah jelas. Ia SE.") == []
    assert laws(nlp, "ASN diminta menjaga netralitas selama masa kampanye.") == []
    for text in ("", "UU", "Nomor 5 Tahun", "PP " * 3000, "<b>UU No</b>"):
        to_record(nlp(text))


def test_title_with_an_enumeration_and_skb_number_after_issuers(nlp):
    text = "Diatur UU Nomor 10 Tahun 2016 tentang Pemilihan Gubernur, Bupati, dan Wali Kota.\n"
    assert laws(nlp, text)[0][0] == (
        "UU Nomor 10 Tahun 2016 tentang Pemilihan Gubernur, Bupati, dan Wali Kota")
    text = "Ada di Keputusan Bersama MenPAN-RB, Mendagri, dan Ketua KASN Nomor 2 Tahun 2022. Yakni"
    assert laws(nlp, text) == [(
        "Keputusan Bersama MenPAN-RB, Mendagri, dan Ketua KASN Nomor 2 Tahun 2022", "SKB", "2", "2022")]
