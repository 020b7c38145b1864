"""The lexicon files a trained component was fitted with, saved and restored with it.

A learned part's features are read through cue lexicons (``resources/*.json``); a
model read with other lexicons than it was trained with would see other features.
A component captures the texts of its lexicon files when it is fitted, writes them
into its folder in ``to_disk``, and puts them back in force (``resources.override``)
in ``from_disk`` when they differ from the packaged files, so a model and its cues
travel together.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path

from . import resources

#: lexicon name (a resource path) -> its text
Lexicons = dict[str, str]

#: the sub-folder of a model folder that holds its lexicons
FOLDER = "lexicons"


def _file_name(name: str) -> str:
    return name.replace("/", "__")


@dataclass(frozen=True)
class SavedLexicons:
    """The lexicon files (``names``) one component's models depend on, and the packages
    whose cached patterns are compiled from them (cleared when other texts come in force)."""

    names: tuple[str, ...]
    packages: tuple[str, ...]

    def current(self) -> Lexicons:
        """The lexicon texts in force now (what a model fitted now is fitted with)."""
        return {name: resources.read_text(name) for name in self.names}

    def write(self, folder: Path, lexicons: Lexicons) -> None:
        target = Path(folder) / FOLDER
        target.mkdir(parents=True, exist_ok=True)
        for name, text in lexicons.items():
            (target / _file_name(name)).write_text(text, encoding="utf-8")

    def read(self, folder: Path) -> Lexicons:
        """The lexicons saved in a model folder (those it holds)."""
        found = {}
        for name in self.names:
            saved = Path(folder) / FOLDER / _file_name(name)
            if saved.exists():
                found[name] = saved.read_text(encoding="utf-8")
        return found

    def put_in_force(self, lexicons: Lexicons) -> list[str]:
        """Make ``lexicons`` the ones every cue pattern is read from; returns the names that
        changed."""
        changed = [name for name, text in lexicons.items() if text != resources.read_text(name)]
        for name, text in lexicons.items():
            resources.override(name, text)
        if changed:
            self.clear_caches()
        return changed

    def use_packaged(self) -> None:
        """Put the packaged lexicons back in force (training always fits on them)."""
        if any(resources.read_text(name) != resources.packaged_text(name) for name in self.names):
            for name in self.names:
                resources.override(name, None)
            self.clear_caches()

    def clear_caches(self) -> None:
        """Forget patterns compiled from the lexicons (every cached function of ``packages``)."""
        for package in self.packages:
            pkg = importlib.import_module(package)
            for info in pkgutil.walk_packages(pkg.__path__, f"{package}."):
                module = importlib.import_module(info.name)
                for value in vars(module).values():
                    if callable(getattr(value, "cache_clear", None)):
                        value.cache_clear()
