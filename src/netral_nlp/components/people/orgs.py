"""ORG mentions: election bodies, ministries, regional governments, agencies, parties.

Extent, as the annotation guide has it: the name as written with its
qualifier (``Bawaslu Kota Pasuruan``, ``KPU RI``, ``Kodim 0999/AB Sleman``,
``Pemerintah Kota (Pemkot) Malang``). A bracketed acronym after a full name
with nothing after it is a mention of its own (``Badan Pengawas Pemilu`` and
``Bawaslu`` in ``Badan Pengawas Pemilu (Bawaslu)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import NAME_WORD_RE, lexicon, scanner
from .names import Context, read_bracket, read_region, read_unit_number, skip_spaces

_WORD_RE = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class OrgMatch:
    start: int
    end: int
    kind: str  # body | fixed | association | government | unit | party

    @property
    def public(self) -> bool:
        """A title before it makes an official (not so for associations, parties)."""
        return self.kind in ("body", "fixed", "government", "unit")


def _qualifier(text: str, pos: int, ctx: Context, before_name: bool, allow_region: bool = True) -> int:
    """End of what qualifies an institution at ``pos`` (``RI``, a region, a unit number)."""
    lex = lexicon()
    q = lex.qualifier_re.match(text, pos)
    if q:
        return q.end()
    end = read_unit_number(text, pos)
    after = skip_spaces(text, end)
    if after > end or end > pos:
        gov = _government(text, after, ctx, before_name)
        if gov is not None:
            return gov
        if allow_region:
            region = read_region(text, after, ctx, before_name)
            if region is not None:
                return region
    return end


def _government(text: str, pos: int, ctx: Context, before_name: bool) -> int | None:
    """``Pemkot Malang``, ``Pemerintah Kabupaten (Pemkab) Sleman``, ``pemkot makassar``."""
    lex = lexicon()
    m = lex.government_re.match(text, pos)
    if not m:
        return None
    head = m.group()
    lower = head.split()[0].islower()
    if not (head[:1].isupper() or lower):
        return None
    end = read_bracket(text, m.end())
    after = skip_spaces(text, end)
    if after == end:
        return None
    region = read_region(text, after, ctx, before_name)
    if region is None and head.islower() and not head.lower().startswith("pemerintah"):
        w = _WORD_RE.match(text, after)
        if w and w.group().title() in ctx.regionish:
            region = w.end()
    if region is None:
        return None
    return region


def org_at(text: str, pos: int, ctx: Context, before_name: bool = False) -> OrgMatch | None:
    """The institution mention starting exactly at ``pos``, or None."""
    lex = lexicon()
    gov = _government(text, pos, ctx, before_name)
    if gov is not None:
        return OrgMatch(pos, gov, "government")
    best: OrgMatch | None = None
    for pattern, kind in (
        (lex.org_fixed_re, "fixed"),
        (lex.org_assoc_re, "association"),
        (lex.org_body_re, "body"),
        (lex.party_re, "party"),
    ):
        m = pattern.match(text, pos)
        if m and (best is None or m.end() > best.end):
            best = OrgMatch(pos, m.end(), kind)
    if best is None:
        unit = _unit(text, pos, ctx, before_name)
        return unit
    if best.kind in ("body", "association"):
        end = best.end
        bracket = read_bracket(text, end)
        qual = _qualifier(text, bracket, ctx, before_name)
        if qual > bracket:
            end = qual
        best = OrgMatch(pos, end, best.kind)
    return best


def _unit(text: str, pos: int, ctx: Context, before_name: bool) -> OrgMatch | None:
    """``Dinas Kesehatan Jateng``, ``Dinas Pemberdayaan Masyarakat dan Desa (DPMD) Sleman``."""
    lex = lexicon()
    m = lex.unit_head_re.match(text, pos)
    if not m:
        return None
    end = m.end()
    n_words = 0
    while True:
        after = skip_spaces(text, end)
        w = NAME_WORD_RE.match(text, after) or re.compile(r"dan(?![\w-])").match(text, after)
        if not w or (w.group() not in lex.role_words):
            break
        end, n_words = w.end(), n_words + (w.group() != "dan")
    if n_words == 0:
        return None
    end = read_bracket(text, end)
    after = skip_spaces(text, end)
    if after > end:
        region = read_region(text, after, ctx, before_name)
        if region is not None:
            end = region
    return OrgMatch(pos, end, "unit")


def find_orgs(text: str, ctx: Context) -> list[OrgMatch]:
    """All ORG mentions, left to right, longest at each position, no overlaps."""
    lex = lexicon()
    starts = set()
    for name in ("org_fixed_re", "org_assoc_re", "org_body_re", "party_re", "government_re", "unit_head_re"):
        starts.update(m.start() for m in scanner(name).finditer(ctx.word_starts))
    found: list[OrgMatch] = []
    last_end = -1
    for pos in sorted(starts):
        if pos < last_end:
            continue
        match = org_at(text, pos, ctx)
        if match is None or match.end <= match.start:
            continue
        if _sentence_initial_party(text, match):
            continue
        if text[match.start : match.end] in lex.orgs["need_qualifier"]:
            continue
        found.append(match)
        last_end = match.end
    return found


def _sentence_initial_party(text: str, match: OrgMatch) -> bool:
    """Short party names that are ordinary words (``Demokrat``) at a sentence start are not parties."""
    if match.kind != "party" or text[match.start : match.end].isupper():
        return False
    before = text[max(0, match.start - 3) : match.start]
    return match.start == 0 or bool(re.search(r"[.!?\n]\s*$", before))
