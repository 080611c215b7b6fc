"""`mot-coach tip` gives the same bytes from two source trees: a check for speed work.

    python bench/tip_same.py --before DIR [--lines 300] [--keep FILE]

For each tree: every conversation file in examples/ through its own fresh `python -m bot tip`
process (plain and `--json`), then up to `--lines` conversations from the JSON-lines files of
examples/ (coaching/ first) through `tip --json` in one process per tree. Prints the number of
outputs compared and each one that differs, and exits 1 if any does. The one field that
differs between runs, `latency_ms`, is left out of the comparison. `--keep FILE` keeps the
older tree's outputs in FILE and reads them from there next time.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
_LATENCY = re.compile(r'^\s*"latency_ms": [0-9.]+,?\n', re.MULTILINE)

# Run inside each tree's own process: `tip --json` on each conversation, outputs as JSON lines.
_IN_PROCESS = """
import contextlib, io, json, sys
from bot.cli import main
for line in open(sys.argv[1], encoding="utf-8"):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["tip", "--json", line.strip()])
    print(json.dumps([status, out.getvalue()]))
"""


def conversation_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".json"))


def conversation_lines(limit: int, folder: Path) -> list[Path]:
    """Up to `limit` conversations of examples/**/*.jsonl, each written to its own JSON file."""
    sources = sorted(EXAMPLES.glob("coaching/*.jsonl")) + sorted(
        p for p in EXAMPLES.glob("*/*.jsonl") if p.parent.name != "coaching"
    )
    written = []
    for source in sources:
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines()):
            if len(written) == limit:
                return written
            record = json.loads(line)
            if "messages" not in record and "text" not in record:
                continue
            path = folder / f"{source.parent.name}-{source.stem}-{number}.json"
            path.write_text(json.dumps(record), encoding="utf-8")
            written.append(path)
    return written


def environment(tree: Path, workdir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOT_", "OPENAI_"))}
    return {
        **env,
        "PYTHONPATH": str(tree),
        "MOT_DATABASE_URL": f"sqlite:///{workdir / tree.name}-log.db",
        "MOT_CACHE_DIR": str(workdir / f"{tree.name}-cache"),
    }


def outputs(tree: Path, workdir: Path, files: list[Path], listed: Path) -> dict[str, str]:
    """What `tip` printed (and its exit status) for each input, run from an empty folder."""
    env, run_in = environment(tree, workdir), workdir / "run"
    found = {}
    for path in files:
        for extra in ([], ["--json"]):
            done = subprocess.run(
                [sys.executable, "-m", "bot", "tip", str(path), *extra],
                env=env,
                cwd=run_in,
                capture_output=True,
                text=True,
            )
            found[f"{path.name} {' '.join(extra)}"] = (
                f"{done.returncode}\n{_LATENCY.sub('', done.stdout)}"
            )
    done = subprocess.run(
        [sys.executable, "-c", _IN_PROCESS, str(listed)],
        env=env,
        cwd=run_in,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"{tree}: {done.stderr[-2000:]}")
    for line, path in zip(done.stdout.splitlines(), listed.read_text().splitlines(), strict=True):
        status, printed = json.loads(line)
        found[f"{Path(path).name} --json (in one process)"] = (
            f"{status}\n{_LATENCY.sub('', printed)}"
        )
    return found


def main(before: Path, limit: int, keep: Path | None) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="tip-same-"))
    (workdir / "run").mkdir()
    lines = conversation_lines(limit, workdir)
    listed = workdir / "inputs.txt"
    listed.write_text("".join(f"{path}\n" for path in lines))
    files = conversation_files()
    if keep is not None and keep.is_file():
        old = json.loads(keep.read_text())
    else:
        old = outputs(before, workdir, files, listed)
        if keep is not None:
            keep.write_text(json.dumps(old))
    new = outputs(REPO, workdir, files, listed)
    differing = [name for name in new if new[name] != old.get(name)]
    for name in differing:
        print(f"--- {name} differs")
        diff = difflib.unified_diff(
            old.get(name, "").splitlines(), new[name].splitlines(), "before", "now", lineterm=""
        )
        print("\n".join(diff))
    print(
        f"{len(new)} outputs compared ({len(files)} files x 2 in their own process, "
        f"{len(lines)} conversations in one process): {len(differing)} differ"
    )
    return 1 if differing else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the source tree to match")
    parser.add_argument("--lines", type=int, default=300, help="JSON-lines conversations")
    parser.add_argument("--keep", type=Path, help="keep the older tree's outputs here")
    options = parser.parse_args()
    raise SystemExit(main(options.before.resolve(), options.lines, options.keep))
