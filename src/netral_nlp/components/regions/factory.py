"""Factory of the netral_regions component."""

from __future__ import annotations

from spacy.language import Language

from .component import RegionTagger


@Language.factory("netral_regions", default_config={}, assigns=["doc.spans"], requires=[])
def create_regions(nlp: Language, name: str) -> RegionTagger:
    return RegionTagger()
