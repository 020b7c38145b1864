"""Word families the learned category model reads beside a rule's own words.

TF-IDF over the training rules knows only the words those rules used; a rule
about ``TikTok`` or ``bingkisan`` in an unseen article shares no word with them.
``resources/rules/category_cues.json`` groups such words into families finer
than the categories (platforms, acts online, money and gifts, state assets,
office power ...), and each family that occurs becomes a pseudo-word
(``__fam_social_platform``) whose weight the category model learns. The file
is one of the lexicons saved with the trained model (:mod:`.lexicons`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...resources import read_json
from .cues import words

FAMILIES_FILE = "rules/category_cues.json"
PREFIX = "__fam_"


@lru_cache(maxsize=1)
def family_patterns() -> dict[str, re.Pattern[str]]:
    """Family name -> compiled whole-word pattern, in file order (``_doc`` and empty lists skipped)."""
    data = read_json(FAMILIES_FILE)
    return {name: words(patterns) for name, patterns in data.items() if not name.startswith("_") and patterns}


def family_names(text: str) -> list[str]:
    """The families with a word in ``text``, in file order."""
    return [name for name, pattern in family_patterns().items() if pattern.search(text)]


def family_tokens(text: str) -> str:
    """The families of ``text`` as pseudo-words, one per family."""
    return " ".join(f"{PREFIX}{name}" for name in family_names(text))
