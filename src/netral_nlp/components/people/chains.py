"""Long office chains the lexicon readers do not parse, read by where the name starts.

``Kepala Inspektorat Daerah Provinsi Papua, Danny Korwa``, ``Ketua Komisi Aparatur
Sipil Negara (KASN) Agus Pramusinto``, ``Direktur Binmas Polda Jawa Barat Kombes Pol
Badya Wijaya``, ``Kepala Sekretariat Bawaslu Sumbar Karnalis Kamaruddin``: an office
head word, then a run of institution words (capitalised words, acronyms, numbers,
brackets, ``dan``/``atau``/``pada`` and enumeration commas), then the name. The name
starts at one of four clear boundaries, the first that holds one:

- after a comma (the name then ends at a comma, a speech verb or a lower-case word);
- after a rank (``Kombes Pol``, ``Letkol Inf``);
- after a bracketed short form (``(KASN)``);
- after a gazetteer REGION span (``Bawaslu Sumbar``).

The role is the chain up to the boundary. A run of institution words with none of
these boundaries gives nothing (``Kepala Dinas Kelautan dan Perikanan`` is no name).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import NAME_WORD_RE, lexicon
from .names import Context, read_name

#: one token of an institution run
_TOKEN_RE = re.compile(
    r"[ \t\u00a0]*(?:"
    r"(?P<bracket>\([A-Za-z][\w\-/ .]{0,30}\))"
    r"|(?P<comma>,)"
    r"|(?P<conn>dan/atau|dan|atau|serta|pada|untuk|bagi)(?![\w-])"
    r"|(?P<word>[A-Z][\w.'’/-]*|\d{1,4}(?:/[\w-]+)?|[IVX]{1,4}(?![\w-]))"
    r")"
)
_MAX_TOKENS = 18
#: what may follow a name read after a comma: a comma, a stop, a verb or lower-case word
_NAME_END_RE = re.compile(r"[ \t\u00a0]*(?:[,.;:)\"”]|[a-z]|$)")
#: Indonesian nominal affixes of institution words (Kelautan, Penanggulangan, Kebangsaan)
_INSTITUTION_WORD_RE = re.compile(r"(?:Pe[mnr]?|Peng|Peny|Ke|Per)[a-z]{3,}an")


def is_institution_word(word: str) -> bool:
    """``Kelautan``, ``Pendayagunaan``: a field of an institution, never a name word."""
    return bool(_INSTITUTION_WORD_RE.fullmatch(word))


def _name_at(text: str, pos: int, ctx: Context, after_comma: bool) -> tuple[int, int] | None:
    name = read_name(text, pos, ctx)
    if name is None:
        return None
    words = [w.group() for w in NAME_WORD_RE.finditer(text, name[0], name[1])]
    if any(is_institution_word(w) for w in words):
        return None
    if after_comma and not _NAME_END_RE.match(text, name[1]):
        return None
    return name


@lru_cache(maxsize=1)
def _public_re() -> re.Pattern[str]:
    words = sorted(lexicon().orgs["public_chain_words"], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")


def is_public(role: str) -> bool:
    """The chain names a public institution (``Inspektorat``, ``Polda``, ``Dinas``, a body)."""
    lex = lexicon()
    return any(p.search(role) for p in (_public_re(), lex.org_body_re, lex.org_fixed_re,
                                         lex.government_re, lex.unit_head_re))


def read_chain(text: str, pos: int, ctx: Context) -> tuple[int, tuple[int, int]] | None:
    """From the end of an office head at ``pos``: (role end, name span), or None.

    The caller checks the role names a public institution (:func:`is_public`)."""
    lex = lexicon()
    end = pos
    tokens = 0
    words = 0
    while tokens < _MAX_TOKENS:
        m = _TOKEN_RE.match(text, end)
        if m is None or m.end() == end:
            return None
        tokens += 1
        if m.group("comma"):
            if words:
                name = _name_at(text, m.end(), ctx, after_comma=True)
                if name is not None:
                    return end, name
            end = m.end()
            continue
        start = m.start(m.lastgroup)
        if m.group("word") and words and lex.office_re.match(text, start):
            return None  # another office starts: it binds its own name
        if m.group("word"):
            rank = lex.ranks_re.match(text, start)
            if rank and rank.end() > start and words:
                name = _name_at(text, start, ctx, after_comma=False)
                return (end, name) if name is not None else None
            region_end = ctx.region_at(start)
            if region_end is not None:
                end = region_end
                words += 1
                bracket = _TOKEN_RE.match(text, end)
                if bracket and bracket.group("bracket"):
                    end = bracket.end()
                name = _name_at(text, end, ctx, after_comma=False)
                if name is not None:
                    return end, name
                continue
            words += 1
        elif m.group("bracket"):
            end = m.end()
            if words:
                name = _name_at(text, end, ctx, after_comma=False)
                if name is not None:
                    return end, name
            continue
        end = m.end()
    return None
