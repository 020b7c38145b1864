"""Grouped folds and nested training shares: what the cross-validation and the learning curve rest on."""

import pytest

from netral_nlp.learn import grouped_folds, nested_share

IDS = [f"a{i:03d}" for i in range(40)]


def test_every_article_is_tested_once_and_never_trained_on_in_its_fold():
    folds = grouped_folds(IDS, 5, seed=3)
    tested = [i for _, test in folds for i in test]
    assert sorted(tested) == sorted(IDS)
    assert all(not set(train) & set(test) for train, test in folds)


def test_folds_depend_on_the_id_set_not_its_order():
    assert grouped_folds(IDS, 5, seed=1) == grouped_folds(list(reversed(IDS)), 5, seed=1)
    assert grouped_folds(IDS, 5, seed=1) != grouped_folds(IDS, 5, seed=2)


def test_smaller_shares_are_subsets_of_larger_ones():
    quarter, half, whole = (nested_share(IDS, f, seed=7) for f in (0.25, 0.5, 1.0))
    assert len(quarter) == 10 and len(half) == 20 and sorted(whole) == sorted(IDS)
    assert set(quarter) < set(half) < set(whole)


def test_a_share_depends_on_its_seed_and_not_on_the_order():
    assert nested_share(IDS, 0.5, seed=7) == nested_share(list(reversed(IDS)), 0.5, seed=7)
    assert set(nested_share(IDS, 0.5, seed=7)) != set(nested_share(IDS, 0.5, seed=8))


def test_a_tiny_share_keeps_one_article_and_a_share_outside_zero_to_one_is_refused():
    assert len(nested_share(IDS, 0.001)) == 1
    with pytest.raises(ValueError):
        nested_share(IDS, 0)
    with pytest.raises(ValueError):
        nested_share(IDS, 1.5)
