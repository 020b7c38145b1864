"""Annotated corpora: datasets, DocBin, Label Studio and doccano.

>>> from netral_nlp import corpus
>>> records = corpus.read_records(["annotations/a.jsonl"])      # validated ArticleRecords
>>> splits = corpus.split_records(records, seed=13)              # train/dev/test lists
>>> ds = corpus.to_dataset_dict(records)                         # datasets.DatasetDict (data extra)
>>> corpus.write_docbin(splits["train"], "train.spacy")          # NER training data
>>> corpus.labelstudio.write_tasks(records, "tasks.json")        # tasks + tasks.xml config
>>> corpus.labelstudio.read_export("export.json")                # back to record dicts

``datasets`` is imported only inside the functions that need it.
"""

from __future__ import annotations

from ..evaluate.records import RecordError, read_records
from . import doccano, labelstudio
from .docbin import DEFAULT_LABEL_MAP, record_to_doc, resolve_overlaps, to_docbin, write_docbin
from .hf import (
    DEFAULT_RATIOS,
    DEFAULT_SEED,
    SPLITS,
    from_dataset,
    split_records,
    to_dataset,
    to_dataset_dict,
    to_row,
)

__all__ = [
    "DEFAULT_LABEL_MAP",
    "DEFAULT_RATIOS",
    "DEFAULT_SEED",
    "SPLITS",
    "RecordError",
    "doccano",
    "from_dataset",
    "labelstudio",
    "read_records",
    "record_to_doc",
    "resolve_overlaps",
    "split_records",
    "to_dataset",
    "to_dataset_dict",
    "to_docbin",
    "to_row",
    "write_docbin",
]
