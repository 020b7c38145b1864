"""The rule item found in a text, before classification."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Item:
    """One rule candidate: an enumerated item or a prose sentence.

    ``lead_in`` is the text that introduces the item's list (used for
    modality, subject and deciding whether the list states rules at all);
    ``parent_text`` the text of the parent item of a nested list.
    """

    start: int
    end: int
    marker: str | None = None
    kind: str = "prose"  # num | alpha | bullet | ordinal | sequence | prose
    value: int = 0
    parent: str | None = None
    parent_text: str = ""
    lead_in: str = ""
    list_id: int = -1
    extra: dict = field(default_factory=dict)
