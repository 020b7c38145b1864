"""Save and load the project's linear text classifiers without pickle.

The trained parts that use scikit-learn (rule categories, event candidates) are
pipelines of TF-IDF vectorizers and a logistic regression. Their whole state is
a vocabulary, IDF weights and coefficient matrices, so it is stored as JSON plus
an ``.npz`` read with ``allow_pickle=False``: nothing executable is loaded, and
loading needs no extra package (skops' import alone costs seconds).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

SPEC_FILE = "linear_model.json"
ARRAYS_FILE = "linear_model.npz"
FORMAT_VERSION = 1


def _vectorizer_params(vectorizer) -> dict[str, Any]:
    params = vectorizer.get_params(deep=False)
    unsupported = [k for k in ("tokenizer", "preprocessor", "analyzer") if callable(params.get(k))]
    if unsupported:
        raise TypeError(f"cannot store a vectorizer with callable {unsupported}")
    params["dtype"] = np.dtype(params["dtype"]).name
    if params.get("ngram_range") is not None:
        params["ngram_range"] = list(params["ngram_range"])
    return params


def _describe(obj, key: str, arrays: dict[str, np.ndarray]) -> dict[str, Any]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    if isinstance(obj, Pipeline):
        return {"kind": "pipeline",
                "steps": [[name, _describe(step, f"{key}.{name}", arrays)] for name, step in obj.steps]}
    if isinstance(obj, FeatureUnion):
        return {"kind": "union", "weights": obj.transformer_weights,
                "parts": [[name, _describe(part, f"{key}.{name}", arrays)]
                          for name, part in obj.transformer_list]}
    if isinstance(obj, TfidfVectorizer):
        terms = sorted(obj.vocabulary_, key=obj.vocabulary_.__getitem__)
        if obj.use_idf:
            arrays[f"{key}.idf"] = obj.idf_.astype(np.float64)
        return {"kind": "tfidf", "params": _vectorizer_params(obj), "terms": terms}
    if isinstance(obj, LogisticRegression):
        arrays[f"{key}.coef"] = obj.coef_.astype(np.float32)
        arrays[f"{key}.intercept"] = obj.intercept_.astype(np.float32)
        classes = obj.classes_.tolist()
        return {"kind": "logreg", "params": obj.get_params(deep=False), "classes": classes}
    raise TypeError(f"cannot store {type(obj).__name__}")


def _build(spec: dict[str, Any], key: str, arrays) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    kind = spec["kind"]
    if kind == "pipeline":
        return Pipeline([(name, _build(s, f"{key}.{name}", arrays)) for name, s in spec["steps"]])
    if kind == "union":
        parts = [(name, _build(s, f"{key}.{name}", arrays)) for name, s in spec["parts"]]
        return FeatureUnion(parts, transformer_weights=spec["weights"])
    if kind == "tfidf":
        params = dict(spec["params"])
        params["dtype"] = np.dtype(params["dtype"]).type
        if params.get("ngram_range") is not None:
            params["ngram_range"] = tuple(params["ngram_range"])
        vectorizer = TfidfVectorizer(**params)
        vectorizer.vocabulary_ = {term: i for i, term in enumerate(spec["terms"])}
        if f"{key}.idf" in arrays:
            vectorizer.idf_ = np.asarray(arrays[f"{key}.idf"])
        return vectorizer
    if kind == "logreg":
        model = LogisticRegression(**spec["params"])
        model.coef_ = np.asarray(arrays[f"{key}.coef"], dtype=np.float64)
        model.intercept_ = np.asarray(arrays[f"{key}.intercept"], dtype=np.float64)
        model.classes_ = np.asarray(spec["classes"])
        model.n_features_in_ = model.coef_.shape[1]
        return model
    raise ValueError(f"unknown part {kind!r} in a stored model")


def describe(estimator) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The stored form of ``estimator``: a JSON-able spec and named arrays."""
    arrays: dict[str, np.ndarray] = {}
    return {"format": FORMAT_VERSION, "model": _describe(estimator, "m", arrays)}, arrays


def write(spec: dict[str, Any], arrays: dict[str, np.ndarray], folder: str | Path) -> None:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SPEC_FILE).write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    np.savez_compressed(folder / ARRAYS_FILE, **arrays)


def read(folder: str | Path) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """(spec, arrays) as :func:`write` left them; ``spec["model"]`` describes the estimator."""
    folder = Path(folder)
    spec = json.loads((folder / SPEC_FILE).read_text(encoding="utf-8"))
    if spec.get("format") != FORMAT_VERSION:
        raise ValueError(f"{folder}: unsupported model format {spec.get('format')!r}")
    with np.load(folder / ARRAYS_FILE, allow_pickle=False) as stored:
        return spec, {k: stored[k] for k in stored.files}


def dump(estimator, folder: str | Path) -> None:
    """Write ``estimator`` to ``folder`` as JSON + npz."""
    write(*describe(estimator), folder)


def exists(folder: str | Path) -> bool:
    return (Path(folder) / SPEC_FILE).exists()


def build(spec: dict[str, Any], arrays: dict[str, np.ndarray]):
    """The scikit-learn estimator a spec describes."""
    return _build(spec["model"], "m", arrays)


def load(folder: str | Path):
    """Rebuild the estimator stored in ``folder`` (no pickle involved)."""
    return build(*read(folder))
