"""Choosing one region per mention, from its own context and the article's.

Order of evidence: the mention's own type/office/org word; the same name
resolved elsewhere in the article (nearest first); the provinces the article
is about; a province over a same-named city or regency; a provincial capital
over its same-named regency. Whatever is still ambiguous gets no code.
"""

from __future__ import annotations

import re

from .finder import Mention
from .gazetteer import Region, gazetteer

#: what may stand between two items of a list of regions
_LIST_GAP = re.compile(r"^[ \t]*(?:,|,?[ \t]*(?:dan|serta|atau))[ \t]*$")


def _narrow(mention: Mention) -> list[Region]:
    if mention.hint:
        same = [r for r in mention.candidates if r.level == mention.hint]
        if same:
            return same
    return list(mention.candidates)


def _nearest(mention: Mention, resolved: list[Mention], codes: set[str]) -> Region | None:
    """The resolution of the nearest resolved mention that is one of ``codes``."""
    near = [m for m in resolved if m.chosen and m.chosen.code in codes]
    if not near:
        return None
    return min(near, key=lambda m: abs(m.start - mention.start)).chosen


def _in_list(text: str, ordered: list[Mention], i: int) -> bool:
    """True when mention ``i`` is an item of a list whose neighbour is a sure mention."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(ordered) and not ordered[j].weak:
            a, b = sorted((ordered[i], ordered[j]), key=lambda m: m.start)
            if _LIST_GAP.match(text[a.end : b.start]):
                return True
    return False


def _list_level(text: str, ordered: list[Mention], mention: Mention) -> str | None:
    """The one level of the resolved items of the list ``mention`` stands in, if any."""
    i = ordered.index(mention)
    levels = set()
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(ordered):
            a, b = sorted((ordered[j], ordered[j + step]), key=lambda x: x.start)
            if not _LIST_GAP.match(text[a.end : b.start]):
                break
            j += step
            if ordered[j].chosen is not None:
                levels.add(ordered[j].chosen.level)
    return levels.pop() if len(levels) == 1 else None


def resolve(mentions: list[Mention], text: str = "") -> list[Mention]:
    """Set ``chosen`` where the evidence allows; drop weak and orphan mentions."""
    ordered = sorted(mentions, key=lambda m: m.start)
    changed = bool(text)
    while changed:  # a list confirms its items one neighbour at a time
        changed = False
        for i, m in enumerate(ordered):
            if m.weak and _in_list(text, ordered, i):
                m.weak, changed = False, True
    g = gazetteer()
    pending = []
    for m in mentions:
        options = _narrow(m)
        if len(options) == 1 and not m.needs_parent:
            m.chosen = options[0]
        else:
            pending.append((m, options))
    resolved = [m for m in mentions if m.chosen and not m.weak]
    # a dateline names the town a report comes from: where a province and a city share the
    # name (``JAMBI –``) and nothing else in the article settles which, it is the city
    for m, options in pending:
        if m.dateline and not m.hint and not _nearest(m, resolved, {r.code for r in options}):
            levels = [r.level for r in options]
            if "province" in levels and levels.count("city") == 1:
                m.chosen = options[levels.index("city")]
    pending = [(m, options) for m, options in pending if m.chosen is None]
    resolved += [m for m in mentions if m.chosen and not m.weak and m not in resolved]
    confirmed = {m.chosen.code for m in resolved}
    provinces = {m.chosen.province for m in resolved}
    for m, options in pending:
        codes = {r.code for r in options}
        choice = _nearest(m, resolved, codes)
        if choice is None and m.needs_parent:
            parents = [r for r in options if r.parent in confirmed]
            choice = parents[0] if len(parents) == 1 else None
            if choice is None:
                continue
        if choice is None and text:
            # ``Pekalongan, Sukoharjo, Banjarnegara dan Purbalingga``: a list of regencies
            level = _list_level(text, ordered, m)
            same = [r for r in options if r.level == level]
            choice = same[0] if len(same) == 1 else None
        if choice is None:
            local = [r for r in options if r.province in provinces]
            if len(local) == 1 and len({r.province for r in options}) > 1:
                choice = local[0]
        if choice is None:
            top = [r for r in options if r.level == "province"]
            capital = [r for r in options if r.code in g.capitals]
            choice = (top[0] if len(top) == 1 else capital[0] if len(capital) == 1 else None)
        if choice is None and len(options) == 1:
            choice = options[0]
        m.chosen = choice
        m.candidates = options
    out = []
    for m in mentions:
        if m.needs_parent and m.chosen is None:
            continue
        if m.weak and (m.person or not (m.chosen and m.chosen.code in confirmed)):
            continue  # a person-read name needs a list around it, not just a namesake
        out.append(m)
    return out


def fields(mention: Mention) -> dict[str, str | None]:
    """The REGION fields of a resolved (or unresolved) mention."""
    if mention.chosen:
        return {"level": mention.chosen.level, "code": mention.chosen.code,
                "canonical": mention.chosen.canonical}
    levels = {r.level for r in mention.candidates}
    return {"level": levels.pop() if len(levels) == 1 else None, "code": None, "canonical": None}
