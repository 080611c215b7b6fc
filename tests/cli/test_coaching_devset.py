"""bench/coaching_devset.py: the eval-coaching development set, built where the data lies."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import EVAL_DIR, REPO, eval_rows

SCRIPT = REPO / "bench" / "coaching_devset.py"


def _devset(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120
    )


def _fake_eval_dir(tmp_path):
    folder = tmp_path / "eval"
    folder.mkdir()
    thread = [{"role": "customer", "text": "where is my parcel"}, {"role": "agent", "text": "hi"}]
    (folder / "escalate-zuters-dev.jsonl").write_text(
        "\n".join(
            json.dumps({"id": f"z-{i}", "messages": thread, "escalate": True}) for i in range(3)
        )
    )
    for name in ("banking77", "bitext", "clinc150"):
        rows = [{"id": f"{name}-{i}", "text": f"message {i}", "source": name} for i in range(10)]
        (folder / f"match-{name}.jsonl").write_text("\n".join(map(json.dumps, rows)))
    return folder


def test_every_thread_and_a_fixed_sample_of_each_match_file(tmp_path):
    folder = _fake_eval_dir(tmp_path)
    first = _devset("--eval-dir", str(folder), "--per-file", "4")
    again = _devset("--eval-dir", str(folder), "--per-file", "4")
    other_seed = _devset("--eval-dir", str(folder), "--per-file", "4", "--seed", "11")
    assert first.returncode == 0, first.stderr
    rows = [json.loads(line) for line in first.stdout.splitlines()]
    assert [r["id"] for r in rows[:3]] == ["z-0", "z-1", "z-2"]
    assert [r["industry"] for r in rows].count("bitext") == 4 and len(rows) == 3 + 3 * 4
    assert first.stdout == again.stdout != other_seed.stdout
    assert all("playbook" not in r and "escalate" not in r for r in rows)  # no labels carried


def test_without_the_data_it_says_so_and_builds_nothing(tmp_path):
    run = _devset("--eval-dir", str(tmp_path / "absent"))
    assert run.returncode == 0 and run.stdout == ""
    assert "development data not here" in run.stderr


def test_the_real_development_set_has_every_zuters_row():
    threads = eval_rows("escalate-zuters-dev.jsonl")  # skips where ../shared/eval is absent
    run = _devset("--eval-dir", str(EVAL_DIR))
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(rows) == len(threads) + 3 * 150
