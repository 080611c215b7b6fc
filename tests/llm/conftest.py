from __future__ import annotations

import pytest

from bot.coach import Coach
from bot.config import Settings
from bot.core.conversation import Conversation
from bot.llm.openai_backend import OpenAIBackend
from tests.llm.fake_openai import FakeOpenAI

LLM_ENV = (
    "MOT_LLM_MODEL",
    "MOT_LLM_TIMEOUT",
    "MOT_LLM_BUDGET_SECONDS",
    "MOT_LLM_STREAM_BUDGET_SECONDS",
    "MOT_LLM_MAX_TOKENS",
    "MOT_LLM_TEMPERATURE",
    "MOT_LLM_RETRIES",
    "MOT_LLM_RETRY_BACKOFF",
    "MOT_LLM_RESPONSE_FORMAT",
    "MOT_LLM_CACHE_SECONDS",
    "MOT_LLM_BREAKER_FAILURES",
    "MOT_LLM_BREAKER_RESET_SECONDS",
    "MOT_LLM_PROMPT",
    "MOT_PROMPTS_DIR",
    "AZURE_OPENAI_ENDPOINT",
    "AZURE_OPENAI_API_KEY",
    "AZURE_OPENAI_DEPLOYMENT",
    "OPENAI_API_VERSION",
)
# A billing dispute that carries an email, a phone number and a card number.
EMAIL, PHONE, CARD = "dana.k@example.com", "+1 415 555 0134", "4111 1111 1111 1111"
PII_TEXT = (
    f"Hi, I was charged twice for the same order and I want my money back. Email me at {EMAIL} "
    f"or call {PHONE}. The card you charged is {CARD}."
)


@pytest.fixture(autouse=True)
def _no_llm_env(monkeypatch):
    for name in LLM_ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def fake():
    server = FakeOpenAI()
    yield server
    server.close()


def llm_values(fake: FakeOpenAI, **overrides) -> dict:
    """Settings values for the openai backend pointed at the fake server; fast but realistic
    limits."""
    values = dict(
        mot_llm_backend="openai",
        openai_base_url=fake.url,
        openai_api_key="sk-test",
        mot_llm_model="fake-model",
        mot_llm_timeout=1.0,
        mot_llm_budget_seconds=2.5,
        mot_llm_retry_backoff=0.01,
        mot_llm_cache_seconds=0,
    )
    return values | overrides


def llm_settings(fake: FakeOpenAI, **overrides) -> Settings:
    return Settings(**llm_values(fake, **overrides))


@pytest.fixture
def make_coach(fake, playbooks):
    def build(backend_class=OpenAIBackend, **overrides) -> Coach:
        backend = backend_class(llm_settings(fake, **overrides))
        return Coach(playbooks, backend=backend)

    return build


@pytest.fixture
def dispute() -> Conversation:
    return Conversation.from_text(PII_TEXT, id="T-dispute")
