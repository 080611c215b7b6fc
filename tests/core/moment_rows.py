"""Scoring the moments fixtures (examples/coaching/moments-*.jsonl): each row names the moment
(`playbook`, "a|b" either), what a good set must (`set_has`) and must not (`set_avoids`,
`coaching_avoids`) say; counts are per split (holdout or not)."""

from __future__ import annotations

from tests.conftest import said_in


def moment_of(result) -> str | None:
    return result.assessment.playbook.id if result.assessment.playbook else None


def row_misses(row, result) -> list[str]:
    """What the coached set misses of its row: [] when it meets every check."""
    said = said_in(result)
    coached = " ".join(result.coaching).lower()
    moment = moment_of(result)
    misses = [] if moment in row["playbook"].split("|") else [f"moment {moment}"]
    misses += [
        f"has {w}" for w in row["set_has"] if not any(o.lower() in said for o in w.split("|"))
    ]
    misses += [f"says {a}" for a in row["set_avoids"] if a.lower() in said]
    misses += [f"coaches {a}" for a in row.get("coaching_avoids", ()) if a.lower() in coached]
    return misses


def rows_met(results) -> dict[bool, int]:
    """Rows meeting every check, by holdout (True) or not (False)."""
    met = {False: 0, True: 0}
    for row, _, result in results.values():
        met[bool(row["holdout"])] += not row_misses(row, result)
    return met


def moments_right(results) -> dict[bool, int]:
    """Rows coached under their moment, by holdout (True) or not (False)."""
    right = {False: 0, True: 0}
    for row, _, result in results.values():
        right[bool(row["holdout"])] += moment_of(result) in row["playbook"].split("|")
    return right
