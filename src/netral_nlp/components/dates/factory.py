"""Factory of the netral_dates component."""

from __future__ import annotations

from spacy.language import Language

from .component import DatesComponent


@Language.factory(
    "netral_dates",
    default_config={"resolve": True, "elections": True},
    assigns=["doc.spans", "doc._.publication", "doc._.resolved", "doc._.election"],
    requires=["token.is_sent_start"],
)
def create_dates(nlp: Language, name: str, resolve: bool = True, elections: bool = True) -> DatesComponent:
    """Date mentions with ISO values and kinds, plus publication, resolved and election."""
    return DatesComponent(nlp, name, resolve=resolve, elections=elections)
