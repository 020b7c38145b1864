"""A linear text classifier trained with scikit-learn, stored as JSON + npz, run with numpy.

Learned parts describe each candidate as text: its words plus pseudo-words
for the cues that fire on it (``__cue_strong_modal``, ``__q_QUOTED``). One
TF-IDF + logistic regression over that text learns how much each cue counts,
the store (:mod:`netral_nlp.linear_store`) keeps it without pickle, and
:mod:`netral_nlp.linear_predict` predicts in worker processes without
importing scikit-learn. The rules, date-kind and event decisions all use it;
each chooses its vectorizer settings (``FEATURE_WORDS`` for feature strings
whose tokens are any non-space characters).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np

from .. import linear_store
from ..linear_predict import LinearTextModel

META_FILE = "meta.json"
#: vectorizer settings for feature strings: every whitespace token is a binary feature
FEATURE_WORDS: dict[str, Any] = {
    "token_pattern": r"(?u)[^\s]+", "lowercase": False, "binary": True, "min_df": 1,
    "ngram_range": (1, 1), "sublinear_tf": False,
}
#: default vectorizer settings: lower-cased word n-grams, sublinear term frequency
TEXT_WORDS: dict[str, Any] = {"ngram_range": (1, 2), "sublinear_tf": True, "min_df": 2}


def build_estimator(seed: int = 0, c: float = 4.0, balanced: bool = True, **vectorizer: Any):
    """TF-IDF (``TEXT_WORDS`` overridden by ``vectorizer``) + logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    settings = {**TEXT_WORDS, **vectorizer}
    settings["ngram_range"] = tuple(settings["ngram_range"])
    return Pipeline([
        ("features", TfidfVectorizer(analyzer="word", **settings)),
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
    def train(cls, texts: list[str], labels: list[Any], seed: int = 0, meta: dict[str, Any] | None = None,
              **options: Any) -> LinearTextClassifier:
        """Fit on ``texts``; ``options`` go to :func:`build_estimator` (``c``, ``balanced``,
        vectorizer settings). Needs two distinct labels or more."""
        if len(set(labels)) < 2:
            raise ValueError(f"a classifier needs two classes or more, got {sorted(set(map(str, labels)))}")
        estimator = build_estimator(seed, **options)
        estimator.fit(texts, labels)
        info = {"examples": len(texts), "classes": sorted(map(str, set(labels))),
                "options": {k: list(v) if isinstance(v, tuple) else v for k, v in options.items()}}
        return cls(*linear_store.describe(estimator), {**info, **(meta or {})})

    def proba(self, texts: list[str]) -> np.ndarray:
        """Class probabilities, one row per text, columns in ``classes`` order."""
        return self.model.predict_proba(texts) if texts else np.zeros((0, len(self.classes)))

    def predict(self, texts: list[str]) -> list[Any]:
        return self.model.predict(texts) if texts else []

    def save(self, folder: str | Path, lexicons: dict[str, Path] | None = None) -> None:
        """Write the model, and copy ``lexicons`` (file name -> source file) beside it."""
        folder = Path(folder)
        linear_store.write(self.spec, self.arrays, folder)
        (folder / META_FILE).write_text(json.dumps(self.meta, ensure_ascii=False, indent=1), encoding="utf-8")
        for name, source in (lexicons or {}).items():
            shutil.copyfile(source, folder / name)

    @classmethod
    def load(cls, folder: str | Path) -> LinearTextClassifier | None:
        """The classifier saved in ``folder``, or None when there is none."""
        folder = Path(folder)
        if not linear_store.exists(folder):
            return None
        spec, arrays = linear_store.read(folder)
        meta_file = folder / META_FILE
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
        return cls(spec, arrays, meta)

    @staticmethod
    def exists(folder: str | Path) -> bool:
        return linear_store.exists(folder)
