"""Rule finder: list shapes, prose rules, classification fields (texts written for these tests)."""

from __future__ import annotations

import pytest

from netral_nlp.pipeline import build_pipeline
from netral_nlp.schema import to_record
from netral_nlp.spans import attrs_of


@pytest.fixture(scope="module")
def rules_nlp():
    """Boilerplate + segmenter + rules, no trained model: the keyword fallback classifies."""
    return build_pipeline(components=("netral_boilerplate", "netral_segmenter", "netral_rules"))


def rules_of(nlp, text):
    doc = nlp(text)
    out = []
    for span in doc.spans["rules"]:
        out.append({"text": span.text, **attrs_of(span, "rules")})
    return out


def test_numbered_list_interrupted_by_baca_juga(rules_nlp):
    text = (
        "Bupati menyampaikan empat larangan bagi ASN selama masa kampanye, yaitu:\n\n"
        "1. Dilarang memasang baliho calon di halaman kantor;\n\n"
        "2. Dilarang menghadiri deklarasi pasangan calon;\n\n"
        "Baca juga:\nHarga Cabai Naik Menjelang Akhir Tahun\n\n"
        "3. Dilarang menyerahkan salinan KTP warga sebagai surat dukungan calon;\n"
        "4. Dilarang mengunggah foto kampanye di media sosial.\n"
    )
    rules = rules_of(rules_nlp, text)
    assert [r["marker"] for r in rules] == ["1", "2", "3", "4"]
    assert all("Cabai" not in r["text"] and not r["text"].endswith("\n") for r in rules)
    assert rules[0]["text"] == "Dilarang memasang baliho calon di halaman kantor;"
    assert {r["modality"] for r in rules} == {"prohibition"}
    assert rules[2]["category"] == "support_letter"
    assert rules[3]["category"] == "social_media"


def test_paren_and_letter_markers_several_per_line(rules_nlp):
    text = (
        "Kepala desa juga terikat larangan: a) menjadi pengurus partai politik; "
        "b) ikut serta dalam kampanye pemilu; c) membuat keputusan yang menguntungkan salah satu calon.\n"
    )
    rules = rules_of(rules_nlp, text)
    assert [r["marker"] for r in rules] == ["a", "b", "c"]
    assert rules[1]["text"].startswith("ikut serta dalam kampanye")
    assert all(r["modality"] == "prohibition" for r in rules)
    assert all(r.get("subject") == "kepala desa" for r in rules)


def test_parenthesised_numbers_and_bullets(rules_nlp):
    text = (
        "Pedoman netralitas bagi pegawai menetapkan kewajiban berikut:\n"
        "(1) Menjaga netralitas dalam pelayanan publik.\n"
        "(2) Menolak politik uang dalam bentuk apa pun.\n\n"
        "Larangan bagi prajurit selama pemilu:\n"
        "• Prajurit dilarang mengenakan atribut partai.\n"
        "• Prajurit dilarang menghadiri kampanye.\n"
    )
    rules = rules_of(rules_nlp, text)
    assert [r["marker"] for r in rules] == ["1", "2", "•", "•"]
    assert [r["modality"] for r in rules] == ["obligation", "obligation", "prohibition", "prohibition"]
    assert rules[2].get("subject") == "TNI"


def test_nested_list_children_carry_parent_and_prohibition(rules_nlp):
    text = (
        "Isi surat edaran tentang netralitas ASN:\n\n"
        "1. Tidak boleh mendukung pasangan calon melalui:\n"
        "a. Menghadiri kampanye terbuka.\n"
        "b. Memakai atribut partai saat bertugas.\n"
        "2. Menggunakan mobil dinas untuk kegiatan kampanye.\n"
    )
    rules = rules_of(rules_nlp, text)
    assert [(r["marker"], r.get("parent")) for r in rules] == [("1", None), ("a", "1"), ("b", "1"), ("2", None)]
    assert rules[0]["text"] == "Tidak boleh mendukung pasangan calon melalui:"
    # phrased positively, but under a prohibiting lead-in
    assert all(r["modality"] == "prohibition" for r in rules)
    assert rules[2]["category"] == "attributes_symbols"


def test_wrapped_item_continues_over_lines(rules_nlp):
    text = (
        "Larangan bagi ASN selama pemilihan:\n"
        "1. Dilarang menunjukkan keberpihakan kepada calon\n"
        "bupati dan wakil bupati dalam bentuk apa pun;\n"
        "2. Dilarang ikut kampanye.\n"
    )
    rules = rules_of(rules_nlp, text)
    assert len(rules) == 2
    assert rules[0]["text"].endswith("dalam bentuk apa pun;")
    assert "\n" in rules[0]["text"]


def test_stray_headline_between_items_belongs_to_no_item(rules_nlp):
    text = (
        "Berikut larangan bagi pegawai:\n"
        "1. Dilarang memasang spanduk calon.\n"
        "Warga Antusias Sambut Festival Kuliner\n"
        "2. Dilarang memakai kendaraan dinas untuk kampanye.\n"
    )
    rules = rules_of(rules_nlp, text)
    assert [r["marker"] for r in rules] == ["1", "2"]
    assert all("Festival" not in r["text"] for r in rules)


def test_ordinal_prose_with_announced_count(rules_nlp):
    text = (
        "Terdapat 4 poin ikrar yang dibacakan para pegawai di halaman kantor bupati. "
        "Keempat poin itu adalah menjaga netralitas dalam pelayanan publik.\n\n"
        "Kemudian, menghindari konflik kepentingan. Serta bijak bermedia sosial "
        "dan menolak politik uang dalam bentuk apa pun.\n"
    )
    rules = rules_of(rules_nlp, text)
    assert len(rules) == 4
    assert [r["marker"] for r in rules] == [None, "Kemudian", "Serta", None]
    assert rules[0]["text"].startswith("menjaga netralitas")
    assert rules[3]["text"].startswith("menolak politik uang")
    assert {r["modality"] for r in rules} == {"obligation"}
    assert rules[3]["category"] == "money_politics"


def test_ordinal_words_in_quotes(rules_nlp):
    text = (
        "“Pertama, ASN dilarang hadir dalam deklarasi calon. Kedua, ASN tidak boleh menjadi tim sukses,” "
        "kata Sekda. Ketiga, ASN dilarang memakai fasilitas negara untuk kampanye.\n"
    )
    rules = rules_of(rules_nlp, text)
    assert [r["marker"] for r in rules] == ["Pertama", "Kedua", "Ketiga"]
    assert rules[1]["text"] == "ASN tidak boleh menjadi tim sukses"
    assert rules[2]["category"] == "state_facilities"


def test_lists_that_state_no_rule_yield_nothing(rules_nlp):
    text = (
        "Berikut hasil pengundian nomor urut pasangan calon:\n"
        "1. Budi Santoso - Ani Lestari\n"
        "2. Joko Susilo - Rina Marlina\n"
        "3. Hendra Wijaya - Sari Dewi\n\n"
        "Provinsi dengan jumlah pemilih terbanyak:\n"
        "1) Jawa Barat\n2) Jawa Timur\n3) Jawa Tengah\n\n"
        "Susunan acara pelantikan:\n"
        "a. Pembukaan\nb. Menyanyikan lagu kebangsaan\nc. Sambutan gubernur\n"
    )
    assert rules_of(rules_nlp, text) == []


def test_prose_rule_versus_quoted_hope_and_description(rules_nlp):
    text = (
        "Kepala desa tidak boleh berpihak kepada salah satu pasangan calon.\n\n"
        "“Kami berharap pilkada di daerah ini berjalan aman dan damai,” kata Ketua KPU.\n\n"
        "Bupati menghadiri kampanye pasangan calon di lapangan kota pada Sabtu pagi.\n\n"
        "Sekda meminta seluruh ASN agar menjaga netralitas selama tahapan pemilihan.\n"
    )
    rules = rules_of(rules_nlp, text)
    assert [r["text"] for r in rules] == [
        "Kepala desa tidak boleh berpihak kepada salah satu pasangan calon.",
        "Sekda meminta seluruh ASN agar menjaga netralitas selama tahapan pemilihan.",
    ]
    assert rules[0]["marker"] is None and rules[0]["modality"] == "prohibition"
    assert rules[0]["subject"] == "kepala desa"
    assert rules[1]["modality"] == "obligation" and rules[1]["category"] == "neutrality_general"


def test_two_rules_in_one_sentence_are_split(rules_nlp):
    text = "ASN dilarang membagikan konten kampanye di media sosial dan ASN juga dilarang berfoto dengan gaya jari calon.\n"
    rules = rules_of(rules_nlp, text)
    assert len(rules) == 2
    assert rules[1]["text"].startswith("ASN juga dilarang")


def test_coordinated_subjects_are_not_cut_from_their_rule(rules_nlp):
    """``dan`` between two groups before one modal cue joins the subjects of one rule; it cuts
    only where the part before it states a rule of its own."""
    joined = "Oleh karena itu, kepala desa dan perangkat desa harus menjauhi politik praktis selama pilkada.\n"
    two = "Oleh karena itu, kepala desa wajib netral dan perangkat desa harus menjauhi politik praktis selama pilkada.\n"
    rules = rules_of(rules_nlp, joined)
    assert [r["text"] for r in rules] == [joined.strip()]
    assert rules[0]["subject"] == "kepala desa"
    rules = rules_of(rules_nlp, two)
    assert [r["text"] for r in rules] == [
        "Oleh karena itu, kepala desa wajib netral",
        "perangkat desa harus menjauhi politik praktis selama pilkada.",
    ]


def test_boilerplate_lines_yield_no_rules(rules_nlp):
    text = "Baca juga: ASN Dilarang Ikut Kampanye, Ini Aturannya\n\nCuaca cerah di pusat kota hari ini.\n"
    assert rules_of(rules_nlp, text) == []


def test_record_carries_rule_fields(rules_nlp):
    text = "Larangan ASN:\n1. Tidak boleh mendukung calon melalui:\na. Memakai atribut partai.\nb. Ikut kampanye.\n"
    record = to_record(rules_nlp(text)).to_json_dict()
    assert [r["marker"] for r in record["rules"]] == ["1", "a", "b"]
    for rule in record["rules"]:
        assert text[rule["start"] : rule["end"]] == rule["text"]
        assert {"modality", "category"} <= rule.keys()
    assert record["rules"][1]["parent"] == "1"


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "<html><body><ol><li>1. dilarang</li></ol></body></html>", "\u200b\ufeff1.\u00a0•\n(\n)",
     "1. " * 3000, "Pertama, " * 500, "ASN dilarang " * 2000],
)
def test_bad_input_does_not_crash(rules_nlp, text):
    doc = rules_nlp(text)
    assert "rules" in doc.spans


def test_directive_with_negated_complement_is_prohibition(rules_nlp):
    text = (
        "Camat meminta seluruh pegawai kecamatan tidak ikut memasang baliho calon di kantor.\n\n"
        "Para lurah juga diminta tak menghadiri deklarasi pasangan calon.\n\n"
        "Sekda mengingatkan agar kepala desa menjaga netralitas selama tahapan pemilihan.\n"
    )
    assert [r["modality"] for r in rules_of(rules_nlp, text)] == ["prohibition", "prohibition", "obligation"]


def test_explicit_dilarang_outranks_earlier_obligation(rules_nlp):
    text = "Bupati menegaskan pegawai wajib netral dan dilarang hadir di panggung kampanye pasangan calon.\n"
    rules = rules_of(rules_nlp, text)
    assert len(rules) == 1 and rules[0]["modality"] == "prohibition"


def test_pledge_points_are_obligations_even_when_negative(rules_nlp):
    text = (
        "Para pegawai membacakan tiga butir ikrar netralitas, yaitu:\n"
        "1. Menjaga netralitas dalam melayani warga;\n"
        "2. Tidak memihak kepada pasangan calon mana pun;\n"
        "3. Tidak memakai kendaraan dinas untuk kegiatan kampanye.\n"
    )
    rules = rules_of(rules_nlp, text)
    assert [r["marker"] for r in rules] == ["1", "2", "3"]
    assert {r["modality"] for r in rules} == {"obligation"}


def test_positive_item_among_negated_points_stays_obligation(rules_nlp):
    text = (
        "Kepala dinas menyampaikan hal yang perlu diperhatikan pegawai selama kampanye:\n"
        "1. Tidak mengunggah foto bersama pasangan calon di media sosial;\n"
        "2. Tidak membagikan kalender bergambar calon di kantor;\n"
        "3. Melaporkan kepada atasan bila diajak mendukung calon tertentu.\n"
    )
    rules = rules_of(rules_nlp, text)
    assert [r["modality"] for r in rules] == ["prohibition", "prohibition", "obligation"]


def test_inline_letter_list_after_intro_word(rules_nlp):
    text = (
        "Dalam sosialisasi itu, panitia membacakan larangan bagi kepala desa selama pilkada, yaitu "
        "a. menjadi juru kampanye pasangan calon; b. memakai balai desa untuk rapat tim pemenangan; "
        "c. membagikan kaus bergambar calon kepada warga.\n"
    )
    rules = rules_of(rules_nlp, text)
    assert [r["marker"] for r in rules] == ["a", "b", "c"]
    assert rules[1]["text"] == "memakai balai desa untuk rapat tim pemenangan;"
    assert {r["modality"] for r in rules} == {"prohibition"}


def test_prohibition_lead_in_mentioning_stages_still_lists_rules(rules_nlp):
    text = (
        "Ketua panwascam menyebut tiga larangan bagi perangkat desa selama tahapan pemilihan, yaitu:\n\n"
        "Pertama, perangkat desa dilarang menjadi anggota tim pemenangan pasangan calon.\n\n"
        "Kedua, perangkat desa dilarang memasang baliho calon di kantor desa.\n\n"
        "Ketiga, perangkat desa tidak boleh membagikan sembako atas nama calon.\n"
    )
    rules = rules_of(rules_nlp, text)
    assert [r["marker"] for r in rules] == ["Pertama", "Kedua", "Ketiga"]


def test_ceremony_agenda_is_not_a_rule_list(rules_nlp):
    text = (
        "Rangkaian acara berlangsung sebagai berikut:\n"
        "1. Pembukaan oleh pembawa acara;\n"
        "2. Pembacaan ikrar netralitas oleh sekretaris daerah;\n"
        "3. Sambutan bupati tentang netralitas pegawai;\n"
        "4. Doa penutup.\n"
    )
    assert rules_of(rules_nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ASN dan kepala desa dilarang ikut kampanye.", "ASN"),
        ("Kepala desa dan ASN dilarang ikut kampanye.", "kepala desa"),
        ("Dilarang ikut kampanye.", None),
    ],
)
def test_the_subject_named_first_wins(text, expected):
    from netral_nlp.components.rules.subject import _first

    assert _first(text) == expected


@pytest.mark.parametrize(
    ("sentence", "announces"),
    [
        ("Bawaslu menyampaikan enam poin arahan kepada ASN, yaitu sebagai berikut.", True),
        ("Bawaslu menyampaikan enam orang saksi kepada ASN, yaitu sebagai berikut.", False),
        ("Ada 4 (empat) butir larangan bagi ASN sebagai berikut.", True),
        ("Ada 4 (empat) kue di meja, bukan poin.", False),
    ],
)
def test_count_noun_precheck_keeps_every_announced_count(sentence, announces):
    """A sentence is only scanned for an announced count when it holds a count noun; the
    lead-in cue is looked up first at anchored word starts: same answers as the plain search."""
    from netral_nlp.anchors import RangeSearch, word_starts
    from netral_nlp.components.rules.cues import count_noun, count_pattern
    from netral_nlp.components.rules.sequences import is_announcement

    text = f"Judul.\n{sentence} Lalu."
    start = text.index(sentence)
    where = RangeSearch(word_starts(text), start, start + len(sentence))
    assert is_announcement(sentence, where) is is_announcement(sentence) is announces
    if count_pattern().search(sentence):
        assert count_noun().search(sentence)


@pytest.mark.parametrize(
    "text",
    [
        "Larangan bagi ASN yaitu a. ikut kampanye; b. memakai atribut, c. mengunggah foto.",
        "Larangan bagi ASN YAKNI (1) ikut kampanye, (2) memakai atribut.\nDi antaranya 1. hadir",
        "Pukul 10.00, ia datang; lalu pulang. Antara lain: kopi, teh, a.",
    ],
)
def test_inline_markers_found_at_separators_equal_a_plain_search(text, monkeypatch):
    """Inline markers are looked for only after ``;`` ``:`` ``,`` and intro words found once per
    text: the same candidates as searching every line at every character."""
    from netral_nlp.components.rules import enumeration
    from netral_nlp.components.rules.text_utils import lines

    fast = enumeration.candidates(text, lines(text))
    monkeypatch.setattr(enumeration, "_inline_starts", lambda _text: None)
    assert enumeration.candidates(text, lines(text)) == fast
    assert any(c.inline for c in fast) or "Pukul" in text
