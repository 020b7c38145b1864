"""Boilerplate marking: page furniture is marked, article content (captions too) is not."""

from __future__ import annotations

import pytest

from netral_nlp.components.boilerplate.boilerplate import find_boilerplate


def marked(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in find_boilerplate(text)]


@pytest.mark.parametrize("intro", ["Baca juga:", "BACA JUGA:", "Baca Juga :"])
def test_related_link_with_headline_on_same_line(intro):
    text = f"Paragraf satu.\n{intro} Bupati Lantik Pejabat Baru\nParagraf dua."
    assert marked(text) == [f"{intro} Bupati Lantik Pejabat Baru"]


@pytest.mark.parametrize("intro", ["Baca juga:", "BACA JUGA:", "Baca Juga :"])
def test_related_link_with_headline_on_next_line(intro):
    text = f"Paragraf satu.\n\n{intro}\nBupati Lantik Pejabat Baru di Sleman\n\nParagraf dua."
    assert marked(text) == [intro, "Bupati Lantik Pejabat Baru di Sleman"]


@pytest.mark.parametrize(
    "line",
    [
        "Editor : Siti Aminah  Reporter : Budi",
        "Penulis: Andi Saputra | Editor: Rina",
        "Pewarta: Yusuf Maulana",
        "Reporter: Dewi",
    ],
)
def test_bylines(line):
    assert marked(f"Judul berita\n{line}\nIsi berita dimulai di sini.") == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Leave a Reply",
        "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *",
        "Bagikan:",
        "Facebook Twitter WhatsApp Telegram",
        "Home » Berita » Politik",
        "2 min read",
        "Dibaca 1.245 kali",
        "12 Komentar",
    ],
)
def test_widgets_navigation_and_counters(line):
    assert marked(f"Isi berita.\n{line}\n") == [line]


def test_photo_caption_is_content():
    text = "Pj Bupati Sleman, Budi Santoso. (Foto: Humas Pemkab Sleman)\nIsi berita."
    assert marked(text) == []


def test_article_sentences_mentioning_editors_are_content():
    text = "Bawaslu meminta editor media massa berimbang dalam pemberitaan."
    assert marked(text) == []


def test_component_keeps_offsets(blank_nlp):
    text = "Isi berita.\n\nBaca juga: Judul Lain\n\nIsi kedua."
    doc = blank_nlp(text)
    spans = list(doc.spans["boilerplate"])
    assert [(s.start_char, s.end_char) for s in spans] == [(13, 34)]
    assert doc.text == text


def test_bare_related_intro_does_not_swallow_a_paragraph():
    paragraph = (
        "Kepala desa mengakui ada tekanan. Namun, dia menegaskan tetap netral dalam Pilkada."
    )
    text = f"Paragraf satu.\n\nBaca Juga\n\n{paragraph}"
    assert marked(text) == ["Baca Juga"]


def test_bare_related_intro_swallows_a_headline():
    text = "Paragraf satu.\nBaca Juga\nKPU Sleman Tetapkan Tiga Pasangan Calon\nParagraf dua."
    assert marked(text) == ["Baca Juga", "KPU Sleman Tetapkan Tiga Pasangan Calon"]


def test_related_heading_and_source_note():
    text = (
        "Isi berita.\nBerita Lainnya\n"
        "Artikel ini telah tayang di contohberita.id dengan judul “Bupati Ingatkan ASN”"
    )
    assert len(marked(text)) == 2


@pytest.mark.parametrize(
    "line",
    [
        "Rep: Sari Wulan/ Red: Budi Hartono",
        "Foto: Sari Wulandari",
        "Sumber : Kanal TV",
        "Kontributor: Andi",
        "(contohberita.com/Sari Wulan)",
        "oleh",
    ],
)
def test_credits(line):
    assert marked(f"Isi berita.\n{line}\nIsi kedua.") == [line]


def test_byline_labels_on_their_own_line_take_the_name_below():
    text = "Isi berita.\nPenulis\nSari Wulan\nEditor\nBudi Hartono"
    assert marked(text) == ["Penulis", "Sari Wulan", "Editor", "Budi Hartono"]


def test_date_on_a_byline_or_breadcrumb_stays_content():
    byline = "Oleh: Redaksi | Kamis, 10 Oktober 2024 | 3 min read"
    crumbs = "Beranda › Daerah › 9 Okt 2024"
    got = marked(f"{byline}\n{crumbs}\nIsi berita.")
    assert got == ["Oleh: Redaksi", "3 min read", "Beranda", "Daerah"]


@pytest.mark.parametrize(
    "line",
    [
        "Dapatkan update berita pilihan setiap hari dengan klik Google News kami",
        "Gabung ke Channel WhatsApp kami untuk update berita terbaru.",
        "Cek Artikel dan Berita yang lainnya di Google News",
        "#bawaslu #pilkada #netralitas",
        "Tags: netralitas, pilkada",
        "Advertisement",
        "Scroll to continue with content",
        "No More Posts Available.",
        "• 3 min read",
        "oleh -212 Dilihat",
        "free web hit counter",
        "Lompat ke isi utama",
        "Masuk / Daftar",
        "Politik",
        "Nasional Daerah Politik Hukum dan Kriminal Ekonomi Olahraga Opini Otomotif",
        "Contoh Media Logo",
    ],
)
def test_more_furniture(line):
    assert marked(f"Isi berita.\n{line}\nIsi kedua.") == [line]


def test_topic_label_takes_the_tag_line_below():
    text = "Isi berita.\nTopik\npilkada netralitas asn sleman"
    assert marked(text) == ["Topik", "pilkada netralitas asn sleman"]


@pytest.mark.parametrize(
    "line",
    [
        "Penulis buku Netralitas Birokrasi, Budi Santoso, hadir dalam diskusi.",
        "Sumber: Bawaslu Kabupaten Sleman mencatat 12 laporan dugaan pelanggaran.",
        "Foto: Pj Bupati Sleman memimpin apel netralitas ASN di halaman kantor.",
        "Baca juga aturan lengkapnya dalam Surat Edaran Nomor 5 Tahun 2024.",
        "Simak juga pernyataan lengkap Bupati berikut ini.",
        "Berita terkait pelanggaran netralitas ASN terus bermunculan di media sosial.",
        "Cek fakta: video kampanye ASN itu hoaks, kata Diskominfo melalui aplikasi resmi.",
        "Oleh karena itu, ASN wajib netral.",
        "Dilihat dari data Bawaslu, ada 15 laporan.",
        "Pemilu dan Pilkada",
        "Reporter televisi lokal juga hadir dalam apel itu.",
    ],
)
def test_article_sentences_are_not_marked(line):
    assert marked(f"Isi berita.\n{line}\nIsi kedua.") == []


def test_in_line_credits_only_mark_themselves():
    text = (
        "“ASN wajib netral,” tegasnya. (ari/red)\n"
        "Oleh Humas Sleman, Senin, 14 Oktober 2024 | 15:19 WIB - Redaktur: Budi Hartono - 295"
    )
    assert marked(text) == ["(ari/red)", "Redaktur: Budi Hartono"]


@pytest.mark.parametrize(
    "text", ["", "\n\n", "<p>Baca juga:</p>", "\u00a0" * 5, "Baca juga:\n" * 500]
)
def test_odd_input_does_not_crash(text):
    assert isinstance(marked(text), list)
