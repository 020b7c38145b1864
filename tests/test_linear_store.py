"""Linear classifiers survive a save/load round trip without pickle."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler

from netral_nlp import linear_store

TEXTS = ["ASN dilarang kampanye", "ASN wajib netral", "dilarang memasang baliho",
         "wajib menjaga netralitas", "tidak boleh politik uang", "harus bersikap netral"]
LABELS = ["a", "b", "a", "b", "a", "b"]


def _model(multiclass: bool):
    union = FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2))),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), max_features=200)),
    ])
    labels = LABELS if not multiclass else ["a", "b", "c", "a", "b", "c"]
    return Pipeline([("f", union), ("c", LogisticRegression(max_iter=500))]).fit(TEXTS, labels)


@pytest.mark.parametrize("multiclass", [False, True])
def test_round_trip_gives_identical_probabilities(tmp_path, multiclass):
    model = _model(multiclass)
    linear_store.dump(model, tmp_path)
    restored = linear_store.load(tmp_path)
    probe = ["ASN dilarang memasang baliho", "netral", "kata baru sama sekali"]
    assert list(restored.predict(probe)) == list(model.predict(probe))
    np.testing.assert_allclose(restored.predict_proba(probe), model.predict_proba(probe), rtol=1e-5)


def test_unsupported_parts_are_refused(tmp_path):
    model = Pipeline([("s", StandardScaler()), ("c", LogisticRegression())]).fit(
        np.eye(4), [0, 1, 0, 1]
    )
    with pytest.raises(TypeError):
        linear_store.dump(model, tmp_path)
