"""Accuracy of the shipped pipeline on gold records, written to benchmarks/README.md.

Scores ../shared/data/seeds.jsonl and dev.jsonl when present (the real
articles), else the project's own annotations/*.jsonl, with the same scorer
as ``netral evaluate``, and replaces the "Accuracy" section of
benchmarks/README.md (other sections are left alone).

    python benchmarks/accuracy.py [--model PATH] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

import readme_sections

from netral_nlp import __version__
from netral_nlp.evaluate import evaluate_pipeline, read_records, to_markdown
from netral_nlp.pipeline import load

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
README = ROOT / "benchmarks" / "README.md"


def gold_sets() -> dict[str, list[Path]]:
    """Named gold file sets: shared seeds/dev when present, else annotations/."""
    shared = {name: SHARED / f"{name}.jsonl" for name in ("dev", "seeds")}
    found = {name: [path] for name, path in shared.items() if path.exists()}
    if not found:
        files = sorted((ROOT / "annotations").glob("*.jsonl"))
        if files:
            found = {"annotations": files}
    return found


def headline_table(results: dict[str, tuple[int, dict[str, float]]]) -> str:
    names = [
        "entities_micro_f1",
        "entities_micro_lenient_f1",
        "dates_value_f1",
        "rules_item_f1",
        "rules_category_f1",
        "events_micro_f1",
    ]
    lines = ["| set | articles | " + " | ".join(names) + " |", "|---|---:|" + "---:|" * len(names)]
    for name, (n, head) in results.items():
        lines.append(f"| {name} | {n} | " + " | ".join(f"{head[k]:.3f}" for k in names) + " |")
    return "\n".join(lines) + "\n"


def write_section(body: str, readme: Path = README) -> None:
    """Replace (or add) the Accuracy section, keeping everything else."""
    readme_sections.write_section("Accuracy", "accuracy", body, readme)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--model", type=Path, default=None, help="pipeline folder (default: shipped)"
    )
    parser.add_argument("--no-write", action="store_true", help="print only, leave README.md alone")
    args = parser.parse_args(argv)
    sets = gold_sets()
    if not sets:
        print("no gold data: neither ../shared/data nor annotations/*.jsonl", file=sys.stderr)
        return 1
    nlp = load(args.model)
    results: dict[str, tuple[int, dict[str, float]]] = {}
    all_gold = []
    started = time.perf_counter()
    for name, files in sets.items():
        gold = read_records(files)
        all_gold += gold
        results[name] = (len(gold), evaluate_pipeline(nlp, gold).headline())
    combined = evaluate_pipeline(nlp, all_gold)
    seconds = time.perf_counter() - started
    label = " + ".join(sets)
    results[label] = (len(all_gold), combined.headline())
    body = (
        f"Shipped pipeline (netral-nlp {__version__}) on {label}, "
        f"{dt.date.today().isoformat()}; `python benchmarks/accuracy.py` "
        f"(same scorer as `netral evaluate`; {seconds:.1f} s for all runs).\n\n"
        + headline_table(results)
        + f"\nAll figures on {label} (entities: strict P/R/F1, lenient F1):\n\n"
        + to_markdown(combined)
    )
    print(body)
    if not args.no_write:
        write_section(body)
        print(f"wrote the Accuracy section of {README.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
