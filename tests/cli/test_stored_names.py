"""With MOT_LOG_CONTENT=none the log keeps suggestions but not the customer's name filled into
them (issue 11, finding 8), run as a user runs it: `mot-coach tip`, then `mot-coach logs export`."""

import json

import pytest

from tests.cli.test_cli import mot

CONVERSATION = (
    b"Customer: Hi, my name is Priya Sharma. My parcel is two weeks late and nobody answers!\n"
    b"Agent: Hi Priya, let me check that for you.\n"
)


def _logged_suggestions(tmp_path, mode: str) -> list[str]:
    env = {"MOT_DATABASE_URL": f"sqlite:///{tmp_path / 'log.db'}", "MOT_LOG_CONTENT": mode}
    tip = mot("tip", "-", stdin=CONVERSATION, env=env)
    assert tip.returncode == 0, tip.stderr.decode()
    assert "Priya" in tip.stdout.decode()  # the agent still sees the name
    export = mot("logs", "export", "--format", "jsonl", env=env)
    assert export.returncode == 0, export.stderr.decode()
    (row,) = [json.loads(line) for line in export.stdout.decode().splitlines()]
    return [s["text"] for s in row["suggestions"]]


def test_names_in_stored_suggestions_are_redacted_when_content_logging_is_off(tmp_path):
    texts = _logged_suggestions(tmp_path, "none")
    assert len(texts) == 3
    assert not any("Priya" in t or "Sharma" in t for t in texts), texts
    assert any("[NAME_1]" in t for t in texts), texts


@pytest.mark.parametrize("mode", ["full", "redacted"])
def test_other_modes_keep_the_name(tmp_path, mode):
    texts = _logged_suggestions(tmp_path, mode)
    assert any("Priya" in t for t in texts), texts
