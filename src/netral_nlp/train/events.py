"""Training the event parts: the learned decision (``netral train events``) and the
older candidate filter of the hand-written path.

The decision (bottom of this module, registered as the learned part ``events``):
the widened lexicon (``proposers.json`` + ``triggers.json``) proposes candidates
on every gold text; each is labelled with the type of a gold event whose trigger
overlaps it (else of the proposed type in its sentence), else ``none``; a
linear model over the candidates' feature strings learns type-or-none.

The filter (:func:`train_events`): trigger-lexicon candidates are kept or
dropped by a binary model; a candidate is positive when gold has an event of
the same type whose trigger lies in its sentence. It only acts when no
decision is installed.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..components.events.candidate_filter import build_model, candidate_text
from ..learn import register_part
from ..pipeline import load, update_pipeline
from .installing import train_and_install

if TYPE_CHECKING:
    from ..learn.linear import LinearTextClassifier

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DATA = ROOT / "annotations"


@dataclass
class Examples:
    texts: list[str]
    labels: list[int]
    groups: list[str]


def gold_records(paths: Iterable[Path]) -> list[dict]:
    """Article records (those with a text and an events list) from JSONL files or folders."""
    from ..evaluate import read_records

    files: list[Path] = []
    for path in paths:
        files += sorted(Path(path).glob("*.jsonl")) if Path(path).is_dir() else [Path(path)]
    records = []
    for file in files:
        for record in read_records(file, strict=False):
            data = record.to_json_dict()
            if data.get("events") is not None and "entities" in data:
                records.append(data)
    return records


def examples(nlp, records: list[dict]) -> Examples:
    """Labelled candidates of every record (the filter itself switched off)."""
    component = nlp.get_pipe("netral_events")
    out = Examples([], [], [])
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        candidates, _ = component.candidates(doc)
        for cand in candidates:
            positive = any(
                e["type"] == cand.type
                and cand.sent_start <= e["trigger"]["start"] < cand.sent_end
                for e in record["events"]
            )
            out.texts.append(candidate_text(doc.text, cand))
            out.labels.append(int(positive))
            out.groups.append(str(record.get("id")))
    return out


def cross_validate(data: Examples, folds: int = 5, seed: int = 0) -> float:
    """Accuracy of the filter on held-out articles (grouped k-fold)."""
    from sklearn.model_selection import GroupKFold, cross_val_score

    n_groups = len(set(data.groups))
    if n_groups < 2 or len(set(data.labels)) < 2:
        return float("nan")
    splitter = GroupKFold(n_splits=min(folds, n_groups))
    scores = cross_val_score(build_model(seed), data.texts, data.labels, groups=data.groups, cv=splitter)
    return float(scores.mean())


def train_events(
    data: list[Path] | None = None,
    source: Path | None = None,
    out: Path | None = None,
    dev: list[Path] | None = None,
    seed: int = 0,
) -> dict:
    """Fit, save into the pipeline, and return figures (CV accuracy, dev event F1)."""
    random.seed(seed)
    nlp = load(source)
    nlp.get_pipe("netral_events").use_filter = False
    records = gold_records(data or [DEFAULT_DATA])
    if not records:
        raise ValueError("no annotated articles with events found")
    train = examples(nlp, records)
    if len(set(train.labels)) < 2:
        raise ValueError("training needs both kept and dropped candidates")
    figures = {
        "articles": len(records),
        "candidates": len(train.labels),
        "positive": sum(train.labels),
        "cv_accuracy": cross_validate(train, seed=seed),
    }
    model = build_model(seed).fit(train.texts, train.labels)

    def install(pipeline) -> None:
        component = pipeline.get_pipe("netral_events")
        component.set_filter(model)

    saved = update_pipeline(install, source=source, out=out)
    figures["saved"] = str(saved)
    if dev:
        from ..evaluate import evaluate_pipeline, read_records

        report = evaluate_pipeline(load(saved), [r for p in dev for r in read_records(p)])
        figures["dev"] = report.headline()
    return figures


# --- the learned type-or-none decision over the widened lexicon -------------------------

COMPONENT = "netral_events"
#: inverse regularisation of the decision (chosen by grouped CV, benchmarks/generalisation.py)
DECISION_C = 4.0
#: a proposal becomes an event when its likeliest type reaches this probability
ACCEPT_ABOVE = 0.2


def _label(record: dict, cand) -> str | None:
    """The gold type of a proposal: an event whose trigger overlaps it, else an event of
    the proposed type whose trigger lies in its sentence, else none. None (no example)
    for a proposal of a ``single_main_types`` type in an article that records an event of
    that type elsewhere: most such proposals retell it, and gold records it once, at its
    main mention (the merge's job, ``keep_main_mentions``), so calling them none would
    teach the model that event wording is no event."""
    from ..components.events.events import single_main_types

    events = record.get("events") or []
    for event in events:
        trigger = event.get("trigger") or {}
        if trigger.get("start", -1) < cand.end and cand.start < trigger.get("end", -1):
            return event["type"]
    for event in events:
        start = (event.get("trigger") or {}).get("start", -1)
        if event.get("type") == cand.type and cand.sent_start <= start < cand.sent_end:
            return event["type"]
    if cand.type in single_main_types() and any(e.get("type") == cand.type for e in events):
        return None
    return "none"


def decision_examples(nlp, records: list[dict]) -> tuple[list[str], list[str]]:
    """(feature strings, labels) of every proposal in every record that gets a label."""
    from ..components.events.events import proposals
    from ..tokenizer import doc_text

    features: list[str] = []
    labels: list[str] = []
    with nlp.select_pipes(disable=[COMPONENT]):
        for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
            found, described = proposals(doc, doc_text(doc), nlp.get_pipe(COMPONENT).proposers_file)
            for cand, feature in zip(found, described, strict=True):
                label = _label(record, cand)
                if label is not None:
                    features.append(feature)
                    labels.append(label)
    return features, labels


def train_decision(nlp, records: list[dict], seed: int = 0):
    from collections import Counter

    from ..learn.linear import FEATURE_WORDS, LinearTextClassifier

    features, labels = decision_examples(nlp, records)
    meta = {"articles": len(records), "per_label": dict(sorted(Counter(labels).items())), "accept_above": ACCEPT_ABOVE}
    return LinearTextClassifier.train(features, labels, seed=seed, meta=meta, c=DECISION_C, balanced=False, **FEATURE_WORDS)


def install_model(nlp, model: LinearTextClassifier) -> None:
    """Put a fitted model in force in ``nlp``'s component."""
    nlp.get_pipe(COMPONENT).set_decision(model)


def train_decision_and_region(nlp, records: list[dict], seed: int = 0):
    """The decision, with the region ranker fitted and installed beside it."""
    from .event_region import fit_region_ranker

    fit_region_ranker(nlp, records, seed)
    return train_decision(nlp, records, seed)


@register_part("events", COMPONENT, order=40)
def fit_events(nlp, records: list[dict], seed: int = 0) -> None:
    """Refit the event decision and the region ranker inside ``nlp`` from gold records only."""
    install_model(nlp, train_decision_and_region(nlp, records, seed))


def run(
    data: list[str | Path] | None = None, source: str | Path | None = None, out: str | Path | None = None,
    seed: int = 0,
) -> dict[str, Any]:
    """Train on ``data`` (default: real + project articles), install, save; returns a summary."""
    return train_and_install(
        train_decision_and_region, install_model, "per_label", data, source, out, seed
    )
