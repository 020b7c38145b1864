"""scikit-learn backend: TF-IDF word + char n-grams and keyword-cue tokens, linear classifier.

Saved through ``netral_nlp.linear_store`` (JSON + npz, no pickle).
"""

from __future__ import annotations

import json
from pathlib import Path

from scipy import sparse

from .... import linear_store
from .char_ngrams import CharNgramFeatures
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
    """A trained category classifier."""

    def __init__(self, estimator, meta: dict | None = None):
        self.estimator = estimator
        self.meta = meta or {}
        self._fast = _fast_parts(estimator)

    @classmethod
    def train(cls, texts: list[str], labels: list[str], seed: int = 0) -> SklearnCategorizer:
        estimator = build_estimator(seed)
        estimator.fit([featurize(t) for t in texts], labels)
        return cls(estimator, {"examples": len(texts), "labels": sorted(set(labels))})

    def predict(self, texts: list[str]) -> list[str]:
        if not texts:
            return []
        features = [featurize(t) for t in texts]
        if self._fast is None:
            labels = self.estimator.predict(features)
        else:  # the same matrix as the FeatureUnion, char n-grams from the word cache
            words, chars, classifier = self._fast
            matrix = sparse.hstack([words.transform(features), chars.transform(features)]).tocsr()
            labels = classifier.predict(matrix)
        return [str(label) for label in labels]

    def save(self, folder: str | Path) -> None:
        folder = Path(folder)
        linear_store.dump(self.estimator, folder)
        (folder / META_FILE).write_text(json.dumps(self.meta, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, folder: str | Path) -> SklearnCategorizer:
        folder = Path(folder)
        estimator = linear_store.load(folder)
        meta_file = folder / META_FILE
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
        return cls(estimator, meta)


def _fast_parts(estimator):
    """(word vectorizer, cached char features, classifier) when ``estimator`` has the
    shape :func:`build_estimator` gives it, else None (then ``estimator.predict`` runs)."""
    steps = getattr(estimator, "named_steps", {})
    union, classifier = steps.get("features"), steps.get("classifier")
    parts = dict(getattr(union, "transformer_list", ()))
    if classifier is None or list(parts) != ["words", "chars"] or getattr(union, "transformer_weights", None):
        return None
    if not CharNgramFeatures.supports(parts["chars"]):
        return None
    return parts["words"], CharNgramFeatures(parts["chars"]), classifier
