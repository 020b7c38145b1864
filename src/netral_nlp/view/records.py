"""Whatever a user hands to ``render`` (a Doc, an ArticleRecord, a dict) as a plain record.

The renderer works on the record's JSON form only, so a record read back from
JSONL or Parquet looks the same as one fresh from the pipeline. Boilerplate is
not part of the record contract: a Doc carries it on ``doc.spans["boilerplate"]``,
a record may carry it as ``boilerplate`` ([{start, end, label}]), and otherwise
it is found again from the text by the boilerplate marker's own line rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Marked:
    """A stretch of text that is not the article (``Baca juga`` line, byline ...)."""

    start: int
    end: int
    kind: str


def as_record(obj: Any) -> tuple[dict[str, Any], list[Marked]]:
    """The record's JSON data and its boilerplate ranges, from a Doc, a model or a dict."""
    from spacy.tokens import Doc

    if isinstance(obj, Doc):
        from ..schema import to_record

        record = to_record(obj).to_json_dict()
        marked = [Marked(s.start_char, s.end_char, s.label_) for s in obj.spans.get("boilerplate", ())]
        return record, marked
    if hasattr(obj, "to_json_dict"):
        obj = obj.to_json_dict()
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise TypeError(f"render() takes a Doc, an ArticleRecord or a record dict with a text, not {type(obj).__name__}")
    return obj, boilerplate_of(obj)


def boilerplate_of(record: dict[str, Any]) -> list[Marked]:
    """Boilerplate the record states, else the marker's finding on its text."""
    stated = record.get("boilerplate")
    if isinstance(stated, list):
        return [
            Marked(int(b["start"]), int(b["end"]), str(b.get("label") or b.get("kind") or "boilerplate"))
            for b in stated
            if isinstance(b, dict) and "start" in b and "end" in b
        ]
    from ..components.boilerplate.boilerplate import find_boilerplate

    return [Marked(start, end, kind) for start, end, kind in find_boilerplate(record["text"])]
