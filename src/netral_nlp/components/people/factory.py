"""Factory of ``netral_people``: officials, candidates, ORG, short-mention linking.

Precedence between the rules and the statistical ``ner`` is stated once, in
``precedence.py``.
"""

from __future__ import annotations

from spacy.language import Language

from .component import PeopleTagger


@Language.factory(
    "netral_people",
    default_config={"use_model": True, "max_chars": 200_000, "model": "ner"},
    assigns=["doc.spans"],
)
def create_people(
    nlp: Language, name: str, use_model: bool, max_chars: int, model: str
) -> PeopleTagger:
    """``model`` names the statistical NER pipe; when it is disabled it runs on demand."""
    return PeopleTagger(nlp=nlp, use_model=use_model, max_chars=max_chars, model=model)
