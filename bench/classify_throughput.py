"""Throughput and latency of `classify`, one message at a time, on one core.

    python bench/classify_throughput.py [--rounds 5] [FILE ...]
    python bench/classify_throughput.py --before TREE [--rounds 5] [FILE ...]
    python bench/classify_throughput.py --process [--before TREE] [--rounds 3] [FILE ...]

Default input: the development files in ../shared/eval/ (falls back to the playbooks' own
examples where that folder is absent). Each message goes through exactly what `mot-coach
classify` does per line: JSON parse, matching, escalation, JSON output. Beside it runs a
baseline in the same process (JSON parse + text normalisation + JSON output, the floor any
classifier pays), so the ratio stays meaningful on a noisy shared machine.

`--before TREE` (a checkout or `git archive` of an older commit) loads that tree's `bot` and
this one's side by side into this process, each built as `mot-coach classify` builds it (from
MOT_CACHE_DIR: run the command or the bench once first, so that the caches are written), and
times both over the same messages, round by round in turns, in CPU time (what the process
itself used: it reads true on a busy shared machine). The first round starts with every
per-process cache empty, as a `classify` run does.

`--process` times the whole `mot-coach classify` command instead (start-up, the playbook
cache, every message, output), each round one run per build in turns, in the CPU time the
child process used.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bot.coach import Coach
from bot.commands.classify import classify_record
from bot.core.playbooks import load_playbooks
from bot.core.text import normalise

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def load_lines(files: list[Path], playbooks) -> list[str]:
    lines = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            lines.append(json.dumps({k: row[k] for k in ("id", "text", "messages") if k in row}))
    if not lines:  # no development data here: use the playbooks' examples
        lines = [
            json.dumps({"id": i, "text": t})
            for i, t in enumerate(t for p in playbooks.values() for t in p.matching.examples)
        ]
    return lines


def baseline(line: str) -> str:
    record = json.loads(line)
    text = record.get("text") or " ".join(m["text"] for m in record.get("messages", []))
    return json.dumps({"id": record.get("id"), "normalised": normalise(text)})


def timed(function, lines: list[str]) -> list[float]:
    latencies = []
    clock = time.perf_counter
    for line in lines:
        start = clock()
        function(line)
        latencies.append(clock() - start)
    return latencies


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def classifier_of(tree: Path):
    """`classify` of a source tree's `bot`, imported beside this one's: its modules are loaded
    under their own names, then put aside so that this tree's are found again. Its coach is
    built as `mot-coach classify` builds it (with MOT_CACHE_DIR, like the command)."""
    ours = {
        name: sys.modules.pop(name) for name in list(sys.modules) if name.split(".")[0] == "bot"
    }
    sys.path.insert(0, str(tree))
    try:
        from bot.commands.classify import classify_record as their_record
        from bot.config import Settings as TheirSettings
        from bot.services import matching_coach as their_coach

        coach = their_coach(TheirSettings())
    finally:
        sys.path.remove(str(tree))
        for name in [name for name in sys.modules if name.split(".")[0] == "bot"]:
            del sys.modules[name]
        sys.modules.update(ours)

    def classify(line: str) -> str:
        return json.dumps(their_record(coach, json.loads(line), 0))

    return classify


def cpu_rate(function, lines: list[str]) -> float:
    start = time.process_time()
    for line in lines:
        function(line)
    return len(lines) / (time.process_time() - start)


def versus(before: Path, lines: list[str], rounds: int) -> None:
    """Both builds over the same messages in this process, in turns, in CPU time."""
    here = Path(__file__).resolve().parents[1]
    builds = {"before": classifier_of(before), "this build": classifier_of(here)}
    rates: dict[str, list[float]] = {name: [] for name in builds}
    for round_ in range(rounds):
        order = list(builds) if round_ % 2 == 0 else list(builds)[::-1]
        for name in order:
            rates[name].append(cpu_rate(builds[name], lines))
    print(f"messages: {len(lines)}, {rounds} rounds in turns, messages per CPU-second")
    for name, found in rates.items():
        later = f", later rounds median {statistics.median(found[1:]):,.0f}" if rounds > 1 else ""
        print(f"{name:10s}: first round (caches empty) {found[0]:,.0f}{later}")
    firsts = rates["this build"][0] / rates["before"][0]
    print(f"ratio     : {firsts:.2f}x in the first round", end="")
    if rounds > 1:
        later = statistics.median(rates["this build"][1:]) / statistics.median(rates["before"][1:])
        print(f", {later:.2f}x later", end="")
    print()


def whole_process(trees: dict[str, Path], lines: list[str], rounds: int) -> None:
    """`python -m bot classify` over the messages, one run per build and round, in turns."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "messages.jsonl"
        data.write_text("\n".join(lines) + "\n", encoding="utf-8")
        cpu: dict[str, list[float]] = {name: [] for name in trees}
        for round_ in range(rounds):
            order = list(trees) if round_ % 2 == 0 else list(trees)[::-1]
            for name in order:
                env = {**os.environ, "PYTHONPATH": str(trees[name]), "MOT_CACHE_DIR": folder}
                command = [sys.executable, "-m", "bot", "classify", str(data)]
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                subprocess.run(command, env=env, cwd=folder, check=True, stdout=subprocess.DEVNULL)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu[name].append(
                    after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
                )
    print(f"messages: {len(lines)}, whole `classify` process, {rounds} runs per build in turns")
    print("  (the first run of each build also writes its playbook cache)")
    for name, seconds in cpu.items():
        best = statistics.median(seconds[1:] or seconds)
        print(
            f"{name:10s}: CPU s per run {' / '.join(f'{s:.2f}' for s in seconds)}; "
            f"{len(lines) / best:,.0f} messages per CPU-second ({best / len(lines) * 1e6:.0f} us)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--before", type=Path, help="an older source tree to time beside this")
    parser.add_argument("--process", action="store_true", help="time whole classify runs")
    args = parser.parse_args()
    playbooks = load_playbooks()
    files = args.files or sorted(EVAL.glob("*.jsonl"))
    lines = load_lines(files, playbooks)
    if args.process:
        trees = {"before": args.before.resolve()} if args.before else {}
        whole_process(
            {**trees, "this build": Path(__file__).resolve().parents[1]}, lines, args.rounds
        )
        return
    if args.before:
        versus(args.before.resolve(), lines, args.rounds)
        return
    coach = Coach(playbooks)

    def classify(line: str) -> str:
        return json.dumps(classify_record(coach, json.loads(line), 0))

    classify(lines[0])  # warm caches
    rates, base_rates, cpu_rates, all_latencies = [], [], [], []
    for _ in range(args.rounds):
        cpu_start = time.process_time()
        latencies = timed(classify, lines)
        cpu_rates.append(len(lines) / (time.process_time() - cpu_start))
        base = timed(baseline, lines)
        rates.append(len(lines) / sum(latencies))
        base_rates.append(len(lines) / sum(base))
        all_latencies.extend(latencies)
    rate, base_rate = statistics.median(rates), statistics.median(base_rates)
    print(
        f"messages: {len(lines)} from {len(files) or 'playbook examples'} file(s), "
        f"{args.rounds} rounds, one core"
    )
    print(f"classify : median {rate:,.0f} messages/s")
    # CPU time is what the process itself used: on a busy shared machine it still reads true.
    print(f"cpu time : median {statistics.median(cpu_rates):,.0f} messages per CPU-second")
    print(f"baseline : median {base_rate:,.0f} messages/s (JSON + normalise + JSON)")
    print(f"ratio    : classify costs {base_rate / rate:.1f}x the baseline per message")
    print(
        "latency  : p50 {:.0f} us, p90 {:.0f} us, p99 {:.0f} us, max {:.0f} us".format(
            *(percentile(all_latencies, q) * 1e6 for q in (0.5, 0.9, 0.99, 1.0))
        )
    )


if __name__ == "__main__":
    main()
