"""``netral report``: one offline HTML page of figures over a batch of records.

Needs the ``report`` extra (altair and vl-convert-python, which inlines the
Vega runtime). Records are streamed, so memory stays flat on any batch size.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .reading import read_records
from .tally import Tally

MISSING = "netral report needs the report extra: pip install 'netral-nlp[report]'"


def missing_extra() -> str | None:
    """The one-line hint when altair or vl-convert is not installed, else None."""
    import importlib.util

    if all(importlib.util.find_spec(name) for name in ("altair", "vl_convert")):
        return None
    return MISSING


def tally(paths: Iterable[str | Path]) -> Tally:
    """Count every record of the given outputs, one at a time."""
    result = Tally()
    for path in paths:
        for item in read_records(path):
            result.add(item)
    return result


def build_report(paths: Iterable[str | Path], out: str | Path) -> Tally:
    """Write the report page of ``paths`` to ``out``; returns what was counted."""
    from .page import report_page

    paths = [Path(p) for p in paths]
    counted = tally(paths)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report_page(counted, [p.name for p in paths]), encoding="utf-8")
    return counted
