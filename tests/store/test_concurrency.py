"""Two processes at once, on SQLite and PostgreSQL: concurrent writes and duplicate deliveries."""

import json
import os
import subprocess
import sys
import time

from sqlalchemy import func, select

from bot.store import Store
from bot.store.models import events
from tests.store_helpers import REPO


def _workers(tmp_path, *argvs):
    """Start one worker per argv, release them together, return their JSON answers."""
    start = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.store.worker", *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for argv in argvs
    ]
    deadline = time.monotonic() + 60
    while len(list(tmp_path.glob("ready-*"))) < len(processes):  # all loaded, none started
        assert time.monotonic() < deadline, "workers never got ready"
        assert all(p.poll() is None for p in processes), processes[0].communicate()
        time.sleep(0.01)
    start.touch()
    answers = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        answers.append(json.loads(out.strip().splitlines()[-1]))
    return answers


def test_two_processes_write_concurrently_and_nothing_is_lost(database_url, tmp_path):
    count = 120
    start = str(tmp_path / "go")
    answers = _workers(
        tmp_path,
        ["write", database_url, str(count), "A", start],
        ["write", database_url, str(count), "B", start],
    )
    assert [a["spooled"] for a in answers] == [0, 0]  # every record went straight in
    store = Store(database_url)
    with store.engine.connect() as connection:
        per_channel = dict(
            connection.execute(
                select(events.c.channel, func.count()).group_by(events.c.channel)
            ).all()
        )
        uids = connection.execute(select(func.count(func.distinct(events.c.uid)))).scalar()
    assert per_channel == {"A": count, "B": count}
    assert uids == 2 * count
    store.close()


def test_the_same_delivery_from_a_second_process_is_rejected(database_url, tmp_path):
    keys = tmp_path / "one-key.txt"
    keys.write_text("Ev06ABCDEF\n")
    start = str(tmp_path / "go")
    first = _workers(tmp_path, ["claim", database_url, str(keys), start])[0]
    for path in [tmp_path / "go", *tmp_path.glob("ready-*")]:
        path.unlink()
    second = _workers(tmp_path, ["claim", database_url, str(keys), start])[0]
    assert first == {"won": ["Ev06ABCDEF"]}
    assert second == {"won": []}


def test_racing_processes_claim_each_delivery_exactly_once(database_url, tmp_path):
    keys = [f"Ev{n:05d}" for n in range(200)]
    (tmp_path / "keys.txt").write_text("\n".join(keys))
    start = str(tmp_path / "go")
    a, b = _workers(
        tmp_path,
        ["claim", database_url, str(tmp_path / "keys.txt"), start],
        ["claim", database_url, str(tmp_path / "keys.txt"), start],
    )
    assert not set(a["won"]) & set(b["won"])  # no delivery handled twice
    assert sorted(a["won"] + b["won"]) == keys  # and none dropped
