"""numpy-only prediction equals scikit-learn's, feature by feature."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline, make_pipeline

from netral_nlp import linear_store
from netral_nlp.linear_predict import LinearTextModel, TfidfPart, Unsupported

TRAIN = [
    ("ASN dilarang mengunggah foto kampanye di media sosial.", "social_media"),
    ("Pegawai tidak boleh membagikan konten calon di Facebook.", "social_media"),
    ("Jangan memberi komentar dukungan di akun Instagram calon.", "social_media"),
    ("ASN dilarang menerima uang dari tim sukses.", "money_politics"),
    ("Pegawai wajib menolak politik uang dalam bentuk apa pun.", "money_politics"),
    ("Kepala desa tidak boleh membagikan amplop kepada warga.", "money_politics"),
    ("ASN dilarang memakai mobil dinas untuk kampanye.", "state_facilities"),
    ("Kepala desa dilarang memakai dana desa untuk calon.", "state_facilities"),
    ("Pejabat dilarang memakai kendaraan dinas untuk tim sukses.", "state_facilities"),
]
TEXTS = [t for t, _ in TRAIN]
LABELS = [c for _, c in TRAIN]
ODD = ["", "a", "ab", "x y z", "   ", "ASN   dilarang\n\tkampanye  di Facebook", "É ÉTÉ ß Straße",
       "ASN ASN ASN asn", "dilarang menerima uang", "uang-uang (dinas) 2024/11",
       "ASN,dilarang;menerima\u00a0uang dinas.dinas"]


def _part(vectorizer: TfidfVectorizer) -> TfidfPart:
    spec, arrays = linear_store.describe(make_pipeline(vectorizer, LogisticRegression()).fit(TEXTS, LABELS))
    step = spec["model"]["steps"][0]
    return TfidfPart(step[1]["params"], step[1]["terms"], arrays.get(f"m.{step[0]}.idf"))


@pytest.mark.parametrize(
    "options",
    [
        {"analyzer": "char_wb", "ngram_range": (2, 5), "sublinear_tf": True},
        {"analyzer": "char_wb", "ngram_range": (1, 3), "norm": None, "min_df": 2},
        {"analyzer": "char_wb", "ngram_range": (3, 3), "use_idf": False, "norm": "l1"},
        {"analyzer": "word", "ngram_range": (1, 2), "sublinear_tf": True},
        {"analyzer": "word", "ngram_range": (2, 3), "binary": True},
        {"analyzer": "word", "lowercase": False},
        # the paths that read tokens per white-space-free chunk and bigrams as word pairs
        {"analyzer": "word", "sublinear_tf": True},
        {"analyzer": "word", "ngram_range": (2, 2)},
        {"analyzer": "word", "ngram_range": (1, 2), "token_pattern": r"(?u)[^\s]+", "lowercase": False},
        # a token pattern whose tokens are not read chunk by chunk
        {"analyzer": "word", "ngram_range": (1, 2), "token_pattern": r"(?u)\b\w+\b"},
    ],
)
def test_tfidf_rows_equal_sklearn(options):
    vectorizer = TfidfVectorizer(**options)
    part = _part(vectorizer)
    texts = TEXTS + ODD
    expected = vectorizer.transform(texts)
    rows, ids, weights = part.rows(texts)
    for row, text in enumerate(texts):
        want = expected.getrow(row)
        mine = rows == row
        assert ids[mine].tolist() == sorted(want.indices.tolist()), text
        order = np.argsort(want.indices)
        assert np.allclose(weights[mine], want.data[order], rtol=1e-12, atol=0), text


def _estimator(binary: bool = False):
    features = FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
    ])
    labels = ["social_media" if c == "social_media" else "other" for c in LABELS] if binary else LABELS
    return Pipeline([("features", features), ("classifier", LogisticRegression(C=20.0))]).fit(TEXTS, labels)


@pytest.mark.parametrize("binary", [False, True])
def test_predictions_equal_the_stored_estimator(binary, tmp_path):
    linear_store.dump(_estimator(binary), tmp_path)
    spec, arrays = linear_store.read(tmp_path)
    model = LinearTextModel(spec["model"], arrays)
    estimator = linear_store.load(tmp_path)
    texts = TEXTS + ODD + [t.upper() for t in TEXTS]
    assert model.predict(texts) == estimator.predict(texts).tolist()
    expected = estimator.decision_function(texts)
    assert np.allclose(model.decision_function(texts), expected.reshape(len(texts), -1), atol=1e-9)


def test_unsupported_models_are_refused():
    for vectorizer in (TfidfVectorizer(analyzer="char"), TfidfVectorizer(stop_words=["di"])):
        spec, arrays = linear_store.describe(make_pipeline(vectorizer, LogisticRegression()).fit(TEXTS, LABELS))
        with pytest.raises(Unsupported):
            LinearTextModel(spec["model"], arrays)
