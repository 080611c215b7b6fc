"""Files in `MOT_CACHE_DIR`, written whole or not at all.

The playbook cache, the kept regex programs and values, and the language model all write the
same way: into a temporary file beside the target, then renamed over it, so a reader sees the
old file or the whole new one. Best effort: a file that cannot be written (a read-only disk,
an object that does not pickle) costs the next run its speed, never this run its answer.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)


def write_whole(
    path: Path, dump: Callable[[BinaryIO], object], what: str, suffix: str = ""
) -> bool:
    """Writes `path` with `dump(file)`; False, with a warning naming `what`, when it cannot."""
    temporary = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=suffix)
        with os.fdopen(handle, "wb") as out:
            dump(out)
        os.replace(temporary, path)  # readers see the old file or the whole new one
        temporary = None
        return True
    except (OSError, ValueError, KeyError, pickle.PicklingError, TypeError, AttributeError) as exc:
        log.warning("cannot write %s %s (%s)", what, path, exc)
        return False
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def write_pickle(path: Path, value: object, what: str) -> bool:
    return write_whole(
        path, lambda out: pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL), what
    )


@contextmanager
def collector_paused() -> Iterator[None]:
    """Around reading a large kept value: unpickling makes tens of thousands of containers at
    once, and the collector's passes over them as they are made (nothing of which is garbage)
    cost about a third of the read. Left as it was found, also when the read fails."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
