"""A learned decision over feature strings: TF-IDF of feature words + logistic regression.

The learned parts of the date and event components describe each candidate as
a string of words and pseudo-words (``l_pilkada __dayname __cascade_other``).
scikit-learn fits it (training only); the stored form is
:mod:`netral_nlp.linear_store` (JSON + npz, no pickle) and predictions come from
:mod:`netral_nlp.linear_predict` (numpy alone), so workers never import
scikit-learn. The lexicon files the features were built with are stored beside
the model, so a saved model always reads the words it was trained with.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np

from . import linear_store
from .linear_predict import LinearTextModel

META_FILE = "meta.json"
#: feature strings are whitespace-separated tokens (any characters but spaces)
TOKEN_PATTERN = r"(?u)[^\s]+"


def build_estimator(seed: int = 0, c: float = 1.0, balanced: bool = False):
    """An untrained TF-IDF (binary feature words) + logistic regression pipeline."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    vectorizer = TfidfVectorizer(token_pattern=TOKEN_PATTERN, lowercase=False, binary=True, min_df=1)
    classifier = LogisticRegression(
        C=c, max_iter=5000, class_weight="balanced" if balanced else None, random_state=seed
    )
    return Pipeline([("features", vectorizer), ("classifier", classifier)])


class LinearDecision:
    """A trained decision: classes, scores per class, and its stored form."""

    def __init__(self, spec: dict[str, Any], arrays: dict[str, np.ndarray], meta: dict | None = None) -> None:
        self.spec, self.arrays = spec, arrays
        self.meta = meta or {}
        self.predictor = LinearTextModel(spec["model"], arrays)
        self.classes = [str(c) for c in self.predictor.classes]

    @classmethod
    def train(
        cls, features: list[str], labels: list[str], seed: int = 0, c: float = 1.0, balanced: bool = False,
        meta: dict | None = None,
    ) -> LinearDecision:
        """Fit on feature strings; needs at least two distinct labels."""
        if len(set(labels)) < 2:
            raise ValueError("a decision needs at least two distinct labels to learn from")
        estimator = build_estimator(seed, c, balanced)
        estimator.fit(features, labels)
        info = {"examples": len(labels), "labels": sorted(set(labels)), "C": c, "balanced": balanced}
        return cls(*linear_store.describe(estimator), {**info, **(meta or {})})

    def probabilities(self, features: list[str]) -> np.ndarray:
        """Class probabilities, one row per feature string (columns in ``classes`` order)."""
        if not features:
            return np.zeros((0, len(self.classes)))
        scores = self.predictor.decision_function(features)
        if scores.shape[1] == 1:
            positive = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.stack([1.0 - positive, positive], axis=1)
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, features: list[str]) -> list[str]:
        probs = self.probabilities(features)
        return [self.classes[i] for i in probs.argmax(axis=1)] if len(features) else []

    def save(self, folder: str | Path, lexicons: dict[str, Path] | None = None) -> None:
        """Write the model and copy ``lexicons`` (name -> file) beside it."""
        folder = Path(folder)
        linear_store.write(self.spec, self.arrays, folder)
        (folder / META_FILE).write_text(json.dumps(self.meta, ensure_ascii=False, indent=1), encoding="utf-8")
        for name, source in (lexicons or {}).items():
            shutil.copyfile(source, folder / name)

    @classmethod
    def load(cls, folder: str | Path) -> LinearDecision | None:
        """The decision saved in ``folder``, or None when there is none."""
        folder = Path(folder)
        if not linear_store.exists(folder):
            return None
        meta_file = folder / META_FILE
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
        return cls(*linear_store.read(folder), meta)
