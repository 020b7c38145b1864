"""netral_dates: formats, non-dates, ranges, missing years, kinds and the doc extras.

Texts are written for these tests (never taken from ../shared data).
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from netral_nlp.components.dates.component import annotate
from netral_nlp.pipeline import build_pipeline
from netral_nlp.schema import to_record
from netral_nlp.spans import add_span, attrs_of


@pytest.fixture(scope="module")
def dates_nlp():
    return build_pipeline(components=("netral_boilerplate", "netral_segmenter", "netral_dates"))


def dates_of(nlp, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(s.text, attrs_of(s, "dates")["value"], attrs_of(s, "dates")["kind"]) for s in doc.spans["dates"]]


def only(nlp, text: str) -> tuple[str, str]:
    found = dates_of(nlp, text)
    assert len(found) == 1, found
    return found[0][0], found[0][1]


# --- formats -----------------------------------------------------------------

FORMATS = [
    ("Rapat pleno digelar pada 28 November 2023 di aula.", "28 November 2023", "2023-11-28"),
    ("Batas akhir laporan adalah 10 Februari 2024.", "10 Februari 2024", "2024-02-10"),
    ("Kegiatan dijadwalkan November 2024 nanti.", "November 2024", "2024-11"),
    ("Apel dilaksanakan Senin (19/11/2023) pagi.", "Senin (19/11/2023)", "2023-11-19"),
    ("Para lurah hadir (23/9/24) di kantor camat.", "23/9/24", "2024-09-23"),
    ("Surat itu diterima 24-09-2024 oleh panitia.", "24-09-2024", "2024-09-24"),
    ("Ikrar dibacakan di lapangan, Selasa (24/09/2024).", "Selasa (24/09/2024)", "2024-09-24"),
    ("Deklarasi berlangsung Minggu (19/11/2023) di alun-alun.", "Minggu (19/11/2023)", "2023-11-19"),
    ("Jum, 04 Oktober 2024\n\nJudul berita", "Jum, 04 Oktober 2024", "2024-10-04"),
    ("24 - Sep - 2024, 09:33\n\nIsi berita", "24 - Sep - 2024", "2024-09-24"),
    ("Oktober 2, 2024\n\nIsi berita", "Oktober 2, 2024", "2024-10-02"),
    ("Senin 21 Oct 2024 16:18 WIB\n\nIsi berita", "Senin 21 Oct 2024", "2024-10-21"),
    ("Pertemuan digelar Selasa, 26 September 2023 di gedung DPRD.", "Selasa, 26 September 2023", "2023-09-26"),
    ("Rapat berakhir 22 SEPTEMBER 2024 malam.", "22 SEPTEMBER 2024", "2024-09-22"),
    ("Warga berkumpul 28\nNovember 2023 di balai.", "28\nNovember 2023", "2023-11-28"),
    ("Hasilnya diumumkan Kamis tanggal 29 Agustus 2024.", "Kamis tanggal 29 Agustus 2024", "2024-08-29"),
    ("Sosialisasi diikuti para camat Senin Pagi (23/9/24)", "Senin Pagi (23/9/24)", "2024-09-23"),
    ("Dia hadir dalam rapat itu, Senin, (20/11/2023).", "Senin, (20/11/2023)", "2023-11-20"),
    ("Data direkap 24.09.2024 oleh petugas.", "24.09.2024", "2024-09-24"),
]


@pytest.mark.parametrize(("text", "span", "value"), FORMATS)
def test_format(dates_nlp, text, span, value):
    assert only(dates_nlp, text) == (span, value)


MONTH_ABBREVIATIONS = [
    ("Jan", "01"), ("Feb", "02"), ("Mar", "03"), ("Apr", "04"), ("Mei", "05"), ("Jun", "06"),
    ("Jul", "07"), ("Agu", "08"), ("Agt", "08"), ("Ags", "08"), ("Sep", "09"), ("Sept", "09"),
    ("Okt", "10"), ("Nov", "11"), ("Des", "12"),
]


#: "Mei" is the full month name, so a period after it ends a sentence: no "Mei." case
ABBREVIATION_CASES = [
    (abbr, month, dot)
    for abbr, month in MONTH_ABBREVIATIONS
    for dot in ("", ".")
    if not (abbr == "Mei" and dot)
]


@pytest.mark.parametrize(("abbr", "month", "dot"), ABBREVIATION_CASES)
def test_month_abbreviation(dates_nlp, abbr, month, dot):
    span, value = only(dates_nlp, f"Rapat warga digelar 5 {abbr}{dot} 2024 di balai desa.")
    assert span == f"5 {abbr}{dot} 2024"
    assert value == f"2024-{month}-05"


def test_full_month_name_does_not_take_the_sentence_period(dates_nlp):
    assert only(dates_nlp, "Rapat evaluasi digelar pada 18 November 2024. Warga siap.")[0] == "18 November 2024"


def test_day_month_in_parentheses_without_day_name(dates_nlp):
    text = "Pilkada 2024 berjalan lancar, kata komisioner itu kepada wartawan (25/10)."
    assert only(dates_nlp, text) == ("25/10", "2024-10-25")


# --- ranges -------------------------------------------------------------------

RANGES = [
    ("Masa kampanye 14 November 2023 hingga 8 Februari 2024.", "14 November 2023 hingga 8 Februari 2024",
     "2023-11-14/2024-02-08"),
    ("Kampanye berlangsung 20 September hingga 18 November 2024.", "20 September hingga 18 November 2024",
     "2024-09-20/2024-11-18"),
    ("Pendaftaran dibuka 11-13 Februari 2024.", "11-13 Februari 2024", "2024-02-11/2024-02-13"),
    ("Rekapitulasi mulai 29 November hingga 12 Desember 2024.", "29 November hingga 12 Desember 2024",
     "2024-11-29/2024-12-12"),
    ("Tahapan berjalan 1 Juni sampai dengan 5 Juli 2024.", "1 Juni sampai dengan 5 Juli 2024",
     "2024-06-01/2024-07-05"),
    ("Tahapan berjalan 1 Juni sampai 5 Juli 2024.", "1 Juni sampai 5 Juli 2024", "2024-06-01/2024-07-05"),
    ("Tahapan berjalan 1 Juni s.d. 5 Juli 2024.", "1 Juni s.d. 5 Juli 2024", "2024-06-01/2024-07-05"),
    ("Tahapan berjalan 1 Juni s/d 5 Juli 2024.", "1 Juni s/d 5 Juli 2024", "2024-06-01/2024-07-05"),
    ("Tahapan berjalan 1 Juni – 5 Juli 2024.", "1 Juni – 5 Juli 2024", "2024-06-01/2024-07-05"),
    ("Tahapan berjalan 1 Juni - 5 Juli 2024.", "1 Juni - 5 Juli 2024", "2024-06-01/2024-07-05"),
    ("Masa tenang Minggu (24/11) hingga Selasa (26/11/2024).", "Minggu (24/11) hingga Selasa (26/11/2024)",
     "2024-11-24/2024-11-26"),
    ("Program berjalan Januari 2024 - Maret 2024.", "Januari 2024 - Maret 2024", "2024-01/2024-03"),
]


@pytest.mark.parametrize(("text", "span", "value"), RANGES)
def test_range(dates_nlp, text, span, value):
    assert only(dates_nlp, text) == (span, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Libur sekolah 28 Desember hingga 5 Januari 2025.", "2024-12-28/2025-01-05"),
        ("Libur sekolah 28 Desember 2024 hingga 5 Januari.", "2024-12-28/2025-01-05"),
        ("Pendataan 30 Desember 2023 - 2 Januari 2024.", "2023-12-30/2024-01-02"),
    ],
)
def test_range_across_year_boundary(dates_nlp, text, value):
    assert only(dates_nlp, text)[1] == value


def test_range_with_end_before_start_is_not_a_range(dates_nlp):
    found = dates_of(dates_nlp, "Catatan 5 Januari 2025 hingga 28 Desember 2024 keliru.")
    assert [f[1] for f in found] == ["2025-01-05", "2024-12-28"]


def test_separated_dates_are_not_joined(dates_nlp):
    text = "Pendaftaran dibuka Ahad (15/12/2024) hingga tiga hari berikutnya, Rabu (18/12/2024)."
    assert [f[1] for f in dates_of(dates_nlp, text)] == ["2024-12-15", "2024-12-18"]


# --- missing years ---------------------------------------------------------------


def test_missing_year_from_article_dates(dates_nlp):
    text = "Pendaftaran ditutup 20 Oktober 2024. Pemungutan suara dilakukan 27 November."
    assert [f[1] for f in dates_of(dates_nlp, text)] == ["2024-10-20", "2024-11-27"]


def test_missing_year_uses_nearest_dated_mention(dates_nlp):
    text = (
        "Pilkada lama digelar 15 Februari 2017. Kampanye dimulai 3 Maret.\n\n"
        + "Kata penutup. " * 20
        + "\nPemilu berikutnya 14 Februari 2024, debat digelar 5 Januari."
    )
    values = [f[1] for f in dates_of(dates_nlp, text)]
    assert values == ["2017-02-15", "2017-03-03", "2024-02-14", "2024-01-05"]


def test_missing_year_checks_the_day_name(dates_nlp):
    # 26/9/2024 is a Thursday; a Tuesday 26 September is 2023
    text = "Laporan tahunan 2 Oktober 2024 dibahas. Rapat lama digelar Selasa (26/9)."
    assert dates_of(dates_nlp, text)[1][1] == "2023-09-26"


def test_missing_year_from_the_election_year(dates_nlp):
    text = "Camat mengingatkan netralitas ASN di Pilkada 2024, ujarnya, Jumat (4/10)."
    assert only(dates_nlp, text)[1] == "2024-10-04"


def test_missing_year_never_from_today(dates_nlp):
    assert only(dates_nlp, "Upacara digelar 17 Agustus di lapangan.")[1] == "--08-17"


def test_missing_year_from_publication(dates_nlp):
    text = "Selasa, 1 Oktober 2024\n\nJudul\n\n" + "Isi berita yang panjang sekali, " * 6 + "rapat 5 Juni."
    assert dates_of(dates_nlp, text)[-1][1] == "2024-06-05"


# --- invalid dates and non-dates --------------------------------------------------

INVALID = [
    "Tanggal 31 Februari 2024 tidak ada.",
    "Kode 45/13/2024 bukan tanggal.",
    "Ditulis 30 Februari di catatan.",
    "Tercatat 29 Februari 2023 di sana.",
    "Isian 00/10/2024 salah.",
    "Isian 12/00/2024 salah.",
]


@pytest.mark.parametrize("text", INVALID)
def test_invalid_date_is_rejected(dates_nlp, text):
    assert dates_of(dates_nlp, text) == []


def test_leap_day_is_valid(dates_nlp):
    assert only(dates_nlp, "Tercatat 29 Februari 2024 di sana.")[1] == "2024-02-29"


NON_DATES = [
    "ASN wajib netral pada Pemilu 2024.",
    "Tahun 2024 adalah tahun politik.",
    "Diatur dalam Undang-Undang Nomor 31 Tahun 2019 tentang Kearsipan Desa.",
    "Sesuai UU No 5 tahun 2014 tentang ASN.",
    "Pemkot Malang\n2 min read\nIsi berita.",
    "H-1 kampanye, ASN membaca ikrar.",
    "Acara dimulai pukul 09:33 WIB.",
    "Rapat dibuka pukul 19.00 WIB lalu ditutup 21.00.",
    "Hubungi Telp 0812-3456-7890 atau (0341) 551234.",
    "Hubungi nomor 021-12-2024 untuk aduan.",
    "Bawaslu menangani 1.010 perkara sepanjang tahun.",
    "Tim tuan rumah menang dengan skor 2-1 atas tamu.",
    "Hasil akhir 3/2 untuk tim tamu.",
    "Layanan pengaduan buka 24/7 bagi warga.",
    "Surat Nomor 12/9/2024 dikirim ke camat.",
    "Sebanyak 27 orang hadir dan 11 Kepala Desa.",
    "Pasal 280 ayat 2 mengatur larangan.",
    "Seleksi diikuti 3 Mar-nya warga.",
    "Aplikasi 1.2.24 dirilis untuk petugas.",
    "Alamat server 10.10.10.10 diblokir.",
]


@pytest.mark.parametrize("text", NON_DATES)
def test_non_date_yields_nothing(dates_nlp, text):
    assert dates_of(dates_nlp, text) == []


def test_nothing_inside_related_article_links(dates_nlp):
    text = "Isi berita pertama.\nBaca juga: Kampanye dimulai 25 September 2024\nIsi berita lanjut."
    assert dates_of(dates_nlp, text) == []


# --- kinds -----------------------------------------------------------------------

KINDS = [
    ("Masa kampanye berlangsung 20 September hingga 18 November 2024.", "campaign_period"),
    ("Pemungutan suara dijadwalkan pada 27 November 2024.", "voting_day"),
    ("Hari pencoblosan jatuh pada 14 Februari 2024.", "voting_day"),
    ("Masa tenang berlaku 24 November hingga 26 November 2024.", "quiet_period"),
    ("Rekapitulasi suara tingkat kecamatan digelar 28 November 2024.", "counting_period"),
    ("Penghitungan suara selesai 15 Februari 2024.", "counting_period"),
    ("Pendaftaran calon dibuka 27 Agustus 2024.", "election_stage"),
    ("Penetapan pasangan calon dilakukan 22 September 2024.", "election_stage"),
    ("Pelantikan bupati terpilih berlangsung 20 Februari 2025.", "election_stage"),
    ("Per 29 Agustus 2024, pendaftaran pasangan bakal calon dibuka.", "election_stage"),
    ('"ASN harus netral," kata Bupati di pendopo, Selasa (24/9/2024).', "event_date"),
    ("“Kami menerima laporan kampanye itu,” ujar Ketua Bawaslu, Rabu (9/10/2024).", "event_date"),
    ("Ikrar netralitas dibacakan di halaman kantor, Senin (11/12/2023).", "event_date"),
    ("Para kepala desa menandatangani pakta integritas pada 3 Juli 2024.", "event_date"),
    ("Camat memimpin rapat di aula, Kamis (5/9/2024).", "event_date"),
    ("Pilbup 3 Maret 2013 diikuti enam pasangan.", "voting_day"),
    ("Ia bertugas sebagai penjabat sejak 25 September 2024.", "other"),
    ("Surat Edaran Nomor 800/123 tanggal 17 Desember 2023 mengatur hal itu.", "other"),
]


@pytest.mark.parametrize(("text", "kind"), KINDS)
def test_kind(dates_nlp, text, kind):
    found = dates_of(dates_nlp, text)
    assert len(found) == 1, found
    assert found[0][2] == kind


def test_quoted_cue_does_not_decide_the_kind(dates_nlp):
    text = '"Masa kampanye harus damai," kata Ketua KPU, Selasa (24/9/2024).'
    assert dates_of(dates_nlp, text)[0][2] == "event_date"


def test_nearest_cue_wins(dates_nlp):
    text = (
        "Pemungutan suara dilaksanakan 28 November, sementara rekapitulasi berlangsung "
        "29 November hingga 12 Desember 2024."
    )
    assert [f[2] for f in dates_of(dates_nlp, text)] == ["voting_day", "counting_period"]


# --- publication ---------------------------------------------------------------------

BODY = "Pj Bupati mengingatkan seluruh ASN agar menjaga netralitas, tidak memihak, dan melayani warga. " * 2


def test_publication_from_date_line(dates_nlp):
    doc = dates_nlp(f"Judul Berita\n\nRedaksi\n24 - Sep - 2024, 09:33\n\n{BODY}")
    assert doc._.publication == "2024-09-24"
    assert [attrs_of(s, "dates")["kind"] for s in doc.spans["dates"]] == ["publication"]


def test_publication_is_the_last_header_date_line(dates_nlp):
    doc = dates_nlp(f"Login\n08/10/2024\nSITUS\n\nJudul\n\n  • Oktober 2, 2024\n  • 2 min read\n{BODY}")
    kinds = [(s.text, attrs_of(s, "dates")["kind"]) for s in doc.spans["dates"]]
    assert kinds == [("08/10/2024", "other"), ("Oktober 2, 2024", "publication")]
    assert doc._.publication == "2024-10-02"


def test_publication_from_a_dateline(dates_nlp):
    doc = dates_nlp(f"MANADO, 22 SEPTEMBER 2024 – {BODY}")
    assert doc._.publication == "2024-09-22"


def test_no_publication_without_a_date_line(dates_nlp):
    doc = dates_nlp(f"{BODY} Rapat digelar 5 Oktober 2024.")
    assert doc._.publication is None


# --- resolved relative mentions ------------------------------------------------------------

HEADER = "Rabu, 9 Oktober 2024\n\n"


def resolved(nlp, text):
    doc = nlp(text)
    return [(r["text"], r["value"]) for r in doc._.resolved], doc


def test_resolved_kemarin_and_besok(dates_nlp):
    found, doc = resolved(dates_nlp, HEADER + f"{BODY} Rapat digelar kemarin. Apel akan digelar besok.")
    assert found == [("kemarin", "2024-10-08"), ("besok", "2024-10-10")]
    assert all(s.text not in ("kemarin", "besok") for s in doc.spans["dates"])


def test_resolved_day_name_alone(dates_nlp):
    found, _ = resolved(dates_nlp, HEADER + f"Bupati, di Malang, Senin, menjelaskan aturan. {BODY}")
    assert found == [("Senin", "2024-10-07")]


def test_resolved_day_name_in_the_future(dates_nlp):
    found, _ = resolved(dates_nlp, HEADER + f"{BODY} Apel digelar pada Jumat mendatang.")
    assert found == [("Jumat", "2024-10-11")]


def test_resolved_h_minus_stage(dates_nlp):
    text = f"{BODY} Masa kampanye 20 September hingga 18 November 2024. H-1 kampanye, ASN berikrar."
    found, _ = resolved(dates_nlp, text)
    assert found == [("H-1 kampanye", "2024-09-19")]


def test_resolved_hari_ini_takes_the_date_next_to_it(dates_nlp):
    text = f"{HEADER}{BODY} Pendaftaran resmi dibuka hari ini, Senin (30/9/2024)."
    found, _ = resolved(dates_nlp, text)
    assert found == [("hari ini", "2024-09-30")]


def test_nothing_resolved_without_reference(dates_nlp):
    found, _ = resolved(dates_nlp, "Rapat digelar kemarin dan dilanjutkan besok.")
    assert found == []


# --- election --------------------------------------------------------------------------


def test_election_names(dates_nlp):
    doc = dates_nlp("ASN wajib netral di Pilkada Serentak 2024. Pada Pemilu 2024 lalu banyak laporan.")
    assert [(e["name"], e["type"], e["year"]) for e in doc._.election] == [
        ("Pilkada 2024", "pilkada", 2024),
        ("Pemilu 2024", "pemilu", 2024),
    ]


def test_election_institution_names_are_not_elections(dates_nlp):
    doc = dates_nlp("Komisi Pemilihan Umum dan Badan Pengawas Pemilu menggelar rapat. Pilkada 2024 aman.")
    assert [e["name"] for e in doc._.election] == ["Pilkada 2024"]


def test_election_region_from_entities(dates_nlp):
    text = "ASN Pemkot harus netral dalam Pilkada Kota Malang 2024, kata Sekda."
    doc = dates_nlp.make_doc(text)
    for _, proc in dates_nlp.pipeline[:2]:
        doc = proc(doc)
    start = text.index("Kota Malang")
    add_span(doc, "entities", start, start + len("Kota Malang"), "REGION", canonical="Kota Malang")
    annotate(doc)
    assert doc._.election == [{"name": "Pilkada 2024", "type": "pilkada", "year": 2024, "region": "Kota Malang"}]


def test_election_region_null_without_entities(dates_nlp):
    doc = dates_nlp("ASN Pemkot harus netral dalam Pilkada Kota Malang 2024.")
    assert doc._.election[0]["region"] is None


# --- robustness and record ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        "<html><body><p>Rapat 5 Oktober 2024</p><script>var d='12/12/2024';</script></body></html>",
        "\u200b\ufeffRapat\u00a05\u00a0Oktober\u00a02024 🎉 ٢٠٢٤ ５／１０／２０２４",
        "31/12/9999 99/99/99 0/0/0 1/1/1 ((((())))) s.d. s/d hingga - – —",
    ],
)
def test_bad_input_does_not_crash(dates_nlp, text):
    doc = dates_nlp(text)
    to_record(doc)


def test_huge_text(dates_nlp):
    text = ("Kampanye 20 September hingga 18 November 2024, kata dia, Kamis (19/9). " * 2000)[:150_000]
    doc = annotate(dates_nlp.make_doc(text))  # the component alone: one 150k-character 'sentence'
    assert len(doc.spans["dates"]) > 1000


def test_record_and_serialisation(dates_nlp):
    doc = dates_nlp(HEADER + f"{BODY} Pilkada 2024 digelar 27 November 2024, kemarin rapat.")
    record = to_record(doc).to_json_dict()
    assert record["publication"] == "2024-10-09"
    assert {d["value"] for d in record["dates"]} == {"2024-10-09", "2024-11-27"}
    assert record["resolved"] == [{"start": record["text"].index("kemarin"), "end": record["text"].index("kemarin") + 7,
                                   "text": "kemarin", "value": "2024-10-08"}]
    restored = Doc(dates_nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.publication == "2024-10-09"
    assert len(restored.spans["dates"]) == 2


# --- kinds and date lines in other shapes ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Camat itu menghadiri kampanye akbar pasangan calon di lapangan pada Sabtu (2/11/2024).", "event_date"),
        ("Bawaslu menggelar patroli pengawasan masa tenang di enam kecamatan, Minggu (11/2/2024) malam.",
         "event_date"),
        ("Kedua pasangan calon akan memulai kampanye pada 25 September 2024.", "campaign_period"),
        ("Kampanye yang telah dimulai sejak 20 September 2024 berlangsung tertib.", "campaign_period"),
        ("Pilkada serentak di provinsi itu digelar 27 November 2024.", "voting_day"),
        ("Pengundian nomor urut digelar di kantor KPU. Acara ini berlangsung pada 23 September 2024.",
         "election_stage"),
        ("Sejak 15 Desember 2023, Bawaslu mencatat empat laporan.", "other"),
    ],
)
def test_kind_in_context(dates_nlp, text, kind):
    assert dates_of(dates_nlp, text)[-1][2] == kind


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("Oleh Redaksi  •  30/09/2024  •  Dilihat 732 kali", "2024-09-30"),
        ("Banten Aktual | Sabtu, 21 Sep 2024", "2024-09-21"),
        ("Diperbarui 24 Sept 2024, 16.40 WIB", "2024-09-24"),
        ("Diterbitkan: 26 Sep 2024 | Kategori: Pemerintahan", "2024-09-26"),
        ("Kota Sepekan – 12/02/2024 14:05 WIB", "2024-02-12"),
    ],
)
def test_publication_line_shapes(dates_nlp, header, value):
    doc = dates_nlp(f"Judul Berita\n\n{header}\n\n{BODY}")
    assert doc._.publication == value


def test_publication_from_a_footer_line(dates_nlp):
    doc = dates_nlp(f"Judul\n\n{BODY}\nEditor : Faris\nKamis, 4 Apr 2024  •  2 min read")
    assert doc._.publication == "2024-04-04"


def test_a_bare_date_line_in_the_body_is_not_the_publication(dates_nlp):
    doc = dates_nlp(f"Judul\n\n{BODY}\nJadwal pemungutan suara:\n27 November 2024\n")
    assert doc._.publication is None


def test_lower_case_day_name_before_a_date(dates_nlp):
    assert only(dates_nlp, "kata dia di jakarta, rabu (23/11/2016).") == ("rabu (23/11/2016)", "2016-11-23")


def test_lower_case_week_is_not_a_day_name(dates_nlp):
    assert only(dates_nlp, "Dalam dua minggu 19 November 2023 tiba.")[0] == "19 November 2023"


def test_plain_text_api_gives_the_pipeline_dates(dates_nlp):
    from netral_nlp.components.dates import extract_dates

    text = (
        "Sleman Pos\nSelasa, 24 September 2024\n\n"
        "SLEMAN – Bawaslu menggelar sosialisasi netralitas ASN, Senin (23/9/2024).\n"
        "Baca juga: Jadwal kampanye 25 September 2024\n"
        "Masa kampanye berlangsung 20 September hingga 18 November 2024, "
        "sedangkan pemungutan suara pada 28 November 2024."
    )
    expected = dates_of(dates_nlp, text)
    got = [(d["text"], d["value"], d["kind"]) for d in extract_dates(text)]
    assert got == expected
    assert len(got) == 4
