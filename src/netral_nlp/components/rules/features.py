"""What the rule detector, modality and category models see of a candidate.

A candidate becomes a short text: pseudo-words for its shape (kind of item,
list verdict, lead-in cues, position, length), for each cue lexicon that fires
on it, for the qualifiers that hold over it and for the cascade's answers,
then its own lower-cased words. The models learn how much each counts; the
lexicons stay in ``resources/rules`` and travel with the trained component.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache, lru_cache

from ...anchors import LiteralStartPattern, RangeSearch, WordStartPattern, WordStarts, word_starts
from ..qualifiers.index import QualifierIndex
from .backends.keywords import cue_tokens
from .category_families import family_tokens
from .cues import RAW_LISTS, addressed_directive, cue, directive_word, start_cue, subject_cues
from .items import Item

#: cue lists of cues.json read as features of the candidate's own text
TEXT_CUES: tuple[str, ...] = (
    "strong_modal", "weak_modal", "prohibition", "obligation", "strong_prohibition",
    "conduct_topic", "not_rule", "soft_not_rule", "negation", "sanction_clause", "violation",
)
#: cue lists read on the lead-in of a list item
LEAD_CUES: tuple[str, ...] = ("lead_in_rule", "lead_in_not_rule", "prohibiting_lead_in", "pledge_lead_in")
LENGTH_BUCKETS = (3, 6, 10, 16, 25, 40, 70)


def _bucket(value: int, bounds: tuple[int, ...]) -> int:
    return next((i for i, b in enumerate(bounds) if value <= b), len(bounds))


@cache
def _scanner(name: str) -> WordStartPattern | LiteralStartPattern:
    if name in RAW_LISTS:  # full regexes: their matches need not start a word
        return LiteralStartPattern(cue(name))
    return WordStartPattern(directive_word() if name == "directive" else cue(name))


def _positions(name: str, starts: WordStarts) -> list[int]:
    scanner = _scanner(name)
    return [m.start() for m in scanner.finditer(starts)]


class CueIndex:
    """Where each word cue matches in one article, found once per article (patterns tried
    only at word starts that begin with one of their anchors), so that a candidate asks
    by bisection instead of searching its own text with every pattern. All matches also
    sit in one sorted list, so that every cue of a range is read with one bisection."""

    def __init__(self, text: str) -> None:
        starts = word_starts(text)
        self._starts = {name: _positions(name, starts) for name in (*TEXT_CUES, "directive")}
        self._subjects = {
            subject: [m.start() for m in scanner.finditer(starts)] for subject, scanner in _subject_scanners()
        }
        found = sorted(
            (p, name) for group in (self._starts, self._subjects) for name, positions in group.items() for p in positions
        )
        self._all_positions = [p for p, _ in found]
        self._all_names = [name for _, name in found]

    def names(self, start: int, end: int) -> set[str]:
        """Every cue list and subject with a match starting in ``start:end``."""
        positions, i = self._all_positions, bisect_left(self._all_positions, start)
        j = bisect_left(positions, end, i)
        return set(self._all_names[i:j])

    def subjects(self, start: int, end: int) -> list[str]:
        """The groups (ASN, kepala desa, TNI ...) named in ``start:end``."""
        return [s for s, positions in self._subjects.items() if _within(positions, start, end)]

    def has(self, name: str, start: int, end: int) -> bool:
        return _within(self._starts[name], start, end)


def _within(positions: list[int], start: int, end: int) -> bool:
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


@cache
def _subject_names() -> list[str]:
    return [subject for subject, _ in _subject_scanners()]


@cache
def _subject_scanners() -> list[tuple[str, WordStartPattern]]:
    """Every subject pattern opens with a word boundary: tried at anchored word starts only."""
    return [(subject, WordStartPattern(pattern)) for subject, pattern in subject_cues()]


@lru_cache(maxsize=1024)
def _lead_tokens(lead_in: str) -> tuple[str, ...]:
    return tuple(f"__lead_{name}" for name in LEAD_CUES if cue(name).search(lead_in))


def _start_cues(span: str) -> set[str]:
    """The raw cue lists whose ``^`` entries match at the candidate's own start (a question
    opening with ``apakah``): the article-wide :class:`CueIndex` cannot see them there."""
    return {name for name in RAW_LISTS if (pattern := start_cue(name)) is not None and pattern.match(span)}


def shape_tokens(text: str, item: Item, qualifiers: QualifierIndex, cues: CueIndex | None = None) -> list[str]:
    """Pseudo-words for everything but the candidate's own words."""
    span = text[item.start : item.end]
    cues = cues or CueIndex(text)
    extra = item.extra
    out = [f"__kind_{item.kind}", f"__len_{_bucket(len(span.split()), LENGTH_BUCKETS)}"]
    if extra.get("cascade"):
        out.append("__cascade")
    if item.kind not in ("prose", "semicolon"):
        out.append("__listrule" if extra.get("list_rule") else "__listnotrule")
        out += _lead_tokens(item.lead_in or "")
        if item.parent_text:
            out.append("__nested")
        if (item.lead_in or "").rstrip().endswith(":"):
            out.append("__lead_colon")
    if extra.get("intro"):
        out.append("__intro")
    if extra.get("has_cue"):
        out.append("__anycue")
    present = cues.names(item.start, item.end) | _start_cues(span)
    out += [f"__cue_{name}" for name in TEXT_CUES if name in present]
    if "directive" in present:
        out.append("__cue_directive")
        if addressed_directive().search(span):
            out.append("__cue_addressed")
    subjects = [s for s in _subject_names() if s in present]
    out += [f"__subj_{s.replace(' ', '_').lower()}" for s in subjects] or ["__nosubj"]
    out += [f"__q_{label}" for label in sorted(qualifiers.labels(item.start, item.end))]
    stripped = span.rstrip()
    if stripped.endswith("?"):
        out.append("__question")
    if stripped.endswith(":"):
        out.append("__colon_end")
    if item.start < max(text.find("\n"), 0) or item.start == 0:
        out.append("__first_line")
    out.append(f"__pos_{min(4, int(5 * item.start / max(len(text), 1)))}")
    out.append(f"__mod_{extra.get('modality', 'none')}")
    return out


def candidate_text(
    text: str, item: Item, qualifiers: QualifierIndex, context: str = "", cues: CueIndex | None = None
) -> str:
    """The detector's view: shape pseudo-words, context, then the words."""
    span = text[item.start : item.end]
    return " ".join([*shape_tokens(text, item, qualifiers, cues), context, span.lower()])


#: cues of the neighbouring prose candidate that say something about this one
NEIGHBOUR_CUES: tuple[str, ...] = ("strong_modal", "conduct_topic", "weak_modal")
ARTICLE_BUCKETS = (0, 1, 3, 6, 12)


def candidate_texts(text: str, items: list[Item], qualifiers: QualifierIndex) -> list[str]:
    """Feature texts of all candidates of one article: each also sees how rule-dense the
    article is and the cues of the candidate before it."""
    cues = CueIndex(text)
    strong = len(cues._starts["strong_modal"])
    article = f"__art_{_bucket(strong, ARTICLE_BUCKETS)}"
    out, previous = [], ""
    for item in items:
        out.append(candidate_text(text, item, qualifiers, f"{article} {previous}".strip(), cues))
        if item.kind == "prose":
            span = text[item.start : item.end]
            previous = " ".join(f"__prev_{name}" for name in NEIGHBOUR_CUES if cues.has(name, item.start, item.end))
            if span.rstrip().endswith(":"):
                previous += " __prev_colon"
    return out


def category_text(text: str, item: Item) -> str:
    """The category model's view: the item's words, its cue words and word families, and
    its parent's words."""
    span = text[item.start : item.end]
    parent = item.parent_text or ""
    context = " ".join(f"p_{w}" for w in parent.lower().split()[:12])
    where = RangeSearch(word_starts(text), item.start, item.end)
    return f"{span.lower()} {cue_tokens(span, where)} {family_tokens(span)} {context}"


def sentence_category_text(sentence: str) -> str:
    """The category model's view of a written rule sentence (no article around it)."""
    return f"{sentence.lower()} {cue_tokens(sentence)} {family_tokens(sentence)}"
