"""The people/org lexicons (resources/people/*) compiled once into regexes.

Why regexes over ``doc.text``: titles are multi-word, written with optional
abbreviations in brackets (``Penjabat (Pj) Bupati``) and the extents we need
are character offsets anyway; one compiled alternation per family is fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ...anchors import WordStartPattern
from ...resources import read_json, read_lines

RES = "people/"

#: abbreviated first names written with a dot (``Muh.``, ``Abd.``): part of the name
NAME_ABBREVS = tuple(read_lines(RES + "name_abbrevs.txt"))
#: one word of a person's name: ``Wahyu``, ``Ma’ruf``, an initial ``M``/``A.``, ``T.A.``, ``Muh.``
NAME_WORD = (
    r"(?:" + "".join(re.escape(a) + "(?= [A-Z])|" for a in sorted(NAME_ABBREVS, key=len, reverse=True))
    + r"[A-Z][a-z]+(?:[’'`][A-Za-z][a-z]*)*|(?:[A-Z]\.){1,3}|[A-Z](?![\w’']))"
)
NAME_WORD_RE = re.compile(NAME_WORD)
#: where an office title may start: a word start, or right after a dateline glued to it by a
#: hyphen (``GORONTALO--Ketua``, ``SULTENG RAYA-Kepala``), never inside a compound (``non-Ketua``)
TITLE_START = r"(?:(?<![\w-])|(?<=--)|(?<=(?-i:[A-Z]){3}-))"
#: an acronym in brackets right after a term: ``(Pj)``, ``(Sekda)``, ``(KPU)``
BRACKET_ABBR = r"(?:\s*\([A-Za-z][\w\-/ .]{0,24}\))"


def alternation(terms: list[str]) -> str:
    """Longest-first alternation of literal terms, spaces matching any run of spaces."""
    ordered = sorted(set(terms), key=len, reverse=True)
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in ordered)


def bounded(alt: str) -> str:
    """Alternation bounded as whole words."""
    return rf"(?<![\w-])(?:{alt})(?![\w-])"


def _pair_bounded(alt: str) -> str:
    """Whole words that may also stand in a capitalised hyphen pair (``TNI-Polri``),
    but not in a suffixed or lower-case compound (``Bawaslu-nya``, ``non-ASN``)."""
    return rf"(?<!\w)(?<![a-z0-9]-)(?:{alt})(?!\w)(?!-[a-z0-9])"


@dataclass(frozen=True)
class Lexicon:
    titles: dict
    orgs: dict
    candidates: dict
    speech: frozenset[str]
    name_stop: frozenset[str]
    role_words: frozenset[str]
    honorifics: frozenset[str]
    ranks_re: re.Pattern
    rank_head_re: re.Pattern
    honorific_re: re.Pattern
    acting_re: re.Pattern
    office_re: re.Pattern
    office_kind: dict[str, str]
    office_exact: frozenset[str]
    org_body_re: re.Pattern
    org_fixed_re: re.Pattern
    org_assoc_re: re.Pattern
    government_re: re.Pattern
    unit_head_re: re.Pattern
    party_re: re.Pattern
    qualifier_re: re.Pattern
    cand_title_re: re.Pattern
    ballot_re: re.Pattern
    ordered_lead_re: re.Pattern
    pair_cue_re: re.Pattern
    speech_before_re: re.Pattern
    number_words: dict[str, str]
    not_after_re: re.Pattern


def _office_table(titles: dict) -> dict[str, str]:
    table: dict[str, str] = {}
    for kind in ("org", "region", "portfolio", "standalone"):
        for term in titles.get(kind, []):
            table[term.lower()] = kind
    return table


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load and compile the lexicons (once per process)."""
    titles = read_json(RES + "titles.json")
    orgs = read_json(RES + "orgs.json")
    cands = read_json(RES + "candidates.json")
    speech = frozenset(w.lower() for w in read_lines(RES + "speech.txt"))
    office_kind = _office_table(titles)
    offices = list(office_kind)
    office_terms = [t for k in ("org", "region", "portfolio", "standalone") for t in titles.get(k, [])]
    acting = titles["acting_prefixes"] + titles["rank_prefixes"]
    number_words = {k.lower(): v for k, v in cands["number_words"].items()}
    num_alt = "|".join(sorted(number_words, key=len, reverse=True))
    ballot_alt = alternation(cands["ballot"])
    return Lexicon(
        titles=titles,
        orgs=orgs,
        candidates=cands,
        speech=speech,
        name_stop=frozenset(read_lines(RES + "name_stopwords.txt")),
        role_words=frozenset(read_lines(RES + "role_words.txt")),
        honorifics=frozenset(titles["honorifics"]),
        ranks_re=re.compile(
            # ``Kolonel. Inf``, ``Letkol Inf.``, ``Kombes Pol.Iqbal``: a rank may end in a dot, glued to the name
            rf"(?:(?:{alternation(titles['ranks'] + titles['chain_ranks'])})(?:\.(?=[ ,]*[A-Z(])|(?![\w-]))[ ,]*)+"
        ),
        rank_head_re=re.compile(
            bounded(alternation([r for r in titles["ranks"] if r not in set(titles["corps"])]))
        ),
        honorific_re=re.compile(rf"(?:(?:{alternation(titles['honorifics'])})(?![\w-])[ ,]*)+"),
        acting_re=re.compile(
            rf"(?:(?:{alternation(acting)})(?![\w-]){BRACKET_ABBR}?\s+)+"
        ),
        office_re=re.compile(
            rf"(?:{TITLE_START}(?:{alternation(acting)})(?![\w-]){BRACKET_ABBR}?\s+)*"
            rf"{TITLE_START}(?P<office>{alternation(office_terms)})(?![\w-])(?:\s+Sementara(?![\w-]))?(?P<abbr>{BRACKET_ABBR})?",
            re.IGNORECASE,
        ),
        office_exact=frozenset(office_terms),
        office_kind={k: v for k, v in office_kind.items()} | {o.lower(): office_kind[o] for o in offices},
        org_body_re=re.compile(_pair_bounded(alternation(orgs["bodies"]))),
        org_fixed_re=re.compile(_pair_bounded(alternation(orgs["fixed"]))),
        org_assoc_re=re.compile(bounded(alternation(orgs["associations"]))),
        government_re=re.compile(bounded(alternation(orgs["government"])), re.IGNORECASE),
        unit_head_re=re.compile(bounded(alternation(orgs["unit_heads"]))),
        party_re=re.compile(
            rf"(?<![\w-])(?:Partai(?!\s+Politik)(?:\s+[A-Z][\w-]*)+|{alternation(orgs['parties'])})(?![\w-])"
        ),
        qualifier_re=re.compile(rf"\s+(?:{alternation(orgs['qualifiers'])})(?![\w-])"),
        cand_title_re=re.compile(
            rf"(?<![\w-])(?:{alternation(cands['titles'])})(?![\w-])", re.IGNORECASE
        ),
        ballot_re=re.compile(
            rf"(?<![\w-])(?:{ballot_alt})\s*(?::\s*)?(?P<num>\d{{1,2}}|{num_alt})(?![\w-])", re.IGNORECASE
        ),
        ordered_lead_re=re.compile(bounded(alternation(cands["ordered_lead"])), re.IGNORECASE),
        pair_cue_re=re.compile(bounded(alternation(cands["pair_cues"])), re.IGNORECASE),
        speech_before_re=re.compile(
            rf"(?<![\w-])(?:{alternation(sorted(speech))})\s*,?\s*$", re.IGNORECASE
        ),
        number_words=number_words,
        not_after_re=re.compile(rf"(?<![\w-])(?:{alternation(titles['not_after'])})\s+$"),
    )


@lru_cache(maxsize=1)
def not_name_words() -> frozenset[str]:
    """Words that never open or close a name: name stop words, honorifics, field words
    (one set, built once, for every reader that trims a run of capitalised words)."""
    lex = lexicon()
    return lex.name_stop | lex.honorifics | lex.role_words


def ballot_value(raw: str) -> str:
    """``"2"`` for ``2``, ``dua`` or ``Dua``."""
    raw = raw.strip().lower()
    return lexicon().number_words.get(raw, raw.lstrip("0") or raw)


@cache
def scanner(name: str) -> WordStartPattern:
    """Lexicon pattern ``name`` as a :class:`WordStartPattern`: tried only at the word
    starts that begin with one of its anchors (same matches as its ``finditer``)."""
    return WordStartPattern(getattr(lexicon(), name))
