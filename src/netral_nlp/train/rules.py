"""Training the rule category classifier (``netral train rules``).

Examples come from the project's annotations: every rule item of every gold
record in ``annotations/*.jsonl`` plus the sentences of
``annotations/rule_sentences.jsonl`` (``{"text", "modality", "category",
"subject"}``). The trained model goes into the ``netral_rules`` component and
the pipeline is saved through :func:`netral_nlp.pipeline.update_pipeline`, so
other trained parts (the NER) are kept.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..components.rules.cues import CATEGORIES
from ..learn import register_part

ANNOTATIONS = Path(__file__).resolve().parents[3] / "annotations"
COMPONENT = "netral_rules"


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


def default_data() -> list[Path]:
    """Every ``annotations/*.jsonl`` (records and ``rule_sentences.jsonl``)."""
    return sorted(ANNOTATIONS.glob("*.jsonl")) if ANNOTATIONS.exists() else []


def cross_validate(examples: list[dict[str, str]], folds: int = 5, seed: int = 0) -> dict[str, Any]:
    """Stratified k-fold category accuracy of the sklearn backend."""
    from sklearn.model_selection import StratifiedKFold

    from ..components.rules.backends.sklearn_backend import SklearnCategorizer

    texts = [e["text"] for e in examples]
    labels = [e["category"] for e in examples]
    smallest = min(Counter(labels).values())
    k = max(2, min(folds, smallest))
    splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    scores = []
    for train_idx, test_idx in splitter.split(texts, labels):
        model = SklearnCategorizer.train([texts[i] for i in train_idx], [labels[i] for i in train_idx], seed)
        predicted = model.predict([texts[i] for i in test_idx])
        scores.append(sum(p == labels[i] for p, i in zip(predicted, test_idx, strict=True)) / len(test_idx))
    return {"folds": k, "accuracy": sum(scores) / len(scores), "per_fold": scores}


def train_model(examples: list[dict[str, str]], backbone: str | Path | None = None, **kwargs):
    """A trained categorizer: sklearn, or transformers when ``backbone`` is a local checkpoint."""
    texts = [e["text"] for e in examples]
    labels = [e["category"] for e in examples]
    if not texts:
        raise ValueError("no rule examples to train on")
    if backbone is None:
        from ..components.rules.backends.sklearn_backend import SklearnCategorizer

        return SklearnCategorizer.train(texts, labels, seed=kwargs.get("seed", 0))
    from ..components.rules.backends.transformers_backend import TransformersCategorizer

    return TransformersCategorizer.train(texts, labels, backbone, **kwargs)


def install(model, backend: str, source: str | Path | None = None, out: str | Path | None = None) -> Path:
    """Put ``model`` into the pipeline's ``netral_rules`` (configured for ``backend``) and save it."""
    from ..pipeline import update_pipeline

    def modify(nlp) -> None:
        if COMPONENT in nlp.pipe_names:
            component = nlp.get_pipe(COMPONENT)
            if getattr(component, "backend", None) != backend:
                nlp.replace_pipe(COMPONENT, COMPONENT, config={"backend": backend})
        else:
            nlp.add_pipe(COMPONENT, config={"backend": backend}, before="netral_events" if "netral_events" in nlp.pipe_names else None)
        nlp.get_pipe(COMPONENT).set_model(model)

    return update_pipeline(modify, source=source, out=out)


def run(
    data: list[str | Path] | None = None,
    backbone: str | Path | None = None,
    out: str | Path | None = None,
    source: str | Path | None = None,
    folds: int = 5,
    **kwargs,
) -> dict[str, Any]:
    """Read examples, cross-validate (sklearn), train, install; returns a summary."""
    paths = [Path(p) for p in data] if data else default_data()
    examples = read_examples(paths)
    summary: dict[str, Any] = {
        "files": [str(p) for p in paths],
        "examples": len(examples),
        "per_category": dict(Counter(e["category"] for e in examples)),
    }
    if folds and backbone is None and len(examples) >= 10:
        summary["cross_validation"] = cross_validate(examples, folds)
    model = train_model(examples, backbone, **kwargs)
    backend = "sklearn" if backbone is None else "transformers"
    summary["backend"] = backend
    summary["pipeline"] = str(install(model, backend, source=source, out=out))
    return summary


@register_part("rules", COMPONENT, order=30)
def fit_rules(nlp, records: list[dict[str, Any]], seed: int = 0) -> None:
    """Refit the rule category classifier from gold records (+ the project's rule sentences)."""
    examples = [e for r in records for e in _examples_from_line(r)]
    sentences = ANNOTATIONS / "rule_sentences.jsonl"
    if sentences.exists():
        examples += read_examples([sentences])
    nlp.get_pipe(COMPONENT).set_model(train_model(examples, seed=seed))
