"""Factory of ``netral_rules``: rule items with marker, modality, category (+ subject, parent)."""

from __future__ import annotations

from spacy.language import Language

from .component import RuleFinder


@Language.factory(
    "netral_rules",
    default_config={"backend": "sklearn", "threshold": None},
    assigns=["doc.spans"],
    requires=["token.is_sent_start"],
)
def create_rules(nlp: Language, name: str, backend: str = "sklearn", threshold: float | None = None) -> RuleFinder:
    """``threshold``: the detector probability a rule needs (None: the trained default),
    lower for recall, higher for precision."""
    return RuleFinder(nlp, name, backend=backend, threshold=threshold)
