"""A standalone HTML page for one article (``netral show --html``): no script, nothing fetched."""

from __future__ import annotations

import html
from typing import Any

from .article import article_html
from .labels import COLORS
from .records import Marked

PAGE_STYLE = """
body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:2rem auto;max-width:72rem;
padding:0 1.5rem;color:#222}
h1{font-size:1.3rem;margin-bottom:.2rem}.meta{color:#666;font-size:.9rem;margin-bottom:1rem}
"""
#: the view's own rules (safe inside a notebook: nothing outside the view is styled)
STYLE = """
.legend span{display:inline-block;padding:1px 6px;margin:0 4px 4px 0;border-radius:3px;font-size:.8rem}
.article .spans{line-height:2.5!important;margin:0 0 .4rem}
.article .spans>span{font-weight:normal!important}
.article .spans span[style*="z-index: 10"]{white-space:nowrap;font-weight:600!important}
.article .spans span[style*="z-index: 10"]:hover{z-index:30!important;outline:1px solid #555}
.boilerplate{opacity:.38;border-left:3px solid #bbb;padding-left:.5rem;font-style:italic}
table.fields{border-collapse:collapse;margin-top:1.5rem;font-size:.85rem;width:100%}
table.fields td,table.fields th{border-top:1px solid #e4e4e4;padding:4px 6px;vertical-align:top;text-align:left}
table.fields tr:target{background:#fff6cc}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:4px}
.field{display:inline-block;margin-right:.6rem}.field b{color:#555;font-weight:600}
"""


def legend() -> str:
    return '<div class="legend">' + "".join(
        f'<span style="background:{color}">{html.escape(kind)}</span>' for kind, color in COLORS.items()
    ) + "</div>"


def _heading(record: dict[str, Any]) -> str:
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    title = meta.get("title") or record.get("id") or "article"
    parts = [f"id {record['id']}" if record.get("id") else None,
             f"published {record['publication']}" if record.get("publication") else None]
    url = meta.get("url")
    link = f' · <a href="{html.escape(str(url))}">source</a>' if url else ""
    info = " · ".join(html.escape(str(p)) for p in parts if p)
    return f"<h1>{html.escape(str(title))}</h1><div class=meta>{info}{link}</div>"


def article_page(record: dict[str, Any], marked: list[Marked]) -> str:
    """The whole page: heading, legend, the article with its spans, the field table."""
    title = html.escape(str(record.get("id") or "article"))
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title} · netral</title>'
        f"<style>{PAGE_STYLE}{STYLE}</style></head><body>{_heading(record)}{legend()}"
        f"{article_html(record, marked)}</body></html>"
    )
