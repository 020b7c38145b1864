"""The learned date-kind decision: its features tell the issue's cases apart, training is
deterministic, and a trained model round-trips through to_disk/from_disk.

Every text here is invented; nothing reads ../shared.
"""

from __future__ import annotations

import numpy as np
import pytest

from netral_nlp.components.dates.kind_model import mention_features
from netral_nlp.pipeline import build_pipeline, load
from netral_nlp.train.dates import fit_dates, train_model

DATES_ONLY = ("netral_boilerplate", "netral_segmenter", "netral_dates")


def features_of(text: str, date: str, cascade: str = "other") -> set[str]:
    start = text.index(date)
    return set(mention_features(text, start, start + len(date), cascade, "2024-11-27").split())


def test_voting_day_named_by_its_election_next_to_it_vs_an_event_date():
    voting = features_of("Menjelang Pilkada serentak, 27 November 2024 mendatang, ASN diminta netral.", "27 November 2024")
    event = features_of("Bupati menggelar apel di alun-alun kota, 27 November 2024, bersama ASN.", "27 November 2024")
    assert {"__n_election", "__nr_plan"} <= voting
    assert "__n_election" not in event and "__l_happening" in event


def test_schedule_line_in_both_orders_vs_a_prose_date():
    date_first = features_of("Jadwal tahapan\n27 November 2024: pemungutan suara\n", "27 November 2024")
    stage_first = features_of("Jadwal tahapan\nPemungutan suara: 27 November 2024\n", "27 November 2024")
    prose = features_of("Ia hadir di kantor camat pada 27 November 2024 untuk rapat.", "27 November 2024")
    assert {"__line_head", "__sep_after", "__nr_voting", "__line_short"} <= date_first
    assert {"__sep_before", "__n_voting", "__line_short"} <= stage_first
    assert not {"__sep_before", "__sep_after", "__line_head"} & prose


def test_furniture_date_vs_a_body_date():
    furniture = features_of("Kabarkota.com | 27 November 2024, 18:16 WIB | 154 views\n\nIsi berita.", "27 November 2024")
    body = features_of("Isi berita dimulai di sini.\n\nCamat menerima laporan warga 27 November 2024 di kantornya.", "27 November 2024")
    assert {"__pipe_line", "__time_after", "__page_head", "__r_furniture"} <= furniture
    assert not {"__pipe_line", "__time_after", "__r_furniture"} & body


def test_deadline_vs_an_event_date():
    deadline = features_of("Batasnya yakni pada Rabu 27 November 2024, setelah itu tak bisa lagi.", "27 November 2024")
    event = features_of("Bawaslu menggelar rapat pada Rabu 27 November 2024 di aula.", "27 November 2024")
    assert "__l_deadline" in deadline and "__l_deadline" not in event
    assert "__dayname" in deadline and "__dayname" in event


def test_ban_boundary_date_vs_an_event_date():
    ban = features_of("Kepala daerah dilarang melakukan mutasi pejabat sebelum 27 November 2024.", "27 November 2024")
    since = features_of("Larangan itu berlaku terhitung sejak 27 November 2024 lalu.", "27 November 2024")
    event = features_of("Kepala daerah melantik pejabat di aula pada 27 November 2024.", "27 November 2024")
    assert {"__n_boundary", "__l_ban"} <= ban and {"__n_boundary", "__l_ban"} <= since
    assert not {"__l_boundary", "__l_ban"} & event


def test_numbered_document_date_vs_a_dated_happening():
    document = features_of("Imbauan itu lewat surat telegram bernomor K/12/2024 tertanggal 27 November 2024.", "27 November 2024")
    happening = features_of("Imbauan itu disampaikan saat apel di lapangan pada 27 November 2024.", "27 November 2024")
    assert "__n_document" in document and "__l_document" not in happening


def test_cascade_answer_is_a_feature():
    assert "c_voting_day" in features_of("Pemilu 27 November 2024.", "27 November 2024", cascade="voting_day")


# --- a tiny model trained on invented records ------------------------------------------

DEADLINE_WORDS = ("Batasnya", "Batas waktunya", "Tenggatnya", "Paling lambat")
VENUES = ("aula kantor bupati", "pendopo kabupaten", "gedung DPRD", "balai desa")


def _record(i: int, text: str, date: str, kind: str) -> dict:
    start = text.index(date)
    return {
        "id": f"k{i}",
        "text": text,
        "dates": [{"start": start, "end": start + len(date), "text": date, "value": None, "kind": kind}],
        "entities": [], "rules": [], "events": [],
    }


def training_records() -> list[dict]:
    records = []
    for i, (word, venue) in enumerate(zip(DEADLINE_WORDS, VENUES, strict=True)):
        day = f"{10 + i} Januari 2020"
        records.append(_record(2 * i, f"Mutasi pejabat dilarang. {word} yakni pada Rabu {day}, setelah itu tidak bisa lagi.", day, "other"))
        records.append(_record(2 * i + 1, f"Bupati menggelar rapat di {venue} pada Rabu {day} bersama camat.", day, "event_date"))
    return records


@pytest.fixture(scope="module")
def dates_nlp():
    return build_pipeline(components=DATES_ONLY)


def kinds(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [span._.date_attrs["kind"] for span in doc.spans["dates"]]


def test_trained_model_decides_a_deadline_vs_an_event(dates_nlp):
    nlp = build_pipeline(components=DATES_ONLY)
    fit_dates(nlp, training_records(), seed=0)
    assert nlp.get_pipe("netral_dates").kinds is not None
    assert kinds(nlp, "Pengisian formulir ditutup. Batasnya yakni pada Kamis 20 Februari 2020, tak bisa diulang.") == ["other"]
    assert kinds(nlp, "Wali kota menggelar rapat di aula pada Kamis 20 Februari 2020 bersama lurah.") == ["event_date"]


def test_training_is_deterministic(dates_nlp):
    first = train_model(dates_nlp, training_records(), seed=0)
    second = train_model(dates_nlp, training_records(), seed=0)
    assert first.spec == second.spec
    assert all(np.array_equal(first.arrays[k], second.arrays[k]) for k in first.arrays)


def test_stored_kind_model_round_trips_with_its_lexicon(tmp_path):
    nlp = build_pipeline(components=DATES_ONLY)
    fit_dates(nlp, training_records(), seed=0)
    nlp.to_disk(tmp_path / "p")
    assert (tmp_path / "p" / "netral_dates" / "kinds" / "kind_features.json").exists()
    loaded = load(tmp_path / "p")
    text = "Batasnya yakni pada Kamis 20 Februari 2020. Bupati menggelar rapat pada Jumat 21 Februari 2020 di aula."
    before = nlp.get_pipe("netral_dates").kinds.model
    after = loaded.get_pipe("netral_dates").kinds.model
    assert kinds(loaded, text) == kinds(nlp, text) == ["other", "event_date"]
    assert before.classes == after.classes
    features = [mention_features(text, 20, 43, "other", None)]
    assert np.allclose(before.proba(features), after.proba(features))


def test_without_a_model_the_cascade_decides(tmp_path):
    nlp = build_pipeline(components=DATES_ONLY)
    nlp.to_disk(tmp_path / "plain")
    assert load(tmp_path / "plain").get_pipe("netral_dates").kinds is None
