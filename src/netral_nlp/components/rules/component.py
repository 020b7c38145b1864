"""The ``netral_rules`` component: find rule items, classify them, store spans.

Categories come from the configured backend's trained model (``sklearn`` or
``transformers``), saved inside the pipeline folder by ``to_disk``; without a
trained model the keyword cues decide, so a blank pipeline still works.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from ...spans import add_span
from ...tokenizer import doc_text
from .backends import BACKENDS, KeywordCategorizer
from .finder import find_items

CONFIG_FILE = "cfg.json"


def load_backend(backend: str, folder: Path) -> Any:
    """The trained model of ``backend`` stored in ``folder``."""
    if backend == "sklearn":
        from .backends.sklearn_backend import SklearnCategorizer

        return SklearnCategorizer.load(folder)
    from .backends.transformers_backend import TransformersCategorizer

    return TransformersCategorizer.load(folder)


class RuleFinder:
    """Pipeline component filling ``doc.spans["rules"]``."""

    def __init__(self, nlp: Language | None = None, name: str = "netral_rules", backend: str = "sklearn"):
        if backend not in BACKENDS:
            raise ValueError(f"netral_rules: backend must be one of {BACKENDS}, not {backend!r}")
        self.name = name
        self.backend = backend
        self.model: Any = None
        self.keywords = KeywordCategorizer()

    @property
    def categorizer(self) -> Any:
        return self.model if self.model is not None else self.keywords

    def set_model(self, model: Any) -> None:
        """Install a trained category model (from ``netral train rules``)."""
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 64):
        """Find the items doc by doc, classify a batch's items in one model call (a call
        to the classifier costs more than the items themselves)."""
        for batch in minibatch(docs, size=batch_size):
            found = [(doc, self._items(doc)) for doc in batch]
            texts = [doc_text(doc)[i.start : i.end] for doc, items in found for i in items]
            categories = iter(self.categorizer.predict(texts) if texts else [])
            for doc, items in found:
                doc.spans["rules"] = []
                for item in items:
                    self._add(doc, item, next(categories))
                yield doc

    @staticmethod
    def _items(doc: Doc) -> list:
        try:
            return find_items(doc)
        except RecursionError:  # pathological input: no rules rather than a crash
            return []

    @staticmethod
    def _add(doc: Doc, item, category: str) -> None:
        fields: dict[str, Any] = {
            "marker": item.marker,
            "modality": item.extra["modality"],
            "category": category,
        }
        if item.extra.get("subject"):
            fields["subject"] = item.extra["subject"]
        if item.parent is not None:
            fields["parent"] = item.parent
        add_span(doc, "rules", item.start, item.end, "RULE", **fields)

    # serialisation: the model lives in the component's own folder
    def to_disk(self, path: str | Path, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        cfg = {"backend": self.backend, "trained": self.model is not None}
        (path / CONFIG_FILE).write_text(json.dumps(cfg), encoding="utf-8")
        if self.model is not None:
            self.model.save(path / self.backend)

    def from_disk(self, path: str | Path, exclude: tuple = ()) -> RuleFinder:
        path = Path(path)
        cfg_file = path / CONFIG_FILE
        if not cfg_file.exists():
            return self
        cfg = json.loads(cfg_file.read_text(encoding="utf-8"))
        if cfg.get("trained") and (path / self.backend).exists():
            self.model = load_backend(self.backend, path / self.backend)
        return self
