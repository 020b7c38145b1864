"""The learned main mention of a single-main type: features, training, merging, storage.

Texts are invented. The features are pinned with contrasting pairs (a pronoun subject
with "juga" vs a named official, a quoted appeal vs a reported one, "kembali" after the
trigger vs not); training is checked to learn an annotation convention and its
opposite, deterministically; the merge to make the chosen mention the event and let
the others of its key merge into it; the ranker to round-trip through the component.
"""

from __future__ import annotations

from netral_nlp.components.events.events import MAIN_DIR, EventExtractor, merge
from netral_nlp.components.events.main_mentions import (
    MainMentionRanker,
    MentionFeatures,
    packaged_cues,
)
from netral_nlp.components.events.triggers import Candidate

NAMED = "Bupati Malang mengimbau seluruh ASN menjaga netralitas."
PRONOUN = "Ia juga mengimbau seluruh ASN menjaga netralitas."


def mention(text: str, trigger: str, offset: int = 0, score: float = 0.9, key: str = "directive") -> Candidate:
    start = offset + text.index(trigger)
    cand = Candidate("directive", start, start + len(trigger), offset, offset + len(text), key)
    cand.score = score
    cand.fields = {"date": None, "region": None, "actors": []}
    return cand


def tokens(text: str, trigger: str) -> set[str]:
    [found] = MentionFeatures(packaged_cues()).of(text, [mention(text, trigger)], [(0, len(text))])
    return set(found)


def test_a_pronoun_subject_with_juga_is_flagged_a_named_official_is_not():
    assert {"pron", "juga"} <= tokens(PRONOUN, "mengimbau")
    assert not {"pron", "juga"} & tokens(NAMED, "mengimbau")


def test_an_appeal_inside_a_quote_is_flagged_a_reported_one_is_not():
    quoted = "“Kami mengimbau seluruh ASN menjaga netralitas,” kata Bupati."
    assert {"quote_start", "in_quote"} <= tokens(quoted, "mengimbau")
    assert not {"quote_start", "in_quote"} & tokens(NAMED, "mengimbau")


def test_kembali_after_the_trigger_is_flagged_its_absence_is_not():
    assert "kembali" in tokens("Bawaslu mengingatkan kembali ASN agar netral.", "mengingatkan")
    assert "kembali" not in tokens("Bawaslu mengingatkan ASN agar netral.", "mengingatkan")


def article(first: str, second: str) -> tuple[str, list[Candidate], list[tuple[int, int]]]:
    """Two sentences, one directive mention each (different keys: they do not merge)."""
    text = f"{first} {second}"
    offset = len(first) + 1
    cands = [mention(first, "mengimbau", key="directive:a"), mention(second, "mengimbau", offset, key="directive:b")]
    return text, cands, [(0, len(first)), (offset, len(text))]


#: officials of the invented training articles
OFFICIALS = ["Bupati Malang", "Wali Kota Kediri", "Gubernur Jawa Timur", "Ketua Bawaslu Blitar",
             "Pj Bupati Jombang", "Sekda Kota Batu"]


def convention(named_wins: bool) -> MainMentionRanker:
    """Trained on articles whose pronoun retelling comes first and whose named official's
    appeal comes second; gold records the named one (or, the opposite convention, the first)."""
    articles = []
    for who in OFFICIALS:
        text, cands, ranges = article(PRONOUN, f"{who} mengimbau seluruh ASN menjaga netralitas.")
        gold = cands[1] if named_wins else cands[0]
        events = [{"type": "directive", "trigger": {"start": gold.start, "end": gold.end}}]
        articles.append((text, cands, ranges, events))
    ranker = MainMentionRanker.fit(articles, c=1.0)
    assert ranker is not None
    return ranker


def test_training_learns_the_annotators_convention_and_its_opposite():
    text, cands, ranges = article(PRONOUN, "Kapolres Madiun mengimbau seluruh ASN menjaga netralitas.")
    assert convention(True).mains(text, cands, ranges) == [cands[1]]
    assert convention(False).mains(text, cands, ranges) == [cands[0]]


def test_training_is_deterministic():
    assert convention(True).weights == convention(True).weights


def test_an_article_with_one_mention_or_no_right_one_teaches_nothing():
    text, cands, ranges = article(PRONOUN, NAMED)
    lone = [(NAMED, [mention(NAMED, "mengimbau")], [(0, len(NAMED))], [])]
    unrecorded = [(text, cands, ranges, [])]
    assert MainMentionRanker.fit(lone) is None
    assert MainMentionRanker.fit(unrecorded) is None


def test_the_chosen_mention_names_the_event_and_an_earlier_retelling_merges_into_it():
    first, second = mention(PRONOUN, "mengimbau"), mention(NAMED, "mengimbau", 100)
    assert [e.start for e in merge([first, second], single_main=True)] == [first.start]
    first, second = mention(PRONOUN, "mengimbau"), mention(NAMED, "mengimbau", 100)
    assert [e.start for e in merge([first, second], single_main=True, mains=[second])] == [second.start]


def test_the_ranker_round_trips_through_the_component(tmp_path):
    extractor = EventExtractor()
    extractor.set_main_ranker(convention(True))
    extractor.to_disk(tmp_path)
    assert (tmp_path / MAIN_DIR).is_dir()
    loaded = EventExtractor().from_disk(tmp_path)
    assert loaded.main_ranker is not None
    assert loaded.main_ranker.weights == extractor.main_ranker.weights
    assert loaded.main_ranker.cues == extractor.main_ranker.cues
    text, cands, ranges = article(PRONOUN, "Kapolres Madiun mengimbau seluruh ASN menjaga netralitas.")
    assert loaded.main_ranker.mains(text, cands, ranges) == extractor.main_ranker.mains(text, cands, ranges) == [cands[1]]


def test_without_a_saved_ranker_none_is_loaded(tmp_path):
    assert EventExtractor().from_disk(tmp_path).main_ranker is None
