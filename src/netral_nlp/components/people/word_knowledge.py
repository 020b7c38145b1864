"""Word-level knowledge from a general Indonesian NER corpus (NERGrit) for the learned source.

Why: the real articles are few; NERGrit (IndoNLU; PERSON, ORGANISATION, PLACE
in BIO tags) has seen many more Indonesian names and institutions. At training
time (``netral train people``) every lower-cased word of its training split is
counted with its tags; a word seen at least ``MIN_COUNT`` times and tagged one
class in at least ``MIN_SHARE`` of them is kept as that class. The classifier
then reads pseudo-words (``ng_person``, ``ng_org``, ``ng_place``) for the
words of a candidate. The kept words are stored in the model's meta, so a
model and its knowledge travel together (saved by ``to_disk``, refitted per
CV fold).

Measured (grouped 5-fold CV, benchmarks/people_sources.py --nergrit): within noise —
OFFICIAL F1 0.922 -> 0.923, ORG 0.866 -> 0.865, role accuracy 0.889 -> 0.885; also
with words seen twice, or ``ng_all_*`` for runs wholly of one class, or only for
name runs (each +-0.002). So ``netral train people`` leaves it off
(``train/people.py``, ``WITH_NERGRIT``) and the shipped model carries none.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

#: NERGrit's tag -> the pseudo-word's suffix
CLASSES = {"PERSON": "person", "ORGANISATION": "org", "PLACE": "place"}
MIN_COUNT = 3
MIN_SHARE = 0.5
META_KEY = "word_classes"


def count_tags(lines) -> dict[str, Counter]:
    """Per lower-cased word, how often each NERGrit class (or ``O``) tags it."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for line in lines:
        token, _, tag = line.rstrip("\n").partition("\t")
        if not token or not tag:
            continue
        counts[token.lower()][tag.split("-", 1)[-1] if tag != "O" else "O"] += 1
    return counts


def word_classes(counts: dict[str, Counter], min_count: int = MIN_COUNT,
                 min_share: float = MIN_SHARE) -> dict[str, list[str]]:
    """Per class suffix, the sorted words mostly tagged so (small enough for a JSON meta)."""
    out: dict[str, list[str]] = {name: [] for name in CLASSES.values()}
    for word, tags in counts.items():
        total = sum(tags.values())
        tag, n = max(((t, n) for t, n in tags.items() if t in CLASSES), key=lambda x: x[1], default=("O", 0))
        if n >= min_count and n / total >= min_share and len(word) > 1 and word.isalpha():
            out[CLASSES[tag]].append(word)
    return {name: sorted(words) for name, words in out.items()}


def from_corpus(path: str | Path | None = None) -> dict[str, list[str]] | None:
    """The word classes of NERGrit's training split (default: ../shared/data/ner/nergrit),
    or None when the corpus is not there (the model then trains without them)."""
    if path is None:
        from ...learn.data import shared_data_dir

        folder = shared_data_dir()
        if folder is None:
            return None
        path = folder / "ner" / "nergrit" / "train.tsv"
    path = Path(path)
    if not path.exists():
        return None
    with path.open(encoding="utf-8") as lines:
        return word_classes(count_tags(lines))


class WordKnowledge:
    """Lookup of the kept words: which pseudo-words a run of words brings."""

    def __init__(self, classes: dict[str, list[str]] | None) -> None:
        self.by_word = {w: name for name, words in (classes or {}).items() for w in words}

    def __bool__(self) -> bool:
        return bool(self.by_word)

    def features(self, words: list[str]) -> list[str]:
        found = sorted({self.by_word[w] for w in (w.lower().strip(".,") for w in words) if w in self.by_word})
        return [f"ng_{name}" for name in found]
