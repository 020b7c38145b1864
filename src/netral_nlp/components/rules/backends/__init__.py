"""Category classifiers behind ``netral_rules``: keyword cues, scikit-learn, transformers.

Each backend has ``predict(texts) -> list[str]`` and, when trained,
``save(folder)`` / ``load(folder)``.
"""

from __future__ import annotations

from .keywords import KeywordCategorizer

BACKENDS = ("sklearn", "transformers")

__all__ = ["BACKENDS", "KeywordCategorizer"]
