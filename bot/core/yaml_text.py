"""YAML for playbooks and team knowledge: safe loading, with libyaml's C parser when installed
(about ten times faster than the pure-Python one; the same documents and errors otherwise).

PyYAML loads with the first file read: a command served from the playbook cache reads none."""

from __future__ import annotations

from typing import Any


class YAMLTextError(ValueError):
    """Not valid YAML; the message is PyYAML's."""


def parse_yaml(text: str) -> Any:
    """`yaml.safe_load`, through the fastest safe loader; raises YAMLTextError."""
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise YAMLTextError(str(exc)) from exc
