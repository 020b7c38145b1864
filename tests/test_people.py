"""netral_people: officials, candidates, ORG, linking, precedence (texts written for the tests)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from netral_nlp.schema import to_record
from netral_nlp.spans import add_span


def ents(nlp, text, label=None):
    record = to_record(nlp(text))
    return [e for e in record.entities if label is None or e.label == label]


def by_text(entities):
    return {(e.text, e.label): e for e in entities}


# ------------------------------------------------------------------ officials


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Pj Wali Kota Sukamaju, Budi Santoso mengingatkan seluruh ASN.", "Budi Santoso", "Pj Wali Kota Sukamaju"),
        ("Sekda Sukamaju Andi Pratama membuka sosialisasi netralitas.", "Andi Pratama", "Sekda Sukamaju"),
        ("Ketua Bawaslu Kota Sukamaju Rina Kartika Dewi menyampaikan laporan.", "Rina Kartika Dewi", "Ketua Bawaslu Kota Sukamaju"),
        ("Hendra Wijaya selaku Sekda Kota Sukamaju membacakan ikrar.", "Hendra Wijaya", "Sekda Kota Sukamaju"),
        ("Kapolres Sukamaju, AKBP Dedi Kurnia, S.I.K., memimpin apel.", "Dedi Kurnia", "Kapolres Sukamaju"),
        ("Penjabat (Pj) Bupati Sukamaju Dr H Joni Iskandar SE MSi membacakan ikrar.", "Joni Iskandar", "Penjabat (Pj) Bupati Sukamaju"),
        ("Anggota KPU RI, Farid Hakim, mengingatkan para peserta.", "Farid Hakim", "Anggota KPU RI"),
        ("Koordinator Divisi Pencegahan Bawaslu Sukamaju, Lina Marlina, hadir.", "Lina Marlina", "Koordinator Divisi Pencegahan Bawaslu Sukamaju"),
        ("Arahan itu datang dari Mendagri Tono Prasetyo pekan lalu.", "Tono Prasetyo", "Mendagri"),
    ],
)
def test_title_binds_to_name(people_nlp, text, name, role):
    found = by_text(ents(people_nlp, text, "OFFICIAL"))
    assert (name, "OFFICIAL") in found, found
    assert found[(name, "OFFICIAL")].role == role


def test_short_mentions_are_linked(people_nlp):
    text = (
        "Pj Bupati Sukamaju, Teguh Santoso memimpin apel pagi.\n\n"
        "Santoso menegaskan ASN wajib netral. \"Jangan ikut kampanye,\" kata Teguh, Senin (2/9/2024)."
    )
    officials = ents(people_nlp, text, "OFFICIAL")
    assert [e.text for e in officials] == ["Teguh Santoso", "Santoso", "Teguh"]
    assert {e.role for e in officials} == {"Pj Bupati Sukamaju"}


def test_speech_verb_alone_does_not_make_an_official(people_nlp):
    text = "\"Kami siap membantu,\" kata Rudi Hartono, warga setempat."
    assert ents(people_nlp, text, "OFFICIAL") == []


def test_association_chair_is_not_an_official(people_nlp):
    text = "Ketua Tim Pemenangan Sukamaju, Budi Hartono, menyatakan siap. Budi juga meminta pendukung tertib."
    assert ents(people_nlp, text, "OFFICIAL") == []


def test_region_spans_from_the_gazetteer_split_region_and_name(people_nlp):
    text = "Sekda Lembah Hijau Andi Pratama membuka sosialisasi."
    doc = people_nlp.make_doc(text)
    for name, proc in people_nlp.pipeline:
        if name == "netral_people":
            start = text.index("Lembah Hijau")
            add_span(doc, "entities", start, start + len("Lembah Hijau"), "REGION", level="regency", code=None)
        doc = proc(doc)
    found = by_text(e for e in to_record(doc).entities if e.label == "OFFICIAL")
    assert ("Andi Pratama", "OFFICIAL") in found
    assert found[("Andi Pratama", "OFFICIAL")].role == "Sekda Lembah Hijau"


# ------------------------------------------------------------------ candidates


def test_pairs_with_ballot_numbers_after(people_nlp):
    text = (
        "Pilkada Sukamaju diikuti dua pasangan calon, yakni pasangan Joko Susilo-Maria Ulfa dengan nomor urut 1, "
        "serta pasangan Ahmad Fauzi-Dewi Lestari nomor urut 2."
    )
    got = {(e.text, e.ballot_number) for e in ents(people_nlp, text, "CANDIDATE")}
    assert got == {("Joko Susilo", "1"), ("Maria Ulfa", "1"), ("Ahmad Fauzi", "2"), ("Dewi Lestari", "2")}


def test_pairs_with_ballot_numbers_before_and_dan(people_nlp):
    text = (
        "Nomor urut 3 pasangan Bambang Irawan dan Siti Aminah diusung dua partai. "
        "Sementara itu pasangan Yusuf Maulana – Rika Ananda mendapat nomor urut empat."
    )
    got = {(e.text, e.ballot_number) for e in ents(people_nlp, text, "CANDIDATE")}
    assert got == {("Bambang Irawan", "3"), ("Siti Aminah", "3"), ("Yusuf Maulana", "4"), ("Rika Ananda", "4")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ia berfoto dengan pasangan calon bupati nomor urut 2, Hendra Saputra dan Lina Marlina.",
         {("Hendra Saputra", "2"), ("Lina Marlina", "2")}),
        ("Pilkada diikuti dua pasangan calon. Pasangan nomor urut 1 adalah Fajar Nugroho dan Rina Wati.",
         {("Fajar Nugroho", "1"), ("Rina Wati", "1")}),
        ("Ia memasang stiker caleg Partai Bintang nomor urut 5, Dimas Prakoso, di rumahnya.",
         {("Dimas Prakoso", "5")}),
    ],
)
def test_names_introduced_by_a_ballot_number(people_nlp, text, expected):
    got = {(e.text, e.ballot_number) for e in ents(people_nlp, text, "CANDIDATE")}
    assert got == expected


def test_name_in_apposition_before_a_candidate_title(people_nlp):
    text = "Warga diminta memilih Yosua Pangaribuan, calon anggota DPRD nomor urut 4 dari partai itu."
    got = {(e.text, e.ballot_number) for e in ents(people_nlp, text, "CANDIDATE")}
    assert got == {("Yosua Pangaribuan", "4")}


def test_an_election_procedure_word_after_a_candidacy_title_is_no_name(people_nlp):
    assert [e.text for e in ents(people_nlp, "KPU menetapkan Bakal Calon Peserta Pemilu pekan ini.", "CANDIDATE")] == []
    assert [e.text for e in ents(people_nlp, "KPU menetapkan Bakal Calon Bupati Ahmad Yani pekan ini.", "CANDIDATE")] == [
        "Ahmad Yani"]


def test_candidate_title_and_later_mentions_share_the_number(people_nlp):
    text = (
        "Pasangan Rahmat Hidayat-Nina Sari memperoleh nomor urut dua.\n\n"
        "Calon Gubernur Rahmat Hidayat mengatakan nomor itu membawa semangat. Rahmat optimistis."
    )
    cands = ents(people_nlp, text, "CANDIDATE")
    assert {e.ballot_number for e in cands} == {"2"}
    assert [e.text for e in cands] == ["Rahmat Hidayat", "Nina Sari", "Rahmat Hidayat", "Rahmat"]


def test_capres_cawapres_pair_without_number(people_nlp):
    text = "Ribuan relawan mendeklarasikan dukungan kepada pasangan Capres Cawapres Surya Pratama-Gilang Ramadhan di Jakarta."
    got = {(e.text, e.ballot_number) for e in ents(people_nlp, text, "CANDIDATE")}
    assert got == {("Surya Pratama", None), ("Gilang Ramadhan", None)}


def test_same_person_official_or_candidate_by_sentence(people_nlp):
    as_official = ents(people_nlp, "Bupati Sukamaju Agus Salim meminta ASN bersikap netral.")
    as_candidate = ents(people_nlp, "Pasangan Agus Salim-Rudi Hartono mendapat nomor urut 2 dalam pengundian.")
    assert [(e.text, e.label) for e in as_official if e.label != "ORG"] == [("Agus Salim", "OFFICIAL")]
    assert ("Agus Salim", "CANDIDATE") in {(e.text, e.label) for e in as_candidate}


def test_offices_sought_are_not_held(people_nlp):
    text = "KPU mengundi nomor urut pasangan calon Gubernur dan Wakil Gubernur, Dimas Saputra-Indah Permata."
    labels = {(e.text, e.label) for e in ents(people_nlp, text)}
    assert ("Dimas Saputra", "CANDIDATE") in labels and ("Indah Permata", "CANDIDATE") in labels
    assert not any(label == "OFFICIAL" for _t, label in labels)


# ------------------------------------------------------------------ ORG


def test_org_extents(people_nlp):
    text = (
        "ASN Pemkot Sukamaju dan Pemerintah Kabupaten (Pemkab) Sukamaju diawasi Bawaslu RI serta "
        "Badan Pengawas Pemilu (Bawaslu) bersama Dinas Pendidikan Sukamaju. Pasangan itu diusung Partai Golkar dan PKB."
    )
    orgs = [e.text for e in ents(people_nlp, text, "ORG")]
    assert orgs == [
        "Pemkot Sukamaju",
        "Pemerintah Kabupaten (Pemkab) Sukamaju",
        "Bawaslu RI",
        "Badan Pengawas Pemilu",
        "Bawaslu",
        "Dinas Pendidikan Sukamaju",
        "Partai Golkar",
        "PKB",
    ]


# ------------------------------------------------------------------ what must not be annotated


def test_bylines_and_journalists_are_not_annotated(people_nlp):
    text = (
        "Penulis : Dian Sastro - Editor : Bayu Aji\n\n"
        "Bupati Sukamaju Agus Salim meminta ASN netral dalam pilkada pasangan calon.\n\n"
        "Pewarta: Rahmat Saleh"
    )
    people = [e.text for e in ents(people_nlp, text) if e.label in ("OFFICIAL", "CANDIDATE")]
    assert people == ["Agus Salim"]


def test_lower_case_text_gives_no_junk(people_nlp):
    text = "bupati sukamaju agus salim meminta asn netral. pasangan joko-maria mendapat nomor urut 1, kata ketua bawaslu."
    assert [e for e in ents(people_nlp, text) if e.label in ("OFFICIAL", "CANDIDATE")] == []


def test_all_caps_headline_gives_no_junk(people_nlp):
    text = "KETUA BAWASLU DAN BUPATI SUKAMAJU JADI SAKSI PENANDATANGANAN PAKTA INTEGRITAS\n\nAcara berlangsung tertib."
    found = ents(people_nlp, text)
    assert [e for e in found if e.label in ("OFFICIAL", "CANDIDATE")] == []
    assert all(e.text.split()[-1] not in ("DAN", "JADI") for e in found)


def test_title_case_headline_verb_is_not_a_name(people_nlp):
    text = "Sekda Ratna Ingatkan ASN Netral\n\nSekda Sukamaju Ratna Sari mengingatkan ASN."
    names = [e.text for e in ents(people_nlp, text, "OFFICIAL")]
    assert "Ratna Ingatkan" not in names and "Ratna Sari" in names


def test_article_without_entities_yields_none(people_nlp):
    assert ents(people_nlp, "Hujan turun deras sejak pagi di sebagian wilayah sehingga jalan tergenang.") == []


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "<p>Bupati <b>Sukamaju</b></p>", "Pj\u00a0Bupati\u200b Sukamaju, Ádám Ñoño 🙂", "Bupati " * 3000, "-" * 500],
)
def test_bad_input_does_not_raise(people_nlp, text):
    ents(people_nlp, text)


# ------------------------------------------------------------------ precedence with the statistical NER


def _with_model_ents(nlp, text, ents_spec):
    """Run the pipeline with ``doc.ents`` set as a trained ``ner`` would."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "netral_people":
            spans = []
            for surface, label in ents_spec:
                start = text.index(surface)
                spans.append(doc.char_span(start, start + len(surface), label=label))
            doc.ents = [s for s in spans if isinstance(s, Span)]
        doc = proc(doc)
    return to_record(doc).entities


def test_model_person_with_speech_verb_and_public_body_becomes_official(people_nlp):
    text = "Keputusan KPU Sukamaju sudah final, jelas Markus Poli kepada wartawan."
    found = _with_model_ents(people_nlp, text, [("Markus Poli", "PERSON")])
    assert [(e.text, e.label, e.role) for e in found if e.label == "OFFICIAL"] == [("Markus Poli", "OFFICIAL", None)]


def test_model_person_without_domain_context_is_dropped(people_nlp):
    text = "Rudi Hartono membuka warung kopi baru di pasar."
    assert _with_model_ents(people_nlp, text, [("Rudi Hartono", "PERSON")]) == []


def test_rules_win_over_the_model(people_nlp):
    text = "Ketua Bawaslu Kota Sukamaju Rina Kartika menyampaikan laporan."
    found = _with_model_ents(people_nlp, text, [("Bawaslu Kota Sukamaju Rina", "PERSON")])
    assert {(e.text, e.label) for e in found} == {
        ("Rina Kartika", "OFFICIAL"),
        ("Bawaslu Kota Sukamaju", "ORG"),
    }


def test_model_org_needs_an_institution_head_word(people_nlp):
    text = "Deklarasi digelar Persatuan Guru Nusantara bersama Sinar Jaya di aula."
    found = _with_model_ents(people_nlp, text, [("Persatuan Guru Nusantara", "ORG"), ("Sinar Jaya", "ORG")])
    assert [e.text for e in found if e.label == "ORG"] == ["Persatuan Guru Nusantara"]


def test_model_windows_cover_only_sentences_with_a_domain_context():
    from netral_nlp.components.people.precedence import model_windows

    text = "Cuaca cerah sepanjang hari. Hal itu disampaikan Budi, kata Sutrisno kepada wartawan."
    first = (0, 27)
    second = (28, len(text))
    windows = model_windows(text, [first, second])
    assert windows and all(second[0] <= lo and hi <= second[1] for lo, hi in windows)
    assert "Sutrisno" in text[windows[0][0] : windows[-1][1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selanjutnya, kata dia, Ketua dan Pj Gubernur hadir.", False),  # function and title words
        ("Sementara itu, kata Hendrik Wibisono, semua hadir.", True),  # a name no rule explained
        ("Kegiatan itu digelar bersama Dinas setempat, kata dia.", True),  # an ORG head the model may start
    ],
)
def test_windows_run_the_model_only_for_unexplained_names(text, expected):
    from netral_nlp.components.people.precedence import has_unknown_name

    assert has_unknown_name(text, (0, len(text)), known=[], common=set()) is expected


def test_a_name_cut_by_the_window_edge_does_not_open_it():
    from netral_nlp.components.people.precedence import has_unknown_name

    text = "kata dia kepada Hendrik Wibisono"
    cut = text.index("Wibisono") + 3  # the window ends inside "Wibisono"
    assert not has_unknown_name(text, (0, cut), known=[(16, 23)], common=set())
    assert has_unknown_name(text, (0, len(text)), known=[(16, 23)], common=set())


# ------------------------------------------------- general patterns (project corpus misses)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Bawaslu memeriksa Kepala Desa Sukamaju, Kecamatan Cibeber, Dani Kurnia, pekan lalu.",
         "Dani Kurnia", "Kepala Desa Sukamaju"),
        ("Laporan menyebut Lurah Tirtomulyo, Kapanewon Mlandang, Suparno, mengunggah foto.",
         "Suparno", "Lurah Tirtomulyo"),
        ("Dandim 0999/Sukamaju Letkol Inf Bambang Sutejo hadir dalam apel.", "Bambang Sutejo", "Dandim 0999/Sukamaju"),
        ("Komandan Kodim 1234/Sukamaju Letkol Arh Markus Wanggai menambahkan hal itu.",
         "Markus Wanggai", "Komandan Kodim 1234/Sukamaju"),
        ("Hadir Danrem 171/Sukamaju Brigjen TNI Joko Santoso dalam apel.", "Joko Santoso", "Danrem 171/Sukamaju"),
        ("Camat Sukamaju, Muh. Arif Rahman, yang hadir mengaku siap.", "Muh. Arif Rahman", "Camat Sukamaju"),
        ("Perbekel Sukamaju, I Made Wirata, mengatakan desanya siap.", "I Made Wirata", "Perbekel Sukamaju"),
        ("Ikrar dibacakan Sekretaris Kota Sukamaju, Yusuf Hamid, di halaman kantor.", "Yusuf Hamid", "Sekretaris Kota Sukamaju"),
        ("Kordiv Pencegahan, Parmas dan Humas Bawaslu Sukamaju, Nur Aisyah, memaparkan jadwal.",
         "Nur Aisyah", "Kordiv Pencegahan, Parmas dan Humas Bawaslu Sukamaju"),
        ("Asisten KASN Bidang Pengawasan Netralitas, Rina Kartika, memaparkan data.",
         "Rina Kartika", "Asisten KASN Bidang Pengawasan Netralitas"),
        ("Seorang anggota DPRD Kota Sukamaju, Obaja Lemba, melaporkan kejadian itu.",
         "Obaja Lemba", "anggota DPRD Kota Sukamaju"),
        ("Anggota Komisi II DPRD Kota Sukamaju, Fitri Lestari, mengapresiasi langkah itu.",
         "Fitri Lestari", "Anggota Komisi II DPRD Kota Sukamaju"),
    ],
)
def test_general_title_patterns(people_nlp, text, name, role):
    found = by_text(ents(people_nlp, text, "OFFICIAL"))
    assert (name, "OFFICIAL") in found, found
    assert found[(name, "OFFICIAL")].role == role


def test_district_qualifier_is_not_a_name_and_short_name_links(people_nlp):
    text = ("Bawaslu memeriksa Kepala Desa Sukamaju, Kecamatan Cibeber, Dani Kurnia, pekan lalu. "
            "Menurut Dani, warga tidak dimobilisasi.")
    officials = ents(people_nlp, text, "OFFICIAL")
    assert [e.text for e in officials] == ["Dani Kurnia", "Dani"]


def test_lower_case_office_needs_an_appositive(people_nlp):
    text = "Ia bertemu anggota DPRD Kota Sukamaju Obaja Lemba di pasar."
    assert ents(people_nlp, text, "OFFICIAL") == []


def test_headline_verb_is_not_a_name(people_nlp):
    text = ("Kades Sukamaju Hadiri Kampanye Paslon\n\n"
            "Bawaslu menerima laporan bahwa kepala desa itu hadir dalam kampanye.")
    assert ents(people_nlp, text, "OFFICIAL") == []


def test_headline_name_confirmed_by_body_is_kept(people_nlp):
    text = ("Bupati Sukamaju Teguh Santoso Ingatkan ASN Jaga Netralitas\n\n"
            "Bupati Sukamaju Teguh Santoso meminta ASN menjaga netralitas.")
    assert [e.text for e in ents(people_nlp, text, "OFFICIAL")] == ["Teguh Santoso", "Teguh Santoso"]


def test_title_without_region_takes_the_whole_name(nlp):
    text = ("Bawaslu Kota Banjarmasin menerima rekomendasi itu. "
            "Saat dikonfirmasi, Pj Wali Kota Ahmad Rizal Hakim memastikan rekomendasi dilaksanakan.")
    found = by_text(ents(nlp, text, "OFFICIAL"))
    assert ("Ahmad Rizal Hakim", "OFFICIAL") in found, found
    assert found[("Ahmad Rizal Hakim", "OFFICIAL")].role == "Pj Wali Kota"


def test_ner_window_is_a_doc_with_the_same_words_and_norms(nlp):
    from netral_nlp.components.people.component import _window_doc

    doc = nlp.make_doc("Rapat digelar 5 Jan. lalu, kata Hendrik Wibisono.")
    window = doc[2:8]
    made = _window_doc(window)
    assert made.text == window.as_doc().text
    assert [t.norm_ for t in made] == [t.norm_ for t in window.as_doc()]
    assert "Januari" in [t.norm_ for t in made]  # a tokenizer exception's norm is carried


def test_batched_pipe_equals_one_document_at_a_time(nlp):
    """The NER runs once per batch over every document's windows: no entity may leak
    between documents of a batch."""
    from netral_nlp.schema import to_record as record_of

    texts = [
        "Pj Bupati Sleman, Budi Santoso, mengingatkan ASN. Hal itu disampaikan Rahmat Hidayat, kata dia.",
        "Ketua Bawaslu Kota Blitar Siti Aminah menegaskan hal yang sama, ujar Joko Widodo Santosa.",
        "Warga Desa Sukamaju berkumpul di balai desa, kata Hartono kepada wartawan.",
        "Arahan itu sudah disampaikan kepada para pegawai, kata Hendrik Wibisono kepada wartawan.",
    ]
    one_by_one = [record_of(nlp(t)).to_json_dict()["entities"] for t in texts]
    batched = [record_of(d).to_json_dict()["entities"] for d in nlp.pipe(texts, batch_size=3)]
    assert batched == one_by_one


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ratusan personel mengikuti deklarasi netralitas TNI-Polri di lapangan.", ["TNI", "Polri"]),
        ("Keputusan Bawaslu-nya sudah keluar kemarin.", []),
    ],
)
def test_institutions_in_a_capitalised_hyphen_pair(people_nlp, text, expected):
    assert [e.text for e in ents(people_nlp, text, "ORG")] == expected
