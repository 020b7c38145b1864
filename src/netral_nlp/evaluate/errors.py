"""Writing per-article false positives, false negatives and field mismatches.

``errors.jsonl`` holds one line per article that has any error, each item
with a little surrounding text so the file can be read without the article.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .matching import span_of
from .scoring import Report

CONTEXT = 60


def _with_context(item: dict[str, Any], text: str) -> dict[str, Any]:
    start, end = span_of(item)
    left = text[max(0, start - CONTEXT) : start].replace("\n", " ")
    right = text[end : end + CONTEXT].replace("\n", " ")
    return {**item, "context": f"{left}[[{text[start:end]}]]{right}"}


def _annotate(section: dict[str, list], text: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for kind, items in section.items():
        if not items:
            continue
        if kind == "mismatch":
            items = sorted(items, key=lambda m: span_of(m["gold"]))
            out[kind] = [{**m, "gold": _with_context(m["gold"], text)} for m in items]
        else:
            out[kind] = [_with_context(item, text) for item in sorted(items, key=span_of)]
    return out


def write_errors(report: Report, out_dir: str | Path, texts: dict[str, str] | None = None) -> Path:
    """Write ``errors.jsonl`` (one line per article with errors) under ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    texts = texts or {}
    path = out / "errors.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for article in report.errors:
            text = texts.get(str(article.get("id")), "")
            line: dict[str, Any] = {"id": article.get("id")}
            if article.get("missing_prediction"):
                line["missing_prediction"] = True
            for name in ("entities", "dates", "rules", "events"):
                section = _annotate(article.get(name, {}), text)
                if section:
                    line[name] = section
            if len(line) > 1:
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path
