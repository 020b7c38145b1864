"""Training labels of the event decision: a retold mention of a type gold records once
per article gets no label (neither event nor none); elsewhere the labels stay."""

from __future__ import annotations

from netral_nlp.components.events.triggers import Candidate
from netral_nlp.train.events import _label

TEXT = ("Bupati Klaten mengingatkan seluruh ASN agar netral. "
        "Ia kembali meminta ASN tidak berpihak kepada calon mana pun.")
SECOND = TEXT.index("Ia kembali")


def _record(kind: str | None, trigger: str = "mengingatkan") -> dict:
    events = []
    if kind:
        start = TEXT.index(trigger)
        events.append({"type": kind, "trigger": {"start": start, "end": start + len(trigger), "text": trigger}})
    return {"id": "x", "text": TEXT, "events": events}


def _proposal(kind: str, word: str) -> Candidate:
    start = TEXT.index(word)
    sent_start = 0 if start < SECOND else SECOND
    sent_end = SECOND - 1 if start < SECOND else len(TEXT)
    return Candidate(kind, start, start + len(word), sent_start, sent_end, kind)


def test_a_retold_directive_is_left_out_a_directive_in_an_article_without_one_is_none():
    retold = _proposal("directive", "meminta")
    assert _label(_record("directive"), retold) is None
    assert _label(_record(None), retold) == "none"


def test_the_main_mention_keeps_its_type_and_a_report_retold_stays_none():
    assert _label(_record("directive"), _proposal("directive", "mengingatkan")) == "directive"
    # violation_report is not a single-main type: another mention in the article is a plain none
    assert _label(_record("violation_report"), _proposal("violation_report", "meminta")) == "none"
