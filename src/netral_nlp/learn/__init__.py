"""What the learned parts share: article folds, gold data, the registry of parts.

A *learned part* is a decision of the pipeline fitted on real annotated
articles (rule detection and classification, date kinds, event decisions,
the domain NER). Each registers a :class:`LearnedPart` whose ``fit`` replaces
the part's state inside a loaded pipeline from gold records alone, so that
``benchmarks/generalisation.py`` can refit every part on four fifths of the
articles and score the fifth it has never seen.
"""

from .data import gold_records, real_articles, shared_data_dir, training_articles
from .folds import grouped_folds, nested_share
from .parts import LearnedPart, learned_parts, register_part

__all__ = [
    "LearnedPart",
    "gold_records",
    "grouped_folds",
    "learned_parts",
    "nested_share",
    "real_articles",
    "register_part",
    "shared_data_dir",
    "training_articles",
]
