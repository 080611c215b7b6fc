"""Backends are found through the `mot_coach.backends` entry-point group.

Built-ins register there exactly as a third-party plugin would (see pyproject.toml), e.g.

    [project.entry-points."mot_coach.backends"]
    mybackend = "my_package.backend:MyBackend"
"""

from __future__ import annotations

from importlib.metadata import entry_points

from bot.llm.base import Backend, BackendError

GROUP = "mot_coach.backends"
_registered: dict[str, type[Backend]] = {}


def register(name: str, backend: type[Backend]) -> None:
    """Register a backend class in-process (for embedding and tests); entry points are the norm."""
    _registered[name] = backend


def available() -> dict[str, str]:
    """Backend name -> where it comes from, without importing it."""
    found = {ep.name: ep.value for ep in entry_points(group=GROUP)}
    found.update(
        {name: f"{cls.__module__}:{cls.__qualname__}" for name, cls in _registered.items()}
    )
    return dict(sorted(found.items()))


def backend_class(name: str) -> type[Backend]:
    if name in _registered:
        return _registered[name]
    for ep in entry_points(group=GROUP, name=name):
        try:
            cls = ep.load()
        except Exception as exc:  # a broken plugin must not take the bot down with a traceback
            raise BackendError(
                f"backend {name!r} could not be loaded from {ep.value}: {exc}"
            ) from exc
        if not (isinstance(cls, type) and issubclass(cls, Backend)):
            raise BackendError(f"backend {name!r} ({ep.value}) is not a mot-coach Backend class")
        return cls
    names = ", ".join(available()) or "none"
    raise BackendError(f"unknown backend {name!r} (MOT_LLM_BACKEND); installed backends: {names}")


def create_backend(name: str, settings=None) -> Backend:
    """Instantiate a backend, refusing one that is not configured, with the settings to fix."""
    backend = backend_class(name)(settings)
    problems = backend.configuration_problems()
    if problems:
        raise BackendError(f"backend {name!r} is not configured: " + "; ".join(problems))
    return backend
