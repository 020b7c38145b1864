"""Reading gold articles: the real shared ones and the project's own annotations."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
#: the real annotated articles, beside a checkout (absent in a fresh clone)
SHARED_DATA = ROOT.parent / "shared" / "data"
REAL_SETS = ("seeds", "dev", "train")
PROJECT_ANNOTATIONS = ROOT / "annotations"


def shared_data_dir() -> Path | None:
    """``../shared/data`` when it is there."""
    return SHARED_DATA if (SHARED_DATA / "dev.jsonl").exists() else None


def gold_records(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    """Gold article records (with ``text``) from JSONL files or folders of them.

    Lines that are not JSON objects with a non-empty ``text`` are skipped: gold
    files also hold rule sentences (``annotations/rule_sentences.jsonl``).
    """
    files: list[Path] = []
    for path in map(Path, paths):
        files += sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    out: list[dict[str, Any]] = []
    for file in files:
        with open(file, encoding="utf-8") as handle:
            for line in handle:
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(row, dict) and isinstance(row.get("text"), str) and row["text"] and "rules" in row:
                    out.append(row)
    return out


def real_articles(data_dir: str | Path | None = None, sets: Iterable[str] = REAL_SETS) -> list[dict[str, Any]]:
    """Every real annotated article (seeds, dev, train) of ``data_dir``."""
    folder = Path(data_dir) if data_dir is not None else shared_data_dir()
    if folder is None:
        return []
    return gold_records([folder / f"{name}.jsonl" for name in sets if (folder / f"{name}.jsonl").exists()])


def project_articles() -> list[dict[str, Any]]:
    """The project's own annotated articles (``annotations/articles.jsonl``)."""
    return gold_records([PROJECT_ANNOTATIONS / "articles.jsonl"]) if PROJECT_ANNOTATIONS.exists() else []


def training_articles() -> list[dict[str, Any]]:
    """What every trainer fits on by default: the real articles (when ../shared/data is
    there) and the project's own annotated articles."""
    return real_articles() + project_articles()
