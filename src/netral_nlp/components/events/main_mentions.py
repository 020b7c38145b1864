"""Which body mention of a single-main type names its event (``single_main_types`` of
``cues.json``): a learned choice among an article's decided mentions of that type.

Why: gold records such a happening once, at its main mention, and the first body
mention is often a retelling (a reporter's summary before the quoted appeal, a second
official joining in). A conditional logit over the article's mentions learns which one
annotators take from how each is worded and placed (rank, sentence, agent kind before
the trigger, a pronoun subject, quotes, "juga" before, "kembali" after, trigger word,
merge key, the decision's score). The score is the decision's on unseen articles, so
training reads the decision's out-of-fold scores (``train.events.train_main_ranker``).

Stored as JSON (tokens, cue words, meta) + npz (weights); prediction is a dict lookup
per token.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...resources import read_json
from .region_ranker import conditional_logit
from .token_weights import load_weights, save_weights
from .triggers import Candidate

RANKER_FILE = "main.json"
CUES_KEY = "main_mention"


@lru_cache(maxsize=1)
def packaged_cues() -> dict[str, Any]:
    """The ``main_mention`` words of ``cues.json`` (what new rankers are fitted with), with
    the types they rank: its ``single_main_types``, those the merge keeps one mention of."""
    data = read_json("events/cues.json")
    return {"types": list(data["single_main_types"]), **data[CUES_KEY]}


def _words(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


class MentionFeatures:
    """Feature tokens of a type's body mentions in one article (cue words from a ranker's JSON)."""

    def __init__(self, cues: dict[str, Any]) -> None:
        self.cues = cues
        self.pronoun = _words(cues["pronouns"])
        self.also = _words(cues["also"])
        self.again = _words(cues["again"])
        self.opening = tuple(cues["quote_open"])
        self.closing = tuple(cues["quote_close"])
        self.passive = tuple(cues["passive_prefixes"])
        self.again_window = int(cues.get("again_window", 60))

    def _in_quote(self, before: str) -> bool:
        opened = sum(before.count(q) for q in self.opening)
        closed = sum(before.count(q) for q in self.closing)
        return opened > closed or before.count('"') % 2 == 1

    def of(self, text: str, mentions: Sequence[Candidate], sentences: Sequence[tuple[int, int]]) -> list[list[str]]:
        """One token list per mention (``mentions`` in reading order)."""
        starts = [s for s, _ in sentences]
        out = []
        for rank, cand in enumerate(mentions):
            before = text[cand.sent_start : cand.start]
            index = starts.index(cand.sent_start) if cand.sent_start in starts else 9
            bucket = index if index < 4 else (5 if index < 8 else 9)
            tokens = [f"pos{min(rank, 4)}", f"sent{bucket}"]
            labels = {a.get("label") for a in cand.fields.get("actors") or () if a.get("start", 0) < cand.start}
            tokens.append("agent_" + ("off" if "OFFICIAL" in labels else "org" if "ORG" in labels else "none"))
            if self.pronoun.search(before):
                tokens.append("pron")
            if text[cand.sent_start : cand.sent_end].lstrip().startswith(self.opening + ('"',)):
                tokens.append("quote_start")
            if self._in_quote(before):
                tokens.append("in_quote")
            if self.also.search(before):
                tokens.append("juga")
            if self.again.search(text[cand.start : cand.sent_end][: self.again_window]):
                tokens.append("kembali")
            words = text[cand.start : cand.end].split()
            word = words[0].lower() if words else ""
            tokens.append("w=" + word)
            if word.startswith(self.passive):
                tokens.append("passive")
            tokens.append("key=" + (cand.key.split(":")[-1] if cand.key else ""))
            tokens.append(f"s{min(int(cand.score * 10), 9)}")
            out.append(tokens)
        return out


def body_mentions(candidates: Sequence[Candidate], kind: str) -> list[Candidate]:
    """The decided body (non-headline) mentions of ``kind`` in reading order."""
    return sorted((c for c in candidates if c.type == kind and not c.headline), key=lambda c: c.start)


class MainMentionRanker:
    """Feature weights plus the cue words and types they were computed with."""

    def __init__(self, weights: dict[str, float], cues: dict[str, Any] | None = None,
                 meta: dict[str, Any] | None = None) -> None:
        self.weights = weights
        self.cues = dict(cues or packaged_cues())
        self.meta = meta or {}
        self.features = MentionFeatures(self.cues)

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(self.cues["types"])

    def score(self, tokens: Sequence[str]) -> float:
        return sum(self.weights.get(t, 0.0) for t in tokens)

    def mains(self, text: str, candidates: Sequence[Candidate], sentences: Sequence[tuple[int, int]]) -> list[Candidate]:
        """The chosen main mention of each ranked type with two body mentions or more
        (the first of equally scored ones)."""
        chosen = []
        for kind in self.types:
            mentions = body_mentions(candidates, kind)
            if len(mentions) < 2:
                continue
            scores = [self.score(t) for t in self.features.of(text, mentions, sentences)]
            chosen.append(mentions[scores.index(max(scores))])
        return chosen

    @classmethod
    def fit(cls, articles: Sequence[tuple[str, Sequence[Candidate], Sequence[tuple[int, int]], Sequence[dict]]],
            c: float = 0.3, cues: dict[str, Any] | None = None, meta: dict[str, Any] | None = None,
            ) -> MainMentionRanker | None:
        """Fit on (text, decided candidates, sentences, gold events) of articles: of each
        ranked type, any body mention overlapping a gold trigger of that type is a right
        choice (an article may record two such happenings; the fit raises their summed
        probability); articles where none or every mention is right teach nothing.
        None when no article teaches anything."""
        cues = dict(cues or packaged_cues())
        features = MentionFeatures(cues)
        groups = []
        for text, candidates, sentences, events in articles:
            for kind in cues["types"]:
                mentions = body_mentions(candidates, kind)
                hits = tuple(str(i) for i, m in enumerate(mentions) if _hits(m, events))
                if len(mentions) < 2 or not hits or len(hits) == len(mentions):
                    continue
                tokens = features.of(text, mentions, sentences)
                groups.append(([(str(i), t) for i, t in enumerate(tokens)], hits))
        if not groups:
            return None
        weights, used = conditional_logit(groups, c)
        return cls(weights, cues, {"articles": used, "features": len(weights), "c": c, **(meta or {})})

    def save(self, folder: str | Path) -> None:
        save_weights(folder, RANKER_FILE, self.weights, cues=self.cues, meta=self.meta)

    @classmethod
    def load(cls, folder: str | Path) -> MainMentionRanker | None:
        """The ranker saved in ``folder``, or None when there is none."""
        found = load_weights(folder, RANKER_FILE)
        if found is None:
            return None
        weights, stored = found
        return cls(weights, stored["cues"], stored.get("meta", {}))


def _hits(cand: Candidate, events: Sequence[dict]) -> bool:
    """Whether a gold event of the mention's type has its trigger overlapping the mention."""
    return any(
        e.get("type") == cand.type
        and (e.get("trigger") or {}).get("start", -1) < cand.end
        and cand.start < (e.get("trigger") or {}).get("end", -1)
        for e in events
    )
