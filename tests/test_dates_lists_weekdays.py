"""Date values: a list of days is one range; a day name moves a year-less date to its year."""

from __future__ import annotations

from netral_nlp.components.dates.component import extract_dates


def _values(text: str) -> list[tuple[str, str]]:
    return [(d["text"], d["value"]) for d in extract_dates(text)]


def test_a_list_of_three_days_is_one_range_two_days_are_not():
    assert _values("Masa tenang berlangsung tanggal 14, 15 dan 16 April 2019.") == [
        ("14, 15 dan 16 April 2019", "2019-04-14/2019-04-16")
    ]
    # 'nomor urut 3 dan 5' style pairs stay what the grammar made of them: the last day only
    assert _values("Sidang digelar 14 dan 16 April 2019.") == [("16 April 2019", "2019-04-16")]


def test_a_day_name_moves_a_date_to_the_nearest_year_that_fits_it():
    # the article speaks of Pilkada 2015, but 13 February falls on a Tuesday in 2018, not 2015-2017
    text = "Evaluasi Pilkada 2015 jadi bahan. Pendaftaran calon dibuka pada Selasa (13/2)."
    assert ("Selasa (13/2)", "2018-02-13") in _values(text)
    # without a day name the article's year stays
    assert ("13/2", "2015-02-13") in _values(text.replace("Selasa (13/2)", "tanggal (13/2)"))


def test_plain_text_kinds_are_learned_values_do_not_depend_on_it():
    from netral_nlp.components.dates.component import shipped_kinds

    text = (
        "SLEMAN – Bawaslu menggelar sosialisasi netralitas ASN, Senin (23/9/2024).\n"
        "Pemungutan suara Pilkada serentak dilaksanakan pada Rabu, 27 November 2024."
    )
    learned, cascade = extract_dates(text), extract_dates(text, learned=False)
    assert [(d["text"], d["value"]) for d in learned] == [(d["text"], d["value"]) for d in cascade]
    decider = shipped_kinds()
    if decider is not None:  # the shipped model decides every kind it is sure of
        assert all(d["kind"] in decider.model.classes for d in learned)
