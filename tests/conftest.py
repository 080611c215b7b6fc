from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.core.playbooks import load_playbooks
from tests.store_helpers import fresh_database_url

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
EVAL_DIR = REPO.parent / "shared" / "eval"


def eval_rows(name: str) -> list[dict]:
    """Rows of a development file in ../shared/eval; skips the test where it is absent."""
    path = EVAL_DIR / name
    if not path.is_file():
        pytest.skip(f"{path} is not here (development data is not shipped)")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def coaching_rows(name: str) -> list[dict]:
    """The rows of a fixture of conversations in examples/coaching/ (`name`: "lead.jsonl")."""
    text = (EXAMPLES / "coaching" / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def coach_rows(coach, rows: list[dict]) -> dict[str, tuple]:
    """Each row's (row, conversation, result) by id, coached as `/mot-tip` asks."""
    from bot.commands.inputs import conversation_from_record

    out = {}
    for row in rows:
        conversation = conversation_from_record(row, row["id"])
        out[row["id"]] = (row, conversation, coach.coach(conversation, trigger="command"))
    return out


def assert_three_honest(result, conversation) -> None:
    """A set of three suggestions, each keeping the hard rules (`assert_honest`)."""
    texts = [s.text for s in result.suggestions]
    assert len(texts) == 3, texts
    assert_honest(texts, conversation)


def coach_messages(coach, *turns: tuple[str, str], id: str = "t"):
    """(conversation, result) for (role, text) turns, coached as `/mot-tip` asks."""
    from bot.core.conversation import Conversation, Message

    conversation = Conversation(id, [Message(role=role, text=text) for role, text in turns])
    return conversation, coach.coach(conversation, trigger="command")


def coach_turns(coach, *texts: str, id: str = "t"):
    """(conversation, result) for turns that alternate customer, agent, customer ..."""
    roles = ("customer", "agent")
    return coach_messages(coach, *((roles[i % 2], t) for i, t in enumerate(texts)), id=id)


def said_in(result) -> str:
    """Every suggestion of a result, in lower case, as one text."""
    return " ".join(s.text for s in result.suggestions).lower()


def assert_honest(texts: list[str], conversation) -> None:
    """The hard rules on a suggestion set: no two openers alike; in each suggestion no claimed
    action, no unstated premise, one apology at most."""
    from bot.core import reply_checks as checks

    assert checks.repeated_openers(texts) == [], texts
    for text in texts:
        assert checks.claimed_actions(text, conversation) == [], text
        assert checks.premise_violations(text, conversation) == [], text
        assert checks.apologies(text) <= 1, text


@pytest.fixture(scope="session")
def playbooks():
    return load_playbooks()


@pytest.fixture(scope="module")
def coach(playbooks):
    """A Coach on the built-in playbooks, one per test module (a module may define its own)."""
    from bot.coach import Coach

    return Coach(playbooks)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path):
    """Tests never read the developer's .env or write a database into the repo."""
    monkeypatch.chdir(tmp_path)
    for name in (
        "MOT_LLM_BACKEND",
        "MOT_PLAYBOOKS_DIR",
        "MOT_KNOWLEDGE_FILE",
        "MOT_DATABASE_URL",
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET",
        "SLACK_APP_TOKEN",
        "SLACK_CLIENT_ID",
        "SLACK_CLIENT_SECRET",
        "SLACK_SCOPES",
        "SLACK_REDIRECT_URI",
        "MOT_TOKEN_KEY",
        "MOT_UNINSTALL_LOG",
        "MicrosoftAppId",
        "MicrosoftAppPassword",
        "MOT_SUPPORT_CHANNELS",
        # the suggestion log and the dashboard
        "MOT_LOG_CONTENT",
        "MOT_SPOOL_PATH",
        "MOT_RETENTION_DAYS",
        "MOT_DASHBOARD_USERS",
        "MOT_DASHBOARD_SCOPES",
        "MOT_DASHBOARD_SECRET",
        "MOT_TRUSTED_PROXIES",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """An empty database, once on SQLite and once on PostgreSQL (skipped where it is unset)."""
    url, cleanup = fresh_database_url(request.param, tmp_path)
    yield url
    cleanup()
