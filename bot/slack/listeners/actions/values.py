"""The value our buttons carry: {"l": log id, "i": suggestion index, "v": variant}."""

from __future__ import annotations

import json


def button_value(body: dict) -> dict:
    try:
        value = json.loads(body["actions"][0]["value"])
        return value if isinstance(value, dict) else {}
    except (KeyError, IndexError, TypeError, ValueError):
        return {}
