"""Event region as a learned choice: every region the article names (with the regency or
city its districts and villages lie in, and the province of each) and null are the
candidates of an event, each described by binary feature tokens (where its mentions
stand from the trigger and in which role: venue, acting body, office; the dateline, the
lead's body, the article region, its level; whether the hand-written cascade of
:mod:`.arguments` picked it); :class:`.region_ranker.RegionRanker` scores them and the
best one is the event's region.

Why learned: annotators place an event at the venue, the acting body's area, the
dateline or nowhere by habits no ordered rule list captures (a dateline on the national
seat is null more often than not, a district named with the trigger wins over its
regency); the cascade's answer stays a feature, so the ranker departs from it only where
the gold data says so. Counts, distances and parent/child/capital relations were tried
as features too and generalised worse (grouped CV), so they are left out.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...resources import packaged_text
from . import arguments
from .triggers import Candidate, cues

#: the ranker's own cues, copied beside a trained ranker (``RegionRanker.save``)
CUES_FILE = "region_cues.json"
#: where a name comes from: the mention's own region, the regency/city a district or
#: village lies in, the province of any of them
DIRECT, PARENT, PROVINCE = "direct", "parent", "province"
#: a candidate named (or held, for a district) by a venue place in the trigger's sentence
PLACE_TOKENS = frozenset(f"{scope}:place:{origin}" for scope in ("before", "after") for origin in (DIRECT, PARENT))
#: a regional body or office named before the trigger in its sentence (``Pemprov Riau menerima
#: rekomendasi KASN``): the national agent after the trigger then leaves the event there
BODY_BEFORE = frozenset(f"before:{role}:{DIRECT}" for role in ("body", "office"))
#: levels below a regency: a venue there is placed at its regency or city (gold practice)
LOCAL_LEVELS = frozenset(("lvl:district", "lvl:village"))


@dataclass(frozen=True)
class RegionCues:
    """The patterns and reaches the features read (``events/region_cues.json``)."""

    venue_before: re.Pattern[str]
    place_before: re.Pattern[str]
    place_reach: int
    destination: re.Pattern[str]
    dateline_before: re.Pattern[str]
    dateline_after: re.Pattern[str]
    national_after_reach: int
    dateline_reach: int

    @classmethod
    def read(cls, path: str | Path | None = None) -> RegionCues:
        """From a saved copy (``path``) or the packaged file."""
        text = Path(path).read_text(encoding="utf-8") if path else packaged_text(f"events/{CUES_FILE}")
        return _parse_cues(text)


@lru_cache(maxsize=8)
def _parse_cues(text: str) -> RegionCues:
    data = json.loads(text)

    def pattern(name: str) -> re.Pattern[str]:
        return re.compile(data[name], re.IGNORECASE)

    return RegionCues(
        pattern("venue_before"),
        # a ranker stored with cues older than the venue place reads no place
        pattern("place_before") if "place_before" in data else re.compile(r"(?!)"),
        int(data.get("place_reach", 0)),
        pattern("destination"),
        pattern("dateline_before"),
        pattern("dateline_after"),
        int(data["national_after_reach"]),
        int(data["dateline_reach"]),
    )


@lru_cache(maxsize=4096)
def _names(level: str | None, code: str, canonical: str | None) -> tuple[tuple[str, str, str], ...]:
    """(name, level, origin) a REGION mention stands for."""
    out: list[tuple[str, str, str]] = []
    if canonical and level:
        out.append((canonical, level, DIRECT))
    from ..regions.gazetteer import canonical_name  # the model's stored tables

    parts = code.split(".") if code else []
    if level in ("district", "village") and len(parts) >= 3:
        parent = canonical_name(".".join(parts[:2]))
        if parent:
            out.append((parent, "city" if parent.startswith("Kota ") else "regency", PARENT))
    if level != "province" and parts:
        province = canonical_name(parts[0])
        if province:
            out.append((province, "province", PROVINCE))
    return tuple(out)


class RegionContext:
    """What every event of one document reads, built once per doc: the mentions' names
    (and, on demand, their roles), the cascade's dateline, lead body and article region,
    a dateline in any case, whether the lead's body is a national one, and each name's
    level."""

    def __init__(self, layers: arguments.Layers, fallback: str | None, own: RegionCues) -> None:
        self.text = layers.text
        self.own = own
        self.fallback = fallback
        self.dateline = arguments._dateline(layers)
        self.dateline_any = _dateline_any(layers, own)
        self.lead_body = arguments.article_body_region(layers)
        self.seat = arguments._national_seat()
        #: the article's lead names a national body and no regional one (``Bawaslu RI
        #: mengingatkan ...``): the regions it names later are more often what the national
        #: body speaks about than where its events happen
        self.national_lead = not self.lead_body and bool(
            cues()["national_body"].search(self.text[: arguments.ARTICLE_BODY_REACH])
        )
        self.ends = [end for _, end, _ in layers.regions]
        self.starts = [start for start, _, _ in layers.regions]
        self.names = [
            _names(fields.get("level"), fields.get("code") or "", fields.get("canonical"))
            for _, _, fields in layers.regions
        ]
        self.levels: dict[str, str] = {}
        for names in self.names:
            for name, level, _ in names:
                self.levels.setdefault(name, level)
        self._roles: dict[int, tuple[str, ...]] = {}
        #: name -> the tokens that do not depend on the event
        self.fixed: dict[str, list[str]] = {}

    def fixed_tokens(self, name: str) -> list[str]:
        """A name's tokens that every event of the doc shares: its level, and whether it
        is the dateline, the lead's body, the article region, the national seat."""
        if name not in self.fixed:
            level = self.levels.get(name, "unknown")
            on = [
                flag
                for flag, value in (
                    ("dateline", name == self.dateline),
                    ("dateline_any", name == self.dateline_any),
                    ("lead_body", name == self.lead_body),
                    ("fallback", name == self.fallback),
                    ("seat", self.seat in name),
                )
                if value
            ]
            tokens = ["name", f"lvl:{level}", *on, *(f"{flag}&lvl:{level}" for flag in on)]
            if "seat" in on:
                tokens += [f"seat&{flag}" for flag in on if flag != "seat"]
            self.fixed[name] = tokens
        return self.fixed[name]

    def roles(self, index: int) -> tuple[str, ...]:
        """``any`` plus what the words before mention ``index`` make it: ``venue`` (``di``,
        ``bertempat di`` a few words before), ``place`` (a venue named as a place:
        ``di Hotel Aston Kupang``), ``body`` (an institution word just before:
        ``Bawaslu Kota``, ``Pj Gubernur``), ``office`` (an office named as a place or
        owner: ``Kantor Gubernur``, ``Pemkot``). Read only for mentions near an event."""
        if index not in self._roles:
            text, start, shared = self.text, self.starts[index], cues()
            found = (
                ("venue", self.own.venue_before.search(text[max(0, start - 40) : start])),
                ("place", self._place(index)),
                ("body", shared["acting_body"].search(text[max(0, start - 35) : start])),
                ("office", shared["institution_before"].search(text[max(0, start - 25) : start])),
            )
            self._roles[index] = ("any",) + tuple(role for role, hit in found if hit)
        return self._roles[index]

    def _place(self, index: int) -> bool:
        """Whether mention ``index`` ends a venue named as a place, with no other region
        between the place and it (``di Kota Pekanbaru, Riau``: Riau only says where the
        city lies)."""
        start = self.starts[index]
        low = max(0, start - self.own.place_reach)
        found = self.own.place_before.search(self.text[low:start])
        return bool(found) and (index == 0 or self.ends[index - 1] <= low + found.start())


def _dateline_any(layers: arguments.Layers, own: RegionCues) -> str | None:
    """The region of a dateline in any case (``Medan (ANTARA) -``, ``Ambon, Tribun
    Maluku.``, ``GOPOS.ID, GORONTALO -``); the cascade's own dateline wants capitals."""
    text = layers.text
    for start, end, fields in layers.regions:
        if start > own.dateline_reach:
            break
        line = text[text.rfind("\n", 0, start) + 1 : start]
        if own.dateline_before.search(line) and own.dateline_after.search(text[end : end + 45]):
            return arguments._local_canonical(fields) or fields.get("canonical")
    return None


def _national_after(ctx: RegionContext, cand: Candidate) -> str | None:
    """A national body named in the trigger or just after it: the event's agent
    (``rekomendasi KASN``, ``instruksi Kapolri``) or, after ``ke``/``kepada``, where a
    report goes (``dilaporkan ke KASN``), which leaves the event where it was."""
    window = ctx.text[cand.start : min(cand.sent_end, cand.end + ctx.own.national_after_reach)]
    found = cues()["national_body"].search(window)
    if not found:
        return None
    if ctx.own.destination.search(window[: found.start()]):
        return "national_after_destination"
    return "national_after"


def _place_counts(scope: str, origin: str) -> bool:
    """A venue place counts in the trigger's own sentence, for the region it names and
    the regency or city holding it; the province around it is no venue."""
    return scope != "next" and origin != PROVINCE


def decided(candidates: Sequence[tuple[str | None, Sequence[str]]]) -> tuple[bool, str | None]:
    """(True, region) where record-format's own order settles the event before the ranker:
    a venue named as a place in the trigger's sentence gives its city, regency or province
    (a district's regency or city; only when it names one region); else a national body
    acting in the trigger or just after it (``rekomendasi KASN``, ``ditegur Kemendagri``)
    gives null, unless a regional body or office named before the trigger receives it
    (``Pemprov Riau menerima rekomendasi KASN``); else a national body acting before the
    trigger in a sentence that names no region (``Panglima TNI telah menginstruksikan ...``)
    gives null over the dateline and the article's region. (False, None) otherwise: the
    ranker chooses.

    Rules rather than features: learned as features, these few events (about 15, 13 and
    30 of 374 gold events) could not outweigh the dateline, article-region and
    national-seat weights, and the grouped CV did not move; as rules, the event region
    accuracy rose (benchmarks/README.md).
    """
    places = {
        name
        for name, tokens in candidates
        if name is not None and PLACE_TOKENS.intersection(tokens) and not LOCAL_LEVELS.intersection(tokens)
    }
    if len(places) == 1:
        return True, places.pop()
    null_tokens = next((tokens for name, tokens in candidates if name is None), ())
    if "null&national_after" in null_tokens and not any(
        BODY_BEFORE.intersection(tokens) for name, tokens in candidates if name is not None
    ):
        return True, None
    if "null&national" in null_tokens and "null&nothing_in_sentence" in null_tokens:
        return True, None
    return False, None


def _scope(cand: Candidate, start: int, neighbours: list[tuple[int, int]]) -> str | None:
    if cand.sent_start <= start < cand.start:
        return "before"
    if cand.end <= start < cand.sent_end:
        return "after"
    if any(lo <= start < hi for lo, hi in neighbours):
        return "next"
    return None


def candidates(
    ctx: RegionContext, cand: Candidate, pick: str | None, neighbours: list[tuple[int, int]]
) -> list[tuple[str | None, list[str]]]:
    """Every candidate region of one event (null first) with its feature tokens."""
    text = ctx.text
    before = text[max(cand.sent_start, cand.start - arguments.NATIONAL_REACH) : cand.start]
    shared = cues()
    national = bool(shared["national_body"].search(before))
    near: dict[str, set[str]] = {}
    lo = min([cand.sent_start, *(a for a, _ in neighbours)])
    hi = max([cand.sent_end, *(b for _, b in neighbours)])
    in_sentence = False
    for index in range(bisect_left(ctx.starts, lo), bisect_left(ctx.starts, hi)):
        scope = _scope(cand, ctx.starts[index], neighbours)
        if scope is None:
            continue
        in_sentence = in_sentence or scope != "next"
        roles = ctx.roles(index)
        for name, _, origin in ctx.names[index]:
            near.setdefault(name, set()).update(
                f"{scope}:{role}:{origin}" for role in roles if role != "place" or _place_counts(scope, origin)
            )
    null = ["null", f"null&type:{cand.type}"]
    flags = (
        ("pick", pick is None),
        ("national", national),
        ("bare", bool(shared["bare_election_body"].search(before))),
        ("seat_dateline", bool(ctx.dateline) and ctx.seat in (ctx.dateline or "")),
        ("nothing_in_sentence", not in_sentence),
        ("no_regions", not ctx.starts),
        ("national_lead", ctx.national_lead),
    )
    null += [f"null&{name}" for name, on in flags if on]
    after = _national_after(ctx, cand)
    if after:
        null.append(f"null&{after}")
    out: list[tuple[str | None, list[str]]] = [(None, null)]
    names = ctx.levels if pick is None or pick in ctx.levels else {**ctx.levels, pick: "unknown"}
    for name in names:
        tokens = near.get(name, ())
        fixed = ctx.fixed_tokens(name)
        if not tokens and name != pick and not national:
            out.append((name, fixed))  # a name far from the event: its doc-wide tokens only
            continue
        features = [*fixed, *sorted(tokens)]
        for flag, on in (("pick", name == pick), ("national", national)):
            if on:
                features += [flag, f"{flag}&{fixed[1]}"]
                if ctx.seat in name:
                    features.append(f"seat&{flag}")
        out.append((name, features))
    return out
