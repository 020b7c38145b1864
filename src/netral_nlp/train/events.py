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

import json
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from ..components.events.candidate_filter import build_model, candidate_text
from ..learn import register_part
from ..pipeline import load, update_pipeline
from ..schema import EventType
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


def decision_examples(nlp, records: list[dict], docs: list | None = None) -> tuple[list[str], list[str]]:
    """(feature strings, labels) of every proposal in every record that gets a label
    (``docs``: the records' docs, events off, when already piped). Proposed with the
    packaged proposer lexicon, whatever lexicon a loaded model brought: it is the one
    the fitted decision is saved and installed with (``EventExtractor.set_decision``)."""
    from ..components.events.events import proposals
    from ..components.events.lexicons import EVENT_LEXICONS
    from ..tokenizer import doc_text

    EVENT_LEXICONS.use_packaged()  # a loaded model may have put its older lexicons in force
    features: list[str] = []
    labels: list[str] = []
    if docs is None:
        docs = _piped(nlp, records)
    for record, doc in zip(records, docs, strict=True):
        found, described = proposals(doc, doc_text(doc))
        for cand, feature in zip(found, described, strict=True):
            label = _label(record, cand)
            if label is not None:
                features.append(feature)
                labels.append(label)
    return features, labels


def _piped(nlp, records: list[dict]) -> list:
    """The records' docs with the event component switched off."""
    with nlp.select_pipes(disable=[COMPONENT]):
        return list(nlp.pipe(r["text"] for r in records))


# --- the project's written event sentences ------------------------------------------------

#: invented one-sentence examples ``{"text", "type", "trigger"}`` (type null: no event)
EVENT_SENTENCES = DEFAULT_DATA / "event_sentences.jsonl"
EVENT_TYPES = frozenset(get_args(EventType))
#: types decided by a binary model of their own, fitted on their proposals in the real
#: articles and the written sentences (components/events/type_models.py); chosen by grouped
#: CV (events refitted): supervision F1 0.444 -> 0.571, micro 0.684 -> 0.689 (with
#: violation_report and sanction too, or the sentences in the shared model, micro fell); sanction
#: joined them with the trigger-neighbour and amount words (proposals.context_types): sanction
#: 0.27-0.35 -> 0.40-0.43 over 3 fold seeds (h14g notes)
SENTENCE_TYPES = ("supervision", "sanction")
#: times a written sentence's example counts in its type's model (grouped CV: 1 -> 0.520, 2 -> 0.571)
SENTENCE_WEIGHT = 2


def read_event_sentences(path: str | Path | None = None) -> list[dict]:
    """The written sentences of ``path`` (default ``annotations/event_sentences.jsonl``, none
    when absent) as one-sentence gold records; lines that are not a JSON object with a text,
    a known type or null and, for a type, a trigger found in the text are skipped."""
    path = Path(path) if path is not None else EVENT_SENTENCES
    if not path.exists():
        return []
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
            continue
        text, kind, trigger = row["text"], row.get("type"), row.get("trigger") or ""
        events = []
        if kind is not None:
            if kind not in EVENT_TYPES or not trigger or trigger not in text:
                continue
            start = text.index(trigger)
            events.append({"type": kind, "trigger": {"start": start, "end": start + len(trigger), "text": trigger}})
        records.append({"id": f"sentence-{number}", "text": text, "events": events})
    return records


def _of_type(name: str, examples: tuple[list[str], list[str]]) -> list[tuple[str, int]]:
    """(feature string, 1 if an event of ``name``) of the proposals of type ``name``."""
    from ..components.events.type_models import proposed_type

    return [(f, int(label == name)) for f, label in zip(*examples, strict=True) if proposed_type(f) == name]


def type_models(
    nlp, examples: tuple[list[str], list[str]], sentences: list[dict], seed: int = 0,
    types: tuple[str, ...] = SENTENCE_TYPES, written: tuple[list[str], list[str]] | None = None,
) -> dict[str, LinearTextClassifier]:
    """A binary model per type of ``types`` over its proposals in the articles (``examples``)
    and in the written ``sentences`` (labelled as articles are, by ``decision_examples``;
    ``written``: those examples when already computed)."""
    from ..components.events.type_models import proposed_type
    from ..learn.linear import FEATURE_WORDS, LinearTextClassifier

    if written is None:
        written = decision_examples(nlp, sentences) if sentences else ([], [])
    models = {}
    for name in types:
        pairs = _of_type(name, examples) + _of_type(name, written) * SENTENCE_WEIGHT
        if len({y for _, y in pairs}) < 2:
            continue
        meta = {"examples_written": sum(proposed_type(f) == name for f in written[0])}
        models[name] = LinearTextClassifier.train(
            [f for f, _ in pairs], [y for _, y in pairs], seed=seed, meta=meta, c=DECISION_C, balanced=False,
            **FEATURE_WORDS,
        )
    return models


def train_decision(nlp, records: list[dict], seed: int = 0, sentences: list[dict] | None = None,
                   docs: list | None = None, written: tuple[list[str], list[str]] | None = None):
    """The shared decision over ``records``, with the binary models of ``SENTENCE_TYPES``
    that also learn from the written ``sentences`` (default :func:`read_event_sentences`;
    ``[]``: the articles alone, and no typed models). ``docs`` (the records' docs) and
    ``written`` (the sentences' examples): when already computed."""
    from collections import Counter

    from ..components.events.type_models import TypedDecision
    from ..learn.linear import FEATURE_WORDS, LinearTextClassifier

    features, labels = decision_examples(nlp, records, docs)
    sentences = read_event_sentences() if sentences is None else sentences
    meta = {"articles": len(records), "per_label": dict(sorted(Counter(labels).items())), "accept_above": ACCEPT_ABOVE,
            "sentences": len(sentences)}
    shared = LinearTextClassifier.train(features, labels, seed=seed, meta=meta, c=DECISION_C, balanced=False, **FEATURE_WORDS)
    typed = type_models(nlp, (features, labels), sentences, seed, written=written) if sentences else {}
    return TypedDecision(shared, typed) if typed else shared


def install_model(nlp, model: LinearTextClassifier) -> None:
    """Put a fitted model in force in ``nlp``'s component."""
    nlp.get_pipe(COMPONENT).set_decision(model)


#: inner folds of the training articles the decision is refit on, so that the main-mention
#: ranker learns from the scores the decision gives articles it has not seen
MAIN_FOLDS = 5
#: inverse L2 penalty of the main-mention ranker
MAIN_C = 0.3


def train_main_ranker(nlp, records: list[dict], seed: int = 0, sentences: list[dict] | None = None,
                      docs: list | None = None, written: tuple[list[str], list[str]] | None = None):
    """The main-mention ranker (:mod:`..components.events.main_mentions`) fitted on the
    decided candidates of every record, each decided by a decision refit without its
    record (``MAIN_FOLDS`` grouped folds, deterministic); None when nothing teaches it.
    ``docs`` and ``written``: as :func:`train_decision` takes them."""
    from ..components.events import arguments
    from ..components.events.events import EventExtractor, attach_fields
    from ..components.events.main_mentions import MainMentionRanker
    from ..learn import grouped_folds

    sentences = read_event_sentences() if sentences is None else sentences
    docs = _piped(nlp, records) if docs is None else docs
    if written is None:
        written = decision_examples(nlp, sentences) if sentences else ([], [])
    names = [str(r.get("id", i)) for i, r in enumerate(records)]
    if len(set(names)) < MAIN_FOLDS:
        return None
    articles = []
    for train_ids, test_ids in grouped_folds(names, MAIN_FOLDS, seed):
        inner, held = set(train_ids), set(test_ids)
        fit = [i for i, n in enumerate(names) if n in inner]
        decision = train_decision(nlp, [records[i] for i in fit], seed, sentences, [docs[i] for i in fit], written)
        scorer = EventExtractor()
        scorer.set_decision(decision)  # the packaged proposer lexicon, as training
        test = [i for i, n in enumerate(names) if n in held]
        for i, (doc, text, chosen, ranges) in zip(test, scorer.decided([docs[i] for i in test]), strict=True):
            attach_fields(arguments.Layers.of(doc), text, chosen, ranges)
            articles.append((text, chosen, ranges, records[i].get("events") or []))
    return MainMentionRanker.fit(articles, c=MAIN_C, meta={"articles_read": len(records), "inner_folds": MAIN_FOLDS})


def train_decision_and_region(nlp, records: list[dict], seed: int = 0, sentences: list[dict] | None = None):
    """The decision (``sentences``: see :func:`train_decision`), with the region ranker
    and the main-mention ranker fitted and installed beside it. The records are read once,
    with the packaged lexicons in force, and the written sentences described once: all
    three fits share them."""
    from ..components.events.lexicons import EVENT_LEXICONS
    from .event_region import fit_region_ranker

    EVENT_LEXICONS.use_packaged()
    docs = _piped(nlp, records)
    sentences = read_event_sentences() if sentences is None else sentences
    written = decision_examples(nlp, sentences) if sentences else ([], [])
    fit_region_ranker(nlp, records, seed, docs)
    nlp.get_pipe(COMPONENT).set_main_ranker(train_main_ranker(nlp, records, seed, sentences, docs, written))
    return train_decision(nlp, records, seed, sentences, docs, written)


@register_part("events", COMPONENT, order=40)
def fit_events(nlp, records: list[dict], seed: int = 0) -> None:
    """Refit the event decision and the region ranker inside ``nlp`` from gold records only."""
    install_model(nlp, train_decision_and_region(nlp, records, seed))


def run(
    data: list[str | Path] | None = None, source: str | Path | None = None, out: str | Path | None = None,
    seed: int = 0, sentences: str | Path | None = None,
) -> dict[str, Any]:
    """Train on ``data`` (default: real + project articles) and the written sentences of
    ``sentences`` (default ``annotations/event_sentences.jsonl``), install, save; returns a summary."""
    written = read_event_sentences(sentences)

    def fit(nlp, records: list[dict], seed: int):
        return train_decision_and_region(nlp, records, seed, written)

    summary = train_and_install(fit, install_model, "per_label", data, source, out, seed)
    return {**summary, "sentences": len(written)}
