"""Predict with a stored linear text classifier using numpy alone.

A model written by :mod:`netral_nlp.linear_store` (TF-IDF vectorizers and a
logistic regression) is, at prediction time, vocabularies, IDF weights and a
coefficient matrix. Reading them into this module instead of rebuilding the
scikit-learn objects keeps scikit-learn out of worker processes: importing it
pulls in scipy, and pandas and pyarrow when they are installed, well over
100 MB per process. It is also faster: a word's character n-gram ids are the
same wherever the word occurs (``char_wb`` n-grams never cross a word
boundary), so they are cached per word instead of rebuilt per text.

Only what the project's models use is supported (word and ``char_wb``
analyzers with default preprocessing, l1/l2/no norm, a logistic regression);
anything else raises :class:`Unsupported` and the caller falls back to
scikit-learn. ``tests/test_linear_predict.py`` checks the features and the
predictions against scikit-learn's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import chain, repeat
from typing import Any

import numpy as np

#: distinct words whose n-gram ids are kept (a news vocabulary stays well below this)
CACHE_WORDS = 200_000
#: token patterns none of whose matches holds or borders on white space in a way that
#: matters (``\b`` sees white space and a string's edge alike): the tokens of a text are
#: then those of its white-space-separated chunks, found once per distinct chunk
CHUNKED_PATTERNS = (r"(?u)\b\w\w+\b", r"\b\w\w+\b")


class Unsupported(ValueError):
    """A stored model this module does not reproduce exactly."""


class TfidfPart:
    """One fitted ``TfidfVectorizer``: text -> (feature ids, weights)."""

    def __init__(self, params: dict[str, Any], terms: list[str], idf: np.ndarray | None) -> None:
        analyzer = params.get("analyzer", "word")
        plain = all(params.get(k) is None for k in ("preprocessor", "tokenizer", "strip_accents", "stop_words"))
        if analyzer not in ("word", "char_wb") or not plain or params.get("input", "content") != "content":
            raise Unsupported(f"vectorizer options {analyzer=}, preprocessing {plain=}")
        if params.get("norm") not in ("l1", "l2", None):
            raise Unsupported(f"norm {params.get('norm')!r}")
        self.analyzer = analyzer
        self.lowercase = bool(params.get("lowercase", True))
        self.min_n, self.max_n = params.get("ngram_range") or (1, 1)
        self.binary = bool(params.get("binary", False))
        self.sublinear_tf = bool(params.get("sublinear_tf", False))
        self.norm = params.get("norm")
        self.idf = np.asarray(idf, dtype=np.float64) if params.get("use_idf", True) and idf is not None else None
        self.vocabulary = {term: i for i, term in enumerate(terms)}
        self.size = len(terms)
        if analyzer == "word":
            self.token_re = re.compile(params.get("token_pattern") or r"(?u)\b\w\w+\b")
            if self.token_re.groups > 1:
                raise Unsupported("token_pattern with more than one group")
            #: ``[^\s]+`` finds what ``str.split`` finds (the same Unicode white space)
            self.split = self.token_re.pattern in (r"(?u)[^\s]+", r"[^\s]+", r"(?u)\S+", r"\S+")
            self.chunked = not self.split and self.token_re.pattern in CHUNKED_PATTERNS
            #: bigram terms by their two words (tokens free of white space only), so that a
            #: text's bigrams are looked up as pairs instead of joined into new strings first
            self.pairs: dict[tuple[str, str], int] | None = None
            if (self.split or self.chunked) and self.max_n == 2:
                self.pairs = {}
                for term, index in self.vocabulary.items():
                    words = term.split(" ")
                    if len(words) == 2:
                        self.pairs[words[0], words[1]] = index
        self.word_ids: Callable[[str], tuple[int, ...]] = lru_cache(maxsize=CACHE_WORDS)(self._char_ids)
        self.chunk_tokens: Callable[[str], tuple[str, ...]] = lru_cache(maxsize=CACHE_WORDS)(self._chunk_tokens)
        self.chunk_ids: Callable[[str], tuple[int, ...]] = lru_cache(maxsize=CACHE_WORDS)(self._chunk_ids)

    # -- analyzers: the same features as scikit-learn's, as vocabulary ids
    def _char_ids(self, word: str) -> tuple[int, ...]:
        """Ids of a word's n-grams, padded with spaces as ``char_wb`` does."""
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

    def _chunk_tokens(self, chunk: str) -> tuple[str, ...]:
        return tuple(self.token_re.findall(chunk))

    def _chunk_ids(self, chunk: str) -> tuple[int, ...]:
        """Vocabulary ids (-1: none) of the tokens of one white-space-free chunk."""
        return tuple(map(self.vocabulary.get, self.token_re.findall(chunk), repeat(-1)))

    def _tokens(self, text: str) -> list[str]:
        if self.split:
            return text.split()
        if self.chunked:
            return list(chain.from_iterable(map(self.chunk_tokens, text.split())))
        return self.token_re.findall(text)

    def _word_features(self, text: str) -> list[str]:
        tokens = self._tokens(text)
        features = list(tokens) if self.min_n == 1 else []
        for n in range(max(self.min_n, 2), min(self.max_n, len(tokens)) + 1):
            features.extend(map(" ".join, zip(*(tokens[i:] for i in range(n)), strict=False)))
        return features

    def _extend_ids(self, out: list[int], text: str) -> None:
        """Append the vocabulary id of every feature of ``text``, as often as it occurs, and
        -1 for each feature outside the vocabulary (:meth:`rows` drops those in one numpy
        step instead of a Python test per feature)."""
        text = text.lower() if self.lowercase else text
        if self.analyzer == "char_wb":
            word_ids = self.word_ids
            for word in text.split():
                out.extend(word_ids(word))
        elif self.chunked and self.max_n == 1:  # unigrams: ids straight from the chunks
            out.extend(chain.from_iterable(map(self.chunk_ids, text.split())))
        elif self.pairs is not None:  # unigrams and bigrams of white-space-free tokens
            tokens = self._tokens(text)
            if self.min_n == 1:
                out.extend(map(self.vocabulary.get, tokens, repeat(-1)))
            out.extend(map(self.pairs.get, zip(tokens, tokens[1:], strict=False), repeat(-1)))
        else:
            out.extend(map(self.vocabulary.get, self._word_features(text), repeat(-1)))

    def rows(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, feature id, TF-IDF weight) of every distinct feature of each text, by row
        then id: the non-zero entries of ``vectorizer.transform(texts)``."""
        flat: list[int] = []
        lengths = []
        for text in texts:
            before = len(flat)
            self._extend_ids(flat, text)
            lengths.append(len(flat) - before)
        found = np.asarray(flat, dtype=np.int64)
        keys = np.repeat(np.arange(len(texts), dtype=np.int64), lengths) * self.size + found
        keys, counts = np.unique(keys[found >= 0], return_counts=True)
        rows, ids = np.divmod(keys, self.size)
        weights = np.ones(len(ids)) if self.binary else counts.astype(np.float64)
        if self.sublinear_tf:
            weights = np.log(weights) + 1
        if self.idf is not None:
            weights *= self.idf[ids]
        if self.norm is not None and len(weights):
            per_row = weights * weights if self.norm == "l2" else np.abs(weights)
            totals = np.bincount(rows, weights=per_row, minlength=len(texts))
            totals = np.sqrt(totals) if self.norm == "l2" else totals
            totals[totals == 0] = 1.0
            weights /= totals[rows]
        return rows, ids, weights


class LinearTextModel:
    """TF-IDF parts side by side (a FeatureUnion, or one vectorizer) and a logistic regression."""

    def __init__(self, spec: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
        if spec.get("kind") != "pipeline" or len(spec["steps"]) != 2:
            raise Unsupported("a pipeline of features and a classifier is expected")
        (features_name, features), (clf_name, clf) = spec["steps"]
        if clf["kind"] != "logreg":
            raise Unsupported(f"classifier {clf['kind']!r}")
        if features["kind"] == "union":
            if features.get("weights"):
                raise Unsupported("weighted feature union")
            parts = [(f"m.{features_name}.{name}", part) for name, part in features["parts"]]
        else:
            parts = [(f"m.{features_name}", features)]
        if any(part["kind"] != "tfidf" for _, part in parts):
            raise Unsupported("features other than TF-IDF")
        self.parts = [TfidfPart(part["params"], part["terms"], arrays.get(f"{key}.idf")) for key, part in parts]
        self.offsets = np.cumsum([0] + [p.size for p in self.parts])[:-1]
        coef = np.asarray(arrays[f"m.{clf_name}.coef"], dtype=np.float64)
        self._by_feature = np.ascontiguousarray(coef.T)  # one row per feature: cheap to gather
        self.intercept = np.asarray(arrays[f"m.{clf_name}.intercept"], dtype=np.float64)
        self.classes = list(clf["classes"])
        if coef.shape[1] != sum(p.size for p in self.parts):
            raise Unsupported("coefficients and vocabularies disagree")

    def decision_function(self, texts: list[str], chunk: int = 64) -> np.ndarray:
        """``X @ coef.T + intercept``, a chunk of texts at a time: features of all texts
        of a chunk are counted and weighted in one go (numpy, no Python loop per feature)."""
        scores = np.tile(self.intercept, (len(texts), 1))
        for first in range(0, len(texts), chunk):
            part_texts = texts[first : first + chunk]
            for part, offset in zip(self.parts, self.offsets, strict=True):
                rows, ids, weights = part.rows(part_texts)
                if len(ids):  # rows come sorted: sum each row's block of contributions
                    present, starts = np.unique(rows, return_index=True)
                    contributions = weights[:, None] * self._by_feature[ids + offset]
                    scores[first + present] += np.add.reduceat(contributions, starts, axis=0)
        return scores

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """Class probabilities, columns in ``classes`` order (as scikit-learn's logistic
        regression: a sigmoid for two classes, a softmax for more)."""
        scores = self.decision_function(texts)
        if scores.shape[1] == 1:
            positive = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.column_stack([1.0 - positive, positive])
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, texts: list[str]) -> list[Any]:
        scores = self.decision_function(texts)
        if scores.shape[1] == 1:  # binary: one column, positive means the second class
            return [self.classes[int(s > 0)] for s in scores[:, 0]]
        return [self.classes[i] for i in scores.argmax(axis=1)]
