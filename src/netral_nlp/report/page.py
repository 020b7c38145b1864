"""The report page: one HTML file, scripts, styles and data inline, nothing fetched.

Vega, Vega-Lite and vega-embed come inline from vl-convert's bundle (the
same versions altair writes for). Under the charts, tables give the exact
figures; every figure has a block of citations (``#f-...``) and every cited
article an entry (``#a-...``) with the sentences the report counts from it.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from .charts import (
    all_charts,
    anchor,
    people_rows,
    period_rows,
    province_rows,
)
from .counting import BoundedTally, Cell
from .evidence import Citation
from .regions import province_name
from .tally import Tally

TABLE_ROWS = 100

STYLE = """
body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#1f3b57;color:#fff;padding:1.2rem 2rem}header h1{margin:0;font-size:1.4rem}
header p{margin:.3rem 0 0;color:#d7e3ef}nav{padding:.5rem 2rem;background:#e9eef3;font-size:.9rem}
nav a{margin-right:1rem}main{padding:0 2rem 3rem;max-width:78rem}
section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:1rem 1.2rem;margin:1.2rem 0}
h2{font-size:1.15rem;margin:.2rem 0 .6rem}.note{color:#666;font-size:.85rem}
table{border-collapse:collapse;font-size:.85rem;margin:.6rem 0}td,th{border-top:1px solid #eee;padding:3px 8px;text-align:left}
td.n{text-align:right}.cites{max-height:22rem;overflow:auto;border-top:1px solid #eee;margin-top:.6rem}
.cell{padding:.3rem 0;border-bottom:1px dashed #eee}.cell:target,.article:target{background:#fff6cc}
.cell h4,.article h4{margin:.2rem 0;font-size:.9rem}.cell ul,.article ul{margin:.2rem 0 .4rem;padding-left:1.2rem}
li{font-size:.85rem;margin:.15rem 0}mark{background:#ffe08a;padding:0 1px}.chart{margin:.4rem 0}
.errors li{color:#a33}
"""


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def article_anchor(article: str) -> str:
    return "a-" + hashlib.sha1(article.encode("utf-8")).hexdigest()[:12]


def _quote(c: Citation) -> str:
    return f"{_esc(c.before)}<mark>{_esc(c.span)}</mark>{_esc(c.after)}"


def _cell_block(group: str, key: Any, label: str, cell: Cell, margin: int) -> str:
    approx = f" (±{margin})" if margin else ""
    items = "".join(
        f'<li><a href="#{article_anchor(c.article)}">{_esc(c.article)}</a> — {_quote(c)}</li>' for c in cell.citations
    )
    more = f'<li class="note">… and {cell.count - len(cell.citations)} more</li>' if cell.count > len(cell.citations) else ""
    return (
        f'<div class="cell" id="{anchor(group, key)}"><h4>{_esc(label)} — {cell.count}{approx}</h4>'
        f"<ul>{items}{more}</ul></div>"
    )


def _cites(group: str, cells: Iterable[tuple[Any, str, Cell]], margin: int = 0) -> str:
    blocks = "".join(_cell_block(group, key, label, cell, margin) for key, label, cell in cells)
    return f'<div class="cites"><p class="note">What each figure counts, with the cited text:</p>{blocks}</div>'


def _table(head: list[str], rows: Iterable[list[str]], numeric: Iterable[int] = ()) -> str:
    numeric = set(numeric)
    body = "".join(
        "<tr>" + "".join(f'<td class="n">{v}</td>' if i in numeric else f"<td>{v}</td>" for i, v in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{''.join(f'<th>{_esc(h)}</th>' for h in head)}</tr></thead><tbody>{body}</tbody></table>"


def _link(group: str, key: Any, text: Any) -> str:
    return f'<a href="#{anchor(group, key)}">{_esc(text)}</a>'


def _cells(tally: BoundedTally, label, n: int | None = None) -> list[tuple[Any, str, Cell]]:
    return [(key, label(key), cell) for key, cell in tally.top(n)]


def events_section(t: Tally) -> str:
    basis = t.event_month_basis
    month_cells = _cells(t.events_by_month, lambda k: f"{k[1]} · {k[0]}")
    region_rows = []
    for name, cell in t.events_by_region.top(TABLE_ROWS):
        place = t.places.get(name)
        code = place.code if place else None
        province = province_name(place.province_code) if place and place.province_code else ""
        types = ", ".join(f"{k} {v}" for k, v in cell.notes.most_common())
        region_rows.append([_link("regions", name, name), _esc(code or "—"), _esc(place.level if place else ""),
                            _esc(province), _link("regions", name, cell.count), _esc(types)])
    margin = t.events_by_region.margin
    return (
        '<section id="events"><h2>Events</h2>'
        f'<p class="note">Month of the event\'s own date ({basis["event date"]} events); of the article\'s '
        f'publication when the event has none ({basis["publication"]}); {basis["none"]} events have neither and '
        "are listed as undated below.</p>"
        '<div class="chart" id="chart-events"></div>'
        + _cites("events", month_cells)
        + '<h2 id="regions">Events per region</h2><div class="chart" id="chart-provinces"></div>'
        + _table(["region", "Kemendagri code", "level", "province", "events", "by type"], region_rows, numeric=[4])
        + (f'<p class="note">Counts exact to within ±{margin} (least named regions forgotten).</p>' if margin else "")
        + _cites("province", [(r["code"], r["province"], t.events_by_province.cells[r["code"]]) for r in province_rows(t)])
        + _cites("regions", _cells(t.events_by_region, str, TABLE_ROWS), margin)
        + "</section>"
    )


def rules_section(t: Tally) -> str:
    return (
        '<section id="rules"><h2>Rules</h2><div class="chart" id="chart-rules"></div>'
        + _cites("rules", _cells(t.rules_by_category, lambda k: f"{k[0]} · {k[1]}"))
        + '<div class="chart" id="chart-subjects"></div>'
        + _cites("subjects", _cells(t.rules_by_subject, lambda k: f"{k[0]} · {k[1]}"))
        + "</section>"
    )


def periods_section(t: Tally) -> str:
    periods = period_rows(t, limit=TABLE_ROWS)
    rows = [
        [_esc(r["kind"]), _link("periods", (r["kind"], r["value"]), r["value"]), str(r["count"])]
        for r in periods
    ]
    cells = [((r["kind"], r["value"]), f'{r["kind"]} {r["value"]}', t.stated_periods.cells[(r["kind"], r["value"])])
             for r in periods]
    return (
        '<section id="periods"><h2>Stated periods</h2><p class="note">Campaign periods, quiet periods, voting '
        "and counting days as the articles state them (each article counts once per stated value).</p>"
        '<div class="chart" id="chart-periods"></div>'
        + _table(["kind", "value", "articles"], rows, numeric=[2])
        + _cites("periods", cells, t.stated_periods.margin)
        + "</section>"
    )


def people_section(t: Tally) -> str:
    parts = ['<section id="people"><h2>Officials and organisations cited most</h2>']
    for group, tally in (("officials", t.officials), ("organisations", t.organisations)):
        rows = [[_link(group, r["name"], r["name"]), _esc(r["role"]), str(r["count"])] for r in people_rows(t, group, 50)]
        parts.append(f'<div class="chart" id="chart-{group}"></div>')
        parts.append(_table(["name", "role as written", "articles"], rows, numeric=[2]))
        if tally.margin:
            parts.append(f'<p class="note">Counts exact to within ±{tally.margin} (least cited names forgotten).</p>')
        parts.append(_cites(group, _cells(tally, str, 50), tally.margin))
    return "".join(parts) + "</section>"


def _all_citations(t: Tally) -> dict[str, list[Citation]]:
    """Cited articles (in the order first met) -> their distinct citations."""
    tallies = (t.events_by_month, t.events_by_region, t.events_by_province, t.rules_by_category,
               t.rules_by_subject, t.stated_periods, t.officials, t.organisations)
    found: dict[str, list[Citation]] = {}
    for tally in tallies:
        for _, cell in tally:
            for c in cell.citations:
                kept = found.setdefault(c.article, [])
                if c not in kept:
                    kept.append(c)
    return found


def articles_section(t: Tally) -> str:
    entries = []
    for article, citations in _all_citations(t).items():
        first = citations[0]
        about = " · ".join(_esc(x) for x in (first.title, first.publication) if x)
        source = f' · <a href="{_esc(first.url)}">source</a>' if first.url else ""
        items = "".join(f"<li>{_quote(c)}</li>" for c in citations)
        entries.append(
            f'<div class="article" id="{article_anchor(article)}"><h4>{_esc(article)}'
            f'{" — " + about if about else ""}{source}</h4><ul>{items}</ul></div>'
        )
    return (
        '<section id="articles"><h2>Cited articles</h2><p class="note">Each article the figures above cite, '
        f"with the text they cite from it.</p>{''.join(entries)}</section>"
    )


def errors_section(t: Tally) -> str:
    if not t.unreadable:
        return ""
    items = "".join(f"<li>{_esc(e.where)}: {_esc(e.reason)}</li>" for e in t.errors)
    more = f"<li>… {t.unreadable - len(t.errors)} more</li>" if t.unreadable > len(t.errors) else ""
    return f'<section id="unreadable"><h2>Unreadable input ({t.unreadable})</h2><ul class="errors">{items}{more}</ul></section>'


def _script_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def vega_bundle() -> str:
    """Vega-Embed, Vega-Lite and Vega as one inline script, for the Vega-Lite altair writes."""
    import vl_convert
    from altair import SCHEMA_VERSION

    wanted = ".".join(SCHEMA_VERSION.lstrip("v").split(".")[:2])
    if wanted in vl_convert.get_vegalite_versions():
        return vl_convert.javascript_bundle(vl_version="v" + wanted.replace(".", "_"))
    return vl_convert.javascript_bundle()  # an altair newer than vl-convert: its latest Vega-Lite reads the spec


EMBED = """
const SPECS = %s;
const OPTIONS = {actions: false, renderer: "svg", loader: {target: "_self"}};
window.netralCharts = Promise.all(Object.entries(SPECS).map(([id, spec]) =>
  vegaEmbed("#" + id, spec, OPTIONS).then(() => document.getElementById(id).dataset.drawn = "yes")));
"""


def report_page(t: Tally, sources: list[str]) -> str:
    """The whole page."""
    span = sorted(k for k, _ in t.publications)
    period = f" published {span[0]} to {span[-1]}" if span else ""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    summary = (
        f"{t.records:,} records from {_esc(', '.join(sources))}{period}; "
        f"{t.unreadable:,} unreadable. Generated {stamp}."
    )
    nav = "".join(
        f'<a href="#{i}">{label}</a>'
        for i, label in (("events", "Events"), ("regions", "Regions"), ("rules", "Rules"), ("periods", "Periods"),
                         ("people", "Officials and organisations"), ("articles", "Articles"))
    )
    body = (
        events_section(t) + rules_section(t) + periods_section(t) + people_section(t)
        + errors_section(t) + articles_section(t)
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>netral report</title>'
        f"<style>{STYLE}</style><script>{vega_bundle()}</script></head><body>"
        f"<header><h1>Election neutrality in the news: a report of {t.records:,} articles</h1><p>{summary}</p></header>"
        f"<nav>{nav}</nav><main>{body}</main>"
        f"<script>{EMBED % _script_json(all_charts(t))}</script></body></html>"
    )
