"""Train one learned part on gold articles and install it in a saved pipeline.

The date kinds, the event decision and the people source are all a linear
model fitted inside a loaded pipeline and handed to their component; only the
fitting function, the component's setter and the name of the per-class counts
differ, so ``netral train dates|events|people`` share this one routine.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..learn.linear import LinearTextClassifier

Fit = Callable[[Any, list[dict[str, Any]], int], LinearTextClassifier]
Install = Callable[[Any, LinearTextClassifier], None]
Refit = Callable[[Any, list[dict[str, Any]], int], None]


def train_and_install(
    fit: Fit,
    install: Install,
    counts_key: str,
    data: list[str | Path] | None = None,
    source: str | Path | None = None,
    out: str | Path | None = None,
    seed: int = 0,
) -> dict[str, Any]:
    """Fit on ``data`` (default: real + project articles), install, save; returns a summary
    with the number of articles and examples and the model's ``counts_key`` meta entry."""
    from ..learn import gold_records, training_articles
    from ..pipeline import update_pipeline

    records = gold_records(data) if data else training_articles()
    summary: dict[str, Any] = {"articles": len(records)}

    def modify(nlp) -> None:
        model = fit(nlp, records, seed)
        summary["examples"] = model.meta["examples"]
        summary[counts_key] = model.meta[counts_key]
        install(nlp, model)

    summary["pipeline"] = str(update_pipeline(modify, source=source, out=out))
    return summary


def linear_part(name: str, component: str, order: int, fit: Fit, install: Install,
                counts_key: str) -> tuple[Refit, Callable[..., dict[str, Any]]]:
    """Register the one-model part ``name`` for cross-validation and return its refit
    (``fit``, then ``install``, from gold records only) and the ``run`` of ``netral train
    NAME`` (:func:`train_and_install`)."""
    from ..learn import register_part

    @register_part(name, component, order=order)
    def refit(nlp, records: list[dict[str, Any]], seed: int = 0) -> None:
        install(nlp, fit(nlp, records, seed))

    def run(data: list[str | Path] | None = None, source: str | Path | None = None,
            out: str | Path | None = None, seed: int = 0) -> dict[str, Any]:
        """Train on ``data`` (default: real + project articles), install, save; returns a summary."""
        return train_and_install(fit, install, counts_key, data, source, out, seed)

    return refit, run
