"""What a regular install ships beside the package: every data-files pattern names files only.

A folder matched by a pattern (examples/* once matched examples/coaching/) makes the wheel build
fail, so `pip install .`, the README's first command, would break.
"""

import tomllib

from tests.conftest import REPO


def test_every_data_files_pattern_matches_files_and_only_files():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    data_files = config["tool"]["setuptools"]["data-files"]
    for target, patterns in data_files.items():
        for pattern in patterns:
            matched = list(REPO.glob(pattern))
            assert matched, (target, pattern)
            assert all(path.is_file() for path in matched), (target, pattern)
