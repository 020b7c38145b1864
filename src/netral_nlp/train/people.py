"""``netral train people``: fit the learned source of OFFICIAL, CANDIDATE and ORG spans.

Every gold record's text goes through the pipeline up to ``netral_people``
with the learned source switched off, so the document holds what the rules
found; every run of name words the rules left (``PeopleTagger.span_candidates``)
and every ORG candidate (a head-word run or bracketed acronym) is an example,
labelled with the gold label of the OFFICIAL, CANDIDATE or ORG span at exactly
its offsets, else ``none``. Trained on the real articles of
../shared/data (seeds, dev, train) when present, plus the project's annotated
corpus. The precedence between the rules and this source is stated in
``components/people/learned.py``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..components.people.learned import (
    ACCEPT_ABOVE,
    BALANCED,
    NONE,
    ORG_ACCEPT_ABOVE,
    SPAN_LABELS,
    WITH_NER,
    C,
)
from ..components.people.model_cues import META_KEY as CUE_WORDS_KEY
from ..components.people.model_cues import resource_cue_words
from ..components.people.word_knowledge import META_KEY, WordKnowledge
from ..components.people.word_knowledge import from_corpus as nergrit_word_classes
from ..learn.linear import FEATURE_WORDS, LinearTextClassifier
from .installing import linear_part

COMPONENT = "netral_people"
#: whether NERGrit's word classes (word_knowledge.py) feed the features when the corpus is
#: there: off, as grouped CV found them within noise (word_knowledge.py's docstring)
WITH_NERGRIT = False


def examples(nlp, records: list[dict[str, Any]], word_classes: dict[str, list[str]] | None = None,
             ) -> tuple[list[str], list[str]]:
    """(feature texts, gold labels) of every run of name words the rules left (features with
    ``word_classes``: NERGrit's, word_knowledge.py)."""
    component = nlp.get_pipe(COMPONENT)
    later = nlp.pipe_names[nlp.pipe_names.index(COMPONENT) + 1 :]
    was, was_ner, was_knowledge = component.use_span_model, component.use_model, component.knowledge
    was_cue_words = component.cue_words
    component.knowledge, component.cue_words = WordKnowledge(word_classes), resource_cue_words()
    # the rules as they run beside the installed source: the spaCy NER only where it stays
    component.use_span_model, component.use_model = False, was_ner and WITH_NER
    features: list[str] = []
    labels: list[str] = []
    try:
        with nlp.select_pipes(disable=later):
            for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
                gold = {(e["start"], e["end"]): e["label"] for e in record.get("entities") or []
                        if e.get("label") in SPAN_LABELS}
                for c in component.span_candidates(doc):
                    features.append(c.features)
                    labels.append(gold.get((c.start, c.end), NONE))
    finally:
        component.use_span_model, component.use_model, component.knowledge = was, was_ner, was_knowledge
        component.cue_words = was_cue_words
    return features, labels


def train_model(nlp, records: list[dict[str, Any]], seed: int = 0, c: float = C,
                balanced: bool = BALANCED, nergrit: bool = WITH_NERGRIT,
                word_classes: dict[str, list[str]] | None = None) -> LinearTextClassifier:
    """The fitted classifier; with ``nergrit`` (or given ``word_classes``) its features read
    NERGrit's word classes, which its meta then carries."""
    if word_classes is None and nergrit:
        word_classes = nergrit_word_classes()
    features, labels = examples(nlp, records, word_classes)
    if len(set(labels)) < 2:
        raise ValueError("no gold OFFICIAL, CANDIDATE or ORG span among the runs the rules left")
    meta = {"articles": len(records), "per_label": dict(sorted(Counter(labels).items())),
            "accept_above": ACCEPT_ABOVE, "org_accept_above": ORG_ACCEPT_ABOVE, "with_ner": WITH_NER,
            CUE_WORDS_KEY: resource_cue_words().to_meta()}
    if word_classes:
        meta[META_KEY] = word_classes
    return LinearTextClassifier.train(features, labels, seed=seed, meta=meta, c=c, balanced=balanced, **FEATURE_WORDS)


def install_model(nlp, model: LinearTextClassifier) -> None:
    """Put a fitted model in force in ``nlp``'s component."""
    nlp.get_pipe(COMPONENT).set_span_model(model)


#: ``fit_people`` refits the learned source inside a pipeline from gold records only (cross-validation);
#: ``run`` is ``netral train people``
fit_people, run = linear_part("people", COMPONENT, 10, train_model, install_model, "per_label")
