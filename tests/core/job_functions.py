"""Jobs for tests/core/test_jobs.py, run by a real worker process (which
imports them by their dotted path)."""

import time
from pathlib import Path


def hold_then_finish(folder: str) -> None:
    """The first delivery marks its start and waits to be killed with its
    worker; a later one marks its start and finishes."""
    folder = Path(folder)
    attempt = len(list(folder.glob("start-*")))
    (folder / f"start-{attempt}").touch()
    if attempt == 0:
        time.sleep(120)
    (folder / "done").touch()


def fail_first(folder: str) -> None:
    """Raises on the first delivery, finishes on the next."""
    folder = Path(folder)
    attempt = len(list(folder.glob("start-*")))
    (folder / f"start-{attempt}").touch()
    if attempt == 0:
        raise RuntimeError("Mailserver nicht erreichbar")
    (folder / "done").touch()
