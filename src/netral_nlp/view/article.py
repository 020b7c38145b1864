"""One article as HTML through displaCy's span view (spans overlap, so not the ent view).

The span view lays a whole text on one line, so the article is rendered line
by line: lists and paragraphs keep their shape, and a line that is wholly
boilerplate is dimmed as a block. Boilerplate inside a content line shows as
a grey span. Each label links to its row in the field table below the text.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from spacy import displacy

from .labels import COLORS, DisplaySpan, display_spans
from .records import Marked

WORD = re.compile(r"\S+")
LINE = re.compile(r"[^\n]+")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that has something other than spaces."""
    return [(m.start(), m.end()) for m in LINE.finditer(text) if m.group().strip()]


def _tokens(text: str, start: int, end: int, cuts: set[int]) -> list[tuple[int, int]]:
    """Words of ``text[start:end]`` as offsets, split where a span begins or ends inside one."""
    tokens = []
    for match in WORD.finditer(text, start, end):
        edges = [match.start(), *sorted(c for c in cuts if match.start() < c < match.end()), match.end()]
        tokens.extend(zip(edges, edges[1:], strict=False))
    return tokens


def _covered(marked: list[Marked], text: str, start: int, end: int) -> str | None:
    """The boilerplate kind when every visible character of the line is marked."""
    inside = [m for m in marked if m.start < end and start < m.end]
    if not inside:
        return None
    visible = {i for i in range(start, end) if not text[i].isspace()}
    for m in inside:
        visible -= set(range(max(m.start, start), min(m.end, end)))
    return inside[0].kind if not visible else None


def _label_html(index: int, span: DisplaySpan) -> str:
    title = json.dumps(span.fields, ensure_ascii=False) if span.fields else span.label
    if not index:  # boilerplate: no row in the table
        return f'<span class="span-label" title="{html.escape(title)}">{html.escape(span.label)}</span>'
    return (
        f'<a class="span-label" href="#span-{index}" title="{html.escape(title)}" '
        f'style="color:inherit;text-decoration:none">{html.escape(span.label)}</a>'
    )


def _line_html(text: str, start: int, end: int, spans: list[tuple[int, DisplaySpan]]) -> str:
    inside = [(i, s) for i, s in spans if s.start < end and start < s.end]
    cuts = {s.start for _, s in inside} | {s.end for _, s in inside}
    tokens = _tokens(text, start, end, cuts)
    parsed_spans, colors = [], {}
    for index, span in inside:
        first = next((t for t, (_, e) in enumerate(tokens) if e > span.start), None)
        last = max((t for t, (s, _) in enumerate(tokens) if s < span.end), default=None)
        if first is None or last is None or last < first:
            continue
        label = _label_html(index, span)
        colors[label] = COLORS.get(span.kind, "#ddd")
        parsed_spans.append({"start_token": first, "end_token": last + 1, "label": label})
    parsed = {"text": text[start:end], "tokens": [text[s:e] for s, e in tokens], "spans": parsed_spans}
    return displacy.render(parsed, style="span", manual=True, jupyter=False, options={"colors": colors})


def _field_value(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def fields_table(text: str, spans: list[tuple[int, DisplaySpan]]) -> str:
    """Every span with all of its fields, one row each, addressed ``#span-N``."""
    rows = []
    for index, span in spans:
        fields = "".join(
            f"<span class=field><b>{html.escape(k)}</b> {html.escape(_field_value(v))}</span> "
            for k, v in span.fields.items()
        )
        rows.append(
            f'<tr id="span-{index}" class="row-{span.group}"><td><span class="swatch" '
            f'style="background:{COLORS.get(span.kind, "#ddd")}"></span>{html.escape(span.kind)}</td>'
            f"<td>{span.start}–{span.end}</td><td>{html.escape(text[span.start:span.end])}</td>"
            f"<td>{fields}</td></tr>"
        )
    return (
        '<table class="fields"><thead><tr><th>what</th><th>offsets</th><th>text</th>'
        f"<th>fields</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def article_html(record: dict[str, Any], marked: list[Marked]) -> str:
    """The article's lines with their spans, then the table of fields."""
    text = record["text"]
    spans = display_spans(record)
    numbered = list(enumerate(spans, start=1))
    blocks = []
    for start, end in _lines(text):
        kind = _covered(marked, text, start, end)
        own = list(numbered)
        if kind is None:  # boilerplate inside a content line: a grey span of its own
            own += [
                (0, DisplaySpan("boilerplate", "BOILERPLATE", m.start, m.end, f"boilerplate · {m.kind}"))
                for m in marked
                if m.start < end and start < m.end
            ]
        body = _line_html(text, start, end, own)
        if kind is not None:
            blocks.append(f'<div class="boilerplate" title="not article text: {html.escape(kind)}">{body}</div>')
        else:
            blocks.append(f'<div class="line">{body}</div>')
    return f'<div class="article">{"".join(blocks)}</div>{fields_table(text, numbered)}'
