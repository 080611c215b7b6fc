"""What every process would otherwise build again at its start, built once and kept in
MOT_CACHE_DIR: the regex engine's programs for the domain's patterns, and values worked out
from fixed inputs (the English word list, the words the care patterns need).

`re.compile` parses a pattern and builds the program its C engine (`_sre`) runs, in Python, in
every process: the domain's 500-odd patterns cost a short command such as `mot-coach tip`
about a sixth of its time. `compile` here returns the same `re.Pattern` as `re.compile`, made
from a kept program when `load` has read one for that pattern and flags, and remembers the
programs it had to build so that `save` can keep them for the next run. Programs belong to
the Python version that built them: the file is named by it. Only patterns written in the code
(or built from the playbooks) go through here: a pattern made from a message's own words
would make the file grow with every message.

`value(name, inputs, make)` is `make()`, kept in a file of its own named by `name` and a hash
of `inputs` (which must hold the data the value depends on) and of the domain's code
(bot/core/*.py), so that a change to either makes it again.

Without `load` (a library user, a test) nothing is read or kept: everything is built as usual.
A file that cannot be read is ignored, one that cannot be written is not kept.
"""

from __future__ import annotations

import _sre
import hashlib
import logging
import pickle
import re
import sys
from array import array
from collections.abc import Callable
from functools import cache
from pathlib import Path
from re import _compiler as sre_compile  # Python 3.11+
from re import _parser as sre_parse
from typing import TypeVar

from bot.core.cache_files import collector_paused, write_pickle

log = logging.getLogger(__name__)
T = TypeVar("T")

# What `_sre.compile` takes besides the pattern: flags, code, groups, group names both ways.
Program = tuple[int, array, int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str, int]

MAX_KEPT = 20_000  # programs in the file: several times what all commands use together
VALUES_KEPT = 4  # files kept per value name (one per set of inputs in use)
FORMAT = 1  # of the programs' file: a new layout gets a new file
_VERSION = f"{sys.version}\0{_sre.MAGIC}\0{FORMAT}"
_kept: dict[Key, Program] = {}  # read by `load`
_built: dict[Key, Program] = {}  # built in this process, not yet in the file
_folder: list[Path] = []  # MOT_CACHE_DIR, once `load` was given one


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
    if kept is not None:
        try:
            return _engine(source, kept)
        except (TypeError, ValueError, RuntimeError):  # a damaged entry: the engine refuses it
            _kept.pop(key, None)
    built = program(source, int(flags))
    if len(_built) < MAX_KEPT:
        _built[key] = built
    return _engine(source, built)


def _engine(source: str, kept: Program) -> re.Pattern:
    flags, code, groups, group_index, index_group = kept
    return _sre.compile(source, flags, code.tolist(), groups, group_index, index_group)


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr((_VERSION, *parts)).encode()).hexdigest()[:16]


@cache
def _code() -> str:
    """A hash of the domain's source code, which every kept value may depend on."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(f"\0{path.name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _programs_file(cache_dir: Path) -> Path:
    return cache_dir / f"regexes-{_digest()}.pickle"


def _read(path: Path) -> object | None:
    try:
        with path.open("rb") as handle, collector_paused():
            return pickle.load(handle)  # our own file, in our own folder
    except FileNotFoundError:
        return None
    except Exception as exc:  # truncated, or written by another version: built again
        log.debug("ignoring %s (%s)", path, exc)
        return None


def _write(path: Path, value: object) -> bool:
    return write_pickle(path, value, "kept values")


def load(cache_dir: Path | None) -> None:
    """Read the kept programs of `cache_dir` and keep values there (None: no cache)."""
    if cache_dir is None:
        return
    _folder[:] = [cache_dir]
    kept = _read(_programs_file(cache_dir))
    if isinstance(kept, dict):
        _kept.update(kept)


def save(cache_dir: Path | None) -> None:
    """Keep the programs built since `load` in `cache_dir`, if any were."""
    if cache_dir is None or not _built:
        return
    merged = {**_kept, **_built}
    if len(merged) > MAX_KEPT:  # patterns of older code: start again from this run's
        merged = dict(_built)
    if _write(_programs_file(cache_dir), merged):
        _kept.update(_built)
        _built.clear()


def value(name: str, inputs: object, make: Callable[[], T]) -> T:
    """`make()`, read from the cache folder when it was kept for the same `inputs` (a repr-able
    value naming the data the result depends on) and code, else made and kept there."""
    if not _folder:
        return make()
    path = _folder[0] / f"{name}-{_digest(inputs, _code())}.pickle"
    kept = _read(path)
    if kept is not None:
        return kept
    made = make()
    if _write(path, made):
        older = sorted(path.parent.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime)
        for stale in older[:-VALUES_KEPT]:
            stale.unlink(missing_ok=True)
    return made
