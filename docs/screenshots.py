"""Take the README's two pictures: a report page and one article's view, in headless Chromium.

    .venv/bin/python docs/screenshots.py RECORDS.jsonl ARTICLE_ID

Uses Debian's chromium through playwright (no browser download) and writes
docs/report.png and docs/article-view.png as small palette PNGs.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

import netral_nlp
from netral_nlp.report import build_report

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DOCS = Path(__file__).parent


def shrink(path: Path) -> None:
    Image.open(path).convert("RGB").quantize(colors=64).save(path, optimize=True)


def main(records: str, article_id: str) -> None:
    work = Path(tempfile.mkdtemp())
    report = work / "report.html"
    build_report([records], report)
    with open(records, encoding="utf-8") as handle:
        record = next(r for r in map(json.loads, handle) if r.get("id") == article_id)
    view = work / "view.html"
    view.write_text(netral_nlp.render(record, page=True, jupyter=False), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 820})
        page.goto(report.as_uri())
        page.wait_for_function("document.querySelectorAll('[data-drawn=yes]').length === 7", timeout=60_000)
        page.screenshot(path=DOCS / "report.png")
        page.goto(view.as_uri())
        page.screenshot(path=DOCS / "article-view.png")
        browser.close()
    for name in ("report.png", "article-view.png"):
        shrink(DOCS / name)


if __name__ == "__main__":
    main(*sys.argv[1:3])
