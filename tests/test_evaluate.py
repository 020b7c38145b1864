"""The scorer on hand-made gold/prediction pairs; every figure is worked out in comments."""

from __future__ import annotations

import pytest

from netral_nlp.evaluate import score_records
from netral_nlp.evaluate.matching import greedy_match, overlap_score

TEXT = (
    "Bupati Andi Wijaya dan Camat Budi Santoso hadir di Kabupaten Sukamaju pada 5 Maret 2024. "
    "ASN dilarang memasang spanduk calon di kantor desa. "
    "Seluruh ASN membacakan ikrar netralitas di aula."
)


def span(sub: str, text: str = TEXT, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return {"start": start, "end": start + len(sub), "text": sub}


def ent(sub: str, label: str, **fields) -> dict:
    return {**span(sub), "label": label, **fields}


def record(id_: str, text: str = TEXT, **sections) -> dict:
    return {"id": id_, "text": text, **sections}


def test_strict_and_lenient_on_partial_overlap():
    # gold OFFICIAL "Andi Wijaya"; predicted "Bupati Andi" overlaps it by "Andi".
    # strict: tp 0, fp 1, fn 1 -> P = R = F1 = 0. lenient: tp 1 -> P = R = F1 = 1.
    gold = [record("a", entities=[ent("Andi Wijaya", "OFFICIAL", role="Bupati")])]
    pred = [record("a", entities=[ent("Bupati Andi", "OFFICIAL", role="Bupati")])]
    r = score_records(gold, pred)
    strict, lenient = r.entities.strict["OFFICIAL"], r.entities.lenient["OFFICIAL"]
    assert (strict.tp, strict.fp, strict.fn) == (0, 1, 1)
    assert strict.f1 == 0.0
    assert (lenient.tp, lenient.fp, lenient.fn) == (1, 0, 0)
    assert lenient.f1 == 1.0
    # role accuracy is over strict matches only: there are none
    assert r.entities.fields["role"].total == 0


def test_two_predictions_on_one_gold_match_once_by_largest_overlap():
    # gold REGION "Kabupaten Sukamaju" (18 chars); predictions "Kabupaten" (overlap 9)
    # and "Sukamaju" (overlap 8). Lenient: only the larger overlap matches:
    # tp 1, fp 1, fn 0 -> P = 1/2, R = 1, F1 = 2*0.5*1/1.5 = 2/3.
    # Strict: tp 0, fp 2, fn 1.
    gold = [record("a", entities=[ent("Kabupaten Sukamaju", "REGION", code="99.01")])]
    pred = [record("a", entities=[ent("Kabupaten", "REGION"), ent("Sukamaju", "REGION")])]
    r = score_records(gold, pred)
    lenient = r.entities.lenient["REGION"]
    assert (lenient.tp, lenient.fp, lenient.fn) == (1, 1, 0)
    assert lenient.f1 == pytest.approx(2 / 3)
    assert (r.entities.strict["REGION"].fp, r.entities.strict["REGION"].fn) == (2, 1)
    kept = r.errors[0]["entities"]["fp"]
    # the unmatched one is "Sukamaju"; it overlaps gold but lost the match
    assert [e["text"] for e in kept] == ["Kabupaten", "Sukamaju"]


def test_greedy_matching_prefers_largest_overlap_across_pairs():
    # gold A = [0, 10), B = [8, 20); pred X = [0, 9) overlaps A by 9 and B by 1,
    # pred Y = [5, 20) overlaps A by 5 and B by 12. Largest first: (B, Y) 12, then (A, X) 9.
    gold = [{"start": 0, "end": 10}, {"start": 8, "end": 20}]
    pred = [{"start": 0, "end": 9}, {"start": 5, "end": 20}]
    assert greedy_match(gold, pred, overlap_score) == [(0, 0), (1, 1)]


def test_field_accuracy_and_micro_average():
    # OFFICIAL: two strict matches, roles "Bupati Sukamaju" = "Bupati  Sukamaju" (whitespace
    # collapsed) and "Camat" != "Camat Sukamaju" -> role accuracy 1/2.
    # CANDIDATE: gold has none, one predicted -> fp 1.
    # REGION: one strict match, code equal -> code accuracy 1/1.
    # ORG: one gold missed (fn 1) but ORG is outside the micro average.
    # micro O/C/R: tp 3, fp 1, fn 0 -> P = 3/4, R = 1, F1 = 6/7.
    gold = [
        record(
            "a",
            entities=[
                ent("Andi Wijaya", "OFFICIAL", role="Bupati Sukamaju"),
                ent("Budi Santoso", "OFFICIAL", role="Camat Sukamaju"),
                ent("Sukamaju", "REGION", code="99.01"),
                ent("Kabupaten Sukamaju", "ORG"),
            ],
        )
    ]
    pred = [
        record(
            "a",
            entities=[
                ent("Andi Wijaya", "OFFICIAL", role="Bupati  Sukamaju"),
                ent("Budi Santoso", "OFFICIAL", role="Camat"),
                ent("Sukamaju", "REGION", code="99.01"),
                ent("Camat", "CANDIDATE", ballot_number="1"),
            ],
        )
    ]
    r = score_records(gold, pred)
    role = r.entities.fields["role"]
    assert (role.correct, role.total) == (1, 2)
    assert r.entities.fields["code"].value == 1.0
    micro = r.entities.micro()
    assert (micro.tp, micro.fp, micro.fn) == (3, 1, 0)
    assert micro.f1 == pytest.approx(6 / 7)
    assert r.entities.strict["ORG"].fn == 1
    assert r.headline()["entities_micro_f1"] == round(6 / 7, 4)


def test_missing_prediction_and_unknown_id():
    # gold "a" (2 entities) is predicted exactly; gold "b" (1 entity) has no prediction;
    # prediction "zzz" is not in gold and is not scored (no false positive from it).
    # OFFICIAL: tp 2, fp 0, fn 1 -> P = 1, R = 2/3, F1 = 0.8.
    gold = [
        record("a", entities=[ent("Andi Wijaya", "OFFICIAL"), ent("Budi Santoso", "OFFICIAL")]),
        record("b", entities=[ent("Andi Wijaya", "OFFICIAL")]),
    ]
    pred = [
        record("a", entities=[ent("Andi Wijaya", "OFFICIAL"), ent("Budi Santoso", "OFFICIAL")]),
        record("zzz", entities=[ent("Budi Santoso", "OFFICIAL")]),
    ]
    r = score_records(gold, pred)
    off = r.entities.strict["OFFICIAL"]
    assert (off.tp, off.fp, off.fn) == (2, 0, 1)
    assert off.f1 == pytest.approx(0.8)
    assert r.missing_pred_ids == ["b"]
    assert r.extra_pred_ids == ["zzz"]
    assert (r.n_gold, r.n_scored) == (2, 1)
    assert r.errors[1]["missing_prediction"] is True


def test_dates_span_match_but_value_differs():
    # gold "5 Maret 2024" = 2024-03-05 (event_date); pred "Maret 2024" = 2024-03 (event_date)
    # overlaps it -> span tp 1 (P = R = F1 = 1); value differs: value accuracy 0/1,
    # kind accuracy 1/1; value-F1: tp 0, fp 1, fn 1 -> 0.
    # A second predicted date "di aula" overlaps nothing -> span fp 1 -> span P = 1/2.
    gold = [
        record("a", dates=[{**span("5 Maret 2024"), "value": "2024-03-05", "kind": "event_date"}])
    ]
    pred = [
        record(
            "a",
            dates=[
                {**span("Maret 2024"), "value": "2024-03", "kind": "event_date"},
                {**span("di aula"), "value": "2024-03-06", "kind": "other"},
            ],
        )
    ]
    r = score_records(gold, pred)
    d = r.dates
    assert (d.span.tp, d.span.fp, d.span.fn) == (1, 1, 0)
    assert d.span.precision == 0.5
    assert (d.value_accuracy.correct, d.value_accuracy.total) == (0, 1)
    assert d.kind_accuracy.value == 1.0
    assert (d.value.tp, d.value.fp, d.value.fn) == (0, 2, 1)
    assert d.value.f1 == 0.0
    assert r.errors[0]["dates"]["mismatch"][0]["fields"] == ["value"]


def _rule(start: int, end: int, category: str, modality: str = "prohibition") -> dict:
    return {
        "start": start,
        "end": end,
        "text": TEXT[start:end],
        "modality": modality,
        "category": category,
    }


def test_rules_half_overlap_threshold():
    # gold 1 = [100, 120) (20 chars); pred [110, 140) overlaps by 10 = half of the shorter (20)
    #   -> match, categories equal.
    # gold 2 = [140, 160); pred [151, 171) overlaps by 9 < 10 -> no match: fp 1, fn 1.
    # item: tp 1, fp 1, fn 1 -> P = R = F1 = 1/2; category-F1 the same (the match agrees).
    # modality differs on the match -> modality accuracy 0/1.
    gold = [record("a", rules=[_rule(100, 120, "campaign_materials"), _rule(140, 160, "other")])]
    pred = [
        record(
            "a",
            rules=[
                _rule(110, 140, "campaign_materials", "obligation"),
                _rule(151, 171, "other"),
            ],
        )
    ]
    r = score_records(gold, pred)
    rules = r.rules
    assert (rules.item.tp, rules.item.fp, rules.item.fn) == (1, 1, 1)
    assert rules.item.f1 == 0.5
    assert rules.category.f1 == 0.5
    assert (rules.modality_accuracy.correct, rules.modality_accuracy.total) == (0, 1)
    assert rules.category_accuracy.value == 1.0
    assert rules.confusion[("campaign_materials", "campaign_materials")] == 1
    assert rules.confusion[("other", "(none)")] == 1
    assert rules.confusion[("(none)", "other")] == 1


def test_rules_category_f1_counts_only_equal_categories():
    # two matched items, one with the wrong category: item F1 = 1, category tp 1, fp 1, fn 1
    # -> category-F1 = 1/2, category accuracy 1/2.
    gold = [
        record(
            "a", rules=[_rule(90, 140, "campaign_materials"), _rule(141, 180, "neutrality_general")]
        )
    ]
    pred = [
        record("a", rules=[_rule(90, 140, "campaign_materials"), _rule(141, 180, "social_media")])
    ]
    r = score_records(gold, pred)
    assert r.rules.item.f1 == 1.0
    assert (r.rules.category.tp, r.rules.category.fp, r.rules.category.fn) == (1, 1, 1)
    assert r.rules.category.f1 == 0.5
    assert r.rules.category_accuracy.value == 0.5


def _event(type_: str, sub: str, date: str | None = None, region: str | None = None) -> dict:
    return {"type": type_, "trigger": span(sub), "date": date, "region": region}


def test_events_match_by_trigger_then_by_date():
    # gold: pledge "ikrar netralitas" 2024-03-05 in "Kabupaten Sukamaju";
    #       directive "dilarang" with no date.
    # pred: pledge "membacakan" (trigger does not overlap) dated 2024-03-05 -> matched by date;
    #       directive "hadir" with no date -> no overlap and no date: fp; gold directive fn;
    #       socialization "aula" -> fp (no gold of that type).
    # pledge tp 1; directive fp 1 fn 1; socialization fp 1 -> micro tp 1, fp 2, fn 1:
    # P = 1/3, R = 1/2, F1 = 2*(1/3)*(1/2)/(5/6) = 0.4. Over the one match: date 1/1,
    # region "Kabupaten Sukamaju" vs None -> 0/1.
    gold = [
        record(
            "a",
            events=[
                _event("pledge", "ikrar netralitas", "2024-03-05", "Kabupaten Sukamaju"),
                _event("directive", "dilarang"),
            ],
        )
    ]
    pred = [
        record(
            "a",
            events=[
                _event("pledge", "membacakan", "2024-03-05"),
                _event("directive", "hadir"),
                _event("socialization", "aula"),
            ],
        )
    ]
    r = score_records(gold, pred)
    e = r.events
    assert e.per_type["pledge"].tp == 1
    assert (e.per_type["directive"].fp, e.per_type["directive"].fn) == (1, 1)
    assert e.per_type["socialization"].fp == 1
    micro = e.micro()
    assert (micro.tp, micro.fp, micro.fn) == (1, 2, 1)
    assert micro.f1 == pytest.approx(0.4)
    assert (e.date_accuracy.correct, e.date_accuracy.total) == (1, 1)
    assert (e.region_accuracy.correct, e.region_accuracy.total) == (0, 1)
    # the same figures per gold type: only pledge has a matched pair
    assert (e.per_type_date["pledge"].correct, e.per_type_date["pledge"].total) == (1, 1)
    assert (e.per_type_region["pledge"].correct, e.per_type_region["pledge"].total) == (0, 1)
    assert "directive" not in e.per_type_date


def test_events_trigger_overlap_wins_over_date():
    # two gold pledges; the prediction's trigger overlaps the second while its date equals
    # the first's: the trigger match comes first, the first gold stays unmatched.
    gold = [
        record(
            "a",
            events=[
                _event("pledge", "hadir", "2024-03-05"),
                _event("pledge", "ikrar netralitas", "2024-03-09"),
            ],
        )
    ]
    pred = [record("a", events=[_event("pledge", "ikrar", "2024-03-05")])]
    r = score_records(gold, pred)
    assert (r.events.per_type["pledge"].tp, r.events.per_type["pledge"].fn) == (1, 1)
    # the match is with the 2024-03-09 event, so date accuracy is 0/1
    assert (r.events.date_accuracy.correct, r.events.date_accuracy.total) == (0, 1)


def test_null_dates_do_not_match_events():
    gold = [record("a", events=[_event("sanction", "hadir")])]
    pred = [record("a", events=[_event("sanction", "aula")])]
    r = score_records(gold, pred)
    assert (r.events.micro().tp, r.events.micro().fp, r.events.micro().fn) == (0, 1, 1)


def test_empty_inputs_do_not_crash():
    r = score_records([], [])
    assert r.n_gold == 0
    assert r.headline()["events_micro_f1"] == 0.0
    r = score_records([record("a", text="")], [record("a", text="")])
    assert r.n_scored == 1


def test_records_without_id_are_paired_by_position():
    gold = [{"text": TEXT, "entities": [ent("Andi Wijaya", "OFFICIAL")]}]
    pred = [{"text": TEXT, "entities": [ent("Andi Wijaya", "OFFICIAL")]}]
    assert score_records(gold, pred).entities.strict["OFFICIAL"].tp == 1
