"""py3langid's model, restricted to the languages we name, kept between runs as plain arrays.

The package ships its model compressed with LZMA: reading it takes about 0.6 s of CPU, most of
it decompressing, and `classify` paid that in every run where one corrected message needed its
language told. Restricted to our languages and stored uncompressed in MOT_CACHE_DIR (about
50 MB), it is mapped into memory rather than read: a run touches only the pages of the
tokenizer's tables its texts walk through, instead of copying all 46 MB. The arrays are the very
ones the package builds (same values, types and memory order), so every answer is the same; the
file is named by the package's version, its model file and the languages, and anything else
about it that does not fit is ignored, like the playbook cache (bot/core/compiled.py).

The file: MAGIC, the header's length (8 bytes, little-endian), the header (JSON: the languages
and, per array, its type, shape, offset and length), then the arrays, each at an offset that is
a multiple of ALIGN.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mmap
from array import array
from importlib.metadata import version
from pathlib import Path

import numpy as np

from bot.core.cache_files import write_whole

log = logging.getLogger(__name__)
_PREFIX, _SUFFIX = "languages-", ".arrays"
MAGIC, ALIGN = b"mot-coach language model 1\n", 64
_TYPECODES = {np.dtype(np.uint16): "H", np.dtype(np.uint32): "I", np.dtype(np.uint64): "L"}


def _package_model():
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return MODEL_DIR / MODEL_FILE


def _cache_file(folder: Path, languages: list[str]) -> Path:
    model = _package_model()
    stat = model.stat()
    key = f"{version('py3langid')}\0{model}\0{stat.st_size}\0{stat.st_mtime_ns}\0{languages}"
    return folder / f"{_PREFIX}{hashlib.sha256(key.encode()).hexdigest()[:32]}{_SUFFIX}"


def _from_package(languages: list[str]):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(languages)
    return identifier


def _write(path: Path, identifier) -> None:
    """Best effort, as for the playbook cache: a cache that cannot be written costs the next
    run its speed, never this run its answer."""
    arrays = {
        "ptc": np.ascontiguousarray(identifier.nb_ptc),
        "pc": np.ascontiguousarray(identifier.nb_pc),
        "nextmove": np.frombuffer(identifier.tk_nextmove, dtype=_dtype(identifier.tk_nextmove)),
        "row": np.frombuffer(identifier.tk_row, dtype=_dtype(identifier.tk_row)),
        "output": np.array(identifier.tk_output, dtype=np.int64),
    }
    described, offset = {}, 0
    for name, values in arrays.items():
        described[name] = [values.dtype.str, list(values.shape), offset, values.nbytes]
        offset += _aligned(values.nbytes)
    header = json.dumps({"classes": list(identifier.nb_classes), "arrays": described}).encode()
    opening = MAGIC + len(header).to_bytes(8, "little") + header

    def dump(out) -> None:
        out.write(opening.ljust(_aligned(len(opening)), b"\0"))
        for values in arrays.values():
            out.write(memoryview(values).cast("B"))
            out.write(b"\0" * (_aligned(values.nbytes) - values.nbytes))

    if write_whole(path, dump, "the language model cache", _SUFFIX):
        # this layout's older files only: an earlier version sharing the folder (its files end
        # in .npz) keeps its own, instead of each rebuilding the model from the package in turn
        for stale in path.parent.glob(_PREFIX + "*" + _SUFFIX):
            if stale != path:
                stale.unlink(missing_ok=True)


def _aligned(size: int) -> int:
    return -(-size // ALIGN) * ALIGN


def _read(path: Path):
    """The kept model, its arrays mapped from the file (read-only), or None."""
    from py3langid.langid import LanguageIdentifier

    try:
        with path.open("rb") as file:
            mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:  # unreadable, or empty
        log.debug("ignoring the language model cache %s (%s)", path, exc)
        return None
    try:
        return _identifier_in(mapped, LanguageIdentifier)
    except (ValueError, KeyError, TypeError, IndexError) as exc:  # truncated, or another layout
        log.debug("ignoring the language model cache %s (%s)", path, exc)
        return None


def _identifier_in(mapped: mmap.mmap, identifier_class):
    if mapped[: len(MAGIC)] != MAGIC:
        raise ValueError("not a kept language model")
    size = int.from_bytes(mapped[len(MAGIC) : len(MAGIC) + 8], "little")
    opening = len(MAGIC) + 8 + size
    header = json.loads(mapped[len(MAGIC) + 8 : opening])
    start = _aligned(opening)
    arrays = {}
    for name, (kind, shape, offset, nbytes) in header["arrays"].items():
        dtype = np.dtype(kind)
        count = nbytes // dtype.itemsize
        if start + offset + nbytes > len(mapped) or count != int(np.prod(shape)):
            raise ValueError(f"{name} is cut short")
        arrays[name] = np.frombuffer(mapped, dtype, count, start + offset).reshape(shape)

    def table(values: np.ndarray) -> memoryview:  # indexed per byte in Python, as array is
        return memoryview(values).cast("B").cast(_TYPECODES[values.dtype])

    return identifier_class(
        arrays["ptc"],
        arrays["pc"].copy(),
        list(header["classes"]),
        table(arrays["nextmove"]),
        memoryview(arrays["output"]).cast("B").cast("q"),
        norm_probs=True,
        tk_row=table(arrays["row"]),
    )


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
