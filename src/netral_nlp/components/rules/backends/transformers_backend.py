"""transformers backend: a sequence classifier fine-tuned from a LOCAL Hugging Face checkpoint.

torch and transformers are an optional extra, imported only here and only
when this backend is used. Nothing is ever fetched from a hub
(``local_files_only=True``).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..cues import CATEGORIES

LABELS_FILE = "netral_labels.json"


class TransformersCategorizer:
    """A fine-tuned AutoModelForSequenceClassification with its tokenizer."""

    def __init__(self, model, tokenizer, labels: list[str], max_length: int = 128):
        self.model = model
        self.tokenizer = tokenizer
        self.labels = labels
        self.max_length = max_length

    @classmethod
    def train(
        cls,
        texts: list[str],
        labels: list[str],
        backbone: str | Path,
        epochs: int = 4,
        learning_rate: float = 5e-5,
        batch_size: int = 16,
        max_length: int = 128,
        seed: int = 0,
    ) -> TransformersCategorizer:
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        torch.manual_seed(seed)
        names = list(CATEGORIES)
        tokenizer = AutoTokenizer.from_pretrained(str(backbone), local_files_only=True)
        model = AutoModelForSequenceClassification.from_pretrained(
            str(backbone),
            num_labels=len(names),
            id2label=dict(enumerate(names)),
            label2id={n: i for i, n in enumerate(names)},
            local_files_only=True,
            ignore_mismatched_sizes=True,
        )
        targets = torch.tensor([names.index(label) for label in labels])
        optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate)
        generator = torch.Generator().manual_seed(seed)
        model.train()
        for _ in range(epochs):
            order = torch.randperm(len(texts), generator=generator).tolist()
            for i in range(0, len(order), batch_size):
                batch = order[i : i + batch_size]
                enc = tokenizer(
                    [texts[j] for j in batch], truncation=True, max_length=max_length,
                    padding=True, return_tensors="pt",
                )
                out = model(**enc, labels=targets[batch])
                out.loss.backward()
                optimizer.step()
                optimizer.zero_grad()
        model.eval()
        return cls(model, tokenizer, names, max_length)

    def predict(self, texts: list[str], batch_size: int = 32) -> list[str]:
        import torch

        out: list[str] = []
        with torch.no_grad():
            for i in range(0, len(texts), batch_size):
                enc = self.tokenizer(
                    texts[i : i + batch_size], truncation=True, max_length=self.max_length,
                    padding=True, return_tensors="pt",
                )
                logits = self.model(**enc).logits
                out.extend(self.labels[j] for j in logits.argmax(dim=-1).tolist())
        return out

    def save(self, folder: str | Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.model.save_pretrained(folder, safe_serialization=True)
        self.tokenizer.save_pretrained(folder)
        meta = {"labels": self.labels, "max_length": self.max_length}
        (folder / LABELS_FILE).write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def load(cls, folder: str | Path) -> TransformersCategorizer:
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        folder = Path(folder)
        meta = json.loads((folder / LABELS_FILE).read_text(encoding="utf-8"))
        model = AutoModelForSequenceClassification.from_pretrained(str(folder), local_files_only=True)
        tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
        model.eval()
        return cls(model, tokenizer, meta["labels"], meta.get("max_length", 128))
