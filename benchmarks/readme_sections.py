"""Replace one marked section of benchmarks/README.md, keeping everything else.

Each benchmark owns a section ``## <title>`` whose body sits between
``<!-- <key>:start -->`` and ``<!-- <key>:end -->``; rerunning the benchmark
rewrites only that body (or appends the section when the README lacks it).
"""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent / "README.md"


def write_section(title: str, key: str, body: str, readme: Path = README) -> None:
    """Put ``body`` into the section ``title`` between the ``key`` markers of ``readme``."""
    start, end = f"<!-- {key}:start -->", f"<!-- {key}:end -->"
    text = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    block = f"{start}\n{body.rstrip()}\n{end}"
    marked = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if marked.search(text):
        text = marked.sub(lambda _: block, text, count=1)
    else:
        text = text.rstrip("\n") + f"\n\n## {title}\n\n{block}\n"
    readme.parent.mkdir(parents=True, exist_ok=True)
    readme.write_text(text, encoding="utf-8")
