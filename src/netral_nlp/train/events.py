"""``netral train events``: fit the event candidate filter on annotated articles.

The trigger lexicon proposes candidates on every gold text; a candidate is a
positive example when gold has an event of the same type whose trigger lies in
the candidate's sentence. The fitted model goes into the pipeline's
``netral_events`` component through ``pipeline.update_pipeline``.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..components.events.candidate_filter import build_model, candidate_text
from ..pipeline import load, update_pipeline

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
