"""mot-coach: coaches support agents through every moment of truth."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mot-coach")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
