"""CPU seconds per pipeline step over the real articles (least of five warm passes), one line.

    python benchmarks/steps_vs_baseline.py
    PYTHONPATH=<checkout of an earlier commit>/src python benchmarks/steps_vs_baseline.py

Run both, alternately, to compare two versions of the pipeline on the same machine
(ratios, not absolute seconds, are what carries over). CPU time, and the least of several
passes per step, because a shared machine only ever slows a pass down.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import netral_nlp

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def texts() -> list[str]:
    out = []
    for name in ("dev", "seeds", "train"):
        with open(DATA / f"{name}.jsonl", encoding="utf-8") as handle:
            out += [json.loads(line)["text"] for line in handle if line.strip()]
    return out


def step_seconds(nlp, articles: list[str]) -> dict[str, float]:
    started = time.process_time()
    docs = [nlp.make_doc(text) for text in articles]
    seconds = {"tokenizer": time.process_time() - started}
    for name, proc in nlp.pipeline:
        started = time.process_time()
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(doc) for doc in docs]
        seconds[name] = time.process_time() - started
    return seconds


def main(passes: int = 5) -> None:
    articles = texts()
    nlp = netral_nlp.load()
    step_seconds(nlp, articles)  # first pass builds lazy tables and compiles patterns
    least: dict[str, float] = {}
    for _ in range(passes):
        for name, value in step_seconds(nlp, articles).items():
            least[name] = min(least.get(name, value), value)
    print({k: round(v, 3) for k, v in least.items()}, "total", round(sum(least.values()), 3))


if __name__ == "__main__":
    main()
