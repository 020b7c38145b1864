"""Local-press short forms of multi-word region names, generated from the Kemendagri names.

Local press shortens a region to the first syllable(s) of each word:
``Bolaang Mongondow Selatan`` -> ``Bolsel``, ``Minahasa Utara`` -> ``Minut``,
``Gorontalo Utara`` -> ``Gorut``, ``Polewali Mandar`` -> ``Polman``; names of three
words (and ``Kabupaten`` + two words) also go by their initials (``SBT``, ``TTU``,
``KTT``). The direction words have fixed short forms (``Utara`` -> ``ut``/``ra``/
``tara``, resources/regions/abbreviation_rules.json).

Every form is a guess, so the gazetteer checks each against what it already knows:
a form that is an official name, a hand-listed alias or a district keeps that
meaning; a form two regions generate, or one that is a common word or a word of
the people/org lexicons, stays unresolved (code null) or is dropped.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from itertools import product

from ...resources import read_json

_VOWELS = "aeiou"


@lru_cache(maxsize=1)
def rules() -> dict:
    return read_json("regions/abbreviation_rules.json")


def syllable_prefixes(word: str) -> set[str]:
    """``bolaang`` -> {``bo``, ``bol``}; ``tangerang`` -> {``ta``, ``tang``}; ``lawas`` -> {``la``, ``las``}."""
    w = word.lower()
    i = 0
    while i < len(w) and w[i] not in _VOWELS:
        i += 1
    if i >= len(w):
        return set()
    forms = {w[: i + 1]}  # ``Nias`` -> ``ni``
    while i < len(w) and w[i] in _VOWELS:
        i += 1
    if i >= len(w):
        return forms | ({w} if len(w) <= 4 else set())
    open_syllable = w[:i]
    closed = w[: i + 2] if w[i : i + 2] == "ng" else w[: i + 1]
    forms |= {open_syllable, closed}
    if w[-1] not in _VOWELS:
        forms.add(open_syllable + w[-1])  # ``Lawas`` -> ``las``
    return forms


def _word_forms(word: str, last: bool) -> set[str]:
    direction = rules()["directions"].get(word)
    if direction is not None:
        return set(direction)
    return syllable_prefixes(word)


def generate(bare: str, regency: bool) -> set[str]:
    """Short forms of one bare official name (``Minahasa Utara``), capitalised as written."""
    words = bare.replace("-", " ").split()
    if len(words) < 2 or any(not w.isalpha() for w in words) or words[0] in rules()["skip_first"]:
        return set()
    out: set[str] = set()
    first = syllable_prefixes(words[0])
    last = _word_forms(words[-1], True)
    middles: list[set[str]] = [{""}]
    if len(words) == 3:
        middles = [{"", words[1][0].lower()} | syllable_prefixes(words[1])]
    elif len(words) > 3:
        return {"".join(w[0] for w in words).upper()}
    for a, m, z in product(first, middles[0], last):
        form = a + m + z
        if rules()["min_length"] <= len(form) <= rules()["max_length"]:
            out.add(form.capitalize())
    if len(words) == 3:
        out.add("".join(w[0] for w in words).upper())
    if len(words) == 2 and regency:
        out.add(("K" + "".join(w[0] for w in words)).upper())
    return out


def generated_forms(official: dict[str, list]) -> dict[str, set]:
    """Form -> the regions (of ``official``: bare name -> regions) that generate it."""
    found: dict[str, set] = defaultdict(set)
    for bare, regions in official.items():
        for region in regions:
            if region.level not in ("province", "regency", "city"):
                continue
            for form in generate(bare, region.level == "regency"):
                found[form].add(region)
    return found

