"""`mot-coach backends list`: installed suggestion backends and whether each is configured."""

from __future__ import annotations

from bot.config import Settings
from bot.llm.base import BackendError
from bot.llm.registry import available, backend_class


def run_list(args, settings: Settings) -> int:
    for name, origin in available().items():
        try:
            problems = backend_class(name)(settings).configuration_problems()
            state = "ready" if not problems else "not configured: " + "; ".join(problems)
        except BackendError as exc:
            state = f"broken: {exc}"
        marker = "*" if name == settings.mot_llm_backend else " "
        print(f"{marker} {name:<12} {state}  ({origin})")
    return 0
