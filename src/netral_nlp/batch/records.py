"""Turning a batch of articles into record dicts: the function every engine runs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from spacy.language import Language




DEFAULT_MAX_CHARS = 1_000_000
DEFAULT_BATCH_SIZE = 32

#: an article as it travels to a worker: (id, text, meta, file, line)
Payload = tuple[str | None, str, dict | None, str | None, int | None]


class Outcome(NamedTuple):
    """What became of one input: ``kind`` is "record" or "error"; ``data`` its dict."""

    kind: str
    data: dict[str, Any]
    words: int = 0


# --------------------------------------------------------------------------- one batch


def _error(payload: Payload, reason: str) -> Outcome:
    id_, _text, _meta, file, line = payload
    return Outcome("error", {"id": id_, "file": file, "line": line, "reason": reason})


def split_chunks(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Cut ``text`` into pieces of at most ``max_chars``, at the best boundary.

    A piece ends after a blank line, else a line break, else a sentence end,
    else a space, looked for in the second half of the window; a hard cut only
    when none is there.
    """
    if max_chars <= 0 or len(text) <= max_chars:
        return [(0, len(text))]
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        floor = start + max_chars // 2
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            index = text.rfind(sep, floor, limit - len(sep) + 1)
            if index >= 0:
                cut = index + len(sep)
                break
        if cut <= start:
            cut = limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(text)))
    return pieces


def _shift(record: dict[str, Any], offset: int) -> None:
    for name in ("entities", "dates", "rules"):
        for item in record.get(name, ()):
            item["start"] += offset
            item["end"] += offset
    for event in record.get("events", ()):
        event["trigger"]["start"] += offset
        event["trigger"]["end"] += offset


def _merge_chunks(text: str, id_: str | None, parts: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """One record from the records of a text's chunks (offsets onto the whole text)."""
    from ..schema import ArticleRecord

    merged: dict[str, Any] = {"id": id_, "text": text, "entities": [], "dates": [], "rules": [], "events": []}
    for offset, record in parts:
        _shift(record, offset)
        for name in ("entities", "dates", "rules", "events"):
            merged[name].extend(record.get(name, ()))
        for key, value in record.items():
            if key in merged or value is None:
                continue
            merged[key] = value  # doc-level fields: the first chunk that has one wins
    merged["chunks"] = [[offset, offset + len(r["text"])] for offset, r in parts]
    return ArticleRecord.model_validate(merged).to_json_dict()


def _record(nlp: Language, doc_or_text: Any, payload: Payload) -> Outcome:
    from ..schema import to_record

    id_, text, meta, _file, _line = payload
    try:
        doc = nlp(doc_or_text) if isinstance(doc_or_text, str) else doc_or_text
        record = to_record(doc, id=id_).to_json_dict()
    except Exception as exc:  # noqa: BLE001  (a record whose processing raises is an error)
        return _error(payload, f"processing failed: {type(exc).__name__}: {exc}")
    if meta:
        record["meta"] = meta
    return Outcome("record", record, len(text.split()))


def _chunked(nlp: Language, payload: Payload, max_chars: int) -> Outcome:
    from ..schema import to_record

    id_, text, meta, _file, _line = payload
    try:
        parts = []
        for start, end in split_chunks(text, max_chars):
            piece = text[start:end]
            parts.append((start, to_record(nlp(piece)).to_json_dict()))
        record = _merge_chunks(text, id_, parts)
    except Exception as exc:  # noqa: BLE001
        return _error(payload, f"processing failed (chunked): {type(exc).__name__}: {exc}")
    if meta:
        record["meta"] = meta
    return Outcome("record", record, len(text.split()))


def process_batch(nlp: Language, batch: list[Payload], max_chars: int = DEFAULT_MAX_CHARS) -> list[Outcome]:
    """Records (or errors) for a batch of articles, in batch order.

    The batch goes through ``nlp.pipe`` at once; when that raises, each
    article is run alone so only the failing one becomes an error.
    """
    out: list[Outcome | None] = [None] * len(batch)
    short = [i for i, p in enumerate(batch) if max_chars <= 0 or len(p[1]) <= max_chars]
    if len(short) < len(batch):
        fits = set(short)
        for i, payload in enumerate(batch):
            if i not in fits:
                out[i] = _chunked(nlp, payload, max_chars)
    if short:
        try:
            docs = list(nlp.pipe([batch[i][1] for i in short]))
        except Exception:  # noqa: BLE001  (isolate the culprit below)
            docs = [batch[i][1] for i in short]
        for i, doc in zip(short, docs, strict=True):
            out[i] = _record(nlp, doc, batch[i])
    return out  # type: ignore[return-value]


# --------------------------------------------------------------------------- pipelines per process

_PIPELINES: dict[str | None, Any] = {}


def cached_pipeline(model: str | None, max_chars: int = DEFAULT_MAX_CHARS) -> Language:
    """The pipeline of ``model`` (None: shipped), loaded once per process."""
    nlp = _PIPELINES.get(model)
    if nlp is None:
        from ..pipeline import load

        nlp = _PIPELINES[model] = load(model)
    nlp.max_length = max(nlp.max_length, max_chars + 1)
    return nlp


