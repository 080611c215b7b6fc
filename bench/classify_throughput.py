"""Throughput and latency of `classify`, one message at a time, on one core.

    python bench/classify_throughput.py [--rounds 5] [FILE ...]

Default input: the development files in ../shared/eval/ (falls back to the playbooks' own
examples where that folder is absent). Each message goes through exactly what `mot-coach
classify` does per line: JSON parse, matching, escalation, JSON output. Beside it runs a
baseline in the same process (JSON parse + text normalisation + JSON output, the floor any
classifier pays), so the ratio stays meaningful on a noisy shared machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    playbooks = load_playbooks()
    files = args.files or sorted(EVAL.glob("*.jsonl"))
    lines = load_lines(files, playbooks)
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
