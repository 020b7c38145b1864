"""Records as spaCy ``DocBin`` for NER training.

Domain labels map onto the coarse labels a statistical NER learns
(OFFICIAL/CANDIDATE -> PERSON, REGION -> PLACE, ORG -> ORG by default; LAW
is left to the rule-based component). Spans of different labels may overlap
in gold (ORG ``Pemkot Malang`` holds REGION ``Malang``) but ``doc.ents``
cannot, so overlaps are resolved deterministically: the longer span wins,
then the earlier one, then the label earlier in ``label_map``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from ..evaluate.scoring import as_dict

DEFAULT_LABEL_MAP: dict[str, str] = {
    "OFFICIAL": "PERSON",
    "CANDIDATE": "PERSON",
    "REGION": "PLACE",
    "ORG": "ORG",
}


@lru_cache(maxsize=1)
def _tokenizer_nlp() -> Language:
    """The netral tokenizer alone (built once: compiling it takes seconds)."""
    from ..pipeline import build_pipeline

    return build_pipeline(components=())


def resolve_overlaps(
    spans: list[tuple[int, int, str]], order: Mapping[str, int]
) -> list[tuple[int, int, str]]:
    """Non-overlapping spans: longest first, then earliest, then label order."""
    ranked = sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0], order.get(s[2], len(order)), s[2]))
    taken: list[tuple[int, int, str]] = []
    for start, end, label in ranked:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, label))
    return sorted(taken)


def record_to_doc(
    record: Any,
    nlp: Language | None = None,
    label_map: Mapping[str, str] = DEFAULT_LABEL_MAP,
    alignment_mode: str = "expand",
) -> Doc:
    """One record as a Doc whose ``ents`` are the mapped gold entities.

    Tokens outside every entity are marked O (not missing): annotated
    records are exhaustive for the labels they map.
    """
    data = as_dict(record)
    nlp = nlp or _tokenizer_nlp()
    doc = nlp.make_doc(data.get("text") or "")
    order = {label: n for n, label in enumerate(label_map)}
    wanted = [
        (int(e["start"]), int(e["end"]), e["label"])
        for e in data.get("entities") or []
        if e.get("label") in label_map
    ]
    ents = []
    token_spans: list[tuple[int, int, str]] = []
    for start, end, label in wanted:
        span = doc.char_span(start, end, label=label_map[label], alignment_mode=alignment_mode)
        if span is not None and len(span):
            token_spans.append((span.start, span.end, label))
    for start, end, label in resolve_overlaps(token_spans, order):
        ents.append(Span(doc, start, end, label=label_map[label]))
    doc.set_ents(ents, default="outside")
    if data.get("id") is not None:
        doc.user_data["id"] = str(data["id"])
    return doc


def to_docbin(
    records: Iterable[Any],
    nlp: Language | None = None,
    label_map: Mapping[str, str] = DEFAULT_LABEL_MAP,
    alignment_mode: str = "expand",
) -> DocBin:
    """All records as one DocBin (``user_data`` keeps each record's id)."""
    nlp = nlp or _tokenizer_nlp()
    docbin = DocBin(store_user_data=True)
    for record in records:
        docbin.add(record_to_doc(record, nlp, label_map, alignment_mode))
    return docbin


def write_docbin(records: Iterable[Any], path: str | Path, **kwargs: Any) -> Path:
    """Write ``to_docbin(records)`` to ``path`` (a ``.spacy`` file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    to_docbin(records, **kwargs).to_disk(path)
    return path
