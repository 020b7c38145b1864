"""Training the statistical NER (PERSON / PLACE / ORG) of the shipped pipeline.

Sources, all optional except that at least one must give examples:

- NERGrit (``<data>/nergrit/{train,valid,test}.tsv``: token TAB BIO tag,
  sentences separated by blank lines; ``ORGANISATION`` becomes ``ORG``);
- the project's gold records (``annotations/*.jsonl``, record format):
  OFFICIAL/CANDIDATE -> PERSON, REGION -> PLACE, ORG -> ORG. Those records
  annotate only people in office, so capitalised tokens outside their spans
  are left *missing* (not ``O``): the model is not taught that a private
  citizen's name is no name.

The model is small on purpose (its own HashEmbed tok2vec, no pretrained
vectors): a few MB, minutes on two CPU cores, fixed seeds. ``train_ner``
returns the trained ``ner`` pipe inside a throwaway pipeline plus its scores;
``install_ner`` puts it into the shipped pipeline through
``pipeline.update_pipeline`` (the one way to write ``models/netral_id``).
"""

from __future__ import annotations

import json
import random
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example, offsets_to_biluo_tags
from spacy.util import minibatch

LABELS: tuple[str, ...] = ("PERSON", "PLACE", "ORG")

#: corpus tag -> our label
CORPUS_LABELS: dict[str, str] = {"PERSON": "PERSON", "PLACE": "PLACE", "ORGANISATION": "ORG", "ORG": "ORG"}

#: record label -> NER label
RECORD_LABELS: dict[str, str] = {
    "OFFICIAL": "PERSON",
    "CANDIDATE": "PERSON",
    "REGION": "PLACE",
    "ORG": "ORG",
}

#: the ner model: its own small tok2vec so the pipe can be moved between pipelines;
#: kept narrow and shallow because it is the slowest step of the pipeline and only a
#: fallback for names the patterns miss (people/precedence.py)
NER_MODEL_CONFIG: dict = {
    "@architectures": "spacy.TransitionBasedParser.v2",
    "state_type": "ner",
    "extra_state_tokens": False,
    "hidden_width": 64,
    "maxout_pieces": 2,
    "use_upper": True,
    "nO": None,
    "tok2vec": {
        "@architectures": "spacy.HashEmbedCNN.v2",
        "pretrained_vectors": None,
        "width": 64,
        "depth": 2,
        "embed_size": 2000,
        "window_size": 1,
        "maxout_pieces": 2,
        "subword_features": True,
    },
}


@dataclass
class NerResult:
    """What a training run produced (the pipeline holds the trained ``ner``)."""

    nlp: Language
    scores: dict[str, dict] = field(default_factory=dict)
    n_train: int = 0
    epochs_run: int = 0


# ----------------------------------------------------------------- readers


def read_conll(path: str | Path) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences of a token TAB BIO-tag file (blank line between sentences)."""
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            parts = line.split("\t")
            if len(parts) < 2 or not parts[0]:
                continue
            words.append(parts[0])
            tags.append(_map_tag(parts[-1].strip()))
    if words:
        yield words, tags


def _map_tag(tag: str) -> str:
    """``B-ORGANISATION`` -> ``B-ORG``; tags of other types become ``O``."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    label = CORPUS_LABELS.get(kind)
    return f"{prefix}-{label}" if label and prefix in ("B", "I") else "O"


def bio_to_biluo(tags: list[str]) -> list[str]:
    """BIO -> BILUO (what spaCy's Example wants); stray ``I-`` opens an entity."""
    out: list[str] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            out.append("O")
            continue
        prefix, label = tag.split("-", 1)
        nxt = tags[i + 1] if i + 1 < len(tags) else "O"
        continues = nxt == f"I-{label}"
        starts = prefix == "B" or i == 0 or tags[i - 1] == "O" or tags[i - 1].split("-", 1)[1] != label
        if starts:
            out.append(f"B-{label}" if continues else f"U-{label}")
        else:
            out.append(f"I-{label}" if continues else f"L-{label}")
    return out


def conll_examples(nlp: Language, path: str | Path) -> list[Example]:
    """Examples from one CoNLL-style file (pre-tokenised words)."""
    examples = []
    for words, tags in read_conll(path):
        doc = Doc(nlp.vocab, words=words)
        examples.append(Example.from_dict(doc, {"entities": bio_to_biluo(tags)}))
    return examples


def record_files(folder: str | Path) -> list[Path]:
    """The ``*.jsonl`` files of an annotations folder (none when it is absent)."""
    folder = Path(folder)
    return sorted(folder.glob("*.jsonl")) if folder.is_dir() else []


def read_records(paths: Iterable[Path]) -> Iterator[dict]:
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                line = line.strip()
                if line:
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError:
                        continue


def record_entities(record: dict) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, label) for the NER, longer spans first."""
    spans = []
    text = record.get("text") or ""
    for ent in record.get("entities") or []:
        label = RECORD_LABELS.get(ent.get("label", ""))
        start, end = ent.get("start"), ent.get("end")
        if label and isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            spans.append((start, end, label))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    kept: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, label))
    return sorted(kept)


def record_example(nlp: Language, record: dict) -> Example | None:
    """An Example from a gold record; capitalised unannotated tokens are missing."""
    text = record.get("text") or ""
    if not text.strip():
        return None
    doc = nlp.make_doc(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # W030: spans inside one token (``TNI-Polri``) are left out
        tags = offsets_to_biluo_tags(doc, record_entities(record))
    for i, token in enumerate(doc):
        if tags[i] == "O" and token.text[:1].isupper():
            tags[i] = "-"
    return Example.from_dict(doc, {"entities": tags})


def annotation_examples(nlp: Language, folder: str | Path, exclude_ids: set[str] | None = None) -> list[Example]:
    """Examples from the project's gold records (skips ids in ``exclude_ids``). Only lines
    that state their entities count: the written rule and event sentences beside them
    annotate no entity, and would teach that their names are none."""
    exclude_ids = exclude_ids or set()
    examples = []
    for record in read_records(record_files(folder)):
        if record.get("id") in exclude_ids or "entities" not in record:
            continue
        example = record_example(nlp, record)
        if example is not None:
            examples.append(example)
    return examples


# ----------------------------------------------------------------- training


def blank_ner_pipeline() -> Language:
    """A pipeline with the netral tokenizer and an untrained small ``ner``."""
    from .. import tokenizer  # noqa: F401  (registers netral.tokenizer.v1)

    # only the tokenizer: training must not depend on the other components
    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "netral.tokenizer.v1"}}})
    ner = nlp.add_pipe("ner", config={"model": NER_MODEL_CONFIG})
    for label in LABELS:
        ner.add_label(label)
    return nlp


def evaluate(nlp: Language, examples: list[Example]) -> dict:
    """Entity P/R/F overall and per type (spaCy's scorer, strict spans)."""
    if not examples:
        return {}
    scores = nlp.evaluate(examples)
    return {
        "p": scores.get("ents_p"),
        "r": scores.get("ents_r"),
        "f": scores.get("ents_f"),
        "per_type": scores.get("ents_per_type"),
    }


def train_ner(
    data: str | Path | None = None,
    annotations: str | Path | None = None,
    epochs: int = 15,
    seed: int = 0,
    dropout: float = 0.2,
    batch_size: int = 32,
    patience: int = 4,
    max_sentences: int | None = None,
    log=print,
) -> NerResult:
    """Train the ``ner`` pipe; keeps the weights of the best validation epoch.

    ``data`` is the folder holding ``nergrit/`` (or a folder with the three
    tsv files itself); ``annotations`` a folder of gold ``*.jsonl`` records.
    """
    spacy.util.fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = blank_ner_pipeline()

    train: list[Example] = []
    valid: list[Example] = []
    test: list[Example] = []
    corpus = _corpus_dir(data) if data is not None else None
    if corpus is not None:
        train += conll_examples(nlp, corpus / "train.tsv")
        if (corpus / "valid.tsv").exists():
            valid = conll_examples(nlp, corpus / "valid.tsv")
        if (corpus / "test.tsv").exists():
            test = conll_examples(nlp, corpus / "test.tsv")
    if max_sentences is not None:
        train = train[:max_sentences]
    gold = annotation_examples(nlp, annotations) if annotations is not None else []
    train += gold
    if not train:
        raise ValueError("no training examples: give a NER corpus folder or an annotations folder")
    log(f"training examples: {len(train)} ({len(gold)} from annotations); valid {len(valid)}; test {len(test)}")

    optimizer = nlp.initialize(lambda: train)
    best_f, best_bytes, epochs_run, stale = -1.0, None, 0, 0
    for epoch in range(epochs):
        rng.shuffle(train)
        losses: dict[str, float] = {}
        for batch in minibatch(train, size=batch_size):
            nlp.update(batch, sgd=optimizer, drop=dropout, losses=losses)
        epochs_run = epoch + 1
        score = evaluate(nlp, valid).get("f") if valid else None
        log(f"epoch {epochs_run}: loss {losses.get('ner', 0.0):.1f}" + (f", valid F1 {score:.3f}" if score is not None else ""))
        if score is None:
            continue
        if score > best_f:
            best_f, best_bytes, stale = score, nlp.get_pipe("ner").to_bytes(), 0
        else:
            stale += 1
            if stale >= patience:
                break
    if best_bytes is not None:
        nlp.get_pipe("ner").from_bytes(best_bytes)
    scores = {"valid": evaluate(nlp, valid), "test": evaluate(nlp, test)}
    return NerResult(nlp=nlp, scores=scores, n_train=len(train), epochs_run=epochs_run)


def _corpus_dir(data: str | Path) -> Path:
    """``data`` itself when it holds train.tsv, else ``data/nergrit``."""
    data = Path(data)
    if (data / "train.tsv").exists():
        return data
    if (data / "nergrit" / "train.tsv").exists():
        return data / "nergrit"
    raise FileNotFoundError(f"no train.tsv under {data} or {data / 'nergrit'}")


def install_ner(trained: Language, source: str | Path | None = None, out: str | Path | None = None) -> Path:
    """Insert (or replace) ``ner`` before ``netral_regions`` in the shipped pipeline."""
    from ..pipeline import update_pipeline

    def modify(nlp: Language) -> None:
        if "ner" in nlp.component_names:
            nlp.remove_pipe("ner")
        before = "netral_regions" if "netral_regions" in nlp.pipe_names else None
        if before is None:
            nlp.add_pipe("ner", source=trained)
        else:
            nlp.add_pipe("ner", source=trained, before=before)
        # netral_people runs it on the sentences that can use it (people/precedence.py)
        nlp.disable_pipe("ner")

    return update_pipeline(modify, source=source, out=out)
