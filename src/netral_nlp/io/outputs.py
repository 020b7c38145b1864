"""Keeping a job's outputs apart from its inputs and from other jobs.

Checked before anything is read or written: an output equal to an input, or
inside an input folder (it would be read back as input), is refused; a lock
file next to the output refuses a second job writing the same output.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path


class OutputError(ValueError):
    """An output that cannot be used; the message says what to do instead."""


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_outputs(inputs: Iterable[str | Path], outputs: Iterable[str | Path]) -> None:
    """Refuse outputs that are, or lie inside, an input (and inputs inside an output folder)."""
    resolved_outputs = [Path(o).resolve() for o in outputs]
    for raw in inputs:
        source = Path(raw)
        if not source.exists():
            continue
        real = source.resolve()
        for out in resolved_outputs:
            if out == real or (out.exists() and real.is_file() and out.is_file() and os.path.samefile(out, real)):
                raise OutputError(f"output {out} is also an input; write the output to another file")
            if real.is_dir() and _inside(out, real):
                raise OutputError(
                    f"output {out} is inside the input folder {source}, so the job would read it back; "
                    "write the output outside that folder"
                )
            if out.is_dir() and _inside(real, out):
                raise OutputError(f"input {source} is inside the output folder {out}; choose another output folder")


def prepare_output_dir(folder: str | Path) -> Path:
    """Create ``folder`` (and its parents) or say in one line why it cannot be."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise OutputError(f"cannot create the output folder {folder}: {exc.filename} is a file") from None
    except OSError as exc:
        raise OutputError(f"cannot create the output folder {folder}: {exc.strerror or exc}") from None
    if not folder.is_dir():
        raise OutputError(f"cannot write into {folder}: it is a file, not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write into {folder}: permission denied; choose a writable output")
    return folder


class OutputLock:
    """An exclusive lock on ``<output>.lock`` for the length of a job.

    The operating system releases it when the job ends, however it ends, so
    a killed job never leaves a stale lock behind.
    """

    def __init__(self, output: str | Path) -> None:
        output = Path(output)
        self.path = output.with_name(output.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> OutputLock:
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise OutputError(f"cannot create the lock file {self.path}: {exc.strerror or exc}") from None
            if not _try_lock(fd):
                os.close(fd)
                try:
                    holder = self.path.read_text(encoding="ascii", errors="replace").strip() or "?"
                except OSError:
                    holder = "?"
                raise OutputError(
                    f"another job (pid {holder}) is writing {self.path.with_suffix('')}; wait for it "
                    "to finish or choose another output"
                )
            if _same_file(fd, self.path):
                break
            os.close(fd)  # the previous holder removed the file as we opened it: take the new one
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self._fd)  # closing the descriptor releases the lock
        self._fd = None

    def __enter__(self) -> OutputLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True
