"""Seconds per pipeline step over the real articles (second, warm pass), one line.

    python benchmarks/steps_vs_baseline.py
    PYTHONPATH=<checkout of an earlier commit>/src python benchmarks/steps_vs_baseline.py

Run both, alternately, to compare two versions of the pipeline on the same machine
(ratios, not absolute seconds, are what carries over).
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
    started = time.perf_counter()
    docs = [nlp.make_doc(text) for text in articles]
    seconds = {"tokenizer": time.perf_counter() - started}
    for name, proc in nlp.pipeline:
        started = time.perf_counter()
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(doc) for doc in docs]
        seconds[name] = time.perf_counter() - started
    return seconds


def main() -> None:
    articles = texts()
    nlp = netral_nlp.load()
    step_seconds(nlp, articles)  # first pass builds lazy tables and compiles patterns
    seconds = step_seconds(nlp, articles)
    print({k: round(v, 2) for k, v in seconds.items()}, "total", round(sum(seconds.values()), 2))


if __name__ == "__main__":
    main()
