"""Character n-gram TF-IDF features computed word by word, with a cache per word.

scikit-learn's ``char_wb`` analyzer builds every n-gram of every word of every
text in Python, then looks each one up in the vocabulary: for rule items that
is most of the classifier's time. A ``char_wb`` n-gram never crosses a word
boundary, so a word's n-gram ids are the same wherever it occurs and can be
cached; the counts, TF-IDF weights and norm are then applied exactly as the
fitted ``TfidfVectorizer`` would (``tests/test_rules_backends.py`` checks the
matrices are equal).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from scipy import sparse
from sklearn.preprocessing import normalize

#: distinct words kept (a news corpus' vocabulary stays well below this)
CACHE_WORDS = 200_000


class CharNgramFeatures:
    """``vectorizer.transform(texts)`` for a fitted ``TfidfVectorizer(analyzer="char_wb")``."""

    def __init__(self, vectorizer) -> None:
        if not self.supports(vectorizer):
            raise ValueError("CharNgramFeatures needs a fitted char_wb TfidfVectorizer with default preprocessing")
        self.vocabulary: dict[str, int] = vectorizer.vocabulary_
        self.min_n, self.max_n = vectorizer.ngram_range
        self.lowercase = vectorizer.lowercase
        self.sublinear_tf = vectorizer.sublinear_tf
        self.idf = vectorizer.idf_ if vectorizer.use_idf else None
        self.norm = vectorizer.norm
        self.dtype = vectorizer.dtype
        self.word_ids = lru_cache(maxsize=CACHE_WORDS)(self._word_ids)

    @staticmethod
    def supports(vectorizer) -> bool:
        """Whether this class reproduces ``vectorizer`` (the options it leaves at their defaults)."""
        return (
            getattr(vectorizer, "analyzer", None) == "char_wb"
            and hasattr(vectorizer, "vocabulary_")
            and vectorizer.preprocessor is None
            and vectorizer.strip_accents is None
            and not vectorizer.binary
            and vectorizer.input == "content"
        )

    def _word_ids(self, word: str) -> tuple[int, ...]:
        """Vocabulary ids of the n-grams of one word, padded with spaces as ``char_wb`` does."""
        padded = f" {word} "
        ids = []
        for n in range(self.min_n, self.max_n + 1):
            if len(padded) <= n:  # a short word counts its whole padded form once, then stops
                if (index := self.vocabulary.get(padded)) is not None:
                    ids.append(index)
                break
            for offset in range(len(padded) - n + 1):
                if (index := self.vocabulary.get(padded[offset : offset + n])) is not None:
                    ids.append(index)
        return tuple(ids)

    def counts(self, texts: list[str]) -> sparse.csr_matrix:
        """Raw n-gram counts, one row per text (``CountVectorizer.transform``)."""
        ids: list[int] = []
        indptr = [0]
        for text in texts:
            for word in (text.lower() if self.lowercase else text).split():
                ids.extend(self.word_ids(word))
            indptr.append(len(ids))
        rows = np.repeat(np.arange(len(texts)), np.diff(indptr))
        matrix = sparse.csr_matrix(
            (np.ones(len(ids), dtype=np.int64), (rows, np.asarray(ids, dtype=np.int64))),
            shape=(len(texts), len(self.vocabulary)),
        )
        matrix.sum_duplicates()  # also sorts the indices, as CountVectorizer leaves them
        return matrix

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        """TF-IDF rows as the fitted vectorizer gives them."""
        matrix = self.counts(texts).astype(self.dtype)
        if self.sublinear_tf:
            np.log(matrix.data, out=matrix.data)
            matrix.data += 1
        if self.idf is not None:
            matrix.data *= self.idf[matrix.indices]
        if self.norm:
            matrix = normalize(matrix, norm=self.norm, copy=False)
        return matrix
