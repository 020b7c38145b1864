"""The group a rule applies to (extra field ``subject``): ASN, kepala desa, TNI, Polri ..."""

from __future__ import annotations

from .cues import cue, subject_cues

#: where the subject of an item without a modal cue may sit (``ASN dilarang`` vs an object)
HEAD = 30


def _first(text: str) -> str | None:
    best: tuple[int, str] | None = None
    for subject, pattern in subject_cues():
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), subject)
    return best[1] if best else None


def _head(text: str) -> str:
    """The part of a rule before its first deontic cue (where its subject is named)."""
    cues = [m.start() for name in ("prohibition", "obligation", "directive") if (m := cue(name).search(text))]
    return text[: min(cues)] if cues else text[:HEAD]


def find_subject(text: str, *context: str) -> str | None:
    """The group named before the rule's modal cue, else in its parent or lead-in, else anywhere."""
    for candidate in (text, *context):
        if candidate and (found := _first(_head(candidate))):
            return found
    for candidate in (text, *context):
        if candidate and (found := _first(candidate)):
            return found
    return None
