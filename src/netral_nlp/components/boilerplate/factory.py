"""Factory of ``netral_boilerplate``."""

from __future__ import annotations

from spacy.language import Language

from .boilerplate import BoilerplateMarker


@Language.factory("netral_boilerplate", default_config={}, assigns=["doc.spans"])
def create_boilerplate(nlp: Language, name: str) -> BoilerplateMarker:
    return BoilerplateMarker()
