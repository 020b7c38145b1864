"""Vega-Lite charts (through altair) of a :class:`Tally`; every mark links to its citations.

A mark's ``href`` is the anchor of the block that lists the articles behind
it, so a click goes from the number to the sentences it counts.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

import altair as alt

from .counting import Cell
from .regions import province_name
from .tally import STATED_KINDS, Tally

TOP = 20
PERIODS_SHOWN = 60
WIDTH = 640


def anchor(group: str, key: Any) -> str:
    """Stable element id of the citation block of one figure."""
    digest = hashlib.sha1(repr((group, key)).encode("utf-8")).hexdigest()[:12]
    return f"f-{group}-{digest}"


def _example(cell: Cell) -> str:
    if not cell.citations:
        return ""
    c = cell.citations[0]
    return f"{c.article}: {c.before}{c.span}{c.after}"[:220]


def _row(group: str, key: Any, cell: Cell, **fields: Any) -> dict[str, Any]:
    return {**fields, "count": cell.count, "link": "#" + anchor(group, key), "example": _example(cell)}


def _data(rows: list[dict[str, Any]]) -> alt.Data:
    return alt.Data(values=rows)


def _tooltip(*fields: str) -> list[alt.Tooltip]:
    return [alt.Tooltip(f) for f in fields] + [alt.Tooltip("count:Q", title="count"), alt.Tooltip("example:N", title="cited")]


def event_rows(tally: Tally) -> list[dict[str, Any]]:
    return [
        _row("events", key, cell, month=f"{key[0]}-01", type=key[1])
        for key, cell in tally.events_by_month.top()
        if key[0] != "undated"
    ]


def events_timeline(tally: Tally) -> alt.Chart:
    return (
        alt.Chart(_data(event_rows(tally)), title="Events per month, by type", width=WIDTH)
        .mark_bar()
        .encode(
            x=alt.X("yearmonth(month):T", title="month"),
            y=alt.Y("sum(count):Q", title="events"),
            color=alt.Color("type:N", title="event type"),
            href="link:N",
            tooltip=[alt.Tooltip("yearmonth(month):T", title="month"), *_tooltip("type:N")],
        )
    )


def province_rows(tally: Tally) -> list[dict[str, Any]]:
    return [
        _row("province", code, cell, province=province_name(code), code=code)
        for code, cell in tally.events_by_province.top()
    ]


def _ranked_bars(rows: list[dict[str, Any]], title: str, field: str, unit: str, detail: str) -> alt.Chart:
    """One bar per ``field`` value, longest first, counted in ``unit``; a click opens its citations."""
    return (
        alt.Chart(_data(rows), title=title, width=WIDTH)
        .mark_bar()
        .encode(
            y=alt.Y(f"{field}:N", sort="-x", title=None),
            x=alt.X("count:Q", title=unit),
            href="link:N",
            tooltip=_tooltip(f"{field}:N", f"{detail}:N"),
        )
    )


def provinces(tally: Tally) -> alt.Chart:
    return _ranked_bars(province_rows(tally), "Events per province", "province", "events", "code")


def rule_rows(tally: Tally) -> list[dict[str, Any]]:
    return [
        _row("rules", key, cell, category=key[0], modality=key[1]) for key, cell in tally.rules_by_category.top()
    ]


def _rules_by(rows: list[dict[str, Any]], field: str, title: str) -> alt.Chart:
    """Rules counted by ``field``, bars split by modality."""
    return (
        alt.Chart(_data(rows), title=title, width=WIDTH)
        .mark_bar()
        .encode(
            y=alt.Y(f"{field}:N", sort="-x", title=None),
            x=alt.X("sum(count):Q", title="rules"),
            color=alt.Color("modality:N", scale=alt.Scale(domain=["prohibition", "obligation"])),
            href="link:N",
            tooltip=_tooltip(f"{field}:N", "modality:N"),
        )
    )


def rules_by_category(tally: Tally) -> alt.Chart:
    return _rules_by(rule_rows(tally), "category", "Rules by category and modality")


def subject_rows(tally: Tally) -> list[dict[str, Any]]:
    return [
        _row("subjects", key, cell, subject=key[0], modality=key[1]) for key, cell in tally.rules_by_subject.top()
    ]


def rules_by_subject(tally: Tally) -> alt.Chart:
    return _rules_by(subject_rows(tally), "subject", "Whom the rules bind")


def _bounds(value: str) -> tuple[str, str] | None:
    """ISO start and (exclusive) end of a day, a month or a range; None when not a date."""
    try:
        first, _, last = value.partition("/")
        start = _day(first, end=False)
        end = _day(last or first, end=True)
    except ValueError:
        return None
    return start.isoformat(), (end + timedelta(days=1)).isoformat()


def _day(text: str, end: bool) -> date:
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        if not end:
            return date(parts[0], parts[1], 1)
        following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - timedelta(days=1)
    raise ValueError(text)


def period_rows(tally: Tally, limit: int | None = PERIODS_SHOWN) -> list[dict[str, Any]]:
    rows = []
    for (kind, value), cell in tally.stated_periods.top():
        bounds = _bounds(value)
        if bounds:
            rows.append(_row("periods", (kind, value), cell, kind=kind, value=value, start=bounds[0], end=bounds[1]))
        if limit and len(rows) >= limit:
            break
    return rows


def stated_periods(tally: Tally) -> alt.Chart:
    return (
        alt.Chart(_data(period_rows(tally)), title="Campaign periods, quiet periods and voting days stated", width=WIDTH)
        .mark_bar(opacity=0.45, height=14)
        .encode(
            x=alt.X("start:T", title=None),
            x2="end:T",
            y=alt.Y("kind:N", title=None, sort=list(STATED_KINDS)),
            color=alt.Color("kind:N", legend=None),
            href="link:N",
            tooltip=_tooltip("kind:N", "value:N"),
        )
    )


def people_rows(tally: Tally, group: str, n: int = TOP) -> list[dict[str, Any]]:
    source = tally.officials if group == "officials" else tally.organisations
    rows = []
    for name, cell in source.top(n):
        roles = ", ".join(role for role, _ in cell.notes.most_common(3))
        rows.append(_row(group, name, cell, name=name, role=roles))
    return rows


def people(tally: Tally, group: str) -> alt.Chart:
    title = "Officials cited most (articles)" if group == "officials" else "Organisations cited most (articles)"
    return _ranked_bars(people_rows(tally, group), title, "name", "articles", "role")


def all_charts(tally: Tally) -> dict[str, dict[str, Any]]:
    """Chart id -> Vega-Lite spec."""
    charts = {
        "chart-events": events_timeline(tally),
        "chart-provinces": provinces(tally),
        "chart-rules": rules_by_category(tally),
        "chart-subjects": rules_by_subject(tally),
        "chart-periods": stated_periods(tally),
        "chart-officials": people(tally, "officials"),
        "chart-organisations": people(tally, "organisations"),
    }
    return {name: chart.to_dict() for name, chart in charts.items()}
