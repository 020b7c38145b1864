"""Role text of officials (issue 15): where a title starts, what it runs over, where it ends.

Each class next to a near miss that must not fire; names and places are invented.
"""

from __future__ import annotations

from people_helpers import entities_with_places


def officials(nlp, text, places=()):
    """OFFICIAL (name, role) pairs; ``places`` are marked REGION first, as netral_regions would."""
    return [(e.text, e.role) for e in entities_with_places(nlp, text, places, "regency") if e.label == "OFFICIAL"]


def test_title_glued_to_its_dateline_by_a_hyphen(people_nlp):
    text = "SUKAMAJU--Ketua Komisi Aparatur Sipil Negara (KASN) Budi Santoso mengatakan data itu."
    assert officials(people_nlp, text) == [("Budi Santoso", "Ketua Komisi Aparatur Sipil Negara (KASN)")]
    glued = "SUKAMAJU RAYA-Kepala Dinas Pendidikan (Disdik) Kota Sukamaju, Rina Lestari, mengingatkan guru."
    assert officials(people_nlp, glued)[0][1] == "Kepala Dinas Pendidikan (Disdik) Kota Sukamaju"
    # a lower-case compound is no title start
    assert officials(people_nlp, "Kelompok anti-Bupati Budi Santoso berkumpul di alun-alun.") == []


def test_headline_dash_ends_the_clause_of_a_sought_office(people_nlp):
    text = ("Polisi Dilarang Foto Bersama Bakal Calon Peserta Pemilu - Kabid Humas Polda Sukamaju "
            "Kombes Pol Rudi Hartanto mengingatkan anggota.")
    assert ("Rudi Hartanto", "Kabid Humas Polda Sukamaju") in officials(people_nlp, text)
    # without the dash the office is one that is sought, not held
    sought = "Ia mendaftar sebagai bakal calon Bupati Sukamaju Rudi Hartanto kemarin."
    assert ("Rudi Hartanto", "Bupati Sukamaju") not in officials(people_nlp, sought)


def test_field_of_duty_after_the_body(people_nlp):
    text = ("ucap Anggota Bawaslu Sukamaju Bidang Hukum, Penindakan Pelanggaran dan Sengketa "
            "Rudi Hartanto, Kamis.")
    assert officials(people_nlp, text) == [
        ("Rudi Hartanto", "Anggota Bawaslu Sukamaju Bidang Hukum, Penindakan Pelanggaran dan Sengketa")
    ]
    assert officials(people_nlp, "Ketua Bawaslu Sukamaju Bidang Hukum itu menolak hadir.") == []


def test_a_field_ends_before_a_dangling_connector(people_nlp):
    text = "Asisten Bidang Pemerintahan dan Kesra Rudi Hartanto membacakan sambutan."
    assert officials(people_nlp, text) == [("Rudi Hartanto", "Asisten Bidang Pemerintahan dan Kesra")]
    loose = "Asisten Bidang Pemerintahan dan Rudi Hartanto membacakan sambutan."
    assert all(role is None or not role.endswith("dan") for _, role in officials(people_nlp, loose))


def test_short_rank_ends_the_office_chain_but_heads_no_officer(people_nlp):
    text = "Komandan Satgas Pengamanan (Dansatgaspam) Pemilu 2029 Kol (P) Rudi Hartanto menegaskan netralitas."
    assert officials(people_nlp, text) == [("Rudi Hartanto", "Komandan Satgas Pengamanan (Dansatgaspam) Pemilu 2029")]
    assert officials(people_nlp, "Ia menanam sayur Kol Merah di kebun.") == []


def test_names_introduced_for_the_office_after_them(people_nlp):
    text = ("Yang dilantik yakni Rudi Hartanto sebagai Pjs Bupati Sukamaju, Rina Lestari sebagai "
            "Pjs Bupati Sukamundur, lalu Dedi Kurnia sebagai Pjs Bupati Sukasari.")
    assert officials(people_nlp, text, ["Sukamaju", "Sukamundur", "Sukasari"]) == [
        ("Rudi Hartanto", "Pjs Bupati Sukamaju"),
        ("Rina Lestari", "Pjs Bupati Sukamundur"),
        ("Dedi Kurnia", "Pjs Bupati Sukasari"),
    ]
    # an appositive name followed by ``sebagai`` and no office still binds to the title before it
    assert officials(people_nlp, "Pjs Bupati Sukamaju, Rina Lestari sebagai tuan rumah hadir.", ["Sukamaju"]) == [
        ("Rina Lestari", "Pjs Bupati Sukamaju")
    ]


def test_party_faction_between_a_council_office_and_its_name(people_nlp):
    text = ("Anggota DPRD Provinsi Sukamaju dari Fraksi Partai Maju Bersama (PMB), Rudi Hartanto "
            "mengingatkan ASN. Menurut Hartanto, ASN wajib netral.")
    assert officials(people_nlp, text) == [
        ("Rudi Hartanto", "Anggota DPRD Provinsi Sukamaju"),
        ("Hartanto", "Anggota DPRD Provinsi Sukamaju"),
    ]
    assert officials(people_nlp, "Anggota DPRD Provinsi Sukamaju dari Fraksi Partai Maju Bersama menolak.") == []


def test_speaker_named_like_an_earlier_official_takes_that_role(people_nlp):
    text = "Anggota DPRD Provinsi Sukamaju, Rudi Hartanto, mengingatkan ASN. Menurut Hartanto, ASN wajib netral."
    assert ("Hartanto", "Anggota DPRD Provinsi Sukamaju") in officials(people_nlp, text)
    other = "Anggota DPRD Provinsi Sukamaju, Rudi Hartanto, mengingatkan ASN. Menurut Sutrisno, ASN wajib netral."
    assert all(role is None for name, role in officials(people_nlp, other) if name == "Sutrisno")
