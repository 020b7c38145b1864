"""PNG plots of a Report: rule-category confusion matrix and per-label F1 bars.

matplotlib is imported lazily with the Agg backend (no display needed); it is
in the optional ``data`` extra.
"""

from __future__ import annotations

from pathlib import Path

from .render import rows
from .scoring import NONE, Report


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_confusion(report: Report, path: str | Path) -> Path:
    """Gold category (rows) against predicted category (columns); (none) = unmatched."""
    plt = _pyplot()
    counts = report.rules.confusion
    cats = sorted(({g for g, _ in counts} | {p for _, p in counts}) - {NONE}) + [NONE]
    index = {c: n for n, c in enumerate(cats)}
    grid = [[0] * len(cats) for _ in cats]
    for (g, p), n in counts.items():
        grid[index[g]][index[p]] += n
    size = max(4.0, 0.55 * len(cats) + 2)
    fig, ax = plt.subplots(figsize=(size, size))
    ax.imshow(grid, cmap="Blues")
    ax.set_xticks(range(len(cats)), labels=cats, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(cats)), labels=cats, fontsize=8)
    ax.set_xlabel("predicted category")
    ax.set_ylabel("gold category")
    ax.set_title("Rule categories (matched items; (none) = missed / spurious)")
    top = max((max(r) for r in grid), default=0) or 1
    for i, line in enumerate(grid):
        for j, n in enumerate(line):
            if n:
                ax.text(
                    j,
                    i,
                    str(n),
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if n > top / 2 else "black",
                )
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return Path(path)


def plot_f1(report: Report, path: str | Path) -> Path:
    """Horizontal bars: P, R and F1 of every row of the report table."""
    plt = _pyplot()
    table = rows(report)
    names = [r.figure for r in table]
    fig, ax = plt.subplots(figsize=(7, 0.32 * len(names) + 1.2))
    ys = range(len(names))
    h = 0.27
    for k, (label, get) in enumerate(
        (
            ("precision", lambda r: r.prf.precision),
            ("recall", lambda r: r.prf.recall),
            ("F1", lambda r: r.prf.f1),
        )
    ):
        ax.barh([y + (k - 1) * h for y in ys], [get(r) for r in table], height=h, label=label)
    ax.set_yticks(list(ys), labels=names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title("Figures per label (entities strict)")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return Path(path)


def write_plots(report: Report, out_dir: str | Path) -> list[Path]:
    """Both plots under ``out_dir``: rule_categories.png and per_label.png."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return [
        plot_confusion(report, out / "rule_categories.png"),
        plot_f1(report, out / "per_label.png"),
    ]
