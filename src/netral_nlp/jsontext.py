"""JSON text for records and errors: one line each, safe for any Python string.

Inputs may hold lone surrogates (``"\\ud800"`` in a JSON id, a file name with
a Latin-1 byte read through ``surrogateescape``). Such a string cannot be
encoded as UTF-8, so a line that holds one is written with ``\\uXXXX``
escapes: still valid JSON and UTF-8, and it reads back to the same string.
"""

from __future__ import annotations

import json
import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")


def json_default(value: Any) -> Any:
    """JSON for values Parquet meta may hold (dates, decimals, bytes)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def dumps(obj: Any) -> str:
    """JSON text, non-ASCII kept as is (lone surrogates too: see :func:`dump_line`)."""
    return json.dumps(obj, ensure_ascii=False, default=json_default)


def dump_line(obj: Any) -> bytes:
    """One JSON line in UTF-8: readable, escaped only where a lone surrogate forces it."""
    try:
        return (dumps(obj) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(obj, ensure_ascii=True, default=json_default) + "\n").encode("ascii")


def without_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate replaced by U+FFFD (same length), for
    stores that only take valid Unicode (Parquet); containers are copied."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return _SURROGATE.sub("\ufffd", value)
        return value
    if isinstance(value, dict):
        return {without_surrogates(k): without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_surrogates(v) for v in value]
    return value
