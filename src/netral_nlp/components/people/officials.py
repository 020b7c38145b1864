"""Officials: an office title bound to a name (``Pj Wali Kota Malang, Wahyu Hidayat``,
``Sekda Batanghari M Azan``, ``Haryanto selaku Sekda``).

The role is the title as written, from its acting prefix to the end of its
region or institution (``Pj Wali Kota Malang``, ``Ketua Bawaslu Kota Pasuruan``,
``Penjabat (Pj) Gubernur Sumatera Utara (Sumut)``).
"""

from __future__ import annotations

import re

from .lexicon import NAME_WORD_RE, lexicon
from .mention import PersonMention
from .names import (
    Context,
    read_bracket,
    read_name,
    read_name_before,
    read_region,
    skip_spaces,
)
from .orgs import org_at

_SEP_RE = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*")
_CONNECTOR_BEFORE_RE = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]+(?:selaku|sebagai|yang\s+juga|yang\s+merupakan)[ \t\u00a0]+$")
_DAN_RE = re.compile(r"dan(?![\w-])")
_NUMBER_RE = re.compile(r"\d{1,2}(?![\w/])")
_ACRONYM_WORD_RE = re.compile(r"[A-Z]{2,6}(?![\w-])")
_SOUGHT_RE = re.compile(r"(?<![\w-])(?:calon|paslon|pasangan|bakal)(?![\w-])", re.IGNORECASE)


def office_ok(match: re.Match) -> bool:
    """The office is written as a title (``Bupati``/``BUPATI``), not prose (``bupati``)."""
    lex = lexicon()
    office = match.group("office")
    if office not in lex.office_exact and not (office.isupper() and len(office) > 2):
        return False
    before = match.string[max(0, match.start() - 24) : match.start()]
    if lex.not_after_re.search(before):
        return False
    # ``pasangan calon Gubernur dan Wakil Gubernur, A-B``: offices sought, not held
    clause = re.split(r"[.;:!?\n,\"“”]", match.string[max(0, match.start() - 50) : match.start()])[-1]
    return not _SOUGHT_RE.search(clause)


def role_end(text: str, match: re.Match, ctx: Context) -> tuple[int, bool] | None:
    """End of the role that starts with this office match, and whether it is a public office."""
    lex = lexicon()
    kind = lex.office_kind.get(match.group("office").lower(), "standalone")
    end = match.end()
    if kind == "portfolio":
        end = _portfolio_words(text, end)
        after = skip_spaces(text, end)
        if after > end:
            org = org_at(text, after, ctx, before_name=True)
            if org is not None:
                return org.end, org.public
            office = lex.office_re.match(text, after)
            if office and office_ok(office) and lex.office_kind.get(office.group("office").lower()) == "standalone":
                return office.end(), True
            region = read_region(text, after, ctx, before_name=True)
            if region is not None:
                return region, True
        return end, True
    if kind == "org":
        after = skip_spaces(text, end)
        if after == end:
            return None
        org = org_at(text, after, ctx, before_name=True)
        if org is None:
            return None
        return org.end, org.public
    if kind == "region":
        after = skip_spaces(text, end)
        if after > end:
            org = org_at(text, after, ctx, before_name=True)
            if org is not None and org.kind == "body":
                return org.end, True
            region = read_region(text, after, ctx, before_name=True)
            if region is not None:
                return region, True
        return end, True
    return end, True


def _portfolio_words(text: str, pos: int) -> int:
    """Run over a field of duty: ``3 Bidang Administrasi Umum``, ``Pekerjaan Umum (PU)``."""
    lex = lexicon()
    end = pos
    while True:
        after = skip_spaces(text, end)
        if after == end:
            break
        w = NAME_WORD_RE.match(text, after) or _ACRONYM_WORD_RE.match(text, after)
        if w and w.group() in lex.role_words:
            end = w.end()
            continue
        d = _DAN_RE.match(text, after) or _NUMBER_RE.match(text, after)
        if d:
            end = d.end()
            continue
        break
    return read_bracket(text, end)


def _skip_extra_region(text: str, pos: int, ctx: Context) -> int:
    """``... DPRD Kota Palu Provinsi Sulawesi Tengah H Sulaiman``: skip the second region."""
    after = skip_spaces(text, pos)
    if after == pos:
        return pos
    for t in lexicon().titles["region_types"]:
        if text.startswith(t + " ", after):
            region = read_region(text, after, ctx, before_name=True)
            return region if region is not None else pos
    return pos


def find_officials(text: str, ctx: Context) -> list[PersonMention]:
    """Every title-bound person, with role; association officers get label None."""
    lex = lexicon()
    found: list[PersonMention] = []
    taken: list[tuple[int, int]] = []
    for m in lex.office_re.finditer(text):
        if not office_ok(m):
            continue
        bound = role_end(text, m, ctx)
        if bound is None:
            continue
        end, public = bound
        role = text[m.start() : end].strip(" ,")
        name = None
        after = _skip_extra_region(text, end, ctx)
        sep = _SEP_RE.match(text, after)
        if sep is not None:
            name = read_name(text, sep.end(), ctx)
        if name is None:
            before = _CONNECTOR_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
            if before is not None:
                name = read_name_before(text, before.start())
        if name is None or any(s < name[1] and name[0] < e for s, e in taken):
            continue
        if lex.office_re.match(text, name[0]):
            continue
        taken.append(name)
        found.append(PersonMention(name[0], name[1], "OFFICIAL" if public else None, role=role))
    return found
