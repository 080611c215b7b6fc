"""Playbooks and their matcher, kept between runs in a cache file, so that a short command
(`mot-coach tip`) neither parses nor validates the YAML nor indexes the signals again.

The cache file is named by a hash of everything the result depends on: every playbook file
(name and bytes), the domain's source code (bot/core/*.py), and the Python, pydantic and
pyahocorasick versions. A changed playbook or an upgrade therefore misses the cache and rebuilds
it; a cache that cannot be read or written is ignored (the playbooks are loaded as without it).
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import sys
from pathlib import Path

import ahocorasick
import pydantic

from bot.core import language
from bot.core.cache_files import collector_paused, write_pickle
from bot.core.matcher import Matcher
from bot.core.playbooks import BUILTIN_DIR, Playbook, load_playbooks

log = logging.getLogger(__name__)
KEPT = 8  # cache files kept (one per set of playbook folders and code version in use)
_PREFIX = "playbooks-"


def _files(directory: Path) -> list[Path]:
    return sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])


def cache_key(extra_dir: Path | None) -> str:
    # the signal index keeps a pyahocorasick automaton, pickled in that library's own format:
    # its build is named by its file's size and time (no scan of the installed packages)
    library = Path(ahocorasick.__file__).stat()
    versions = f"{sys.version}\0{pydantic.VERSION}\0{library.st_size}\0{library.st_mtime_ns}"
    digest = hashlib.sha256(versions.encode())
    sources = sorted(Path(__file__).parent.glob("*.py"))
    for path in [*sources, *_files(BUILTIN_DIR), *(_files(extra_dir) if extra_dir else ())]:
        digest.update(f"\0{path}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def _read(path: Path) -> tuple[dict[str, Playbook], Matcher] | None:
    try:
        with path.open("rb") as handle, collector_paused():
            playbooks, matcher = pickle.load(handle)  # our own file, named by its content's hash
    except FileNotFoundError:
        return None
    except Exception as exc:  # truncated, or written by another version: rebuild it
        log.debug("ignoring the playbook cache %s (%s)", path, exc)
        return None
    return playbooks, matcher


def _write(path: Path, value: tuple[dict[str, Playbook], Matcher]) -> None:
    """The cache, then only the newest KEPT of its kind left in the folder."""
    if write_pickle(path, value, "the playbook cache"):
        older = sorted(path.parent.glob(_PREFIX + "*.pickle"), key=lambda p: p.stat().st_mtime)
        for stale in older[:-KEPT]:
            stale.unlink(missing_ok=True)


def compiled_playbooks(
    extra_dir: Path | None = None, cache_dir: Path | None = None
) -> tuple[dict[str, Playbook], Matcher]:
    """`load_playbooks(extra_dir)` and a Matcher over them, from `cache_dir` when it has them.

    Raises PlaybookError as `load_playbooks` does (a bad file is never cached). The language
    model, when a message needs it, is kept in `cache_dir` too (bot/core/language_model.py)."""
    language.keep_model_in(cache_dir)
    if cache_dir is None or (extra_dir is not None and not extra_dir.is_dir()):
        playbooks = load_playbooks(extra_dir)
        return playbooks, Matcher(playbooks)
    path = cache_dir / f"{_PREFIX}{cache_key(extra_dir)}.pickle"
    cached = _read(path)
    if cached is not None:
        return cached
    playbooks = load_playbooks(extra_dir)
    built = playbooks, Matcher(playbooks)
    _write(path, built)
    return built
