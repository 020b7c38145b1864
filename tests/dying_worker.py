"""A worker function that dies like a process killed by the out-of-memory killer.

Imported by the spawned workers of tests/test_robustness.py (tests/ is on
their ``sys.path``, copied from the test process).
"""

from __future__ import annotations

import os
from pathlib import Path

from netral_nlp.batch.local import _work


def die_on_marker(batch, timeout=None):
    """Exit at once when the batch holds ``MATI``; with ``MATI-SEKALI`` only the first time
    (a marker file next to the job, named in the text, remembers it)."""
    for payload in batch:
        text = payload[1]
        if "MATI-SEKALI:" in text:
            flag = Path(text.split("MATI-SEKALI:")[1].split()[0])
            if not flag.exists():
                flag.write_text("died once", encoding="utf-8")
                os._exit(9)
        elif "MATI" in text:
            os._exit(9)
    return _work(batch, timeout)
