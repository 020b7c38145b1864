"""Word families the learned category model reads beside a rule's own words.

TF-IDF over the training rules knows only the words those rules used; a rule
about ``TikTok`` or ``bingkisan`` in an unseen article shares no word with them.
``resources/rules/category_cues.json`` groups such words into families finer
than the categories (platforms, acts online, money and gifts, state assets,
office power ...), and each family that occurs becomes a pseudo-word
(``__fam_social_platform``) whose weight the category model learns. The file
is one of the lexicons saved with the trained model (:mod:`.lexicons`).

Speed: the category model reads every detected rule, so a family is looked up
word by word (a set of the rule's words, no regex) where its entries are plain
words or word stems (``akun\\w*``); only entries with more regex than that
(``media\\s+sosial``) run as patterns, and only when the rule holds their first word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...resources import read_json
from .cues import words

FAMILIES_FILE = "rules/category_cues.json"
PREFIX = "__fam_"
_WORD = re.compile(r"[\w-]+")
_STEM = re.compile(r"([\w-]+)\\w\*")
_HEAD = re.compile(r"[\w-]*")


@dataclass(frozen=True)
class FamilyIndex:
    """Every family's entries, keyed for lookup by the words of a text: plain words,
    word stems (``akun\\w*``), and the first literal word of the other entries, whose
    pattern then runs (``whole``: that word must stand alone, else it may be a prefix)."""

    names: tuple[str, ...]
    exact: dict[str, frozenset[str]]
    whole: dict[str, list[tuple[str, re.Pattern[str]]]]
    #: the first ``head`` characters of a stem or partial first word -> (key, family, pattern)
    prefixed: dict[str, list[tuple[str, str, re.Pattern[str] | None]]]
    always: tuple[tuple[str, re.Pattern[str]], ...]  # entries opening with regex
    head: int  # the length of the shortest prefixed key
    keys: frozenset[str] = frozenset()  # the keys of ``exact`` and ``whole``

    def names_in(self, text: str) -> list[str]:
        found: set[str] = set()
        pieces = _pieces(text)
        for piece in pieces & self.keys:  # most words of a rule belong to no family
            found |= self.exact.get(piece, frozenset())
            for name, pattern in self.whole.get(piece, ()):
                if name not in found and pattern.search(text):
                    found.add(name)
        for piece in pieces:
            for key, name, pattern in self.prefixed.get(piece[: self.head], ()):
                if name not in found and piece.startswith(key) and (pattern is None or pattern.search(text)):
                    found.add(name)
        found |= {name for name, pattern in self.always if name not in found and pattern.search(text)}
        return [name for name in self.names if name in found]


def _index(data: dict[str, list[str]]) -> FamilyIndex:
    exact: dict[str, set[str]] = {}
    prefixed: dict[str, list] = {}
    whole: dict[str, list] = {}
    always = []
    for name, entries in data.items():
        for entry in entries:
            if _WORD.fullmatch(entry):
                exact.setdefault(entry.casefold(), set()).add(name)
            elif stem := _STEM.fullmatch(entry):
                prefixed.setdefault(stem.group(1).casefold(), []).append((name, None))
            elif head := _HEAD.match(entry).group(0).casefold():
                alone = entry[len(head) :].startswith("\\s+")
                (whole if alone else prefixed).setdefault(head, []).append((name, words([entry])))
            else:
                always.append((name, words([entry])))
    head = min(map(len, prefixed), default=1)
    by_head: dict[str, list] = {}
    for key, entries in prefixed.items():
        by_head.setdefault(key[:head], []).extend((key, name, pattern) for name, pattern in entries)
    return FamilyIndex(
        tuple(data), {w: frozenset(n) for w, n in exact.items()}, whole, by_head, tuple(always), head,
        frozenset(exact) | frozenset(whole),
    )


@lru_cache(maxsize=1)
def family_index() -> FamilyIndex:
    """The families of the file, in file order (``_doc`` and empty lists skipped)."""
    data = read_json(FAMILIES_FILE)
    return _index({name: entries for name, entries in data.items() if not name.startswith("_") and entries})


def _pieces(text: str) -> set[str]:
    """The text's words, case-folded: each run of word characters and each hyphenated
    compound (``bagi-bagi``), as a whole-word regex would see them."""
    compounds = _WORD.findall(text.casefold())
    return {*compounds, *(part for c in compounds if "-" in c for part in c.split("-") if part)}


def family_names(text: str) -> list[str]:
    """The families with a word in ``text``, in file order."""
    return family_index().names_in(text)


def family_tokens(text: str) -> str:
    """The families of ``text`` as pseudo-words, one per family."""
    return " ".join(f"{PREFIX}{name}" for name in family_names(text))
