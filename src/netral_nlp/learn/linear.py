"""A linear text classifier trained with scikit-learn, stored as JSON + npz, run with numpy.

Learned parts describe each candidate as text: its words plus pseudo-words
for the cues that fire on it (``__cue_strong_modal``, ``__q_QUOTED``). One
TF-IDF + logistic regression over that text learns how much each cue counts,
the store keeps it without pickle, and :mod:`netral_nlp.linear_predict`
predicts in worker processes without importing scikit-learn.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from .. import linear_store
from ..linear_predict import LinearTextModel

META_FILE = "meta.json"


def build_estimator(seed: int = 0, c: float = 4.0, ngrams: tuple[int, int] = (1, 2), min_df: int = 2,
                    balanced: bool = True):
    """TF-IDF word n-grams (pseudo-words included) + logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline([
        ("features", TfidfVectorizer(analyzer="word", ngram_range=ngrams, sublinear_tf=True, min_df=min_df)),
        ("classifier", LogisticRegression(C=c, max_iter=5000, random_state=seed,
                                          class_weight="balanced" if balanced else None)),
    ])


class LinearTextClassifier:
    """A fitted classifier over feature texts: probabilities and labels, save and load."""

    def __init__(self, spec: dict[str, Any], arrays: dict[str, np.ndarray], meta: dict[str, Any] | None = None):
        self.spec, self.arrays = spec, arrays
        self.meta = meta or {}
        self.model = LinearTextModel(spec["model"], arrays)

    @property
    def classes(self) -> list[Any]:
        return self.model.classes

    @classmethod
    def train(cls, texts: list[str], labels: list[Any], seed: int = 0, **options: Any) -> LinearTextClassifier:
        if len(set(labels)) < 2:
            raise ValueError(f"a classifier needs two classes or more, got {sorted(set(map(str, labels)))}")
        estimator = build_estimator(seed, **options)
        estimator.fit(texts, labels)
        meta = {"examples": len(texts), "classes": sorted(map(str, set(labels))),
                "options": {k: list(v) if isinstance(v, tuple) else v for k, v in options.items()}}
        return cls(*linear_store.describe(estimator), meta)

    def proba(self, texts: list[str]) -> np.ndarray:
        return self.model.predict_proba(texts) if texts else np.zeros((0, len(self.classes)))

    def predict(self, texts: list[str]) -> list[Any]:
        return self.model.predict(texts) if texts else []

    def save(self, folder: str | Path) -> None:
        folder = Path(folder)
        linear_store.write(self.spec, self.arrays, folder)
        (folder / META_FILE).write_text(json.dumps(self.meta, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, folder: str | Path) -> LinearTextClassifier:
        folder = Path(folder)
        spec, arrays = linear_store.read(folder)
        meta_file = folder / META_FILE
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
        return cls(spec, arrays, meta)

    @staticmethod
    def exists(folder: str | Path) -> bool:
        return linear_store.exists(folder)
