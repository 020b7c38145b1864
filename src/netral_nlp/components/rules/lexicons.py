"""The lexicons a trained rule model was fitted with, saved and restored with it.

The detector's features are cue lexicons; a model read with other lexicons
than it was trained with would see other features. The texts of the lexicon
files are captured when the models are fitted, written into the component's
folder by ``to_disk``, and put back in force (``resources.override``) by
``from_disk`` when they differ from the packaged files.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from ... import resources

#: resource files whose content the rule models' features depend on
LEXICONS: tuple[str, ...] = (
    "rules/cues.json",
    "rules/categories.json",
    "rules/category_cues.json",
    "rules/subjects.json",
    "list_markers.json",
    "qualifiers/cues.json",
)
FOLDER = "lexicons"

Lexicons = dict[str, str]


def _file_name(name: str) -> str:
    return name.replace("/", "__")


def current_lexicons() -> Lexicons:
    """The lexicon texts in force now (what a model fitted now is fitted with)."""
    return {name: resources.read_text(name) for name in LEXICONS}


def write_lexicons(folder: Path, lexicons: Lexicons) -> None:
    target = folder / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for name, text in lexicons.items():
        (target / _file_name(name)).write_text(text, encoding="utf-8")


def read_lexicons(folder: Path) -> Lexicons:
    found = {}
    for name in LEXICONS:
        saved = folder / FOLDER / _file_name(name)
        if saved.exists():
            found[name] = saved.read_text(encoding="utf-8")
    return found


def put_in_force(lexicons: Lexicons) -> list[str]:
    """Make ``lexicons`` the ones every cue pattern is read from; returns the names that
    changed."""
    changed = [name for name, text in lexicons.items() if text != resources.read_text(name)]
    for name, text in lexicons.items():
        resources.override(name, text)
    if changed:
        _clear_caches()
    return changed


def use_packaged_lexicons() -> None:
    """Put the packaged lexicons back in force (training always fits on them)."""
    if any(resources.read_text(name) != resources.packaged_text(name) for name in LEXICONS):
        for name in LEXICONS:
            resources.override(name, None)
        _clear_caches()


def _clear_caches() -> None:
    """Forget patterns compiled from the lexicons (every cached function of the rules
    and qualifiers packages)."""
    for package in ("netral_nlp.components.rules", "netral_nlp.components.qualifiers"):
        pkg = importlib.import_module(package)
        for info in pkgutil.walk_packages(pkg.__path__, f"{package}."):
            module = importlib.import_module(info.name)
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
