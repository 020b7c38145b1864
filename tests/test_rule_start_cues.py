"""What the rule detector sees of a candidate: cue pseudo-words read at the candidate itself."""

from __future__ import annotations

import pytest

from netral_nlp.components.qualifiers.index import QualifierIndex
from netral_nlp.components.rules.features import shape_tokens
from netral_nlp.components.rules.items import Item


def _tokens_of_second_sentence(text: str, second: str) -> list[str]:
    start = text.index(second)
    return shape_tokens(text, Item(start, start + len(second)), QualifierIndex([]))


@pytest.mark.parametrize(
    ("opening", "fires"),
    [
        ("Apakah ASN boleh ikut kampanye pasangan calon, belum diatur.", True),
        ("ASN belum tahu apakah boleh ikut kampanye pasangan calon.", False),
        ("Bagaimana ASN menjaga netralitas dijelaskan dalam surat edaran.", True),
        ("Surat edaran menjelaskan bagaimana ASN menjaga netralitas.", False),
    ],
)
def test_a_question_word_counts_where_the_candidate_opens_not_only_where_the_article_does(opening, fires):
    """``^apakah`` cues anchor at the candidate's start, whatever sentence of the article it is."""
    tokens = _tokens_of_second_sentence(f"Bupati memberi arahan di pendopo. {opening}", opening)
    assert ("__cue_not_rule" in tokens) is fires
