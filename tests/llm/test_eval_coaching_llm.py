"""`mot-coach eval-coaching --backend openai`: the model's suggestions, as guarded, are scored."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO
from tests.llm.conftest import PII_TEXT

ROWS = [
    {"id": "dispute", "text": PII_TEXT},
    {
        "id": "thread",
        "messages": [
            {"role": "customer", "text": "You charged me twice this month, $30 both times."},
            {"role": "agent", "text": "Hi Ana, sorry about that, let me look."},
            {"role": "customer", "text": "Please just refund one of them."},
        ],
    },
]


def test_the_backend_named_on_the_command_line_writes_what_is_scored(fake, tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in ROWS) + "\n")
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "MOT_LLM_BACKEND": "offline",  # --backend wins
        "OPENAI_BASE_URL": fake.url,
        "OPENAI_API_KEY": "sk-test",
        "MOT_LLM_MODEL": "fake-model",
    }
    run = subprocess.run(
        [sys.executable, "-m", "bot", "eval-coaching", str(path), "--json", "--backend", "openai"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert len(fake.requests) == 2  # one model call per conversation
    overall = json.loads(run.stdout)["overall"]
    assert overall["sets"] == 2 and overall["suggestions"] == 6
    # the fake's honest suggestions: no claim, no premise; "Ana" is known but never used
    assert overall["claimed"] == overall["premises"] == 0
    assert overall["name_known_sets"] == 1 and overall["name_used_sets"] == 0
    assert overall["reflected_sets"] == 2  # "charged twice": "twice" is an issue word in both
