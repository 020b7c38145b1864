"""Where a quoted rule ends: the closing quote, not the attribution after it."""

from __future__ import annotations

import pytest

from netral_nlp.components.rules.text_utils import cut_at_closing_quote


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("“ASN dilarang kampanye,” kata Budi.", "“ASN dilarang kampanye,"),
        ('"ASN dilarang kampanye" kata Budi.', '"ASN dilarang kampanye'),  # an opened quote closes anywhere
        ('ASN dilarang kampanye," kata Budi.', "ASN dilarang kampanye,"),  # unopened: after punctuation
        ('ASN dilarang memakai kaos "nomor 2" saat apel.', 'ASN dilarang memakai kaos "nomor 2" saat apel.'),
        ("ASN dilarang kampanye.", "ASN dilarang kampanye."),
        ("”", "”"),  # the first character never closes
    ],
)
def test_cut_at_closing_quote(text, cut):
    assert text[: cut_at_closing_quote(text, 0, len(text))] == cut


def test_cut_within_a_range_of_a_longer_text():
    text = "Kata Budi: “ASN netral.” Lalu ia pergi."
    start = text.index("“")
    assert text[start : cut_at_closing_quote(text, start, len(text))] == "“ASN netral."
