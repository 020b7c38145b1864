"""Scoring predicted records against gold records (``netral evaluate``).

For trainers and scripts:

>>> from netral_nlp.evaluate import evaluate_pipeline, score_records, print_report
>>> report = evaluate_pipeline(nlp, dev_records)   # run nlp over gold texts, score
>>> report = score_records(gold_records, pred_records)
>>> print_report(report); report.headline()["rules_category_f1"]

The figures and matching rules are the record format's scoring section; see
scoring.py for the details (unknown ids, missing predictions).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .errors import write_errors
from .metrics import PRF, Accuracy
from .records import RecordError, predict_records, read_records
from .render import headline_text, print_report, rich_table, rows, to_json, to_markdown
from .scoring import Report, score_article, score_records

__all__ = [
    "PRF",
    "Accuracy",
    "RecordError",
    "Report",
    "evaluate_pipeline",
    "headline_text",
    "predict_records",
    "print_report",
    "read_records",
    "rich_table",
    "rows",
    "score_article",
    "score_records",
    "to_json",
    "to_markdown",
    "write_errors",
    "write_plots",
]


def evaluate_pipeline(nlp, gold: Iterable[Any], batch_size: int = 16) -> Report:
    """Predict the gold texts with ``nlp`` and score the predictions."""
    gold = list(gold)
    problems: list[str] = []
    report = score_records(
        gold, predict_records(nlp, gold, batch_size=batch_size, problems=problems)
    )
    report.warnings[:0] = problems
    return report


def write_plots(report: Report, out_dir):
    """PNG plots (lazy matplotlib import); see plots.py."""
    from .plots import write_plots as _write

    return _write(report, out_dir)
