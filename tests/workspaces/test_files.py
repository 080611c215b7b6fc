"""MOT_WORKSPACES_DIR: one YAML file per workspace, validated with errors naming file and field;
a workspace's settings applied over the environment's, field by field."""

from pathlib import Path

import pytest

from bot.config import Settings
from bot.core.knowledge import Knowledge
from bot.messages import UserError
from bot.web.app import create_app
from bot.workspaces import WorkspaceError, WorkspaceKey, effective, load_workspace_dir

ACME = """
channel: slack
workspace: T_ACME
name: Acme
support_channels: C_ACME, help-acme
agents: [U_ANA]
on_call: C_ACME=U_ONCALL, *=U_BACKUP
knowledge:
  facts: {refund_time: within 3 working days}
  voice: {formality: formal}
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_workspace_file_overrides_the_environment_field_by_field(tmp_path):
    write(tmp_path / "ws", "acme.yaml", ACME)
    [(key, settings)] = load_workspace_dir(tmp_path / "ws").items()
    assert key == WorkspaceKey("slack", "T_ACME") and settings.name == "Acme"
    base = Settings(mot_support_channels=["C_ENV"], mot_leads=["U_LEAD"], mot_leads_channel="C_L")
    env_knowledge = Knowledge.model_validate(
        {"facts": {"delivery_time": "2 days"}, "voice": {"sign_off": "Team"}}
    )
    applied = effective(base, env_knowledge, settings)
    assert applied.settings.mot_support_channels == ["C_ACME", "help-acme"]
    assert applied.settings.mot_agents == ["U_ANA"]
    assert applied.settings.mot_on_call == {"C_ACME": "U_ONCALL", "*": "U_BACKUP"}
    assert applied.settings.mot_leads == ["U_LEAD"]  # not overridden: the environment's
    assert applied.settings.mot_leads_channel == {"*": "C_L"}
    facts = applied.knowledge.facts.known()
    assert facts == {"refund_time": "within 3 working days", "delivery_time": "2 days"}
    assert applied.knowledge.voice.formality == "formal"
    assert applied.knowledge.voice.sign_off == "Team"
    assert base.mot_support_channels == ["C_ENV"]  # the environment itself is untouched


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("channel: slack\nworkspace: T1\nagentz: [U1]\n", "agentz: Extra inputs are not permitted"),
        ("channel: discord\nworkspace: T1\n", "channel: Input should be 'slack' or 'teams'"),
        ("channel: slack\n", "workspace: Field required"),
        (
            "channel: teams\nworkspace: t1\nknowledge: {voice: {formality: loud}}\n",
            "knowledge.voice.formality",
        ),
        (
            "channel: slack\nworkspace: T1\nknowledge: {facts: {status_page: nope}}\n",
            "knowledge.facts.status_page",
        ),
        ("channel: slack\nworkspace: T1\nplaybooks_dir: missing\n", "playbooks_dir:"),
        ("channel: [slack\n", "not valid YAML"),
        ("- slack\n", "(top level): expected a mapping"),
    ],
)
def test_a_broken_workspace_file_is_a_clear_error(tmp_path, text, problem):
    path = write(tmp_path / "ws", "broken.yaml", text)
    with pytest.raises(WorkspaceError) as caught:
        load_workspace_dir(tmp_path / "ws")
    assert any(p.startswith(f"{path}: ") and problem in p for p in caught.value.problems), (
        caught.value.problems
    )


def test_two_files_for_one_workspace_are_an_error(tmp_path):
    write(tmp_path / "ws", "a.yaml", "channel: teams\nworkspace: tenant-1\n")
    write(tmp_path / "ws", "b.yaml", "channel: teams\nworkspace: tenant-1\nname: B\n")
    with pytest.raises(WorkspaceError, match=r"teams:tenant-1 is configured in .*a\.yaml too"):
        load_workspace_dir(tmp_path / "ws")


def test_serve_refuses_to_start_with_a_broken_workspace_file(tmp_path):
    path = write(tmp_path / "ws", "acme.yaml", "channel: slack\nworkspace: T1\nleads: 5\n")
    settings = Settings(
        mot_database_url=f"sqlite:///{tmp_path}/log.db", mot_workspaces_dir=tmp_path / "ws"
    )
    with pytest.raises(UserError) as caught:
        create_app(settings)
    assert "MOT_WORKSPACES_DIR" in str(caught.value)
    assert f"{path}: leads: Input should be a valid list" in str(caught.value)


def test_playbooks_dir_is_relative_to_the_workspace_file(tmp_path):
    (tmp_path / "ws" / "acme-playbooks").mkdir(parents=True)
    write(tmp_path / "ws", "acme.yaml", ACME + "playbooks_dir: acme-playbooks\n")
    [settings] = load_workspace_dir(tmp_path / "ws").values()
    assert settings.playbooks_dir == (tmp_path / "ws" / "acme-playbooks").resolve()


def test_workspaces_validate_reports_every_problem(tmp_path):
    import subprocess
    import sys

    from tests.conftest import REPO

    folder = tmp_path / "ws"
    write(folder, "acme.yaml", ACME)
    command = [sys.executable, "-m", "bot", "workspaces", "validate", str(folder)]
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    ok = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert "slack:T_ACME: support_channels, agents, on_call, knowledge" in ok.stdout
    bad = write(folder, "bad.yaml", "channel: teams\nworkspace: t1\nleads: 5\nextra: 1\n")
    failed = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert failed.returncode == 1
    assert f"{bad}: leads: Input should be a valid list" in failed.stderr
    assert f"{bad}: extra: Extra inputs are not permitted" in failed.stderr
