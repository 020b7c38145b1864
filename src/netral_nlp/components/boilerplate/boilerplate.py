"""Mark the lines of a page that are not the article (related links, bylines, widgets).

The text is never changed: marked lines (and a few in-line credits) become
spans in ``doc.spans["boilerplate"]`` labelled with their kind, and later
components skip them. All knowledge is in ``resources/boilerplate/patterns.json``;
this module only applies it: one combined regex per line, one look at the
next line after an announcing line (``Baca juga``), one menu-word count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ...anchors import AnchoredPattern, fold
from ...resources import read_json
from ...spans import add_span
from ...tokenizer import doc_text

LINE = re.compile(r"[^\n]*")
#: bullets and dashes in front of a line (``• 2 min read``, ``- Oleh ...``)
LEADING_BULLETS = re.compile(r"^[\s•●▪◦‣·*»›|–—-]+")
#: a sentence break inside a line: the line is a paragraph, not a headline or a name
SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[\"“'‘(]?[A-Z0-9]")
#: punctuation a menu line never has
SENTENCE_PUNCT = re.compile(r"[.,;:!?\"“”]")
MENU_WORD = re.compile(r"[^\W\d_]+|&|\d+")
#: separators between the parts of a byline or breadcrumb line (``Oleh: X | 11 Okt 2024``)
PART_SEPARATOR = re.compile(r"\s+[|•·]\s+|\s+[-–—]\s+|\s*[›»]\s*")
#: kinds whose lines may also carry the article's date, which is content
SPLIT_KINDS = frozenset({"byline", "navigation"})


@dataclass(frozen=True)
class Patterns:
    """Compiled boilerplate knowledge."""

    anchored: re.Pattern[str]  # patterns starting with ``^``, tried once at the line start
    #: the others, searched one by one (faster), skipped on a line without their anchors
    floating: list[tuple[str, AnchoredPattern]]
    announce: re.Pattern[str]  # full-line announcers, a named group per kind
    next_line_words: dict[str, int]
    inline: list[tuple[str, re.Pattern[str]]]
    menu_words: frozenset[str]
    menu_fillers: frozenset[str]
    menu_min_words: int
    menu_min_share: float
    max_line_chars: int


def _alternation(groups: dict[str, list[str]]) -> re.Pattern[str]:
    """One regex, a named group per kind: one pass per line instead of one per pattern."""
    parts = [
        f"(?P<{kind}>{'|'.join(f'(?:{p})' for p in pats)})" for kind, pats in groups.items() if pats
    ]
    return re.compile("|".join(parts) or r"(?!)", re.IGNORECASE)


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """Compile ``resources/boilerplate/patterns.json`` once."""
    data = read_json("boilerplate/patterns.json")
    kinds = {k: v for k, v in data.items() if not k.startswith("_")}
    next_line = {
        k: int(v["max_words"])
        for k, v in data.get("_next_line", {}).items()
        if not k.startswith("_")
    }
    menu = data.get("_menu", {})
    return Patterns(
        anchored=_alternation({k: [p for p in v if p.startswith("^")] for k, v in kinds.items()}),
        floating=[
            (k, AnchoredPattern.of(re.compile(p, re.IGNORECASE)))
            for k, v in kinds.items()
            for p in v
            if not p.startswith("^")
        ],
        announce=_alternation(data.get("_announce", {})),
        next_line_words=next_line,
        inline=[
            (kind, re.compile(p, re.IGNORECASE))
            for kind, pats in data.get("_inline", {}).items()
            for p in pats
        ],
        menu_words=frozenset(w.lower() for w in menu.get("words", [])),
        menu_fillers=frozenset(w.lower() for w in menu.get("fillers", [])),
        menu_min_words=int(menu.get("min_words", 6)),
        menu_min_share=float(menu.get("min_share", 0.6)),
        max_line_chars=int(data.get("_max_line_chars", 1000)),
    )


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line's stripped content; blank lines are skipped."""
    spans = []
    for match in LINE.finditer(text.replace("\u00a0", " ")):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def _is_menu(line: str, pats: Patterns) -> bool:
    """A line of section names (``Politik``, ``Agama Ekonomi Gaya Hukum ...``)."""
    if SENTENCE_PUNCT.search(line):
        return False
    words = [w for w in MENU_WORD.findall(line.lower()) if w not in pats.menu_fillers]
    if not words:
        return False
    known = sum(w in pats.menu_words for w in words)
    if len(words) <= 3:
        return known == len(words)
    return len(words) >= pats.menu_min_words and known >= pats.menu_min_share * len(words)


def classify_line(line: str) -> str | None:
    """The boilerplate kind of one line, or None when it is content."""
    pats = patterns()
    bare = LEADING_BULLETS.sub("", line.replace("\u00a0", " ")).strip()
    if not bare or len(bare) > pats.max_line_chars:
        return None
    match = pats.anchored.match(bare)
    if match:
        return match.lastgroup
    folded = fold(bare)
    for kind, pattern in pats.floating:
        if pattern.may_match(folded) and pattern.pattern.search(bare):
            return kind
    if _is_menu(bare, pats):
        return "navigation"
    return None


def announced_kind(line: str) -> str | None:
    """The kind whose next line this line announces (``Baca juga:`` alone), or None."""
    bare = LEADING_BULLETS.sub("", line.replace("\u00a0", " ")).strip()
    match = patterns().announce.fullmatch(bare)
    return match.lastgroup if match else None


def fits_announced(line: str, kind: str) -> bool:
    """The announced line is a headline, name or tag list, not an article paragraph."""
    max_words = patterns().next_line_words.get(kind, 0)
    stripped = line.strip()
    return (
        0 < len(stripped.split()) <= max_words
        and not stripped.endswith(".")
        and not SENTENCE_BREAK.search(stripped)
        and classify_line(stripped) is None
    )


def _parts(line: str, kind: str) -> list[tuple[int, int, str]]:
    """Marked parts of a byline/breadcrumb line that also carries numbers (a date line).

    Parts without digits keep the line's kind, counters are marked as such, and
    any other part with digits (``Oktober 11, 2024``) is left to the article.
    """
    parts, pos = [], 0
    for sep in [*PART_SEPARATOR.finditer(line), None]:
        end = sep.start() if sep else len(line)
        chunk = line[pos:end]
        if chunk.strip():
            s = pos + len(chunk) - len(chunk.lstrip())
            e = pos + len(chunk.rstrip())
            if not any(c.isdigit() for c in chunk):
                parts.append((s, e, kind))
            elif classify_line(chunk) == "counter":
                parts.append((s, e, "counter"))
        pos = sep.end() if sep else len(line)
    return parts


def _mark_line(line: str, kind: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) within ``line`` for a line classified as ``kind``."""
    if kind in SPLIT_KINDS and any(c.isdigit() for c in line) and PART_SEPARATOR.search(line):
        return _parts(line, kind)
    return [(0, len(line), kind)]


def find_boilerplate(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the lines (and in-line credits) that are not the article."""
    found: list[tuple[int, int, str]] = []
    announced: str | None = None
    for start, end in _lines(text):
        line = text[start:end]
        if announced and fits_announced(line, announced):
            found.append((start, end, announced))
            announced = None
            continue
        announced = None
        kind = classify_line(line)
        if kind:
            found.extend((start + s, start + e, k) for s, e, k in _mark_line(line, kind))
            announced = announced_kind(line)
            continue
        for inline_kind, pattern in patterns().inline:
            for match in pattern.finditer(line):
                s, e = match.span()
                s += len(match.group()) - len(match.group().lstrip())
                e -= len(match.group()) - len(match.group().rstrip())
                if e > s:
                    found.append((start + s, start + e, inline_kind))
    return sorted(found)


class BoilerplateMarker:
    """Pipeline component: fills ``doc.spans["boilerplate"]``."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["boilerplate"] = []
        for start, end, kind in find_boilerplate(doc_text(doc)):
            add_span(doc, "boilerplate", start, end, kind)
        return doc
