"""Which region a name denotes (issue 15): a dateline names a town, prose a province.

Invented regions; the resolver is run on mentions as the finder builds them.
"""

from __future__ import annotations

from netral_nlp.components.regions.finder import Mention
from netral_nlp.components.regions.gazetteer import Region
from netral_nlp.components.regions.resolver import resolve

PROVINCE = Region("99", "province", "Sukamaju")
CITY = Region("99.71", "city", "Kota Sukamaju")
REGENCY = Region("99.01", "regency", "Kabupaten Sukamaju")


def _mention(start: int, candidates: list[Region], **flags) -> Mention:
    return Mention(start, start + 8, start, list(candidates), **flags)


def test_a_dateline_shared_by_a_province_and_its_city_is_the_city():
    dateline, later = _mention(0, [PROVINCE, CITY], dateline=True), _mention(200, [PROVINCE, CITY])
    resolve([dateline, later])
    assert (dateline.chosen, later.chosen) == (CITY, CITY)  # the prose mention follows the dateline


def test_the_same_name_in_prose_alone_is_the_province():
    prose = _mention(50, [PROVINCE, CITY])
    resolve([prose])
    assert prose.chosen == PROVINCE


def test_a_dateline_follows_the_article_where_it_settles_the_name():
    # ``Gubernur Sukamaju`` elsewhere: the office says province, and the dateline goes with it
    dateline = _mention(0, [PROVINCE, CITY], dateline=True)
    governor = _mention(120, [PROVINCE, CITY], hint="province", prefixed=True)
    resolve([dateline, governor])
    assert (dateline.chosen, governor.chosen) == (PROVINCE, PROVINCE)

