"""CPU seconds per pipeline step over the real articles (least of five warm passes), one line.

    python benchmarks/steps_vs_baseline.py
    PYTHONPATH=<checkout of an earlier commit>/src python benchmarks/steps_vs_baseline.py
    python benchmarks/steps_vs_baseline.py --fresh     # every pass reads texts it has not seen

Run both, alternately, to compare two versions of the pipeline on the same machine
(ratios, not absolute seconds, are what carries over). CPU time, and the least of several
passes per step, because a shared machine only ever slows a pass down.

Objects alive after loading are frozen out of the garbage collector (``gc.freeze``), as
``pipeline.warm_up`` does in a job: otherwise every collection walks the loaded models and
tables, and that noise swamps the steps' differences. By default the passes reread the same
texts, so caches keyed by a text (the word starts of ``anchors.word_starts``, headline lines,
...) are warm from the second pass on. ``--fresh`` gives every pass its own copy of each text
(a different number of leading line breaks, which no step reads as content), so each pass
pays what an article seen for the first time costs, as a job over new articles does.
"""

from __future__ import annotations

import argparse
import gc
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


def main(passes: int = 5, fresh: bool = False) -> None:
    articles = texts()
    nlp = netral_nlp.load()
    step_seconds(nlp, articles)  # first pass builds lazy tables and compiles patterns
    gc.collect()
    gc.freeze()
    least: dict[str, float] = {}
    for number in range(1, passes + 1):
        batch = ["\n" * number + text for text in articles] if fresh else articles
        for name, value in step_seconds(nlp, batch).items():
            least[name] = min(least.get(name, value), value)
    print({k: round(v, 3) for k, v in least.items()}, "total", round(sum(least.values()), 3))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passes", type=int, default=5, help="timed passes; each step keeps its least")
    parser.add_argument("--fresh", action="store_true", help="every pass reads texts it has not seen")
    options = parser.parse_args()
    main(options.passes, options.fresh)
