"""``netral train dates``: fit the date-kind decision on annotated articles.

Every gold record's text goes through the pipeline up to ``netral_dates``
with the learned decision switched off, so each found mention carries the
cascade's kind; a mention overlapping a gold date is an example labelled
with that date's kind (mentions gold does not have teach nothing about
kinds and are left out). Trained on the real articles of ../shared/data
(seeds, dev, train) when present, plus the project's annotated corpus.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..components.dates.kind_model import default_lexicon, mention_features
from ..components.dates.kinds import Sentences
from ..components.qualifiers.index import QualifierIndex
from ..learn.linear import FEATURE_WORDS, LinearTextClassifier
from ..spans import labelled, sentence_bounds
from ..tokenizer import doc_text
from .installing import linear_part

COMPONENT = "netral_dates"
#: inverse regularisation of the kind model, and the probability above which it overrides
#: the cascade (both chosen by grouped CV over the real articles, benchmarks/generalisation.py)
C = 30.0
OVERRIDE_ABOVE = 0.5


def _overlapping(gold: list[dict], start: int, end: int) -> dict | None:
    return next((g for g in gold if g["start"] < end and start < g["end"]), None)


def examples(nlp, records: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """(feature strings, gold kinds) of every found mention that gold also marks."""
    component = nlp.get_pipe(COMPONENT)
    later = nlp.pipe_names[nlp.pipe_names.index(COMPONENT) + 1 :]
    was = component.use_model
    component.use_model = False
    features: list[str] = []
    labels: list[str] = []
    lexicon = default_lexicon()
    try:
        with nlp.select_pipes(disable=later):
            for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
                text = doc_text(doc)
                gold = record.get("dates") or []
                sentences = Sentences(sentence_bounds(doc), len(text))
                qualifiers = QualifierIndex.of(doc)
                for start, end, fields in labelled(doc, "dates", "DATE"):
                    match = _overlapping(gold, start, end)
                    if match is None or not match.get("kind"):
                        continue
                    features.append(
                        mention_features(
                            text, start, end, fields.get("kind") or "other", fields.get("value"),
                            sentences.around(start), lexicon, qualifiers.labels(start, end),
                        )
                    )
                    labels.append(match["kind"])
    finally:
        component.use_model = was
    return features, labels


def train_model(nlp, records: list[dict[str, Any]], seed: int = 0) -> LinearTextClassifier:
    features, labels = examples(nlp, records)
    if not features:
        raise ValueError("no gold date mentions to learn kinds from")
    meta = {
        "articles": len(records),
        "per_kind": dict(sorted(Counter(labels).items())),
        "override_above": OVERRIDE_ABOVE,
    }
    return LinearTextClassifier.train(features, labels, seed=seed, meta=meta, c=C, balanced=False, **FEATURE_WORDS)


def install_model(nlp, model: LinearTextClassifier) -> None:
    """Put a fitted model in force in ``nlp``'s component."""
    nlp.get_pipe(COMPONENT).set_kind_model(model)


#: ``fit_dates`` refits the kind decision inside a pipeline from gold records only (cross-validation);
#: ``run`` is ``netral train dates``
fit_dates, run = linear_part("dates", COMPONENT, 20, train_model, install_model, "per_kind")
