"""py3langid's model, restricted to the languages we name, kept between runs as plain arrays.

The package ships its model compressed with LZMA: reading it takes about 0.6 s of CPU, most of
it decompressing, and `classify` paid that in every run where one corrected message needed its
language told. Restricted to our languages and stored uncompressed in MOT_CACHE_DIR (about
50 MB), it loads in a few tens of milliseconds. The arrays are the very ones the package builds
(same values, types and memory order), so every answer is the same; the file is named by the
package's version, its model file and the languages, and anything else about it that does not
fit is ignored, like the playbook cache (bot/core/compiled.py).
"""

from __future__ import annotations

import hashlib
import logging
from array import array
from importlib.metadata import version
from pathlib import Path

import numpy as np

from bot.core.cache_files import write_whole

log = logging.getLogger(__name__)
_PREFIX = "languages-"
_TYPECODES = {np.dtype(np.uint16): "H", np.dtype(np.uint32): "I", np.dtype(np.uint64): "L"}


def _package_model():
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return MODEL_DIR / MODEL_FILE


def _cache_file(folder: Path, languages: list[str]) -> Path:
    model = _package_model()
    stat = model.stat()
    key = f"{version('py3langid')}\0{model}\0{stat.st_size}\0{stat.st_mtime_ns}\0{languages}"
    return folder / f"{_PREFIX}{hashlib.sha256(key.encode()).hexdigest()[:32]}.npz"


def _from_package(languages: list[str]):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(languages)
    return identifier


def _as_array(values: np.ndarray) -> array:
    kept = array(_TYPECODES[values.dtype])
    kept.frombytes(memoryview(values).cast("B"))
    return kept


def _read(path: Path):
    from py3langid.langid import LanguageIdentifier

    try:
        with np.load(path, allow_pickle=False) as data:
            identifier = LanguageIdentifier(
                data["ptc"],
                data["pc"],
                data["classes"].tolist(),
                _as_array(data["nextmove"]),
                data["output"].tolist(),
                norm_probs=True,
                tk_row=_as_array(data["row"]),
            )
    except FileNotFoundError:
        return None
    except Exception as exc:  # truncated, or from another layout: rebuild it
        log.debug("ignoring the language model cache %s (%s)", path, exc)
        return None
    return identifier


def _write(path: Path, identifier) -> None:
    """Best effort, as for the playbook cache: a cache that cannot be written costs the next
    run its speed, never this run its answer."""
    arrays = {
        "ptc": identifier.nb_ptc,
        "pc": identifier.nb_pc,
        "classes": np.array(identifier.nb_classes),
        "nextmove": np.frombuffer(identifier.tk_nextmove, dtype=_dtype(identifier.tk_nextmove)),
        "row": np.frombuffer(identifier.tk_row, dtype=_dtype(identifier.tk_row)),
        "output": np.array(identifier.tk_output, dtype=np.int64),
    }
    if write_whole(path, lambda out: np.savez(out, **arrays), "the language model cache", ".npz"):
        for stale in path.parent.glob(_PREFIX + "*.npz"):
            if stale != path:
                stale.unlink(missing_ok=True)


def _dtype(values: array) -> np.dtype:
    return next(dtype for dtype, code in _TYPECODES.items() if code == values.typecode)


def load_identifier(languages: list[str], folder: Path | None = None):
    """py3langid's identifier over `languages` with probabilities, from `folder` when kept."""
    if folder is None:
        return _from_package(languages)
    path = _cache_file(folder, languages)
    identifier = _read(path)
    if identifier is None:
        identifier = _from_package(languages)
        _write(path, identifier)
    return identifier
