"""Keeps tokenizing linear in the length of any text.

spaCy's tokenizer strips prefixes, suffixes and infixes from a stretch
without spaces one at a time, each time over the rest of the stretch: time
grows with the square of the stretch (20 KB of ``"`` take a minute; so does
a page with an inline minified script). Before tokenizing:

- ``<script>`` and ``<style>`` blocks are masked: cut into tokens at
  whitespace only, with no tokenizer rules run on them;
- a run without whitespace longer than :data:`LONG_RUN` characters is cut
  into pieces of at most :data:`PIECE` characters (at a non-letter where one
  is near), each tokenized on its own.

Every other stretch goes through the tokenizer untouched, and the pieces'
Docs are joined back, so the Doc's text is exactly the input text and every
offset stays on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.tokens import Doc
from spacy.vocab import Vocab

#: runs without whitespace longer than this are tokenized in pieces (URLs, ids and
#: long compound words stay under it)
LONG_RUN = 300
#: the largest piece of a long run that is tokenized at once
PIECE = 100

_LONG_RUN = re.compile(rf"(?<!\S)\S{{{LONG_RUN + 1},}}")
_RAW_OPEN = re.compile(r"<(script|style)\b[^<>]{0,2000}>", re.IGNORECASE)
_RAW_CLOSE = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
}
_WORDS = re.compile(r"\S+|\s+")


def needs_guard(text: str) -> bool:
    """True when ``text`` has a long run without whitespace or a script/style block."""
    return _LONG_RUN.search(text) is not None or ("<" in text and _RAW_OPEN.search(text) is not None)


def raw_blocks(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each script/style block; an unclosed one runs to the end."""
    pos = 0
    while True:
        opened = _RAW_OPEN.search(text, pos)
        if opened is None:
            return
        closed = _RAW_CLOSE[opened.group(1).lower()].search(text, opened.end())
        end = closed.end() if closed else len(text)
        yield opened.start(), end
        if closed is None:
            return
        pos = end


def _run_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A long run cut into pieces of at most PIECE characters, after a non-letter when
    one is in the piece's second half."""
    while end - start > PIECE:
        cut = start + PIECE
        for index in range(cut - 1, start + PIECE // 2, -1):
            if not text[index].isalnum():
                cut = index + 1
                break
        yield start, cut
        start = cut
    yield start, end


def pieces(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, masked)`` pieces that cover ``text`` in order.

    Masked pieces (script/style blocks) are cut at whitespace only; the
    others go through the tokenizer. A single space after a cut stays with
    the piece before it, as the tokenizer would attach it to that token.
    """
    cuts: list[tuple[int, int, bool]] = []  # the special stretches, in order
    blocks = list(raw_blocks(text)) if "<" in text else []
    for start, end in blocks:
        cuts.append((start, end, True))
    for match in _LONG_RUN.finditer(text):
        start, end = match.span()
        if any(s <= start < e for s, e in blocks):
            continue
        cuts.extend((s, e, False) for s, e in _run_pieces(text, start, end))
    cuts.sort()
    out: list[tuple[int, int, bool]] = []
    pos = 0
    for start, end, masked in cuts:
        if start < pos:  # a run that began inside a block
            start = pos
            if start >= end:
                continue
        if start > pos:
            out.append((pos, start, False))
        if end < len(text) and text[end] == " ":
            end += 1
        out.append((start, end, masked))
        pos = end
    if pos < len(text):
        out.append((pos, len(text), False))
    return out


def whitespace_doc(vocab: Vocab, text: str) -> Doc:
    """A Doc cut at whitespace only (spaCy's conventions: one space after a token is
    its trailing whitespace, other whitespace is a token of its own)."""
    words: list[str] = []
    spaces: list[bool] = []
    for match in _WORDS.finditer(text):
        chunk = match.group()
        if not chunk.isspace():
            words.append(chunk)
            spaces.append(False)
            continue
        if words and not words[-1].isspace() and chunk[0] == " ":
            spaces[-1] = True
            chunk = chunk[1:]
        if chunk:
            words.append(chunk)
            spaces.append(False)
    return Doc(vocab, words=words, spaces=spaces)


def tokenize_guarded(text: str, tokenize: Callable[[str], Doc], vocab: Vocab) -> Doc:
    """``tokenize(text)``, in linear time whatever the text (see the module doc)."""
    if not needs_guard(text):
        return tokenize(text)
    docs = [
        whitespace_doc(vocab, text[start:end]) if masked else tokenize(text[start:end])
        for start, end, masked in pieces(text)
    ]
    return Doc.from_docs(docs, ensure_whitespace=False)
