"""PII redaction on the corpus in tests/core/data/pii_corpus.txt: recall per format, false
positives, and the median cost per message.

    python bench/redaction_recall.py [--baseline PATH_TO_OLD_redact.py] [--rounds 5] [-v]

With --baseline, an older redact.py (e.g. `git show REV:bot/core/redact.py > /tmp/old.py`) is
loaded in the same process and scored and timed next to today's redactor, run twice: as an LLM
request is redacted (no names) and as the log redacts with MOT_LOG_CONTENT=none (names found in
the text by bot.core.names too). The baseline has no names API.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core.names import names_in
from bot.core.redact import Redactor
from tests.core.pii_corpus import load, score


def current(text: str):
    r = Redactor().redact(text, names=names_in([text]))
    return r.text, r.mapping


def current_without_names(text: str):
    r = Redactor().redact(text)
    return r.text, r.mapping


def baseline_from(path: str):
    spec = importlib.util.spec_from_file_location("baseline_redact", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)

    def run(text: str):
        r = module.redact(text)
        return r.text, r.mapping

    return run


def median_us(redact, texts: list[str], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        for text in texts:
            redact(text)
        times.append((time.perf_counter() - started) / len(texts) * 1e6)
    return statistics.median(times)


def report(name: str, redact, cases, args: argparse.Namespace) -> float:
    rounds, verbose = args.rounds, args.verbose
    s = score(redact, cases)
    print(f"== {name}")
    for fmt in sorted(s.total):
        found, total = s.found[fmt], s.total[fmt]
        print(f"  {fmt:16} {found:3}/{total:<3} recall {found / total:.2f}")
    total = sum(s.total.values())
    negatives = sum(1 for c in cases if not c.spans)
    found = sum(s.found.values())
    print(f"  overall recall {found}/{total} = {s.recall:.3f} over {len(s.total)} formats")
    print(f"  false positives {len(s.false_positives)} ({negatives} look-alike lines)")
    if verbose:
        for line in s.missed:
            print("    missed", line)
        for line in s.false_positives:
            print("    false positive", line)
    cost = median_us(redact, [c.text for c in cases], rounds)
    print(f"  median {cost:.1f} us per message ({len(cases)} messages, {rounds} rounds)")
    return cost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="path to an older bot/core/redact.py")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list misses and false positives"
    )
    args = parser.parse_args()
    cases = load()
    base = None
    if args.baseline:
        base = report("baseline", baseline_from(args.baseline), cases, args)
    plain = report("current, no names (as an LLM request)", current_without_names, cases, args)
    now = report("current, with names (as the log with MOT_LOG_CONTENT=none)", current, cases, args)
    if base:
        print(f"cost ratio to baseline: {plain / base:.2f} without names, {now / base:.2f} with")


if __name__ == "__main__":
    main()
