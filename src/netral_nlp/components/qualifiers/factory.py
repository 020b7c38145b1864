"""Factory of ``netral_qualifiers``."""

from __future__ import annotations

from spacy.language import Language

from .component import Qualifiers


@Language.factory(
    "netral_qualifiers",
    default_config={},
    assigns=["doc.spans"],
    requires=["token.is_sent_start"],
)
def create_qualifiers(nlp: Language, name: str) -> Qualifiers:
    return Qualifiers()
