"""The plain record of a person mention that the finders hand to precedence."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PersonMention:
    """A person's name in the text and what the article says they are.

    ``source``: ``title`` (bound to an office or candidate title), ``pair``
    (one of a candidate pair), ``alias``, ``link`` (a later short mention),
    ``model`` (a statistical PERSON accepted by the domain layer).
    ``label`` None means "a person we know is not an official" (an
    association's chair): kept so that its short mentions are not linked to
    someone else, never emitted.
    """

    start: int
    end: int
    label: str | None
    role: str | None = None
    ballot_number: str | None = None
    source: str = "title"
    group: int | None = None  # candidate pair id, shared by both members

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end
