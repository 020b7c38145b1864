"""Tokenizer for Indonesian news: spaCy's ``id`` rules plus newsroom conventions.

- abbreviations with a period (``Kab.``, ``Dr.``, ``S.Sos.``) stay whole: list in
  ``resources/abbreviations.txt``;
- numeric day-first dates (``19/11/2023``, ``23/9/24``, ``24-09-2024``) are one token;
- a hyphen before a capitalised name splits (``Hamzah-Rusdi``, ``TNI-Polri``),
  and so does one between a name and an initial or honorific
  (``Hamzah-T.B.``, ``Wulandari-KH``); other hyphenated words stay whole
  (``Wali-kota``, ``H-1``, ``MenPAN-RB``, ``PDI-P``, ``e-KTP``);
- an opening bracket glued to what precedes it splits off
  (``2019(ANTARA)``, ``tegasnya.(ari/red)``, ``2024.-(Humas)``);
- web domains (``jatimnow.com``) stay whole (spaCy's URL matching).

The special cases are spaCy's ``id`` exceptions plus our abbreviations, less the
~12,000 that these rules already tokenize the same way (``anak-anak``): the
remaining ones are computed once when packaging (``netral_nlp.tokenizer_cases``)
and read from ``resources/tokenizer/special_cases.json``, because spaCy adds
each case one by one (seconds for all of them) every time a pipeline is created.
Title-case word pairs among them (``Abang-Abang``) are added when a text first
shows them (:class:`HyphenPairs`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER
from spacy.lang.id import Indonesian
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from .resources import read_lines
from .textguard import tokenize_guarded

#: day-first numeric dates kept as one token
NUMERIC_DATE = re.compile(r"^\d{1,2}([/.-])\d{1,2}\1\d{2}(?:\d{2})?$")

#: hyphen before a capitalised name: ``Hamzah-Rusdi``, ``TNI-Polri`` -> ``X - Y``
NAME_PAIR_HYPHEN = rf"(?<=[{ALPHA}])[-–—](?=[{ALPHA_UPPER}][{ALPHA_LOWER}])"
#: hyphen between a name and an initial or an upper-case honorific: ``Hamzah-T.B.``,
#: ``Wulandari-KH`` (two lower-case letters before, so ``e-KTP`` stays whole)
NAME_INITIAL_HYPHEN = (
    rf"(?<=[{ALPHA_LOWER}][{ALPHA_LOWER}])[-–—](?=[{ALPHA_UPPER}](?:\.|[{ALPHA_UPPER}]+\b))"
)
#: an opening bracket glued to a word, number or punctuation: ``2019(ANTARA)``
GLUED_OPEN_BRACKET = rf"(?<=[{ALPHA}0-9.,;:!?\-–—])\((?=[{ALPHA}0-9*])"
#: sentence punctuation glued before a bracket: ``tegasnya.(ari/red)``
PUNCT_BEFORE_BRACKET = rf"(?<=[{ALPHA}0-9])[.,;:!?](?=[-–—]*\()"
#: dashes glued after sentence punctuation: ``2024.-(Humas)``
PUNCT_DASH = rf"(?<=[.,;:!?])[-–—]+(?=[({ALPHA}0-9])"
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
    return [
        *kept,
        NAME_PAIR_HYPHEN,
        NAME_INITIAL_HYPHEN,
        GLUED_OPEN_BRACKET,
        PUNCT_BEFORE_BRACKET,
        PUNCT_DASH,
        NUMBER_HYPHEN,
        DOUBLE_HYPHEN,
        r"(?<=[0-9])[+*^](?=[0-9])",
    ]


#: ``doc.user_data`` key of the text the tokenizer was given (see :func:`doc_text`)
TEXT_KEY = "netral_text"


class NetralTokenizer(Tokenizer):
    """spaCy's tokenizer that also keeps the input text on the Doc, and its rules.

    ``Doc.text`` rebuilds the string from every token on each call; components
    that read the whole text use :func:`doc_text` instead.
    """

    #: title-case word pairs added as special cases on first sight (see :class:`HyphenPairs`)
    hyphen_pairs: HyphenPairs | None = None

    def __call__(self, text: str) -> Doc:
        self._add_hyphen_pairs(text)
        doc = tokenize_guarded(text, super().__call__, self.vocab)  # linear on any text
        doc.user_data[TEXT_KEY] = text
        return doc

    def __reduce__(self):
        """Pickled (a copy, a process pool) with its pairs, which spaCy's own reduce leaves out."""
        cls, args = super().__reduce__()[:2]
        return cls, args, {"hyphen_pairs": self.hyphen_pairs}

    def _add_hyphen_pairs(self, text: str) -> None:
        if self.hyphen_pairs is not None:
            rules = self.rules
            for string in self.hyphen_pairs.shown_in(text):
                if string not in rules:
                    self.add_special_case(string, [{"ORTH": string}])

    # The rules are code and data of this package, not trained weights: a saved
    # pipeline keeps using the installed rules instead of the copy frozen in its
    # ``tokenizer`` file, so a rule fix reaches every pipeline without re-saving.
    def from_disk(self, path, *, exclude=()):
        """Keep the installed rules (see above)."""
        return self

    def from_bytes(self, bytes_data, *, exclude=()):
        """Keep the installed rules (see above)."""
        return self

    def to_bytes(self, *, exclude=()):
        """Saved without its special cases: loading keeps the installed rules anyway, and
        the pairs added on first sight would make the saved file depend on what was read."""
        return super().to_bytes(exclude=(*exclude, "exceptions"))


def doc_text(doc: Doc) -> str:
    """``doc.text`` without rebuilding it: the tokenizer's copy when it still fits the Doc."""
    cached = doc.user_data.get(TEXT_KEY)
    if isinstance(cached, str) and len(doc):
        last = doc[-1]
        if len(cached) == last.idx + len(last.text_with_ws):
            return cached
    return doc.text


def all_special_cases() -> dict[str, list[dict]]:
    """Every special case the rules name: spaCy's ``id`` exceptions and our abbreviations."""
    rules = dict(Indonesian.Defaults.tokenizer_exceptions)
    for abbr in abbreviations():
        rules[abbr] = [{"ORTH": abbr}]
    return rules


SPECIAL_CASES_FILE = "tokenizer/special_cases.json"


@lru_cache(maxsize=1)
def _packaged() -> dict:
    from .resources import read_json

    return read_json(SPECIAL_CASES_FILE)


def special_cases() -> dict[str, list[dict]]:
    """The special cases a tokenizer is created with (see the module docstring), as packaged."""
    return _packaged()["cases"]


class HyphenPairs:
    """Special cases ``A-B`` (``Abang-Abang``) that the name-pair hyphen rule would split.

    spaCy uses such a case only where a piece of text equals ``A-B`` or where its
    tokens ``A``, ``-``, ``B`` follow one another (its special-case matcher, which
    also sees them across spaces). Both need ``A``, maybe spaces, ``-``, maybe
    spaces, ``B`` in the text, with ``A`` the end of a run of letters and ``B``
    the start of one: :meth:`shown_in` finds every pair so shown (and some
    more, which is harmless), the tokenizer adds those before it tokenizes the
    text, so each text is tokenized as with every pair. One pass over the
    text's hyphens; each looks at most a pair's length of letters either side.
    """

    def __init__(self, pairs: list[str]) -> None:
        by_first: dict[str, list[str]] = {}
        for pair in pairs:
            first, second = pair.split("-")
            by_first.setdefault(first, []).append(second)
        #: second words by first word: ``{"Abang": ("Abang",), ...}``
        self.seconds: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in by_first.items()}
        self.longest_first = max(map(len, self.seconds), default=0)
        self.longest_second = max((len(s) for ss in self.seconds.values() for s in ss), default=0)

    def shown_in(self, text: str) -> set[str]:
        """The pairs whose words stand around a hyphen in ``text``."""
        found: set[str] = set()
        hyphen = text.find("-")
        while hyphen != -1:
            end = hyphen
            while end > 0 and text[end - 1].isspace():
                end -= 1
            start = end
            while start > 0 and end - start < self.longest_first and text[start - 1].isalpha():
                start -= 1
            begin = hyphen + 1
            while begin < len(text) and text[begin].isspace():
                begin += 1
            stop = begin
            while stop < len(text) and stop - begin < self.longest_second and text[stop].isalpha():
                stop += 1
            if start < end and begin < stop:
                left, right = text[start:end], text[begin:stop]
                for cut in range(len(left)):
                    for second in self.seconds.get(left[cut:], ()):
                        if right.startswith(second):
                            found.add(f"{left[cut:]}-{second}")
            hyphen = text.find("-", hyphen + 1)
        return found


@lru_cache(maxsize=1)
def hyphen_pairs() -> HyphenPairs:
    return HyphenPairs(_packaged()["hyphen_pairs"])


def needed_special_cases() -> dict[str, list[dict]]:
    """Every case the packaged tokenizer may use: the ones it starts with and the pairs."""
    return {**special_cases(), **{pair: [{"ORTH": pair}] for pair in _packaged()["hyphen_pairs"]}}


@lru_cache(maxsize=1)
def _affix_functions() -> dict[str, Callable]:
    """The compiled prefix, suffix, infix, token and URL matchers (compiled once a process)."""
    defaults = Indonesian.Defaults
    return {
        "prefix_search": compile_prefix_regex(defaults.prefixes).search,
        "suffix_search": compile_suffix_regex(defaults.suffixes).search,
        "infix_finditer": compile_infix_regex(_infixes()).finditer,
        "token_match": NUMERIC_DATE.match,  # spaCy's id defaults have none
        "url_match": defaults.url_match,
    }


def build_tokenizer(nlp: Language, rules: dict[str, list[dict]]) -> NetralTokenizer:
    """The netral tokenizer with the given special cases (tests build the full reference)."""
    return NetralTokenizer(nlp.vocab, rules=rules, **_affix_functions())


def make_tokenizer(nlp: Language) -> Tokenizer:
    """Build the netral tokenizer for ``nlp``'s vocabulary."""
    tokenizer = build_tokenizer(nlp, special_cases())
    tokenizer.hyphen_pairs = hyphen_pairs()
    return tokenizer


@registry.tokenizers("netral.tokenizer.v1")
def create_netral_tokenizer() -> Callable[[Language], Tokenizer]:
    """Registered tokenizer factory (referenced from the pipeline's config)."""
    return make_tokenizer
