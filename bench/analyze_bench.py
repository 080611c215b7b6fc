"""`mot-coach analyze` on a generated file of past transcripts: throughput and peak memory.

    python bench/analyze_bench.py [--messages 1000000] [--format jsonl|csv] [--keep FILE]

Writes MESSAGES messages (conversations of 2 to 8 messages over 90 days, customers' words from
the playbooks' own examples, some threads heating up) to a temporary file, runs `python -m bot
analyze FILE --json` on it in a child process, and prints the wall time, messages per second and
the child's peak RSS (ru_maxrss). The file's size does not change the memory: only the open
conversations, a few heaps and the bounded phrase counters are kept.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bot.core.playbooks import load_playbooks

REPO = Path(__file__).resolve().parents[1]
START = 1_700_000_000  # 2023-11-14
AGENT_LINES = (
    "Thanks for getting in touch, let me look into this for you.",
    "I'm sorry about that. Could you share your order number?",
    "I've passed this to the team and will update you by email.",
    "I can see the problem on our side; I'll fix it today.",
)
HEATED = (
    "This is the third time I'm asking and nobody has fixed it!",
    "Unacceptable. I want to speak to a manager right now.",
    "If this isn't sorted today I'm cancelling and telling everyone.",
    "Still waiting. Nobody has replied for two days.",
)
CALM = ("Thanks, that's helpful.", "OK, I'll wait for your email.", "Great, it works now!")


def conversations(total_messages: int, rng: random.Random):
    openers = [e for p in load_playbooks().values() for e in p.matching.examples]
    written, number = 0, 0
    while written < total_messages:
        number += 1
        size = min(rng.randint(2, 8), total_messages - written)
        ts = START + rng.randint(0, 90 * 86_400)
        heated = rng.random() < 0.2
        messages = []
        for index in range(size):
            if index % 2 == 0:
                text = rng.choice(openers) if index == 0 else rng.choice(HEATED if heated else CALM)
                role = "customer"
            else:
                text, role = rng.choice(AGENT_LINES), "agent"
            ts += rng.randint(30, 4 * 3600)
            messages.append({"role": role, "text": text, "ts": ts})
        written += size
        yield {"id": f"c{number}", "messages": messages}


def write(path: Path, total: int, fmt: str) -> int:
    rng, count = random.Random(14), 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle) if fmt == "csv" else None
        if writer:
            writer.writerow(["conversation_id", "timestamp", "role", "text"])
        for conversation in conversations(total, rng):
            count += 1
            if writer:
                for m in conversation["messages"]:
                    writer.writerow([conversation["id"], m["ts"], m["role"], m["text"]])
            else:
                handle.write(json.dumps(conversation) + "\n")
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument("--keep", help="write the generated file here and keep it")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="analyze-bench-")
    path = Path(args.keep or Path(folder) / f"transcripts.{args.format}")
    began = time.perf_counter()
    count = write(path, args.messages, args.format)
    size = path.stat().st_size
    print(
        f"generated {args.messages:,} messages in {count:,} conversations, "
        f"{size / 2**20:.0f} MiB, in {time.perf_counter() - began:.0f} s"
    )
    out = Path(folder) / "report.json"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot", "analyze", str(path), "--json", "-q", "-o", str(out)],
        check=True,
        env=env,
    )
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    report = json.loads(out.read_text())
    print(
        f"analyze: {report['conversations']:,} conversations, {report['messages']:,} "
        f"messages in {seconds:.0f} s: {report['messages'] / seconds:,.0f} messages/s, "
        f"{size / 2**20 / seconds:.2f} MiB/s; peak RSS {peak:.0f} MiB"
    )
    if not args.keep:
        path.unlink()


if __name__ == "__main__":
    main()
