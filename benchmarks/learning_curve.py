"""Learning curve: how the cross-validated figures grow with the real articles fitted on.

Why: when a learned part stays short of its target, the question is whether
more annotated articles would close the gap or whether its features and
candidates cap it. Each run is the grouped (by article) cross-validation of
benchmarks/generalisation.py with every fold fitting on a share of its real
training articles (nested shares of one seeded shuffle; the project corpus
always whole) and predicting its whole test fold, so every point is scored on
the same 220 out-of-fold articles. The gain per doubling of the articles is
the least-squares slope of each figure over log2 of the articles fitted on.
The table replaces the "Learning curve" section of benchmarks/README.md.

    python benchmarks/learning_curve.py [--parts events,dates,rules] [--fractions 0.25,0.5,0.75,1]
                                        [--seeds 0,1] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time

import numpy as np
import readme_sections
from generalisation import README, cross_validate, figures_of

from netral_nlp import __version__
from netral_nlp.learn import real_articles

#: figures followed (as :func:`generalisation.figures_of` names them, plus per-type event
#: F1 as ``<type>_f1``) and their column labels
FIGURES = {
    "events_micro_f1": "event micro F1",
    "violation_report_f1": "violation_report F1",
    "supervision_f1": "supervision F1",
    "directive_f1": "directive F1",
    "dates_kind_acc": "date kind accuracy",
    "rules_item_f1": "rule item F1",
    "rules_category_f1": "rule category F1",
}


def figures(report) -> dict[str, float]:
    """The followed figures of one cross-validation's report, by column label."""
    named = {**figures_of(report), **{f"{t}_f1": prf.f1 for t, prf in report.events.per_type.items()}}
    return {label: named[key] for key, label in FIGURES.items()}


def slope_per_doubling(sizes: list[int], values: list[float]) -> float:
    """Least-squares slope of ``values`` over log2 ``sizes``: the gain per doubling (rounded
    to a millionth, so that a flat figure reads +0.000 rather than the fit's -0.000)."""
    if len(set(sizes)) < 2:
        return float("nan")
    return round(float(np.polyfit(np.log2(sizes), values, 1)[0]), 6) + 0.0


def curve(records: list[dict], parts: list[str], fractions: list[float], seeds: list[int], folds: int = 5,
          log=print) -> tuple[list[int], dict[str, list[float]]]:
    """(mean real training articles per fold, figure -> mean over seeds) per fraction."""
    per_fold_train = len(records) * (folds - 1) / folds
    sizes = [max(1, round(f * per_fold_train)) for f in fractions]
    means: dict[str, list[float]] = {name: [] for name in FIGURES.values()}
    for fraction in fractions:
        runs = []
        for seed in seeds:
            started = time.perf_counter()
            report, _, _ = cross_validate(records, parts, folds, seed, log=lambda *_: None, train_fraction=fraction)
            runs.append(figures(report))
            log(f"fraction {fraction:g}, seed {seed}: {time.perf_counter() - started:.0f} s, "
                + ", ".join(f"{k} {v:.3f}" for k, v in runs[-1].items()))
        for name in means:
            means[name].append(sum(run[name] for run in runs) / len(runs))
    return sizes, means


def table(sizes: list[int], means: dict[str, list[float]]) -> str:
    lines = ["| figure | " + " | ".join(f"{s} articles" for s in sizes) + " | gain per doubling |",
             "|---|" + "---:|" * (len(sizes) + 1)]
    for name, values in means.items():
        lines.append(f"| {name} | " + " | ".join(f"{v:.3f}" for v in values)
                     + f" | {slope_per_doubling(sizes, values):+.3f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", default="events,dates,rules", help="comma-separated learned parts to refit")
    parser.add_argument("--fractions", default="0.25,0.5,0.75,1")
    parser.add_argument("--seeds", default="0,1", help="fold seeds to average over")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    records = real_articles()
    if not records:
        print("no real articles found (../shared/data): nothing to measure", file=sys.stderr)
        return 1
    parts = args.parts.split(",")
    fractions = [float(f) for f in args.fractions.split(",")]
    seeds = [int(s) for s in args.seeds.split(",")]
    started = time.perf_counter()
    sizes, means = curve(records, parts, fractions, seeds)
    body = (
        f"`python benchmarks/learning_curve.py` on {dt.date.today()} (netral-nlp {__version__}, "
        f"{time.perf_counter() - started:.0f} s): grouped (by article) 5-fold cross-validation over "
        f"all {len(records)} real articles, fold seeds {', '.join(map(str, seeds))} averaged; every "
        f"fold refits {', '.join(parts)} on a nested share of its real training articles (plus the "
        "whole project corpus) and is scored on its whole test fold. Columns: real articles fitted "
        "on per fold. Parts not refitted are the shipped ones (fitted on all articles), so only "
        "the refitted parts' figures are out of fold.\n\n" + table(sizes, means)
    )
    print(body)
    if not args.no_write:
        readme_sections.write_section("Learning curve", "learning-curve", body, README)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
