"""Rendering a Report: one compact table (terminal, markdown) or JSON.

The terminal table is short on purpose (about 25 lines) so that the whole of
it survives ``| tail -n 30``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .metrics import PRF, Accuracy
from .scoring import ENTITY_FIELDS, ENTITY_LABELS, EVENT_TYPES, Report


@dataclass
class Row:
    figure: str
    prf: PRF
    lenient: PRF | None = None
    matched: str = ""


def _acc(name: str, acc: Accuracy) -> str:
    if not acc.total:
        return f"{name} –"
    return f"{name} {acc.value:.3f} ({acc.correct}/{acc.total})"


def rows(report: Report) -> list[Row]:
    """The figures of the record format's scoring section, one row each."""
    ent = report.entities
    out: list[Row] = []
    labels = list(ENTITY_LABELS) + sorted(set(ent.strict) - set(ENTITY_LABELS), key=str)
    for label in labels:
        name = ENTITY_FIELDS.get(label)
        matched = _acc(name, ent.fields[name]) if name else ""
        out.append(Row(f"entity {label}", ent.strict[label], ent.lenient[label], matched))
    out.append(Row("entity micro O/C/R", ent.micro(), ent.micro(lenient=True)))
    d = report.dates
    out.append(
        Row(
            "date span",
            d.span,
            None,
            f"{_acc('value', d.value_accuracy)} · {_acc('kind', d.kind_accuracy)}",
        )
    )
    out.append(Row("date value", d.value))
    r = report.rules
    out.append(
        Row(
            "rule item",
            r.item,
            None,
            f"{_acc('modality', r.modality_accuracy)} · {_acc('category', r.category_accuracy)}",
        )
    )
    out.append(Row("rule category", r.category))
    e = report.events
    out.append(
        Row(
            "event micro",
            e.micro(),
            None,
            f"{_acc('date', e.date_accuracy)} · {_acc('region', e.region_accuracy)}",
        )
    )
    types = list(EVENT_TYPES) + sorted(set(e.per_type) - set(EVENT_TYPES), key=str)
    out += [
        Row(
            f"event {t}",
            e.per_type[t],
            None,
            f"{_acc('date', e.per_type_date.get(t, Accuracy()))} · "
            f"{_acc('region', e.per_type_region.get(t, Accuracy()))}",
        )
        for t in types
    ]
    return out


def _fmt(x: float, prf: PRF) -> str:
    return "–" if not (prf.n_gold or prf.n_pred) else f"{x:.3f}"


def _cells(row: Row) -> list[str]:
    p = row.prf
    lenient = _fmt(row.lenient.f1, row.lenient) if row.lenient is not None else ""
    return [
        row.figure,
        _fmt(p.precision, p),
        _fmt(p.recall, p),
        _fmt(p.f1, p),
        lenient,
        str(p.n_gold),
        str(p.n_pred),
        row.matched,
    ]


HEADER = ["figure", "P", "R", "F1", "lenient F1", "gold", "pred", "accuracy over matched pairs"]


def summary_line(report: Report) -> str:
    """Articles scored, and the ids that were not."""
    parts = [f"{report.n_scored}/{report.n_gold} gold articles predicted"]
    if report.missing_pred_ids:
        parts.append(f"{len(report.missing_pred_ids)} without prediction (all misses)")
    if report.extra_pred_ids:
        parts.append(f"{len(report.extra_pred_ids)} predicted ids not in gold (not scored)")
    return "; ".join(parts)


def to_markdown(report: Report) -> str:
    """A GitHub markdown table of every figure (strict entity P/R/F1; lenient F1)."""
    lines = [
        "| " + " | ".join(HEADER) + " |",
        "|" + "|".join(["---"] + ["---:"] * 6 + ["---"]) + "|",
    ]
    lines += ["| " + " | ".join(_cells(row)) + " |" for row in rows(report)]
    lines += ["", summary_line(report) + "."]
    return "\n".join(lines) + "\n"


def to_json(report: Report, errors: bool = False) -> str:
    return json.dumps(report.to_dict(errors=errors), ensure_ascii=False, indent=2)


def accuracy_lines(report: Report) -> list[str]:
    """Accuracies over matched pairs, one line per section."""
    ent, d, r, e = report.entities, report.dates, report.rules, report.events
    fields = " · ".join(_acc(name, ent.fields[name]) for name in ENTITY_FIELDS.values())
    return [
        f"entities (strict): {fields}",
        f"dates: {_acc('value', d.value_accuracy)} · {_acc('kind', d.kind_accuracy)}   "
        f"rules: {_acc('modality', r.modality_accuracy)} · {_acc('category', r.category_accuracy)}",
        f"events: {_acc('date', e.date_accuracy)} · {_acc('region', e.region_accuracy)}",
    ]


def rich_table(report: Report):
    """The P/R/F1 rows as a rich Table (rich imported lazily)."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for n, name in enumerate(HEADER[:-1]):
        table.add_column(name, justify="left" if n == 0 else "right", no_wrap=True)
    for row in rows(report):
        table.add_row(*_cells(row)[:-1])
    return table


def print_report(report: Report, console=None, title: str | None = "netral evaluate") -> None:
    """Print the table, the matched-pair accuracies and any warnings (about 25 lines)."""
    from rich.console import Console

    console = console or Console()
    if title:
        console.print(f"[bold]{title}[/]: {summary_line(report)}", highlight=False)
    console.print(rich_table(report))
    for line in accuracy_lines(report):
        console.print("matched-pair accuracy, " + line, highlight=False, soft_wrap=True)
    for warning in report.warnings[:3]:
        console.print(f"[yellow]warning:[/] {warning}", highlight=False)
    if len(report.warnings) > 3:
        console.print(f"[yellow]... {len(report.warnings) - 3} more warnings (see --json)[/]")


def headline_text(report: Report) -> str:
    """One line of the figures that count (for training logs)."""
    return "  ".join(f"{k}={v:.3f}" for k, v in report.headline().items())
