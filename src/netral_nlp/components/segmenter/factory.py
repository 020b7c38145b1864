"""Factory of ``netral_segmenter``."""

from __future__ import annotations

from spacy.language import Language

from .segmenter import Segmenter


@Language.factory(
    "netral_segmenter", default_config={}, assigns=["token.is_sent_start"], requires=[]
)
def create_segmenter(nlp: Language, name: str) -> Segmenter:
    return Segmenter()
