"""Which words of a sentence name an accepted event (``proposals.preferred_trigger``): a
report's handling verb before the speaker's frame or the violation it is about.

Every text here is invented; nothing reads ../shared.
"""

from __future__ import annotations

import re

import numpy as np

from netral_nlp.components.events.events import decide
from netral_nlp.components.events.proposals import preferred_trigger
from netral_nlp.components.events.triggers import Candidate


def candidate(text: str, kind: str, word: str) -> Candidate:
    """A proposal of ``kind`` over the first ``word`` of the one-sentence ``text``."""
    start = re.search(re.escape(word), text).start()
    return Candidate(kind, start, start + len(word), 0, len(text), kind)


def chosen(text: str, kind: str, word: str) -> str:
    start, end = preferred_trigger(text, candidate(text, kind, word))
    return text[start:end]


def test_report_handled_names_the_report_not_the_frame_or_the_violation():
    reported = "Bawaslu mencatat empat ASN telah dilaporkan ke BKN atas dugaan pelanggaran netralitas."
    assert chosen(reported, "violation_report", "dugaan pelanggaran netralitas") == "dilaporkan ke BKN"
    assert chosen(reported, "violation_report", "mencatat") == "dilaporkan ke BKN"
    forwarded = "Ketua Bawaslu mengatakan, sejumlah laporan netralitas ASN sudah diteruskan ke Inspektorat."
    assert chosen(forwarded, "violation_report", "laporan").startswith("diteruskan")


def test_a_finding_recorded_with_no_handling_verb_keeps_the_finding_verb():
    counted = "Bawaslu juga mencatat 43 dugaan pelanggaran netralitas ASN dan 9 pelanggaran kepala desa."
    assert chosen(counted, "violation_report", "dugaan pelanggaran netralitas") == "mencatat"
    noun_only = "Ada laporan ketidaknetralan ASN dalam pilkada."
    assert chosen(noun_only, "violation_report", "laporan ketidaknetralan") == "laporan ketidaknetralan"


def test_types_without_a_preference_keep_their_proposal():
    text = "Bupati menegaskan ASN dilarang berpihak, dan edaran itu diteruskan ke camat."
    assert chosen(text, "directive", "menegaskan") == "menegaskan"


class _Decision:
    """A stand-in decision: every proposal is its proposed type."""

    classes = ["none", "violation_report"]
    meta = {"accept_above": 0.2}


def test_decide_moves_the_accepted_trigger():
    text = "Bawaslu mencatat empat ASN telah dilaporkan ke BKN atas dugaan pelanggaran netralitas."
    cand = candidate(text, "violation_report", "dugaan pelanggaran netralitas")
    [event] = decide(_Decision(), text, [cand], ["t_violation_report"], np.array([[0.1, 0.9]]))
    assert text[event.start : event.end] == "dilaporkan ke BKN"
    assert event.score == 0.9
