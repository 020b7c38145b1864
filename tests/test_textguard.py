"""Linear-time guards: the tokenizer on runs without spaces and script/style blocks, the
segmenter on long lines. Offsets always stay on the original text; times are never asserted."""

from __future__ import annotations

from netral_nlp.components.segmenter.segmenter import segment_starts
from netral_nlp.textguard import LONG_RUN, PIECE, needs_guard, pieces


def _check_offsets(doc, text):
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


def test_normal_text_is_tokenized_untouched(blank_nlp):
    text = "Bawaslu Kab. Sleman mengingatkan ASN (19/11/2023) di https://contoh.test/berita/a-b-c."
    assert not needs_guard(text)
    assert pieces(text) == [(0, len(text), False)]


def test_run_of_quotes_is_tokenized_in_pieces_with_offsets(blank_nlp):
    text = "Awal. " + '"' * 5000 + " Bawaslu hadir."
    assert needs_guard(text)
    doc = blank_nlp.make_doc(text)
    _check_offsets(doc, text)
    assert all(len(t.text) <= PIECE for t in doc)
    assert [t.text for t in doc][-3:] == ["Bawaslu", "hadir", "."]
    # the contrast: a run at the limit goes through the tokenizer whole, as before
    short = "Awal. " + '"' * LONG_RUN + " Bawaslu hadir."
    assert not needs_guard(short)


def test_long_word_run_is_cut_after_punctuation(blank_nlp):
    run = "kata," * 200
    text = f"Mulai {run} selesai."
    doc = blank_nlp.make_doc(text)
    _check_offsets(doc, text)
    starts = [s for s, _e, _m in pieces(text)]
    assert all(text[s - 1] in ", " for s in starts[1:])  # cuts fall after a comma, never in a word


def test_script_and_style_blocks_are_masked(blank_nlp):
    script = "<script type='text/javascript'>var a=function(b){return b[\"x\"]+1};</script>"
    style = "<STYLE>.a{color:red}</STYLE>"
    text = f"Bawaslu hadir. {script} Lalu {style}\nKPU juga."
    doc = blank_nlp.make_doc(text)
    _check_offsets(doc, text)
    words = [t.text for t in doc]
    assert "var" not in words and "a=function(b){return" in words  # cut at whitespace only
    assert style in words  # a block without whitespace is one token
    assert words[-3:] == ["KPU", "juga", "."]
    # the contrast: a tag that is not script/style goes through the tokenizer
    plain = "Bawaslu <b>hadir</b> hari ini."
    assert not needs_guard(plain)


def test_unclosed_script_runs_to_the_end(blank_nlp):
    text = "Judul berita.\n<script>var x = 1;" + "y=2;" * 100
    doc = blank_nlp.make_doc(text)
    _check_offsets(doc, text)
    assert [t.text for t in doc][:3] == ["Judul", "berita", "."]


def test_long_line_segments_like_short_lines():
    sentence = "Kab. Sleman melarang ASN. M. Ali hadir. "
    one_line = sentence * 300
    starts = segment_starts(one_line)
    # every sentence starts a segment; the abbreviation and the initial never do
    assert starts == [i * len(sentence) + k for i in range(300) for k in (0, 26)]
    broken = "\n".join([sentence.strip()] * 300)
    assert len(segment_starts(broken)) == len(starts)


def test_list_marker_after_a_long_line_is_still_seen():
    head = "Ketentuan " + "panjang " * 100 + "berikut: "
    text = head + "1. Dilarang memasang spanduk. 2. Dilarang hadir."
    starts = segment_starts(text)
    assert len(head) in starts  # the inline item after the colon
    assert text.index("2. Dilarang") in starts
