"""The registry of learned parts, read by ``netral train`` and the cross-validation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

#: fit(nlp, records, seed): refit the part inside ``nlp`` from gold records, in place
FitFunction = Callable[[Language, list[dict[str, Any]], int], None]


@dataclass(frozen=True)
class LearnedPart:
    """One decision of the pipeline learned from gold articles.

    ``fit`` must use nothing but the records it is given (and the lexicons the
    part ships with): cross-validation hands it four fifths of the articles.
    """

    name: str
    component: str
    fit: FitFunction
    order: int = 0


_PARTS: dict[str, LearnedPart] = {}


def register_part(name: str, component: str, order: int = 0) -> Callable[[FitFunction], FitFunction]:
    """Decorator registering ``fit`` as the learned part ``name`` of ``component``.

    Parts are fitted in ``order`` (people before dates before rules before
    events), since later parts may read earlier parts' output.
    """

    def decorate(fit: FitFunction) -> FitFunction:
        _PARTS[name] = LearnedPart(name, component, fit, order)
        return fit

    return decorate


def learned_parts(names: list[str] | None = None) -> list[LearnedPart]:
    """Registered parts (all, or those named), in fitting order."""
    from ..train import register_all  # noqa: F401  (imports every trainer module)

    register_all()
    unknown = set(names or []) - set(_PARTS)
    if unknown:
        raise ValueError(f"unknown learned parts {sorted(unknown)}; known: {sorted(_PARTS)}")
    chosen = [p for p in _PARTS.values() if names is None or p.name in names]
    return sorted(chosen, key=lambda p: (p.order, p.name))
