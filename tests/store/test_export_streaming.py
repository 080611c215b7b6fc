"""`mot-coach logs export` streams: exporting 50 MB of log costs about as much memory as 1 MB.

Measured as the peak RSS (VmHWM) of the real command, which also counts what a database driver
buffers in C (e.g. libpq without a server-side cursor), not only Python objects.
"""

import os
import subprocess
import sys

from tests.store_helpers import event_row

BIG, SMALL = 12_000, 300
TEXT = "My parcel is late again and nobody answers. " * 110  # about 5 kB per event
# VmHWM: this process's own peak (ru_maxrss would carry over the forking parent's).
_MEASURE = (
    "import re, sys\nfrom bot.cli import main\ncode = main(sys.argv[1:])\n"
    "status = open('/proc/self/status').read()\n"
    "print(re.search(r'VmHWM:\\s+(\\d+)', status)[1], file=sys.stderr)\n"
    "sys.exit(code)"
)


def _peak_kb(url: str, *args: str) -> int:
    run = subprocess.run(
        [sys.executable, "-c", _MEASURE, "logs", "export", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "MOT_DATABASE_URL": url},
    )
    assert run.returncode == 0, run.stderr
    return int(run.stderr.strip().splitlines()[-1])


def test_export_memory_stays_flat(store, database_url, tmp_path):
    excerpt = [{"role": "customer", "text": TEXT, "author": "U0CUST"}]
    for start in range(0, BIG, 4000):
        store.insert_events(
            [
                event_row(excerpt=excerpt, playbook="praise" if n < SMALL else "order-status")
                for n in range(start, start + 4000)
            ]
        )
    for fmt in ("jsonl", "csv"):
        out_small, out_big = tmp_path / f"small.{fmt}", tmp_path / f"big.{fmt}"
        small = _peak_kb(
            database_url, "--format", fmt, "--playbook", "praise", "-o", str(out_small)
        )
        big = _peak_kb(database_url, "--format", fmt, "-o", str(out_big))
        assert out_big.stat().st_size > 50_000_000  # the whole log went out
        assert out_big.read_bytes().count(b"\n") >= BIG
        assert big - small < 30_000, f"{fmt}: export peak grew by {big - small} kB"
