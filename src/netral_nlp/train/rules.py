"""Training the rule models (``netral train rules``).

The learned part: every candidate of every annotated article
(:mod:`netral_nlp.components.rules.candidates`) is labelled by the scorer's own
matching against the gold rules, and three linear models are fitted over the
candidates' feature texts: the detector (rule or not), modality and category.
Data: the real annotated articles of ``../shared/data`` (seeds, dev, train)
when present, plus the project's ``annotations/articles.jsonl``; the category
model also reads ``annotations/rule_sentences.jsonl`` (``{"text", "modality",
"category", "subject"}``). The models go into the ``netral_rules`` component
with the lexicons they were trained with, saved through
:func:`netral_nlp.pipeline.update_pipeline` so other trained parts are kept.

A transformers ``--backbone`` fine-tunes the category model on the gold rule
texts instead (it then outranks the linear category model).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..components.rules.cues import CATEGORIES
from ..learn import register_part

ANNOTATIONS = Path(__file__).resolve().parents[3] / "annotations"
COMPONENT = "netral_rules"
#: inverse regularisation strength of the modality model
MODALITY_C = 3.0


def _examples_from_line(row: dict[str, Any]) -> list[dict[str, str]]:
    if "rules" in row:  # a gold record
        text = row.get("text", "")
        out = []
        for rule in row.get("rules") or []:
            span = rule.get("text") or text[rule.get("start", 0) : rule.get("end", 0)]
            if span and rule.get("category") in CATEGORIES:
                out.append({"text": span, "category": rule["category"], "modality": rule.get("modality", "")})
        return out
    if row.get("text") and row.get("category") in CATEGORIES:
        return [{"text": row["text"], "category": row["category"], "modality": row.get("modality", "")}]
    return []


def read_examples(paths: Iterable[str | Path]) -> list[dict[str, str]]:
    """Rule examples from JSONL files (gold records or rule sentences); bad lines are skipped."""
    examples: list[dict[str, str]] = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                line = line.strip()
                if not line:
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(row, dict):
                    examples.extend(_examples_from_line(row))
    return examples


def sentence_examples() -> list[dict[str, str]]:
    """The project's written rule sentences (category examples only)."""
    sentences = ANNOTATIONS / "rule_sentences.jsonl"
    return read_examples([sentences]) if sentences.exists() else []


@dataclass
class CandidateExample:
    """One candidate of one article: its feature texts and what gold says of it."""

    article: str
    text: str
    category_text: str
    is_rule: int
    modality: str | None
    category: str | None


#: components the rule candidates need (the rest of the pipeline is skipped while training)
_NEEDED = ("netral_boilerplate", "netral_segmenter", "netral_qualifiers")


def candidate_examples(nlp, records: list[dict[str, Any]]) -> list[CandidateExample]:
    """Every candidate of every record, labelled by the scorer's matching with gold rules."""
    from ..components.qualifiers.index import QualifierIndex
    from ..components.rules.candidates import find_candidates
    from ..components.rules.features import candidate_texts, category_text
    from ..components.rules.labelling import match_gold
    from ..components.rules.lexicons import use_packaged_lexicons

    use_packaged_lexicons()  # a loaded model may have put its older lexicons in force
    disabled = [name for name in nlp.pipe_names if name not in _NEEDED]
    out: list[CandidateExample] = []
    with nlp.select_pipes(disable=disabled):
        for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
            text, qualifiers = record["text"], QualifierIndex.of(doc)
            candidates = find_candidates(doc)
            matched = match_gold(candidates, [r for r in record.get("rules") or [] if "start" in r])
            features = candidate_texts(text, candidates, qualifiers)
            for index, item in enumerate(candidates):
                gold = matched.get(index)
                out.append(CandidateExample(
                    str(record.get("id")), features[index], category_text(text, item),
                    int(gold is not None), gold and gold.get("modality"), gold and gold.get("category"),
                ))
    return out


def fit_models(examples: list[CandidateExample], sentences: list[dict[str, str]], seed: int = 0):
    """Detector, modality and category models from labelled candidates (+ written sentences)."""
    from ..components.rules.detector import RuleModels
    from ..components.rules.features import sentence_category_text
    from ..components.rules.lexicons import current_lexicons
    from ..learn.linear import LinearTextClassifier

    rules = [e for e in examples if e.is_rule]
    if not rules:
        raise ValueError("no candidate matches a gold rule: nothing to learn rules from")
    # the detector reads every candidate of every article: single words keep it cheap and
    # score as well as word pairs in grouped cross-validation (F1 0.810 against 0.809)
    detector = LinearTextClassifier.train(
        [e.text for e in examples], [e.is_rule for e in examples], seed, c=1.0, ngram_range=(1, 1)
    )
    with_modality = [e for e in rules if e.modality]
    modality = None  # one modality only: the cascade's answer stands
    if len({e.modality for e in with_modality}) > 1:
        # weaker regularisation than the detector's: modality turns on a few words (grouped
        # cross-validation: accuracy 0.931 at c=3 against 0.926 at c=1)
        modality = LinearTextClassifier.train(
            [e.text for e in with_modality], [e.modality for e in with_modality], seed, c=MODALITY_C
        )
    with_category = [e for e in rules if e.category in CATEGORIES]
    category = LinearTextClassifier.train(
        [e.category_text for e in with_category] + [sentence_category_text(s["text"]) for s in sentences],
        [e.category for e in with_category] + [s["category"] for s in sentences],
        seed, c=3.0, min_df=1,
    )
    return RuleModels(detector, modality, category, current_lexicons())


@register_part("rules", COMPONENT, order=30)
def fit_rules(nlp, records: list[dict[str, Any]], seed: int = 0) -> None:
    """Refit the rule models inside ``nlp`` from gold records (+ the project's rule sentences)."""
    models = fit_models(candidate_examples(nlp, records), sentence_examples(), seed)
    nlp.get_pipe(COMPONENT).set_learned(models)


def cross_validate(
    examples: list[CandidateExample], folds: int = 5, seed: int = 0, sentences: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    """Grouped (by article) k-fold figures of the three models at the candidate level."""
    from ..learn import grouped_folds

    ids = sorted({e.article for e in examples})
    if len(ids) < folds:
        return {}
    hits = Counter()
    extra = sentence_examples() if sentences is None else sentences
    for train_ids, test_ids in grouped_folds(ids, folds, seed):
        train_set, test_set = set(train_ids), set(test_ids)
        models = fit_models([e for e in examples if e.article in train_set], extra, seed)
        test = [e for e in examples if e.article in test_set]
        positive = models.detector.classes.index(1)
        probs = models.detector.proba([e.text for e in test])[:, positive]
        for e, p in zip(test, probs, strict=True):
            predicted = p >= models.threshold
            hits["tp"] += predicted and e.is_rule
            hits["fp"] += predicted and not e.is_rule
            hits["fn"] += (not predicted) and e.is_rule
        rules = [e for e in test if e.is_rule and e.modality and e.category in CATEGORIES]
        hits["rules"] += len(rules)
        if models.modality is not None:
            hits["modality"] += sum(m == e.modality for m, e in zip(models.modality.predict([e.text for e in rules]), rules, strict=True))
        hits["category"] += sum(c == e.category for c, e in zip(models.category.predict([e.category_text for e in rules]), rules, strict=True))
    precision = hits["tp"] / max(1, hits["tp"] + hits["fp"])
    recall = hits["tp"] / max(1, hits["tp"] + hits["fn"])
    return {
        "folds": folds,
        "candidate_precision": round(precision, 4),
        "candidate_recall": round(recall, 4),
        "candidate_f1": round(2 * precision * recall / max(1e-9, precision + recall), 4),
        "modality_accuracy": round(hits["modality"] / max(1, hits["rules"]), 4),
        "category_accuracy": round(hits["category"] / max(1, hits["rules"]), 4),
    }


def train_category_backbone(examples: list[dict[str, str]], backbone: str | Path, **kwargs):
    """A transformers category model fine-tuned from a local checkpoint."""
    from ..components.rules.backends.transformers_backend import TransformersCategorizer

    if not examples:
        raise ValueError("no rule examples to train on")
    return TransformersCategorizer.train([e["text"] for e in examples], [e["category"] for e in examples], backbone, **kwargs)


def run(
    data: list[str | Path] | None = None,
    backbone: str | Path | None = None,
    out: str | Path | None = None,
    source: str | Path | None = None,
    folds: int = 5,
    seed: int = 0,
    sentences: list[dict[str, str]] | None = None,
    **kwargs,
) -> dict[str, Any]:
    """Read gold articles, cross-validate, fit, install in the pipeline; returns a summary.

    ``sentences``: extra category examples (default: ``annotations/rule_sentences.jsonl``).
    """
    from ..learn import gold_records, training_articles
    from ..pipeline import load, update_pipeline

    records = gold_records(data) if data else training_articles()
    if not records:
        raise ValueError(f"no annotated articles with rules in {[str(p) for p in data or []]}")
    try:
        nlp = load(source)
    except FileNotFoundError:
        from ..pipeline import build_pipeline

        nlp = build_pipeline()
    examples = candidate_examples(nlp, records)
    sentences = sentence_examples() if sentences is None else sentences
    summary: dict[str, Any] = {
        "files": [str(p) for p in data] if data else "real articles + annotations/articles.jsonl",
        "articles": len(records),
        "candidates": len(examples),
        "rules": sum(e.is_rule for e in examples),
        "per_category": dict(Counter(e.category for e in examples if e.is_rule)),
        "sentences": len(sentences),
    }
    if folds:
        summary["cross_validation"] = cross_validate(examples, folds, seed, sentences)
    models = fit_models(examples, sentences, seed)
    category_backend = None
    if backbone is not None:
        gold_texts = [e for r in records for e in _examples_from_line(r)] + sentences
        category_backend = train_category_backbone(gold_texts, backbone, **kwargs)
    backend = "sklearn" if backbone is None else "transformers"

    def install(pipeline) -> None:
        if COMPONENT not in pipeline.pipe_names:
            before = "netral_events" if "netral_events" in pipeline.pipe_names else None
            pipeline.add_pipe(COMPONENT, config={"backend": backend}, before=before)
        elif getattr(pipeline.get_pipe(COMPONENT), "backend", None) != backend:
            pipeline.replace_pipe(COMPONENT, COMPONENT, config={"backend": backend})
        component = pipeline.get_pipe(COMPONENT)
        component.set_learned(models)
        component.set_model(category_backend)

    summary["backend"] = backend
    summary["pipeline"] = str(update_pipeline(install, source=source, out=out))
    return summary
