"""`mot-coach tip` wall time per call: this tree, optionally against an older one, side by side.

    python bench/tip_bench.py [--runs 15] [--before DIR] [--example FILE]

Each round runs, one after the other so that all see the same machine: the bare interpreter
(`python -c pass`, the floor no command goes below), `mot-coach tip` from this tree with its
playbook cache warm, the same with a cold cache (a new MOT_CACHE_DIR), and with `--before DIR`
the same command from that tree (e.g. `mkdir /tmp/before && git archive c58e86c | tar -x -C
/tmp/before`). Every run logs to a fresh SQLite file as a user's would. Bytecode is cached (in a
temporary PYTHONPYCACHEPREFIX), as it is for an installed package. Prints the median and best
wall time and CPU (user + system) of each, and the ratios of the medians.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET_MS = 400


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one run; a failed run stops the bench. `cwd` holds no source
    tree: `python -m bot` would import the `bot` found there rather than PYTHONPATH's."""
    cpu, started = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return wall, _children_cpu() - cpu


def environment(tree: Path, workdir: Path, cache: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOT_", "OPENAI_"))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return {
        **env,
        "PYTHONPATH": str(tree),
        "PYTHONPYCACHEPREFIX": str(workdir / "pycache"),
        "MOT_DATABASE_URL": f"sqlite:///{workdir / tree.name}-log.db",
        "MOT_CACHE_DIR": str(cache),
    }


def main(runs: int, before: Path | None, example: Path) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="tip-bench-"))
    tip = [sys.executable, "-m", "bot", "tip", str(example)]
    cases = {
        "python -c pass": ([sys.executable, "-c", "pass"], environment(REPO, workdir, workdir)),
        "tip (warm cache)": (tip, environment(REPO, workdir, workdir / "cache")),
    }
    if before is not None:
        cases["tip, before"] = (tip, environment(before, workdir, workdir / "cache-before"))
    for command, env in cases.values():  # warm-up: bytecode, schema, playbook cache
        timed(command, env, workdir)
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    results["tip (cold cache)"] = []
    for number in range(runs):
        for name, (command, env) in cases.items():
            results[name].append(timed(command, env, workdir))
        cold = {**cases["tip (warm cache)"][1], "MOT_CACHE_DIR": str(workdir / f"cold-{number}")}
        results["tip (cold cache)"].append(timed(tip, cold, workdir))
    ms = 1000
    print(f"mot-coach tip {example.name}, {runs} rounds, interleaved; wall and CPU per call")
    medians = {}
    for name, samples in results.items():
        walls, cpus = [w for w, _ in samples], [c for _, c in samples]
        medians[name] = statistics.median(walls)
        print(
            f"  {name:18} wall median {medians[name] * ms:6.0f} ms  best {min(walls) * ms:6.0f} ms"
            f"   CPU median {statistics.median(cpus) * ms:6.0f} ms"
        )
    after = medians["tip (warm cache)"]
    print(f"  tip is {after / medians['python -c pass']:.1f}x the bare interpreter's start")
    verdict = "met" if after * ms < TARGET_MS else "not met"
    print(f"  target: under {TARGET_MS} ms per call: {verdict}")
    if before is not None:
        print(f"  tip takes {after / medians['tip, before']:.2f}x the time it took before")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--before", type=Path, help="an older source tree to compare with")
    parser.add_argument("--example", type=Path, default=REPO / "examples" / "double-charge.txt")
    options = parser.parse_args()
    main(options.runs, options.before.resolve() if options.before else None, options.example)
