"""The learned source's own cue words, saved with its model.

Why: the feature texts name these words' families (``__cand_word``, ``__byline``,
the head of an ORG run), so a model must read the words it was trained with,
not whatever the resource files hold later. ``netral train people`` stores them
in the model's meta (written by the component's ``to_disk``); a model saved
without them reads the resource files, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from ...anchors import WordStartPattern
from ...resources import read_json
from .lexicon import alternation, bounded

#: the model meta's key
META_KEY = "cue_words"


@dataclass(frozen=True)
class CueWords:
    #: words of candidacy (people/candidates.json ``model_candidate_words``)
    candidate_words: tuple[str, ...]
    #: byline words right before a name (people/candidates.json ``byline_words``)
    byline_words: tuple[str, ...]
    #: head words of an organisation run (people/orgs.json ``model_org_heads``)
    org_heads: tuple[str, ...]

    @classmethod
    def from_meta(cls, meta: dict[str, Any]) -> CueWords:
        """The words a model was saved with, or the resource files' for an older model."""
        stored = meta.get(META_KEY)
        if not stored:
            return resource_cue_words()
        return cls(*(tuple(stored[name]) for name in ("candidate_words", "byline_words", "org_heads")))

    def to_meta(self) -> dict[str, list[str]]:
        return {"candidate_words": list(self.candidate_words), "byline_words": list(self.byline_words),
                "org_heads": list(self.org_heads)}

    @cached_property
    def candidate_scanner(self) -> WordStartPattern:
        """A word of candidacy as a whole word."""
        return WordStartPattern(re.compile(bounded(alternation(self.candidate_words)), re.IGNORECASE))

    @cached_property
    def byline_re(self) -> re.Pattern[str]:
        """A byline word ending right before a run."""
        return re.compile(rf"(?i)(?:{alternation(self.byline_words)})\s*[:/]?\s*$")

    @cached_property
    def org_run_re(self) -> re.Pattern[str]:
        """An organisation head, then capitalised words (or numbers, ``dan`` between two of them) on one line."""
        heads = "|".join(re.escape(h) for h in sorted(self.org_heads, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?:{heads})(?:[ ]+(?:dan[ ]+)?[A-Z0-9][\w'’/&-]*)+")


@lru_cache(maxsize=1)
def resource_cue_words() -> CueWords:
    """The cue words the resource files hold now (what training reads)."""
    candidates = read_json("people/candidates.json")
    return CueWords(tuple(candidates["model_candidate_words"]), tuple(candidates["byline_words"]),
                    tuple(read_json("people/orgs.json").get("model_org_heads", [])))
