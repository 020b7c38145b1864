"""scikit-learn backend: TF-IDF word + char n-grams and keyword-cue tokens, linear classifier.

Trained with scikit-learn, saved through ``netral_nlp.linear_store`` (JSON + npz,
no pickle) and predicted with ``netral_nlp.linear_predict`` (numpy alone, so
loading the pipeline does not import scikit-learn).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .... import linear_store
from ....linear_predict import LinearTextModel, Unsupported
from .keywords import cue_tokens

META_FILE = "meta.json"
#: caps the char n-gram vocabulary: keeps the shipped model small (a few MB)
MAX_CHAR_FEATURES = 20000


def featurize(text: str) -> str:
    """The text the vectorizers see: lower-cased words plus keyword-cue pseudo-words."""
    return f"{text.lower()} {cue_tokens(text)}"


def build_estimator(seed: int = 0):
    """An untrained pipeline (TF-IDF word 1-2 grams + char 2-5 grams -> logistic regression)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(2, 5),
                    sublinear_tf=True,
                    min_df=2,
                    max_features=MAX_CHAR_FEATURES,
                ),
            ),
        ]
    )
    classifier = LogisticRegression(C=20.0, max_iter=3000, class_weight="balanced", random_state=seed)
    return Pipeline([("features", features), ("classifier", classifier)])


class SklearnCategorizer:
    """A trained category classifier: its stored form and what predicts from it."""

    def __init__(self, spec: dict[str, Any], arrays: dict, meta: dict | None = None, estimator=None):
        self.spec, self.arrays = spec, arrays
        self.meta = meta or {}
        try:
            self.predictor: Any = LinearTextModel(spec["model"], arrays)
        except Unsupported:  # a model this project did not build: scikit-learn predicts
            self.predictor = estimator if estimator is not None else linear_store.build(spec, arrays)

    @classmethod
    def train(cls, texts: list[str], labels: list[str], seed: int = 0) -> SklearnCategorizer:
        estimator = build_estimator(seed)
        estimator.fit([featurize(t) for t in texts], labels)
        meta = {"examples": len(texts), "labels": sorted(set(labels))}
        return cls(*linear_store.describe(estimator), meta, estimator=estimator)

    def predict(self, texts: list[str]) -> list[str]:
        if not texts:
            return []
        return [str(label) for label in self.predictor.predict([featurize(t) for t in texts])]

    def save(self, folder: str | Path) -> None:
        folder = Path(folder)
        linear_store.write(self.spec, self.arrays, folder)
        (folder / META_FILE).write_text(json.dumps(self.meta, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, folder: str | Path) -> SklearnCategorizer:
        folder = Path(folder)
        meta_file = folder / META_FILE
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
        return cls(*linear_store.read(folder), meta)
