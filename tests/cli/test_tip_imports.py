"""`mot-coach tip` loads only what a one-off tip needs: read from the real command's own
`python -X importtime` report, which lists every module the process imported."""

import json
import os
import re
import subprocess
import sys

from tests.conftest import EXAMPLES

# Loaded by other commands and by `serve`, never by a tip on the default SQLite log once that
# log exists (the first tip creates it through the Store, with SQLAlchemy and alembic).
NOT_FOR_A_TIP = (
    "sqlalchemy",
    "alembic",
    "aiohttp",
    "yarl",
    "jinja2",
    "openai",
    "httpx",
    "tenacity",
    "botbuilder",
    "slack_bolt",
    "slack_sdk",
    "prometheus_client",
    "yaml",  # the playbooks come from MOT_CACHE_DIR
    "breame",  # British and American spellings: only for a team that set one
    "numpy",  # the language model's: plain English text needs no model
    # no emoji, phone number or national id in this conversation
    "emoji",
    "phonenumbers",
    "stdnum",
)
_IMPORTED = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s*([\w.]+)$", re.MULTILINE)


def _tip(cwd, cache):
    env = {**os.environ, "MOT_CACHE_DIR": str(cache)}
    run = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "bot",
            "tip",
            str(EXAMPLES / "double-charge.txt"),
        ],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout, {name.split(".")[0] for name in _IMPORTED.findall(run.stderr)}


def test_a_tip_imports_no_database_toolkit_web_or_chat_sdk(tmp_path):
    cache = tmp_path / "cache"
    first, first_modules = _tip(tmp_path, cache)  # creates the log and the playbook cache
    kept = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    second, modules = _tip(tmp_path, cache)
    assert second == first
    # playbooks, regex programs, word tables: all read, none built or written again
    assert {path.name: path.stat().st_mtime_ns for path in cache.iterdir()} == kept
    assert {name.split("-")[0] for name in kept} >= {"playbooks", "regexes", "english"}
    assert "bot" in modules and "pydantic_settings" in modules  # the report is read
    assert {"sqlalchemy", "alembic", "yaml"} <= first_modules  # and would show them
    assert sorted(modules & set(NOT_FOR_A_TIP)) == []
    listed = subprocess.run(
        [sys.executable, "-m", "bot", "logs", "list", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert json.loads(listed.stdout)["total"] == 2  # both tips logged, either way
