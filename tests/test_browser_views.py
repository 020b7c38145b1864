"""Both pages in a real headless Chromium: no console errors, nothing fetched, charts drawn,
and a click on a chart reaches the article behind it.

Chromium comes from Debian's packages (``.ci/run`` installs it); playwright drives that
binary and never downloads a browser. Without either, the tests are skipped with the reason.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import netral_nlp
from report_records import record

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extra)")
pytest.importorskip("altair", reason="the report extra is not installed")

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
CHARTS = ("chart-events", "chart-provinces", "chart-rules", "chart-subjects", "chart-periods",
          "chart-officials", "chart-organisations")


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium on this machine (.ci/run installs Debian's chromium package)")
    with sync_api.sync_playwright() as p:
        try:
            launched = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        except sync_api.Error as error:
            pytest.skip(f"Chromium at {path} cannot be started by playwright: {str(error).splitlines()[0]}")
        yield launched
        launched.close()


class Watched:
    """A page that remembers console errors, uncaught exceptions and every request it made."""

    def __init__(self, browser) -> None:
        self.page = browser.new_page(viewport={"width": 1200, "height": 900})
        self.problems: list[str] = []
        self.fetched: list[str] = []
        self.page.on("console", lambda m: self.problems.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.problems.append(str(e)))
        self.page.on("request", lambda r: self.fetched.append(r.url))

    def open(self, path: Path) -> None:
        self.page.goto(path.as_uri())

    def external(self) -> list[str]:
        return [u for u in self.fetched if not u.startswith(("file:", "data:", "blob:", "about:"))]


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> Path:
    from netral_nlp.report import build_report

    folder = tmp_path_factory.mktemp("report")
    source = folder / "records.jsonl"
    source.write_text("".join(json.dumps(record(i)) + "\n" for i in range(40)), encoding="utf-8")
    out = folder / "report.html"
    build_report([source], out)
    return out


def test_report_loads_offline_without_errors_and_draws_every_chart(browser, report_file):
    watched = Watched(browser)
    watched.open(report_file)
    watched.page.wait_for_function(f"document.querySelectorAll('[data-drawn=yes]').length === {len(CHARTS)}",
                                   timeout=30_000)
    for chart in CHARTS:
        marks = watched.page.locator(f"#{chart} svg .role-mark path")
        assert marks.count() > 0, f"{chart} has no marks"
    assert watched.problems == []
    assert watched.external() == []


def test_a_click_on_a_chart_reaches_its_article(browser, report_file):
    page = Watched(browser).page
    page.goto(report_file.as_uri())
    page.wait_for_function(f"document.querySelectorAll('[data-drawn=yes]').length === {len(CHARTS)}", timeout=30_000)
    page.locator("#chart-rules svg .role-mark path").first.click()
    page.wait_for_function("location.hash.startsWith('#f-rules-')", timeout=10_000)
    block = page.locator(":target")
    assert block.is_visible() and "campaign_materials" in block.inner_text()
    cited = block.locator("mark").first.inner_text()
    block.locator("a").first.click()
    page.wait_for_function("location.hash.startsWith('#a-')", timeout=10_000)
    article = page.locator(":target")
    assert article.is_visible() and article.get_attribute("class") == "article"
    assert cited in article.inner_text() and article.inner_text().startswith("t-")


def test_article_view_loads_without_errors_and_labels_reach_their_fields(browser, tmp_path):
    page_file = tmp_path / "view.html"
    page_file.write_text(netral_nlp.render(record(3, score=0.91), page=True, jupyter=False), encoding="utf-8")
    watched = Watched(browser)
    watched.open(page_file)
    assert watched.page.locator(".spans").count() >= 4
    label = watched.page.locator("a.span-label", has_text="RULE").first
    assert "0.91" in label.inner_text()
    label.click()
    watched.page.wait_for_function("location.hash.startsWith('#span-')", timeout=10_000)
    row = watched.page.locator(":target")
    assert row.is_visible() and "campaign_materials" in row.inner_text() and "ASN" in row.inner_text()
    assert watched.problems == [] and watched.external() == []
