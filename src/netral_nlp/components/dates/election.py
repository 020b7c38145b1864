"""Which election(s) an article is about: ``Pemilu 2024``, ``Pilkada 2024`` (+ region).

Election names come from ``resources/dates/elections.json``. A local election
takes the REGION written next to it (``Pilkada Kota Malang``, ``Pilgub Jateng
2024``, ``Pilkada 2024 di Kota Padang``) from ``doc.spans["entities"]`` when
another component made them, else its region is null.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from ...anchors import scanner_of, word_starts
from ...resources import read_json
from ...spans import labelled
from ...tokenizer import doc_text
from .intervals import Intervals


@dataclass(frozen=True)
class _Elections:
    name_re: re.Pattern[str]
    type_of: dict[str, str]  # lower-cased name (spaces normalised) -> type
    label: dict[str, str]
    local: frozenset[str]
    year_re: re.Pattern[str]  # fillers then a year, at the start of a string
    joiner_re: re.Pattern[str]  # what may stand between a name and its region
    institution_re: re.Pattern[str]  # an institution word ending a string (Komisi ...)
    year_from: dict[str, str]


@lru_cache(maxsize=1)
def _data() -> _Elections:
    data = read_json("dates/elections.json")
    type_of = {name.lower(): t for t, spec in data["types"].items() for name in spec["names"]}
    names = sorted(type_of, key=len, reverse=True)
    alternation = "|".join(r"\s+".join(re.escape(p) for p in n.split()) for n in names)
    fillers = "|".join(re.escape(f) for f in sorted(data["fillers"], key=len, reverse=True))
    joiners = "|".join(re.escape(j) for j in data["region_joiners"])
    return _Elections(
        name_re=re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE),
        type_of=type_of,
        label={t: spec["label"] for t, spec in data["types"].items()},
        local=frozenset(t for t, spec in data["types"].items() if spec["local"]),
        year_re=re.compile(rf"^(?:[^\S\n]+(?:{fillers}))*[^\S\n]+(?P<year>(?:19|20)\d{{2}})(?!\d)", re.IGNORECASE),
        joiner_re=re.compile(rf"^[^\S\n]*(?:(?:{joiners})[^\S\n]*)?$", re.IGNORECASE),
        institution_re=re.compile(
            rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in data['institution_words'])})[^\S\n]*$", re.IGNORECASE
        ),
        year_from=dict(data["year_from"]),
    )


def _regions(doc: Doc) -> dict[int, tuple[int, str]]:
    """REGION spans by start offset: (end, canonical name)."""
    text = doc_text(doc)
    return {
        start: (end, fields.get("canonical") or text[start:end])
        for start, end, fields in labelled(doc, "entities", "REGION")
    }


def _region_at(text: str, pos: int, regions: dict[int, tuple[int, str]], d: _Elections) -> tuple[int, str] | None:
    """A REGION that follows ``pos`` with only a joiner between."""
    for start in sorted(s for s in regions if pos <= s <= pos + 8):
        if d.joiner_re.match(text[pos:start]):
            return regions[start]
    return None


def detect_elections(
    doc: Doc, skip: Intervals | None = None, text: str | None = None
) -> list[dict[str, Any]]:
    """Elections named in the article, most mentioned first (plain data for ``doc._.election``)."""
    text = doc.text if text is None else text
    return find_elections(text, _regions(doc), skip)


def find_elections(
    text: str, regions: dict[int, tuple[int, str]] | None = None, skip: Intervals | None = None
) -> list[dict[str, Any]]:
    """Elections named in ``text``; ``regions`` (start -> (end, canonical)) fills local ones."""
    d = _data()
    regions = regions or {}
    skip = skip or Intervals()
    found: list[tuple[str, int | None, str | None]] = []
    for match in scanner_of(d.name_re).finditer(word_starts(text)):  # names open a word
        start, end = match.span()
        if skip.overlaps(start, end):
            continue
        if d.institution_re.search(text[max(0, start - 30) : start]):
            continue  # Komisi Pemilihan Umum, Badan Pengawas Pemilu: an institution
        kind = d.type_of[" ".join(match.group(0).lower().split())]
        year = region = None
        pos = end
        if kind in d.local and (hit := _region_at(text, pos, regions, d)):
            pos, region = hit
        year_match = d.year_re.match(text[pos : pos + 40])
        if year_match:
            year = int(year_match.group("year"))
            pos += year_match.end()
        if kind in d.local and region is None and (hit := _region_at(text, pos, regions, d)):
            region = hit[1]
        found.append((kind, year, region))

    years: dict[str, Counter] = {}
    for kind, year, _ in found:
        if year is not None:
            for key in {kind, d.year_from.get(kind, kind)}:
                years.setdefault(key, Counter())[year] += 1
    counts: Counter = Counter()
    for kind, year, region in found:
        if year is None:
            source = years.get(kind) or years.get(d.year_from.get(kind, kind))
            if source:
                year = source.most_common(1)[0][0]
        counts[(kind, year, region)] += 1
    any_year = any(y is not None for _, y, _ in counts)
    with_region = {(k, y) for k, y, r in counts if r is not None}
    out = []
    for (kind, year, region), _ in counts.most_common():
        if region is None and ((kind, year) in with_region or (year is None and any_year)):
            continue  # a generic 'pemilu' in an article about Pilkada 2024
        name = d.label[kind] if year is None else f"{d.label[kind]} {year}"
        out.append({"name": name, "type": kind, "year": year, "region": region})
    return out
