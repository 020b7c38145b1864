"""Tokenizer for Indonesian news: spaCy's ``id`` rules plus newsroom conventions.

- abbreviations with a period (``Kab.``, ``Dr.``, ``S.Sos.``) stay whole: list in
  ``resources/abbreviations.txt``;
- numeric day-first dates (``19/11/2023``, ``23/9/24``, ``24-09-2024``) are one token;
- a hyphen between two capitalised names splits (``Hidayat-Ali``), other
  hyphenated words stay whole (``Wali-kota``, ``H-1``, ``MenPAN-RB``);
- web domains (``jatimnow.com``) stay whole (spaCy's URL matching).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER
from spacy.lang.id import Indonesian
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from .resources import read_lines

#: day-first numeric dates kept as one token
NUMERIC_DATE = re.compile(r"^\d{1,2}([/.-])\d{1,2}\1\d{2}(?:\d{2})?$")

#: hyphen between a name and a capitalised name: ``Hidayat-Ali`` -> ``Hidayat - Ali``
NAME_PAIR_HYPHEN = rf"(?<=[{ALPHA_LOWER}])[-–—](?=[{ALPHA_UPPER}][{ALPHA_LOWER}])"
#: hyphen or dash between numbers (``11-13``), kept from spaCy's defaults
NUMBER_HYPHEN = r"(?<=[0-9])[-–—](?=[0-9])"
#: spaced or unspaced dashes between words that are clearly punctuation (``--``)
DOUBLE_HYPHEN = rf"(?<=[{ALPHA}0-9])(?:--+|—)(?=[{ALPHA}0-9])"

_HYPHEN_CHARS = ("-", "–", "—", "~")


@lru_cache(maxsize=1)
def abbreviations() -> tuple[str, ...]:
    return tuple(read_lines("abbreviations.txt"))


def _infixes() -> list[str]:
    """spaCy's Indonesian infixes without its letter-hyphen rules, plus ours."""
    kept = []
    for pattern in Indonesian.Defaults.infixes:
        hyphen_rule = any(h in pattern for h in ("(?:-|", ")-(?=", "[\\/-]", "[+\\-"))
        if not hyphen_rule:
            kept.append(pattern)
    return [*kept, NAME_PAIR_HYPHEN, NUMBER_HYPHEN, DOUBLE_HYPHEN, r"(?<=[0-9])[+*^](?=[0-9])"]


def make_tokenizer(nlp: Language) -> Tokenizer:
    """Build the netral tokenizer for ``nlp``'s vocabulary."""
    defaults = Indonesian.Defaults
    rules = dict(defaults.tokenizer_exceptions)
    for abbr in abbreviations():
        rules[abbr] = [{"ORTH": abbr}]
    return Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=compile_prefix_regex(defaults.prefixes).search,
        suffix_search=compile_suffix_regex(defaults.suffixes).search,
        infix_finditer=compile_infix_regex(_infixes()).finditer,
        token_match=NUMERIC_DATE.match,  # spaCy's id defaults have none
        url_match=defaults.url_match,
    )


@registry.tokenizers("netral.tokenizer.v1")
def create_netral_tokenizer() -> Callable[[Language], Tokenizer]:
    """Registered tokenizer factory (referenced from the pipeline's config)."""
    return make_tokenizer
