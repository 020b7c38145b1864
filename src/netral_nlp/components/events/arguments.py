"""Event arguments: date, region, actors and participants from the Doc's other layers."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ...resources import read_json
from ...spans import group, labelled
from ...tokenizer import doc_text
from .triggers import Candidate, cues

#: date kinds that can date a reported happening
EVENT_KINDS = ("event_date", "publication", "other")
#: types whose date is taken from the article's event date when their sentence has none;
#: not supervision, which goes on (patrols, monitoring) and is dated only by its own sentence
#: or a neighbour (grouped CV over the real articles: event date accuracy 0.892 -> 0.908)
DATED_BY_ARTICLE = ("pledge", "socialization", "directive")
REGION_PREFERENCE = ("city", "regency")
#: characters before a trigger where a national acting body is looked for
NATIONAL_REACH = 150
#: characters from the article's start where its main acting body is looked for
ARTICLE_BODY_REACH = 300


@dataclass(frozen=True)
class Layers:
    """What the arguments are read from, collected once per document."""

    text: str
    #: (start, end, ISO day, kind) of day-level date mentions
    dates: list[tuple[int, int, str, str]]
    #: (start, end, fields) of REGION mentions
    regions: list[tuple[int, int, dict]]
    #: OFFICIAL and ORG mentions as actor dicts
    agents: list[dict]

    @classmethod
    def of(cls, doc: Doc) -> Layers:
        text = doc_text(doc)
        agents = [
            {"start": s.start_char, "end": s.end_char, "text": text[s.start_char : s.end_char], "label": s.label_}
            for s in group(doc, "entities")
            if s.label_ in ("OFFICIAL", "ORG")
        ]
        return cls(text, _dates(doc), labelled(doc, "entities", "REGION"), agents)


def _day_value(value: str | None) -> str | None:
    """The day a date value names (a range's start), or None for month-only values."""
    if not value:
        return None
    first = value.split("/")[0]
    return first if len(first) == 10 else None


def _dates(doc: Doc) -> list[tuple[int, int, str, str]]:
    out = []
    for start, end, fields in labelled(doc, "dates", "DATE"):
        day = _day_value(fields.get("value"))
        if day:
            out.append((start, end, day, fields.get("kind", "other")))
    return out


def article_event_date(layers: Layers) -> str | None:
    """The first date the article gives as an event date."""
    for _, _, day, kind in layers.dates:
        if kind == "event_date":
            return day
    return None


def _told_as_earlier(text: str, cand: Candidate) -> bool:
    """``sudah``/``telah``/``sejak`` before the trigger: a happening before the reported one,
    which the article's event date does not date."""
    clause = text[cand.sent_start : cand.start]
    return bool(cues()["earlier"].search(clause))


def event_date(layers: Layers, cand: Candidate, neighbours: list[tuple[int, int]]) -> str | None:
    """Date in the trigger's sentence, else a neighbouring sentence, else the article's
    event date (unless the sentence tells of something done earlier)."""
    dates = [d for d in layers.dates if d[3] in EVENT_KINDS]
    earlier = _told_as_earlier(layers.text, cand)
    for lo, hi in [(cand.sent_start, cand.sent_end), *([] if earlier else neighbours)]:
        inside = [d for d in dates if lo <= d[0] < hi]
        if inside:
            return inside[0][2]
    if cand.type in DATED_BY_ARTICLE and not earlier:
        return article_event_date(layers)
    return None


@lru_cache(maxsize=4096)
def _parent_canonical(code: str) -> str | None:
    """Canonical name of the regency/city that contains a district or village code."""
    from ..regions.gazetteer import canonical_name  # the model's stored tables: no lokal import

    return canonical_name(".".join(code.split(".")[:2]))


def _local_canonical(fields: dict) -> str | None:
    """City/regency-level canonical of a region mention (districts map to their parent)."""
    level, code = fields.get("level"), fields.get("code")
    if level in REGION_PREFERENCE:
        return fields.get("canonical")
    if level in ("district", "village") and code:
        return _parent_canonical(code)
    return None


def _body_area(fields: dict) -> str | None:
    """The area a body named with this region serves: a district body (``Panwaslu
    Kecamatan X``, ``Camat X``) its district, any other its city/regency or province."""
    if fields.get("level") == "district" and fields.get("canonical"):
        return fields["canonical"]
    return _local_canonical(fields) or fields.get("canonical")


def article_region(layers: Layers) -> str | None:
    """Where the article happens: the area of the body its lead names
    (:func:`article_body_region`), else its dateline region, else its most mentioned
    city/regency, else its most mentioned province."""
    regions = layers.regions
    if not regions:
        return None
    body = article_body_region(layers)
    if body:
        return body
    dateline = _dateline(layers)
    if dateline:
        return dateline
    local = Counter(c for _, _, f in regions if (c := _local_canonical(f)))
    if local:
        return local.most_common(1)[0][0]
    provinces = Counter(f.get("canonical") for _, _, f in regions if f.get("canonical"))
    return provinces.most_common(1)[0][0] if provinces else None


def _dateline(layers: Layers) -> str | None:
    """The dateline region: a capitalised region before a dash in the first lines."""
    text = layers.text
    first_lines = text[: max(400, text.find("\n", 200))]
    for start, _, fields in layers.regions:
        if start < len(first_lines) and re.search(r"[–—-]", text[start : start + 40]) and (
            text[start : start + 40].split()[0].isupper()
        ):
            local = _local_canonical(fields) or fields.get("canonical")
            if local:
                return local
    return None


def article_body_region(layers: Layers) -> str | None:
    """The area of the first body or office the article names with a region
    (``Bawaslu Provinsi Papua Selatan``, ``Pj Gubernur Sumut``): where the article's
    events happen when their own sentence names neither venue nor body. An office named as
    a place (``di Wiswa Sabha, Kantor Gubernur Bali``) is no acting body."""
    text = layers.text
    for start, _, fields in layers.regions:
        if start > ARTICLE_BODY_REACH:
            break
        place = cues()["venue"].search(text[max(0, start - 60) : start])
        if not place and cues()["acting_body"].search(text[max(0, start - 35) : start]):
            return _body_area(fields)
    return None


def event_region(layers: Layers, cand: Candidate, fallback: str | None) -> str | None:
    """The venue: a region introduced by ``di`` after the trigger in its sentence (not one
    naming an office: ``Kantor Gubernur Bali``), or, when no body acts before the trigger,
    any city/regency named after it (``arahan kepada Babinsa wilayah Purwakarta`` is the
    audience of ``Kapolda Jabar``, not the venue);
    else the area of the acting body (:func:`acting_body_region`); else none when a
    national body acts (``Kemendagri``, ``KASN``); else the article's region (its
    dateline first)."""
    text = layers.text
    acting = acting_body_region(layers, cand)
    for start, _, fields in layers.regions:
        if not cand.end <= start < cand.sent_end:
            continue
        named_office = cues()["institution_before"].search(text[max(0, start - 25) : start])
        venue = not named_office and cues()["venue"].search(text[max(cand.end, start - 60) : start])
        local = _local_canonical(fields)
        if local and (venue or not acting):
            return local
        if venue:
            return fields.get("canonical") or fallback
    if acting:
        return acting
    before = text[max(cand.sent_start, cand.start - NATIONAL_REACH) : cand.start]
    if cues()["national_body"].search(before):
        return None  # 'Kemendagri mengirimkan surat edaran': a national body, no venue named
    if fallback and _national_seat() in fallback and cues()["bare_election_body"].search(before):
        return None  # 'JAKARTA - Bawaslu menemukan 425 pelanggaran': Bawaslu RI
    return fallback


@lru_cache(maxsize=1)
def _national_seat() -> str:
    return str(read_json("events/cues.json")["national_seat"])


def acting_body_region(layers: Layers, cand: Candidate) -> str | None:
    """The area of the body or office acting before the trigger in its sentence
    (``Bawaslu Kota Ternate`` -> Kota Ternate, ``Pj Gubernur Kalbar`` -> Kalimantan
    Barat): the region nearest the trigger that an institution word names."""
    text = layers.text
    for start, _, fields in reversed(layers.regions):
        if not cand.sent_start <= start < cand.start:
            continue
        if cues()["acting_body"].search(text[max(cand.sent_start, start - 35) : start]):
            return _body_area(fields)
    return None


def actors(layers: Layers, cand: Candidate) -> list[dict]:
    """OFFICIAL and ORG mentions in the trigger's sentence, those before the trigger first."""
    found = [dict(a) for a in layers.agents if cand.sent_start <= a["start"] < cand.sent_end]
    before = [a for a in found if a["start"] < cand.start]
    return before or found


@lru_cache(maxsize=1)
def _participants_re() -> re.Pattern[str]:
    """A count followed by a participant group (``8 kepala OPD``) from cues.json."""
    groups = sorted(read_json("events/cues.json")["participant_groups"], key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, g.split())) for g in groups)
    return re.compile(rf"\b(\d[\d.]*)\s+(?:{alternatives})\b", re.IGNORECASE)


def participants(text: str, cand: Candidate) -> str | None:
    """Counted participants stated in the sentence (``8 kepala OPD, 4 camat``)."""
    sentence = text[cand.sent_start : cand.sent_end]
    counts = [m.group(0) for m in _participants_re().finditer(sentence)]
    return ", ".join(counts) if counts else None
