"""mot-coach: coaches support agents through every moment of truth."""

from functools import cache


@cache
def _installed_version() -> str:
    # importlib.metadata scans the installed distributions: done only when asked
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mot-coach")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module 'bot' has no attribute {name!r}")
