"""A time limit on one article, so a text that still runs too long cannot stall a job.

The limit is an interval timer (``SIGALRM``) in the thread that runs the
pipeline: Python code and regular expressions stop at it. It works in the
main thread of a process (worker processes, the ``netral`` command); called
from another thread, or where the platform has no such timer, no limit is
set.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: seconds one article (or one chunk of a long article) may take (``--article-timeout``)
DEFAULT_ARTICLE_TIMEOUT = 60.0


class ArticleTimeout(BaseException):  # noqa: N818  (a BaseException so ``except Exception`` in a component cannot swallow it)
    """Raised in the pipeline's thread when the time limit runs out."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds


def can_time_out() -> bool:
    """True where :func:`time_limit` can stop the running code."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in this block after ``seconds`` (None or <= 0: no limit)."""
    if not seconds or seconds <= 0 or not can_time_out():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ArticleTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
