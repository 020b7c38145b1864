"""Scoring predicted records against gold records, as the record format specifies.

- entities: per label strict (same label, same offsets) and lenient (same
  label, any overlap) P/R/F1; micro over OFFICIAL, CANDIDATE, REGION; over
  strict matches the accuracy of ``role`` (OFFICIAL), ``ballot_number``
  (CANDIDATE) and ``code`` (REGION).
- dates: match = overlapping spans; span P/R/F1; over matches the accuracy
  of ``value`` and ``kind``; value-F1 counts matches with equal value only.
- rules: match = overlap of at least half the shorter span; item P/R/F1;
  accuracy of ``modality`` and ``category``; category-F1 counts matches with
  equal category only.
- events: match = same type and overlapping trigger, or failing that same
  type and equal non-null ``date``; P/R/F1 per type and micro; accuracy of
  ``date`` and ``region`` over matches.

Every matching is one-to-one and greedy by largest overlap (see matching.py).
Field values are compared after collapsing whitespace; two nulls are equal.

Articles are paired by ``id``. A gold article without a prediction counts
all its gold items as false negatives (listed in ``missing_pred_ids``).
A prediction whose id is not in gold is not scored at all: it is listed in
``extra_pred_ids`` so a mismatched file shows up instead of silently lowering
precision. Records without an id are paired by position.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, get_args

from ..schema import EventType
from .matching import greedy_match, overlap_score, span_of
from .metrics import PRF, Accuracy

ENTITY_LABELS: tuple[str, ...] = ("OFFICIAL", "CANDIDATE", "REGION", "ORG", "LAW")
#: labels of the micro average the record format asks for
MICRO_LABELS: tuple[str, ...] = ("OFFICIAL", "CANDIDATE", "REGION")
#: the field whose accuracy is reported over strict matches, per label
ENTITY_FIELDS: dict[str, str] = {"OFFICIAL": "role", "CANDIDATE": "ballot_number", "REGION": "code"}
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
#: placeholder category of an unmatched rule in the confusion counts
NONE = "(none)"


def _norm(value: Any) -> str | None:
    return None if value is None else " ".join(str(value).split())


def same(a: Any, b: Any) -> bool:
    """Field equality used by every accuracy: whitespace-insensitive, null == null."""
    return _norm(a) == _norm(b)


def as_dict(record: Any) -> dict[str, Any]:
    """A record as plain JSON data (ArticleRecord or dict)."""
    if hasattr(record, "model_dump"):
        return record.model_dump(mode="json", exclude_unset=True)
    return dict(record)


@dataclass
class EntityScores:
    strict: dict[str, PRF] = field(default_factory=lambda: {lab: PRF() for lab in ENTITY_LABELS})
    lenient: dict[str, PRF] = field(default_factory=lambda: {lab: PRF() for lab in ENTITY_LABELS})
    fields: dict[str, Accuracy] = field(
        default_factory=lambda: {name: Accuracy() for name in ENTITY_FIELDS.values()}
    )

    def micro(self, lenient: bool = False) -> PRF:
        """Micro average over OFFICIAL, CANDIDATE, REGION."""
        table = self.lenient if lenient else self.strict
        total = PRF()
        for label in MICRO_LABELS:
            total += table.get(label, PRF())
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "strict": {k: v.to_dict() for k, v in self.strict.items()},
            "lenient": {k: v.to_dict() for k, v in self.lenient.items()},
            "micro_strict": self.micro().to_dict(),
            "micro_lenient": self.micro(lenient=True).to_dict(),
            "field_accuracy": {k: v.to_dict() for k, v in self.fields.items()},
        }


@dataclass
class DateScores:
    span: PRF = field(default_factory=PRF)
    value: PRF = field(default_factory=PRF)
    value_accuracy: Accuracy = field(default_factory=Accuracy)
    kind_accuracy: Accuracy = field(default_factory=Accuracy)

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": self.span.to_dict(),
            "value_f1": self.value.to_dict(),
            "value_accuracy": self.value_accuracy.to_dict(),
            "kind_accuracy": self.kind_accuracy.to_dict(),
        }


@dataclass
class RuleScores:
    item: PRF = field(default_factory=PRF)
    category: PRF = field(default_factory=PRF)
    modality_accuracy: Accuracy = field(default_factory=Accuracy)
    category_accuracy: Accuracy = field(default_factory=Accuracy)
    #: (gold category, predicted category) -> count; NONE on the missing side
    confusion: Counter = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        return {
            "item": self.item.to_dict(),
            "category_f1": self.category.to_dict(),
            "modality_accuracy": self.modality_accuracy.to_dict(),
            "category_accuracy": self.category_accuracy.to_dict(),
            "confusion": [
                {"gold": g, "pred": p, "count": n} for (g, p), n in sorted(self.confusion.items())
            ],
        }


@dataclass
class EventScores:
    per_type: dict[str, PRF] = field(default_factory=lambda: {t: PRF() for t in EVENT_TYPES})
    date_accuracy: Accuracy = field(default_factory=Accuracy)
    region_accuracy: Accuracy = field(default_factory=Accuracy)
    #: date and region accuracy over the matched pairs of each gold type
    per_type_date: dict[str, Accuracy] = field(default_factory=dict)
    per_type_region: dict[str, Accuracy] = field(default_factory=dict)

    def micro(self) -> PRF:
        total = PRF()
        for prf in self.per_type.values():
            total += prf
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "per_type": {k: v.to_dict() for k, v in self.per_type.items()},
            "micro": self.micro().to_dict(),
            "date_accuracy": self.date_accuracy.to_dict(),
            "region_accuracy": self.region_accuracy.to_dict(),
            "per_type_date_accuracy": {k: v.to_dict() for k, v in self.per_type_date.items()},
            "per_type_region_accuracy": {k: v.to_dict() for k, v in self.per_type_region.items()},
        }


@dataclass
class Report:
    """All figures of one evaluation, plus per-article errors for analysis."""

    entities: EntityScores = field(default_factory=EntityScores)
    dates: DateScores = field(default_factory=DateScores)
    rules: RuleScores = field(default_factory=RuleScores)
    events: EventScores = field(default_factory=EventScores)
    n_gold: int = 0
    n_scored: int = 0
    missing_pred_ids: list[str] = field(default_factory=list)
    extra_pred_ids: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def headline(self) -> dict[str, float]:
        """The few figures that count, for training logs and summaries."""
        return {
            "entities_micro_f1": round(self.entities.micro().f1, 4),
            "entities_micro_lenient_f1": round(self.entities.micro(lenient=True).f1, 4),
            "dates_value_f1": round(self.dates.value.f1, 4),
            "rules_item_f1": round(self.rules.item.f1, 4),
            "rules_category_f1": round(self.rules.category.f1, 4),
            "events_micro_f1": round(self.events.micro().f1, 4),
        }

    def to_dict(self, errors: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "articles": {
                "gold": self.n_gold,
                "scored": self.n_scored,
                "missing_pred_ids": self.missing_pred_ids,
                "extra_pred_ids": self.extra_pred_ids,
            },
            "headline": self.headline(),
            "entities": self.entities.to_dict(),
            "dates": self.dates.to_dict(),
            "rules": self.rules.to_dict(),
            "events": self.events.to_dict(),
            "warnings": self.warnings,
        }
        if errors:
            data["errors"] = self.errors
        return data


# --------------------------------------------------------------------------- sections


def _split(pairs: list[tuple[int, int]], n_gold: int, n_pred: int) -> tuple[list[int], list[int]]:
    """Indices of unmatched gold (false negatives) and unmatched predictions (false positives)."""
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    fn = [i for i in range(n_gold) if i not in matched_gold]
    fp = [j for j in range(n_pred) if j not in matched_pred]
    return fn, fp


def _exact(g: dict[str, Any], p: dict[str, Any]) -> tuple[int, ...] | None:
    return (1,) if span_of(g) == span_of(p) else None


def _score_entities(gold: list[dict], pred: list[dict], scores: EntityScores, err: dict) -> None:
    labels = {e.get("label") for e in gold} | {e.get("label") for e in pred}
    for label in sorted(labels, key=str):
        g = [e for e in gold if e.get("label") == label]
        p = [e for e in pred if e.get("label") == label]
        strict = greedy_match(g, p, _exact)
        lenient = greedy_match(g, p, overlap_score)
        fn, fp = _split(strict, len(g), len(p))
        scores.strict.setdefault(label, PRF()).add(len(strict), len(fp), len(fn))
        lfn, lfp = _split(lenient, len(g), len(p))
        scores.lenient.setdefault(label, PRF()).add(len(lenient), len(lfp), len(lfn))
        lenient_gold = {i for i, _ in lenient}
        lenient_pred = {j for _, j in lenient}
        err["fn"] += [{**g[i], "boundary": i in lenient_gold} for i in fn]
        err["fp"] += [{**p[j], "boundary": j in lenient_pred} for j in fp]
        name = ENTITY_FIELDS.get(label)
        if name:
            for i, j in strict:
                ok = same(g[i].get(name), p[j].get(name))
                scores.fields[name].add(ok)
                if not ok:
                    err["mismatch"].append({"field": name, "gold": g[i], "pred": p[j]})


def _compare(
    pairs, gold, pred, names: tuple[str, ...], accs: list[Accuracy], err: dict
) -> list[bool]:
    """Field accuracies over matched pairs; returns, per pair, whether all fields agree."""
    agree = []
    for i, j in pairs:
        wrong = [n for n in names if not same(gold[i].get(n), pred[j].get(n))]
        for n, acc in zip(names, accs, strict=True):
            acc.add(n not in wrong)
        if wrong:
            err["mismatch"].append({"fields": wrong, "gold": gold[i], "pred": pred[j]})
        agree.append(not wrong)
    return agree


def _score_dates(gold: list[dict], pred: list[dict], scores: DateScores, err: dict) -> None:
    pairs = greedy_match(gold, pred, overlap_score)
    fn, fp = _split(pairs, len(gold), len(pred))
    scores.span.add(len(pairs), len(fp), len(fn))
    _compare(
        pairs, gold, pred, ("value", "kind"), [scores.value_accuracy, scores.kind_accuracy], err
    )
    good = sum(same(gold[i].get("value"), pred[j].get("value")) for i, j in pairs)
    scores.value.add(good, len(pred) - good, len(gold) - good)
    err["fn"] += [gold[i] for i in fn]
    err["fp"] += [pred[j] for j in fp]


def _half_overlap(g: dict[str, Any], p: dict[str, Any]):
    return overlap_score(g, p, min_share=0.5)


def _score_rules(gold: list[dict], pred: list[dict], scores: RuleScores, err: dict) -> None:
    pairs = greedy_match(gold, pred, _half_overlap)
    fn, fp = _split(pairs, len(gold), len(pred))
    scores.item.add(len(pairs), len(fp), len(fn))
    _compare(
        pairs,
        gold,
        pred,
        ("modality", "category"),
        [scores.modality_accuracy, scores.category_accuracy],
        err,
    )
    good = sum(same(gold[i].get("category"), pred[j].get("category")) for i, j in pairs)
    scores.category.add(good, len(pred) - good, len(gold) - good)
    for i, j in pairs:
        scores.confusion[(str(gold[i].get("category")), str(pred[j].get("category")))] += 1
    for i in fn:
        scores.confusion[(str(gold[i].get("category")), NONE)] += 1
    for j in fp:
        scores.confusion[(NONE, str(pred[j].get("category")))] += 1
    err["fn"] += [gold[i] for i in fn]
    err["fp"] += [pred[j] for j in fp]


def _event_score(g: dict[str, Any], p: dict[str, Any]):
    if g.get("type") != p.get("type"):
        return None
    by_trigger = overlap_score(g, p)
    if by_trigger is not None:
        return (1, *by_trigger)
    if g.get("date") is not None and same(g.get("date"), p.get("date")):
        return (0, 0, 0)
    return None


def _score_events(gold: list[dict], pred: list[dict], scores: EventScores, err: dict) -> None:
    pairs = greedy_match(gold, pred, _event_score)
    fn, fp = _split(pairs, len(gold), len(pred))
    for i, _ in pairs:
        scores.per_type.setdefault(str(gold[i].get("type")), PRF()).add(tp=1)
    for i in fn:
        scores.per_type.setdefault(str(gold[i].get("type")), PRF()).add(fn=1)
    for j in fp:
        scores.per_type.setdefault(str(pred[j].get("type")), PRF()).add(fp=1)
    _compare(
        pairs, gold, pred, ("date", "region"), [scores.date_accuracy, scores.region_accuracy], err
    )
    for i, j in pairs:
        kind = str(gold[i].get("type"))
        for name, table in (("date", scores.per_type_date), ("region", scores.per_type_region)):
            table.setdefault(kind, Accuracy()).add(same(gold[i].get(name), pred[j].get(name)))
    err["fn"] += [gold[i] for i in fn]
    err["fp"] += [pred[j] for j in fp]


_SECTIONS = ("entities", "dates", "rules", "events")


def score_article(gold: Any, pred: Any | None, report: Report) -> dict[str, Any]:
    """Add one article's counts to ``report``; returns its errors (fp, fn, mismatch per section)."""
    g = as_dict(gold)
    p = as_dict(pred) if pred is not None else {}
    errors: dict[str, Any] = {"id": g.get("id")}
    if pred is None:
        errors["missing_prediction"] = True
    elif p.get("text") is not None and p.get("text") != g.get("text"):
        report.warnings.append(f"{g.get('id')}: predicted text differs from gold text")
    scorers = (
        (_score_entities, report.entities),
        (_score_dates, report.dates),
        (_score_rules, report.rules),
        (_score_events, report.events),
    )
    for name, (scorer, scores) in zip(_SECTIONS, scorers, strict=True):
        err: dict[str, list] = {"fp": [], "fn": [], "mismatch": []}
        scorer(list(g.get(name) or []), list(p.get(name) or []), scores, err)
        errors[name] = err
    return errors


def _keyed(records: Iterable[Any], kind: str, report: Report) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for n, record in enumerate(records):
        data = as_dict(record)
        key = str(data["id"]) if data.get("id") is not None else f"#{n}"
        if key in out:
            report.warnings.append(f"duplicate {kind} id {key!r}: the first record is kept")
            continue
        out[key] = data
    return out


def score_records(gold: Iterable[Any], pred: Iterable[Any]) -> Report:
    """Score predicted records against gold records (ArticleRecords or dicts)."""
    report = Report()
    gold_by_id = _keyed(gold, "gold", report)
    pred_by_id = _keyed(pred, "prediction", report)
    report.n_gold = len(gold_by_id)
    for key, g in gold_by_id.items():
        p = pred_by_id.get(key)
        if p is None:
            report.missing_pred_ids.append(key)
        else:
            report.n_scored += 1
        errors = score_article(g, p, report)
        errors["id"] = key
        report.errors.append(errors)
    report.extra_pred_ids = [k for k in pred_by_id if k not in gold_by_id]
    return report
