"""Token-weight rankers on disk: the tokens and the ranker's own fields as JSON, the
weights as npz (no pickle). Shared by the event region ranker and the main-mention
ranker, whose weights are both one float per feature token."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

WEIGHTS_FILE = "weights.npz"


def save_weights(folder: str | Path, name: str, weights: dict[str, float], **stored: Any) -> None:
    """Write ``weights`` and the JSON-able ``stored`` fields to ``folder/name`` + npz."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tokens = list(weights)
    (folder / name).write_text(json.dumps({"tokens": tokens, **stored}, ensure_ascii=False, indent=1), encoding="utf-8")
    np.savez(folder / WEIGHTS_FILE, weights=np.array([weights[t] for t in tokens], dtype=np.float64))


def load_weights(folder: str | Path, name: str) -> tuple[dict[str, float], dict[str, Any]] | None:
    """(weights, the other stored fields) saved in ``folder/name``, or None when there are none."""
    folder = Path(folder)
    if not (folder / name).exists():
        return None
    stored = json.loads((folder / name).read_text(encoding="utf-8"))
    with np.load(folder / WEIGHTS_FILE) as arrays:
        values = arrays["weights"]
    weights = {t: float(v) for t, v in zip(stored.pop("tokens"), values, strict=True)}
    return weights, stored
