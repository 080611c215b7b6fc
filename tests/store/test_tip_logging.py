"""Every `mot-coach tip` is logged, on the embedded SQLite default in the working directory."""

import json
import os
import subprocess
import sys

from tests.conftest import EXAMPLES


def _mot(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=os.environ,
        timeout=60,
    )


def test_every_tip_is_logged_with_a_redacted_excerpt(tmp_path):
    first = _mot("tip", str(EXAMPLES / "double-charge.txt"), cwd=tmp_path)
    second = _mot("tip", str(EXAMPLES / "tense-escalation.txt"), "--json", cwd=tmp_path)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert (tmp_path / "mot-coach.db").is_file()
    listed = json.loads(_mot("logs", "list", "--json", cwd=tmp_path).stdout)
    assert listed["total"] == 2
    assert {e["channel_kind"] for e in listed["events"]} == {"cli"}
    assert {e["trigger"] for e in listed["events"]} == {"command"}
    newest = listed["events"][0]
    assert newest["playbook"] == json.loads(second.stdout)["playbook"]
    shown = _mot("logs", "show", str(newest["id"]), "--json", cwd=tmp_path)
    event = json.loads(shown.stdout)
    assert event["content_mode"] == "redacted" and event["excerpt"]
    assert len(event["suggestions"]) == 3
