"""The ``netral_rules`` component: find rule candidates, decide, classify, store spans.

With trained rule models (``netral train rules``: detector, modality and
category, saved in the component's folder with the lexicons they were trained
with) every candidate of :mod:`.candidates` is scored and the probable ones
become rules carrying that probability as ``score``. Without them the
hand-set cascade decides and the configured category backend (``sklearn`` or
``transformers``, else keyword cues) classifies, so a blank pipeline works.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from ...anchors import RangeSearch, word_starts
from ...spans import add_span
from ...tokenizer import doc_text
from ..qualifiers.index import QualifierIndex
from .backends import BACKENDS, KeywordCategorizer
from .candidates import find_candidates
from .detector import RuleModels
from .features import candidate_texts, category_text
from .items import Item
from .lexicons import put_in_force
from .subject import find_subject

CONFIG_FILE = "cfg.json"
MODELS_FOLDER = "learned"


def load_backend(backend: str, folder: Path) -> Any:
    """The trained category model of ``backend`` stored in ``folder``."""
    if backend == "sklearn":
        from .backends.sklearn_backend import SklearnCategorizer

        return SklearnCategorizer.load(folder)
    from .backends.transformers_backend import TransformersCategorizer

    return TransformersCategorizer.load(folder)


class RuleFinder:
    """Pipeline component filling ``doc.spans["rules"]``."""

    def __init__(self, nlp: Language | None = None, name: str = "netral_rules", backend: str = "sklearn",
                 threshold: float | None = None):
        if backend not in BACKENDS:
            raise ValueError(f"netral_rules: backend must be one of {BACKENDS}, not {backend!r}")
        self.name = name
        self.backend = backend
        self.model: Any = None  # category backend (sklearn or transformers)
        self.learned: RuleModels | None = None
        #: the detector's probability a rule needs; None keeps the one stored with the models
        self.threshold = threshold
        self.keywords = KeywordCategorizer()

    @property
    def categorizer(self) -> Any:
        return self.model if self.model is not None else self.keywords

    def set_model(self, model: Any) -> None:
        """Install a trained category backend (``netral train rules --backbone``)."""
        self.model = model

    def set_learned(self, models: RuleModels | None) -> None:
        """Install trained detector, modality and category models (and their lexicons)."""
        self.learned = models
        if models is not None:
            put_in_force(models.lexicons)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def candidate_scores(self, doc: Doc) -> list[tuple[int, int, float]]:
        """(start, end, probability of being a rule) of every candidate of a processed Doc,
        before the threshold: what a user trading precision for recall looks at."""
        if self.learned is None:
            raise ValueError("netral_rules: no trained detector (run `netral train rules`)")
        items = self._candidates(doc)
        if not items:
            return []
        probs = self.learned.probabilities(candidate_texts(doc_text(doc), items, QualifierIndex.of(doc)))
        return [(i.start, i.end, p) for i, p in zip(items, probs, strict=True)]

    def pipe(self, docs, batch_size: int = 64):
        """Find candidates doc by doc; score a batch's candidates in one model call each."""
        for batch in minibatch(docs, size=batch_size):
            decided = self._decide(batch)
            for doc, rules in zip(batch, decided, strict=True):
                doc.spans["rules"] = []
                for item, fields in rules:
                    add_span(doc, "rules", item.start, item.end, "RULE", **fields)
                yield doc

    def _decide(self, docs: list[Doc]) -> list[list[tuple[Item, dict[str, Any]]]]:
        """Candidates doc by doc; the detector, modality and category models each run once
        over the whole batch (modality and category on the chosen rules only)."""
        found = [(doc, self._candidates(doc)) for doc in docs]
        if self.learned is None:
            return self._cascade(found)
        learned = self.learned
        texts = [doc_text(doc) for doc, _ in found]
        features = [candidate_texts(text, items, QualifierIndex.of(doc)) for text, (doc, items) in zip(texts, found, strict=True)]
        probs = iter(learned.probabilities([f for per_doc in features for f in per_doc]))
        chosen: list[list[tuple[Item, float]]] = []
        chosen_features: list[str] = []
        for (_, items), per_doc in zip(found, features, strict=True):
            kept = learned.choose(items, [next(probs) for _ in items], self.threshold)
            by_item = {id(item): feature for item, feature in zip(items, per_doc, strict=True)}
            chosen_features += [by_item[id(item)] for item, _ in kept]
            chosen.append(kept)
        rules = [(text, item, score) for text, kept in zip(texts, chosen, strict=True) for item, score in kept]
        modalities = iter(learned.modalities(chosen_features, [item for _, item, _ in rules]))
        if self.model is not None:  # a fine-tuned category backend outranks the linear one
            categories = iter(self.model.predict([text[i.start : i.end] for text, i, _ in rules]) if rules else [])
        else:
            categories = iter(learned.category.predict([category_text(text, i) for text, i, _ in rules]))
        return [
            [(item, _fields(item, text, next(modalities), next(categories), score)) for item, score in kept]
            for text, kept in zip(texts, chosen, strict=True)
        ]

    def _cascade(self, found: list[tuple[Doc, list[Item]]]) -> list[list[tuple[Item, dict[str, Any]]]]:
        kept = [(doc, [i for i in items if i.extra.get("cascade")]) for doc, items in found]
        texts = [doc_text(doc)[i.start : i.end] for doc, items in kept for i in items]
        categories = iter(self.categorizer.predict(texts) if texts else [])
        return [
            [(item, _fields(item, doc_text(doc), item.extra["modality"], next(categories), None)) for item in items]
            for doc, items in kept
        ]

    @staticmethod
    def _candidates(doc: Doc) -> list[Item]:
        try:
            return find_candidates(doc)
        except RecursionError:  # pathological input: no rules rather than a crash
            return []

    # serialisation: the models and their lexicons live in the component's own folder
    def to_disk(self, path: str | Path, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        cfg = {"backend": self.backend, "trained": self.model is not None, "learned": self.learned is not None}
        (path / CONFIG_FILE).write_text(json.dumps(cfg), encoding="utf-8")
        if self.model is not None:
            self.model.save(path / self.backend)
        if self.learned is not None:
            self.learned.save(path / MODELS_FOLDER)

    def from_disk(self, path: str | Path, exclude: tuple = ()) -> RuleFinder:
        path = Path(path)
        cfg_file = path / CONFIG_FILE
        if not cfg_file.exists():
            return self
        cfg = json.loads(cfg_file.read_text(encoding="utf-8"))
        if cfg.get("trained") and (path / self.backend).exists():
            self.model = load_backend(self.backend, path / self.backend)
        if cfg.get("learned"):
            self.learned = RuleModels.load(path / MODELS_FOLDER)
            if self.learned is not None:
                put_in_force(self.learned.lexicons)
        return self


def _fields(item: Item, text: str, modality: str, category: str, score: float | None) -> dict[str, Any]:
    fields: dict[str, Any] = {"marker": item.marker, "modality": modality, "category": category}
    if score is not None:
        fields["score"] = round(score, 4)
    where = RangeSearch(word_starts(text), item.start, item.end)
    if subject := find_subject(text[item.start : item.end], item.parent_text, item.lead_in, where=where):
        fields["subject"] = subject
    if item.parent is not None:
        fields["parent"] = item.parent
    return fields
