"""Tokens of the packaged tokenizer against the full special-case set on real articles.

    python benchmarks/tokenizer_equivalence.py     # ../shared/data dev, seeds, train + corpora/

The packaged tokenizer keeps only the special cases its rules need
(``netral_nlp.tokenizer_cases``); this script checks that every token (text,
offset, whitespace, norm) is the same as with all ~16,000 cases on every real
article at hand. Exit status 1 when any article differs.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import spacy

from netral_nlp.tokenizer import all_special_cases, build_tokenizer, make_tokenizer

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def articles() -> list[tuple[str, str]]:
    files = [SHARED / f"{name}.jsonl" for name in ("dev", "seeds", "train")]
    files = [f for f in files if f.exists()] + sorted((ROOT / "corpora").glob("*.jsonl"))
    out = []
    for path in files:
        with path.open(encoding="utf-8") as handle:
            out.extend((f"{path.name}:{json.loads(line).get('id')}", json.loads(line)["text"]) for line in handle if line.strip())
    return out


def view(doc) -> list[tuple]:
    return [(t.text, t.idx, t.whitespace_, t.norm_) for t in doc]


def main() -> int:
    blank_full, blank_packaged = spacy.blank("id"), spacy.blank("id")
    start = time.perf_counter()
    reference = build_tokenizer(blank_full, all_special_cases())
    built_full = time.perf_counter() - start
    start = time.perf_counter()
    packaged = make_tokenizer(blank_packaged)
    built_packaged = time.perf_counter() - start
    texts = articles()
    differ = [name for name, text in texts if view(packaged(text)) != view(reference(text))]
    tokens = sum(len(packaged(text)) for _, text in texts)
    print(
        f"{len(texts)} articles, {tokens:,} tokens: {len(texts) - len(differ)} identical, {len(differ)} differ; "
        f"special cases {len(packaged.rules):,} of {len(reference.rules):,}; "
        f"built in {built_packaged:.2f} s vs {built_full:.2f} s"
    )
    for name in differ[:20]:
        print("  differs:", name)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
