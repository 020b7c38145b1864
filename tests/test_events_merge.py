"""One event per happening: which mentions of one type merge, which stay apart."""

from __future__ import annotations

from netral_nlp.components.events.events import merge
from netral_nlp.components.events.triggers import Candidate


def _cand(kind: str, start: int, key: str, headline: bool = False, date: str | None = None) -> Candidate:
    cand = Candidate(kind, start, start + 5, start, start + 50, key, headline=headline)
    cand.fields = {"date": date, "region": None, "actors": []}
    return cand


def test_two_reports_counted_in_the_body_stay_two_happenings():
    # "Bawaslu mencatat 43 dugaan pelanggaran ASN ... juga mencatat 76 dugaan pelanggaran kampanye"
    events = merge([_cand("violation_report", 0, "violation_report"), _cand("violation_report", 100, "violation_report")])
    assert [e.start for e in events] == [0, 100]


def test_a_directive_retold_in_the_body_is_one_happening():
    # "surat edaran ... surat edaran itu meminta": the same circular, told twice
    events = merge([_cand("directive", 0, "directive:edaran"), _cand("directive", 100, "directive:edaran")])
    assert [e.start for e in events] == [0]


def test_a_report_in_the_headline_merges_into_the_body_mention():
    events = merge([
        _cand("violation_report", 0, "violation_report", headline=True, date="2024-10-01"),
        _cand("violation_report", 100, "violation_report"),
    ])
    assert [(e.start, e.fields["date"]) for e in events] == [(100, "2024-10-01")]


REPORT = "{city} – Badan Pengawas Pemilu (Bawaslu) menemukan 425 pelanggaran kampanye yang melibatkan aparatur sipil negara selama masa kampanye Pilkada 2024."


def _regions(text: str) -> list:
    from netral_nlp import extract

    return [(e.type, e.region) for e in extract(text).events]


def test_a_bare_bawaslu_datelined_in_jakarta_is_the_national_body():
    assert _regions(REPORT.format(city="JAKARTA")) == [("violation_report", None)]
    # the same body in another dateline is that city's
    assert _regions(REPORT.format(city="SURABAYA")) == [("violation_report", "Kota Surabaya")]
    # a regional body named in a Jakarta article keeps its area
    named = REPORT.format(city="JAKARTA").replace("Badan Pengawas Pemilu (Bawaslu)", "Bawaslu Kota Bekasi")
    assert _regions(named) == [("violation_report", "Kota Bekasi")]


WARNING = "PEKANBARU – {body} mengingatkan aparatur sipil negara agar tidak melanggar tujuh larangan selama Pilkada 2024."


def test_a_spelled_out_body_names_its_area_other_words_do_not():
    assert _regions(WARNING.format(body="Badan Pengawas Pemilihan Umum Provinsi Riau")) == [("directive", "Riau")]
    # 'Warga Provinsi Riau' acts for no office: the dateline city stays
    assert _regions(WARNING.format(body="Warga Provinsi Riau")) == [("directive", "Kota Pekanbaru")]


def _scored(kind: str, start: int, key: str, score: float, date: str | None = None) -> Candidate:
    cand = _cand(kind, start, key, date=date)
    cand.score = score
    return cand


def test_a_directive_retold_under_another_word_keeps_its_main_mention_only_on_the_learned_path():
    # "Bupati mengingatkan ASN agar netral ... Ia juga meminta ASN tidak berpihak": one appeal, recorded once
    mentions = [_scored("directive", 0, "directive:ingat", 0.6), _scored("directive", 100, "directive:minta", 0.5)]
    assert [e.start for e in merge(mentions, single_main=True)] == [0]
    # the hand-written path (no scores) merges by head noun only: both stay
    assert [e.start for e in merge(mentions)] == [0, 100]


def test_a_confident_second_directive_on_another_day_stays_the_same_day_does_not():
    other_day = [_scored("directive", 0, "directive:ingat", 0.6, "2024-09-01"),
                 _scored("directive", 100, "directive:edaran", 0.9, "2024-10-05")]
    assert [e.start for e in merge(other_day, single_main=True)] == [0, 100]
    same_day = [_scored("directive", 0, "directive:ingat", 0.6, "2024-09-01"),
                _scored("directive", 100, "directive:edaran", 0.9, "2024-09-01")]
    assert [e.start for e in merge(same_day, single_main=True)] == [0]
    unsure = [_scored("directive", 0, "directive:ingat", 0.6, "2024-09-01"),
              _scored("directive", 100, "directive:edaran", 0.4, "2024-10-05")]
    assert [e.start for e in merge(unsure, single_main=True)] == [0]


def test_reports_are_not_single_main_each_body_mention_stays():
    reports = [_scored("violation_report", 0, "violation_report", 0.6), _scored("violation_report", 100, "violation_report", 0.3)]
    assert [e.start for e in merge(reports, single_main=True)] == [0, 100]
