"""Officials: an office title bound to a name (``Pj Wali Kota Malang, Wahyu Hidayat``,
``Sekda Batanghari M Azan``, ``Haryanto selaku Sekda``).

The role is the title as written, from its acting prefix to the end of its
region or institution (``Pj Wali Kota Malang``, ``Ketua Bawaslu Kota Pasuruan``,
``Penjabat (Pj) Gubernur Sumatera Utara (Sumut)``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...anchors import scanner_of, word_starts
from .chains import is_institution_word, is_public, read_chain
from .lexicon import NAME_WORD_RE, lexicon, scanner
from .mention import PersonMention
from .names import (
    SEP_RE,
    Context,
    read_bracket,
    read_name,
    read_name_before,
    read_region,
    read_unit_number,
    skip_spaces,
)
from .orgs import org_at

_CONNECTOR_BEFORE_RE = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]+(?:selaku|sebagai|yang\s+juga|yang\s+merupakan)[ \t\u00a0]+$")
_DAN_RE = re.compile(r"dan(?![\w-])")
_NUMBER_RE = re.compile(r"\d{1,2}(?![\w/])")
_ACRONYM_WORD_RE = re.compile(r"[A-Z]{2,6}(?![\w-])")
_COMMISSION_RE = re.compile(r"Komisi[ \t\u00a0]+(?:[IVX]{1,4}|[A-E])[ \t\u00a0]+(?=[A-Z])")
#: what ends the clause before an office: punctuation, or the dash between a headline and its lead
_CLAUSE_BREAK_RE = re.compile(r"[.;:!?\n,\"“”]|\s[-–—]+\s|--")
_SOUGHT_RE = re.compile(r"(?<![\w-])(?:calon|paslon|pasangan|bakal)(?![\w-])", re.IGNORECASE)


def office_ok(match: re.Match, prose: bool = False) -> bool:
    """The office is written as a title (``Bupati``/``BUPATI``), not prose (``bupati``).

    ``prose``: accept a lower-case office of an institution (``anggota DPRD Kota X``);
    the caller then demands an appositive name between commas.
    """
    lex = lexicon()
    office = match.group("office")
    titled = office in lex.office_exact or (office.isupper() and len(office) > 2)
    if not titled and not (prose and office.islower() and lex.office_kind.get(office) == "org"):
        return False
    before = match.string[max(0, match.start() - 24) : match.start()]
    if lex.not_after_re.search(before):
        return False
    # ``pasangan calon Gubernur dan Wakil Gubernur, A-B``: offices sought, not held
    clause = _CLAUSE_BREAK_RE.split(match.string[max(0, match.start() - 50) : match.start()])[-1]
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
                # ``Asisten KASN Bidang Pengawasan Netralitas``: the field may follow the body
                return _portfolio_words(text, org.end, lead=True), org.public
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
        commission = _COMMISSION_RE.match(text, after)  # ``Anggota Komisi I DPRD ...``
        if commission:
            after = commission.end()
        org = org_at(text, after, ctx, before_name=True)
        if org is None:
            return None
        # ``Anggota Bawaslu X Bidang Hukum, Penindakan Pelanggaran dan Sengketa``: the member's field
        return _portfolio_words(text, org.end, lead=True), org.public
    if kind == "region":
        unit = read_unit_number(text, end)
        if unit > end:  # ``Dandim 0602/Serang``, ``Danrem 143/Haluoleo``, ``Dandim 1611 Badung``
            after = skip_spaces(text, unit)
            region = read_region(text, after, ctx, before_name=True) if after > unit else None
            return (region if region is not None else unit), True
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


def _portfolio_words(text: str, pos: int, lead: bool = False) -> int:
    """Run over a field of duty: ``3 Bidang Administrasi Umum``, ``Pekerjaan Umum (PU)``,
    ``Pencegahan, Parmas dan Humas`` (a comma inside the list of fields).

    ``lead``: only a ``Bidang``/``Divisi`` word may open the run (after an institution).
    """
    lex = lexicon()
    end = pos
    if lead:
        after = skip_spaces(text, pos)
        if not _FIELD_LEAD_RE.match(text, after) or after == pos:
            return pos
    while True:
        after = skip_spaces(text, end)
        if after == end:
            comma = _FIELD_COMMA_RE.match(text, end)
            w = comma and (NAME_WORD_RE.match(text, comma.end()) or _ACRONYM_WORD_RE.match(text, comma.end()))
            # the comma is inside the list only when another field word and an institution follow
            if w and w.group() in lex.role_words and _more_fields(text, w.end()):
                end = w.end()
                continue
            break
        w = NAME_WORD_RE.match(text, after) or _ACRONYM_WORD_RE.match(text, after)
        if w and w.group() in lex.role_words:
            end = w.end()
            continue
        d = _DAN_RE.match(text, after)
        if d:  # ``dan`` belongs to the field only when a field word follows it
            nxt = skip_spaces(text, d.end())
            w = NAME_WORD_RE.match(text, nxt) or _ACRONYM_WORD_RE.match(text, nxt)
            if nxt > d.end() and w and w.group() in lex.role_words:
                end = w.end()
                continue
            break
        d = _NUMBER_RE.match(text, after)
        if d:
            end = d.end()
            continue
        break
    return read_bracket(text, end)


_FIELD_LEAD_RE = re.compile(r"(?:Bidang|Divisi|Urusan)(?![\w-])")
_FIELD_COMMA_RE = re.compile(r",[ \t\u00a0]+")
_FIELD_END_RE = re.compile(r"[ \t\u00a0]+(?:dan|serta)[ \t\u00a0]+")


def _more_fields(text: str, pos: int) -> bool:
    """After ``Pencegahan, Parmas``: the list goes on (``dan Humas`` / another comma + field)."""
    lex = lexicon()
    probe = pos
    for _ in range(6):
        m = _FIELD_END_RE.match(text, probe) or _FIELD_COMMA_RE.match(text, probe) or _SPACE_RE.match(text, probe)
        if not m:
            return False
        w = NAME_WORD_RE.match(text, m.end()) or _ACRONYM_WORD_RE.match(text, m.end())
        if not w or w.group() not in lex.role_words:
            return bool(w) and m.re is _SPACE_RE and probe != pos
        if m.re is _FIELD_END_RE:
            return True
        probe = w.end()
    return False


_SPACE_RE = re.compile(r"[ \t\u00a0]+")


@lru_cache(maxsize=1)
def _district_re() -> re.Pattern:
    kinds = sorted(lexicon().titles["district_qualifiers"], key=len, reverse=True)
    alt = "|".join(re.escape(k) for k in kinds)
    return re.compile(rf"[ \t\u00a0]*,[ \t\u00a0]*(?:{alt})(?![\w-])[ \t\u00a0]*")


_PLACE_RUN_RE = re.compile(r"[A-Z][\w'’-]*(?:[ \u00a0][A-Z][\w'’-]*){0,3}")
_COMMA_RE = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*")


def _skip_district(text: str, pos: int, ctx: Context) -> int:
    """``Kepala Desa X, Kecamatan Y, Name``: the district qualifier is no part of role or name."""
    m = _district_re().match(text, pos)
    if not m:
        return pos
    end = ctx.region_at(m.end())
    if end is None:
        run = _PLACE_RUN_RE.match(text, m.end())
        if run is None:
            return pos
        end = run.end()
    comma = _COMMA_RE.match(text, end)
    return comma.end() if comma else pos


#: ``Anggota DPRD X dari Fraksi Partai Y (PY), Name``: the member's party faction before the name
_FACTION_RE = re.compile(r"[ \t\u00a0]+(?:dari|asal)[ \t\u00a0]+(?:Fraksi|Partai)[ \t\u00a0]+[A-Z][^,.;:\n\"“”]{0,60},")


def _skip_extra_region(text: str, pos: int, ctx: Context) -> int:
    """``... DPRD Kota Palu Provinsi Sulawesi Tengah H Sulaiman``: skip the second region
    (or the party faction of a council member)."""
    faction = _FACTION_RE.match(text, pos)
    if faction:
        return faction.end()
    district = _skip_district(text, pos, ctx)
    if district > pos:
        return district
    after = skip_spaces(text, pos)
    if after == pos:
        return pos
    for t in lexicon().titles["region_types"]:
        if text.startswith(t + " ", after):
            region = read_region(text, after, ctx, before_name=True)
            return region if region is not None else pos
    return pos


#: ``Kepala Dinas X Kabupaten Y, Maluku Utara``: the province after a comma is no part of the role
_TRAILING_PLACE_RE = re.compile(r",[ \t\u00a0]*(?P<place>[A-Z][\w ]{2,30}?)(?:[ \t\u00a0]*\([^()]{1,20}\))?$")


#: a name, its degrees and a comma right before a title (``Imran, SE, Ketua ...``, ``Budi, anggota ...``)
_APPOSITION_BEFORE_RE = re.compile(
    r"[ \t\u00a0]*,[ \t\u00a0]*(?:(?:[A-Z][A-Za-z]?\.?){1,4}[ \t\u00a0]*,[ \t\u00a0]*){0,3}$"
)
#: what ends an appositive title: a comma, a stop, or a lower-case word (``kepada``, ``dalam``)
#: (not another item of a list: ``Menteri PANRB, Menteri Dalam Negeri, Kepala BKN, ...``)
_APPOSITION_END_RE = re.compile(r"[ \t\u00a0]*(?:[.;:]|,[ \t\u00a0]*[a-z]|[a-z])")
#: a list item before the name (``KPU, Bawaslu, Kepala ...``)
_LIST_BEFORE_RE = re.compile(r"[\w)][ \t\u00a0]*,[ \t\u00a0]*$|[A-Z][\w)]*[ \t\u00a0]+$")


#: ``B sebagai Pjs Bupati Y``: a name followed by a connector and an office of its own
_CONNECTOR_AFTER_RE = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]+(?:selaku|sebagai)[ \t\u00a0]+")


def _binds_later_title(text: str, end: int) -> bool:
    """The name at ``end`` is introduced for the office after it (``B sebagai Bupati Y``)."""
    m = _CONNECTOR_AFTER_RE.match(text, end)
    office = m and lexicon().office_re.match(text, m.end())
    return bool(office and office_ok(office))


def _ends_apposition(text: str, end: int) -> bool:
    return bool(_APPOSITION_END_RE.match(text, end))


def tidy_role(role: str) -> str:
    """The office as written nearest to the name, without a province after a comma."""
    from ..regions import lookup

    m = _TRAILING_PLACE_RE.search(role)
    if m and lookup(m.group("place")):
        role = role[: m.start()]
    return role


#: office kinds whose institution may run longer than the lexicon readers parse
_CHAIN_KINDS = frozenset({"org", "portfolio"})


def _institution_name(text: str, name: tuple[int, int]) -> bool:
    return any(is_institution_word(w.group()) for w in NAME_WORD_RE.finditer(text, name[0], name[1]))


def find_officials(text: str, ctx: Context) -> list[PersonMention]:
    """Every title-bound person, with role; association officers get label None."""
    lex = lexicon()
    found: list[PersonMention] = []
    taken: list[tuple[int, int]] = []
    for m in scanner("office_re").finditer(ctx.word_starts):
        prose = not office_ok(m)
        if prose and not office_ok(m, prose=True):
            continue
        bound = role_end(text, m, ctx)
        if bound is None:
            if prose or lex.office_kind.get(m.group("office").lower()) not in _CHAIN_KINDS:
                continue
            chain = read_chain(text, m.end(), ctx)
            if chain is None or any(s < chain[1][1] and chain[1][0] < e for s, e in taken):
                continue
            if not is_public(text[m.start() : chain[0]]):
                continue  # ``Ketua Komunitas Pecinta Alam, Budi``: no public office
            taken.append(chain[1])
            found.append(PersonMention(*chain[1], "OFFICIAL", role=tidy_role(text[m.start() : chain[0]].strip(" ,"))))
            continue
        end, public = bound
        if prose and (end == m.end() or not public):
            continue
        role = text[m.start() : end].strip(" ,")
        name = None
        after = _skip_extra_region(text, end, ctx)
        sep = SEP_RE.match(text, after)
        if sep is not None:
            name = read_name(text, sep.end(), ctx)
            if name is not None and _binds_later_title(text, name[1]):
                name = None  # ``A sebagai Pjs Bupati X, B sebagai Pjs Bupati Y``: B has its own
        if name is None and public and _ends_apposition(text, end):
            # ``kata Imran, SE, Ketua Panwaslih Aceh Tamiang kepada ...``: the title after its name
            before = _APPOSITION_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
            if before is not None:
                name = read_name_before(text, before.start())
                if name is not None and (read_name(text, name[0], ctx) != name
                                         or _LIST_BEFORE_RE.search(text, max(0, name[0] - 30), name[0])):
                    name = None
                if name is not None:
                    prose = False
        if prose:
            # ``seorang anggota DPRD Kota X, Budi Santoso, melapor``: only an appositive,
            # or a quoted speaker (``kata anggota Bawaslu RI Puadi di ...``)
            appositive = name is not None and "," in sep.group() and text.startswith(",", name[1])
            speaker = name is not None and lex.speech_before_re.search(text, max(0, m.start() - 20), m.start())
            if not (appositive or speaker):
                continue
        elif name is None:
            before = _CONNECTOR_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
            if before is not None:
                name = read_name_before(text, before.start())
        if not prose and public and (name is None or _institution_name(text, name)) and (
            lex.office_kind.get(m.group("office").lower()) in _CHAIN_KINDS
        ):
            chain = read_chain(text, m.end(), ctx)
            if chain is not None:
                end, name = chain
                role = text[m.start() : end].strip(" ,")
            elif name is not None:
                continue  # ``Kepala Dinas Kelautan``: a field of duty, not a name
        if name is None or any(s < name[1] and name[0] < e for s, e in taken):
            continue
        if lex.office_re.match(text, name[0]):
            continue
        taken.append(name)
        found.append(PersonMention(name[0], name[1], "OFFICIAL" if public else None, role=tidy_role(role)))
    return found + _ranked(text, ctx, taken)


_RETIRED_RE = re.compile(r"(?<![\w-])Purn?(?![\w-])")


def _ranked(text: str, ctx: Context, taken: list[tuple[int, int]]) -> list[PersonMention]:
    """``Letkol Inf Yoga``, ``Kombes Iskandar``: an officer named by rank (role from linking);
    not a street or venue named after one (``Jalan Jenderal Sudirman``)."""
    lex = lexicon()
    found = []
    for m in scanner_of(lex.rank_head_re).finditer(word_starts(text)):
        if lex.not_after_re.search(text, max(0, m.start() - 24), m.start()):
            continue
        name = read_name(text, m.start(), ctx)
        if name is None or name[0] == m.start() or any(s < name[1] and name[0] < e for s, e in taken):
            continue
        if _RETIRED_RE.search(text, m.start(), name[0]):
            continue  # ``Mayjen (Purn) X``: a retired officer holds no office by rank
        taken.append(name)
        found.append(PersonMention(name[0], name[1], "OFFICIAL", source="rank"))
    return found
