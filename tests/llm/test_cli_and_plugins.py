"""End to end through the `mot-coach` command in a subprocess, and plugin backends: one from a
real installed distribution's entry point, one registered in-process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.coach import Coach
from bot.core.rubric import check
from bot.llm import registry
from bot.llm.base import Backend, Suggestion
from tests.llm.conftest import CARD, EMAIL, PHONE, PII_TEXT
from tests.llm.fake_openai import GOOD_SUGGESTIONS, Reply

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "double-charge.txt"
CLEARED = ("MOT_", "OPENAI_", "AZURE_", "SLACK_", "Microsoft")


def mot_coach(*args: str, env: dict[str, str], cwd: Path, stdin: str | None = None):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(CLEARED)}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        # this checkout's bot/, not whichever one the shared venv's editable install points at
        env={
            **clean,
            **env,
            "PYTHONPATH": os.pathsep.join(
                filter(None, [env.get("PYTHONPATH"), str(EXAMPLE.parents[1])])
            ),
        },
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_tip_end_to_end_with_an_openai_compatible_server(fake, tmp_path):
    env = {"MOT_LLM_BACKEND": "openai", "OPENAI_BASE_URL": fake.url, "MOT_LLM_MODEL": "m"}
    done = mot_coach("tip", str(EXAMPLE), "--json", env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["backend"] == "openai" and result["fallback"] is False
    assert [s["text"] for s in result["suggestions"]] == [s["text"] for s in GOOD_SUGGESTIONS]
    assert (result["prompt_id"], result["prompt_version"], result["model"]) == ("suggest", 2, "m")
    assert result["usage"]["total_tokens"] == 444
    assert len(fake.requests) == 1 and fake.requests[0].headers["authorization"]
    text = mot_coach("tip", str(EXAMPLE), env=env, cwd=tmp_path)
    assert "Suggested replies (openai):" in text.stdout
    assert GOOD_SUGGESTIONS[0]["text"][:40] in " ".join(text.stdout.split())


def test_tip_with_a_hanging_server_answers_offline_within_the_budget(fake, tmp_path):
    fake.default = Reply(latency=60)
    env = {
        "MOT_LLM_BACKEND": "openai",
        "OPENAI_BASE_URL": fake.url,
        "MOT_LLM_MODEL": "m",
        "MOT_LLM_BUDGET_SECONDS": "1",
        "MOT_LLM_TIMEOUT": "0.6",
    }
    done = mot_coach("tip", "-", "--json", env=env, cwd=tmp_path, stdin=PII_TEXT)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["fallback"] is True and result["backend"] == "offline"
    assert "MOT_LLM_TIMEOUT" in result["fallback_reason"]
    assert result["backend_latency_ms"] < 1500
    assert len(result["suggestions"]) == 3 and "Traceback" not in done.stderr


@pytest.mark.parametrize("command", [["tip", str(EXAMPLE)], ["serve", "--port", "0"]])
def test_a_missing_key_stops_start_up_with_one_line_naming_it(tmp_path, command):
    done = mot_coach(*command, env={"MOT_LLM_BACKEND": "openai"}, cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "OPENAI_API_KEY is not set" in lines[0], done.stderr


def test_backends_list_shows_what_is_missing(tmp_path):
    done = mot_coach("backends", "list", env={"MOT_LLM_BACKEND": "azure"}, cwd=tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    rows = {
        line.split()[1] if line.startswith("*") else line.split()[0]: line
        for line in done.stdout.splitlines()
    }
    assert rows["azure"].startswith("*") and "AZURE_OPENAI_ENDPOINT is not set" in rows["azure"]
    assert "OPENAI_API_KEY is not set" in rows["openai"]
    assert "ready" in rows["offline"]


PLUGIN = '''
import json, urllib.request
from bot.llm.base import Backend, Suggestion

class EchoBackend(Backend):
    """A third-party backend: its own HTTP call to the server named by OPENAI_BASE_URL."""
    name = "echo"

    def configuration_problems(self):
        return [] if self.settings.openai_base_url else ["OPENAI_BASE_URL is not set"]

    def suggest(self, request):
        body = json.dumps({"model": "echo", "messages": [
            {"role": "user", "content": m.text} for m in request.conversation.messages]})
        req = urllib.request.Request(self.settings.openai_base_url + "/chat/completions",
            data=body.encode(), headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=5) as answer:
            content = json.load(answer)["choices"][0]["message"]["content"]
        return [Suggestion(s["text"], s["why"], source=self.name)
                for s in json.loads(content)["suggestions"]]
'''


def install_plugin(site: Path) -> None:
    """A real distribution on the path, with its entry point in `mot_coach.backends`."""
    (site / "mot_echo_plugin.py").write_text(textwrap.dedent(PLUGIN))
    info = site / "mot_echo_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: mot-echo-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[mot_coach.backends]\necho = mot_echo_plugin:EchoBackend\n"
    )


def test_an_installed_plugin_is_listed_used_and_guarded(fake, tmp_path):
    install_plugin(tmp_path)
    env = {"PYTHONPATH": str(tmp_path), "OPENAI_BASE_URL": fake.url}
    listed = mot_coach("backends", "list", env=env, cwd=tmp_path)
    assert any(
        line.split()[0] == "echo" and "ready" in line and "mot_echo_plugin:EchoBackend" in line
        for line in listed.stdout.splitlines()
    ), listed.stdout
    done = mot_coach(
        "tip", "-", "--json", "--backend", "echo", env=env, cwd=tmp_path, stdin=PII_TEXT
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["backend"] == "echo" and not result["fallback"]
    assert [s["source"] for s in result["suggestions"]] == ["echo"] * 3
    sent = fake.requests[0].body.decode()
    assert "charged twice" in sent
    assert EMAIL not in sent and PHONE not in sent and CARD not in sent and "[CARD_1]" in sent


def test_a_broken_plugin_gives_one_clear_line(tmp_path):
    install_plugin(tmp_path)
    (tmp_path / "mot_echo_plugin.py").write_text("raise ImportError('needs foo')\n")
    done = mot_coach(
        "tip", str(EXAMPLE), "--backend", "echo", env={"PYTHONPATH": str(tmp_path)}, cwd=tmp_path
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "backend 'echo' could not be loaded" in done.stderr and "needs foo" in done.stderr


class InProcess(Backend):
    name = "in-process"

    def suggest(self, request):
        return [Suggestion(s["text"], s["why"], source=self.name) for s in GOOD_SUGGESTIONS]


def test_a_backend_registered_in_process_goes_through_the_same_registry(playbooks, dispute):
    registry.register("in-process", InProcess)
    try:
        assert registry.available()["in-process"].endswith(":InProcess")
        backend = registry.create_backend("in-process")
        result = Coach(playbooks, backend=backend).coach(dispute)
    finally:
        registry._registered.pop("in-process")
    assert result.backend == "in-process" and not result.fallback
    assert all(check(s.text, result.assessment.playbook).passed for s in result.suggestions)
