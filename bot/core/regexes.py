"""Regular expressions whose engine programs are kept between runs (in MOT_CACHE_DIR).

`re.compile` parses a pattern and builds the program its C engine (`_sre`) runs, in Python, in
every process: the domain's 500-odd patterns cost a short command such as `mot-coach tip`
about a sixth of its time. `compile` here returns the same `re.Pattern` as `re.compile`, made
from a kept program when `load` has read one for that pattern and flags, and remembers the
programs it had to build so that `save` can keep them for the next run. Programs belong to
the Python version that built them: the file is named by it.

Only patterns written in the code (or built from the playbooks) go through here: a pattern
made from a message's own words would make the file grow with every message.
"""

from __future__ import annotations

import _sre
import hashlib
import logging
import os
import pickle
import re
import sys
import tempfile
from array import array
from pathlib import Path
from re import _compiler as sre_compile  # Python 3.11+
from re import _parser as sre_parse

log = logging.getLogger(__name__)

# What `_sre.compile` takes besides the pattern: flags, code, groups, group names both ways.
Program = tuple[int, array, int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str, int]

MAX_KEPT = 20_000  # programs in the file: several times what all commands use together
_PREFIX = "regexes-"
_kept: dict[Key, Program] = {}  # read by `load`
_built: dict[Key, Program] = {}  # built in this process, not yet in the file


def program(source: str, flags: int = 0) -> Program:
    """The engine's program for a pattern, as re/_compiler.py's `compile` builds it."""
    parsed = sre_parse.parse(source, flags)
    state = parsed.state
    index_group: list[str | None] = [None] * state.groups
    for name, number in state.groupdict.items():
        index_group[number] = name
    code = array("I", sre_compile._code(parsed, flags))
    return flags | state.flags, code, state.groups - 1, dict(state.groupdict), tuple(index_group)


def compile(source: str, flags: int = 0) -> re.Pattern:
    """`re.compile(source, flags)`, from the kept program when there is one."""
    key = (source, int(flags))
    kept = _kept.get(key) or _built.get(key)
    if kept is None:
        kept = program(source, int(flags))
        if len(_built) < MAX_KEPT:
            _built[key] = kept
    flags_, code, groups, group_index, index_group = kept
    return _sre.compile(source, flags_, code.tolist(), groups, group_index, index_group)


def _path(cache_dir: Path) -> Path:
    version = hashlib.sha256(f"{sys.version}\0{_sre.MAGIC}".encode()).hexdigest()[:16]
    return cache_dir / f"{_PREFIX}{version}.pickle"


def load(cache_dir: Path | None) -> None:
    """Read the kept programs of `cache_dir` (None: no cache); a bad file is ignored."""
    if cache_dir is None:
        return
    try:
        with _path(cache_dir).open("rb") as handle:
            kept = pickle.load(handle)  # our own file, in our own folder
    except FileNotFoundError:
        return
    except Exception as exc:  # truncated, or written by another version: built again
        log.debug("ignoring the kept regular expressions in %s (%s)", cache_dir, exc)
        return
    if isinstance(kept, dict):
        _kept.update(kept)


def save(cache_dir: Path | None) -> None:
    """Keep the programs built since `load` in `cache_dir`, if any were; best effort."""
    if cache_dir is None or not _built:
        return
    merged = {**_kept, **_built}
    if len(merged) > MAX_KEPT:  # patterns of older code: start again from this run's
        merged = dict(_built)
    path, temporary = _path(cache_dir), None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(merged, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)  # readers see the old file or the whole new one
        temporary = None
    except OSError as exc:
        log.warning("cannot keep regular expressions in %s (%s)", cache_dir, exc)
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
    _kept.update(_built)
    _built.clear()
