"""Training the event region ranker (:mod:`netral_nlp.components.events.region_ranker`).

Examples are the gold events themselves: each gold trigger, in its sentence, gets the
candidates and features the pipeline would give a detected event there (the cascade's
pick included), and its gold region is the one to choose. Gold triggers rather than the
decision's detections: every gold event teaches, whatever the decision finds, and the
ranker is independent of it. Fitted by ``netral train events`` and, as part of the
learned part ``events``, in every cross-validation fold.
"""

from __future__ import annotations

from typing import Any

from ..components.events import arguments, region_choice
from ..components.events.events import neighbour_sentences
from ..components.events.region_ranker import Candidates, RegionRanker
from ..components.events.triggers import Candidate
from ..spans import content_sentences

COMPONENT = "netral_events"
#: inverse L2 penalty of the ranker (grouped CV over the real articles: 0.2-0.3 best)
RANKER_C = 0.3


def _sentence(sentences: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence holding ``start`` (the trigger alone when none does)."""
    return next(((lo, hi) for lo, hi in sentences if lo <= start < hi), (start, end))


def region_examples(
    nlp, records: list[dict[str, Any]], docs: list | None = None
) -> list[tuple[Candidates, str | None]]:
    """(candidates, gold region) of every gold event with a trigger in every record, read
    with the packaged cue lexicons (a loaded model may have put its older ones in force,
    and the features read ``events/cues.json``: acting and national bodies); ``docs``:
    the records' docs (event component off) when already read."""
    from ..components.events.lexicons import EVENT_LEXICONS

    EVENT_LEXICONS.use_packaged()
    cues = region_choice.RegionCues.read()
    out: list[tuple[Candidates, str | None]] = []
    if docs is None:
        with nlp.select_pipes(disable=[COMPONENT]):
            docs = list(nlp.pipe(r["text"] for r in records))
    for record, doc in zip(records, docs, strict=True):
        events = [e for e in record.get("events") or [] if (e.get("trigger") or {}).get("end")]
        if not events:
            continue
        layers = arguments.Layers.of(doc)
        fallback = arguments.article_region(layers)
        context = region_choice.RegionContext(layers, fallback, cues)
        sentences = content_sentences(doc)
        for event in events:
            start, end = event["trigger"]["start"], event["trigger"]["end"]
            lo, hi = _sentence(sentences, start, end)
            cand = Candidate(event["type"], start, end, lo, hi, event["type"])
            pick = arguments.event_region(layers, cand, fallback)
            neighbours = neighbour_sentences(sentences, cand)
            out.append((region_choice.candidates(context, cand, pick, neighbours), event.get("region")))
    return out


def train_region_ranker(
    nlp, records: list[dict[str, Any]], seed: int = 0, docs: list | None = None
) -> RegionRanker | None:
    """Fit the ranker on the gold events of ``records`` (deterministic: ``seed`` unused);
    None when no gold event has a choice to learn from (no REGION layer, no regions):
    the hand-written cascade then decides alone. ``docs``: see :func:`region_examples`."""
    examples = region_examples(nlp, records, docs)
    if not any(gold in [n for n, _ in cands] and len(cands) > 1 for cands, gold in examples):
        return None
    return RegionRanker.fit(examples, c=RANKER_C, meta={"articles": len(records), "gold_events": len(examples)})


def fit_region_ranker(nlp, records: list[dict[str, Any]], seed: int = 0, docs: list | None = None) -> None:
    """Refit the ranker inside ``nlp`` from gold records only (None when nothing to learn)."""
    nlp.get_pipe(COMPONENT).set_region_ranker(train_region_ranker(nlp, records, seed, docs))
