"""Mark the lines of a page that are not the article (related links, bylines, widgets).

The text is never changed: marked lines become spans in ``doc.spans["boilerplate"]``
labelled with their kind, and later components skip them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from ...resources import read_json
from ...spans import add_span

LINE = re.compile(r"[^\n]*")


@lru_cache(maxsize=1)
def compiled_patterns() -> dict[str, list[re.Pattern[str]]]:
    """Kind -> compiled line patterns from ``resources/boilerplate/patterns.json``."""
    data = read_json("boilerplate/patterns.json")
    return {
        kind: [re.compile(p, re.IGNORECASE) for p in patterns]
        for kind, patterns in data.items()
        if not kind.startswith("_")
    }


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line's stripped content; blank lines are skipped."""
    spans = []
    for match in LINE.finditer(text.replace("\u00a0", " ")):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def classify_line(line: str) -> str | None:
    """The boilerplate kind of one line, or None when it is content."""
    for kind, patterns in compiled_patterns().items():
        if any(p.search(line) for p in patterns):
            return kind
    return None


def _announces_next_line(line: str) -> bool:
    """A related-link line whose headline follows on the next line (``Baca juga:``)."""
    head, _, rest = line.partition(":")
    return not rest.strip() if _ else len(line.split()) <= 3


def find_boilerplate(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the lines that are not the article."""
    found: list[tuple[int, int, str]] = []
    lines = _lines(text)
    skip_next = False
    for start, end in lines:
        line = text[start:end].replace("\u00a0", " ")
        if skip_next:
            skip_next = False
            found.append((start, end, "related"))
            continue
        kind = classify_line(line)
        if kind:
            found.append((start, end, kind))
            skip_next = kind == "related" and _announces_next_line(line)
    return found


class BoilerplateMarker:
    """Pipeline component: fills ``doc.spans["boilerplate"]``."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["boilerplate"] = []
        for start, end, kind in find_boilerplate(doc.text):
            add_span(doc, "boilerplate", start, end, kind)
        return doc
