"""Turning a batch of articles into record dicts: the function every engine runs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from .timeout import DEFAULT_ARTICLE_TIMEOUT, ArticleTimeout, time_limit

if TYPE_CHECKING:
    from spacy.language import Language


DEFAULT_MAX_CHARS = 1_000_000
DEFAULT_BATCH_SIZE = 32
#: the longest text the pipeline runs on at once. Some components take more than
#: linear time in the length of one text (benchmarks/README.md, "Scaling"), so a
#: longer article is processed in chunks of at most this size, cut at paragraph,
#: line or sentence ends: time stays linear in the article's length. News articles
#: are far shorter; only pasted dumps and scrape accidents reach it.
CHUNK_CHARS = 50_000


def chunk_size(max_chars: int) -> int:
    """Characters per chunk: ``max_chars`` (the ``--max-chars`` limit) when smaller than
    :data:`CHUNK_CHARS`, else CHUNK_CHARS."""
    return min(max_chars, CHUNK_CHARS) if max_chars > 0 else CHUNK_CHARS

#: an article as it travels to a worker: (id, text, meta, file, line)
Payload = tuple[str | None, str, dict | None, str | None, int | None]


class Outcome(NamedTuple):
    """What became of one input: ``kind`` is "record" or "error"; ``data`` its dict.

    A record made with ``encode`` (:func:`process_batch`) travels as its JSON line
    (``line``, written as is) and ``data`` is left empty: a worker process sends back
    one bytes object instead of a nested dict that the job's parent would unpickle
    and then encode itself.
    """

    kind: str
    data: dict[str, Any]
    words: int = 0
    line: bytes | None = None


# --------------------------------------------------------------------------- one batch


def _error(payload: Payload, reason: str) -> Outcome:
    id_, _text, _meta, file, line = payload
    return Outcome("error", {"id": id_, "file": file, "line": line, "reason": reason})


def _timed_out(payload: Payload, seconds: float) -> Outcome:
    return _error(
        payload,
        f"timed out: processing took longer than {seconds:g} s (--article-timeout); "
        "the text may be malformed (markup, very long runs without spaces)",
    )


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


def _record(nlp: Language, doc_or_text: Any, payload: Payload, timeout: float | None) -> Outcome:
    from ..schema import to_record

    id_, text, meta, _file, _line = payload
    try:
        with time_limit(timeout):
            doc = nlp(doc_or_text) if isinstance(doc_or_text, str) else doc_or_text
            record = to_record(doc, id=id_).to_json_dict()
    except ArticleTimeout as exc:
        return _timed_out(payload, exc.seconds)
    except Exception as exc:  # noqa: BLE001  (a record whose processing raises is an error)
        return _error(payload, f"processing failed: {type(exc).__name__}: {exc}")
    if meta:
        record["meta"] = meta
    return Outcome("record", record, len(text.split()))


def _chunked(nlp: Language, payload: Payload, size: int, timeout: float | None) -> Outcome:
    """One record from chunks of at most ``size`` characters; the time limit holds per chunk."""
    from ..schema import to_record

    id_, text, meta, _file, _line = payload
    try:
        parts = []
        for start, end in split_chunks(text, size):
            with time_limit(timeout):
                parts.append((start, to_record(nlp(text[start:end])).to_json_dict()))
        record = _merge_chunks(text, id_, parts)
    except ArticleTimeout as exc:
        return _timed_out(payload, exc.seconds)
    except Exception as exc:  # noqa: BLE001
        return _error(payload, f"processing failed (chunked): {type(exc).__name__}: {exc}")
    if meta:
        record["meta"] = meta
    return Outcome("record", record, len(text.split()))


def process_batch(
    nlp: Language,
    batch: list[Payload],
    max_chars: int = DEFAULT_MAX_CHARS,
    timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
    encode: bool = False,
) -> list[Outcome]:
    """Records (or errors) for a batch of articles, in batch order.

    The batch goes through ``nlp.pipe`` at once; when that raises, or runs
    past the batch's time (``timeout`` per :data:`CHUNK_CHARS` of its text,
    at least ``timeout``), each article is run alone with its own limit, so
    only the failing or stalling one becomes an error. Articles longer than
    :func:`chunk_size` are processed in chunks. With ``encode`` records come back
    as JSON lines (:class:`Outcome`).
    """
    out: list[Outcome | None] = [None] * len(batch)
    size = chunk_size(max_chars)
    short = [i for i, p in enumerate(batch) if len(p[1]) <= size]
    if len(short) < len(batch):
        fits = set(short)
        for i, payload in enumerate(batch):
            if i not in fits:
                out[i] = _chunked(nlp, payload, size, timeout)
    if short:
        texts = [batch[i][1] for i in short]
        budget = timeout * max(1.0, sum(map(len, texts)) / CHUNK_CHARS) if timeout else None
        try:
            with time_limit(budget):
                docs = list(nlp.pipe(texts))
        except (Exception, ArticleTimeout):  # noqa: BLE001  (isolate the culprit below)
            docs = texts
        for i, doc in zip(short, docs, strict=True):
            out[i] = _record(nlp, doc, batch[i], timeout)
    if encode:
        return [_encoded(o) for o in out]  # type: ignore[arg-type]
    return out  # type: ignore[return-value]


def _encoded(outcome: Outcome) -> Outcome:
    """A record outcome as its JSON line (the very bytes the JSONL writer would write)."""
    if outcome.kind != "record":
        return outcome
    from ..jsontext import dump_line

    return Outcome("record", {}, outcome.words, dump_line(outcome.data))


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


