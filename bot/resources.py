"""Where the data folders that ship beside the package live (playbooks/, prompts/, examples/)."""

from __future__ import annotations

import sys
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parents[1]


def data_dir(name: str) -> Path:
    """The source tree's `name/`, or the copy a regular install puts under share/mot-coach/."""
    source = _SOURCE_ROOT / name
    installed = Path(sys.prefix) / "share" / "mot-coach" / name
    return source if source.is_dir() or not installed.is_dir() else installed
