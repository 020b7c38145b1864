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
