"""Azure OpenAI against the same fake server, and the start-up checks of every backend."""

from __future__ import annotations

import pytest

from bot.coach import Coach
from bot.config import Settings
from bot.llm.azure_backend import AzureOpenAIBackend
from bot.llm.base import BackendError
from bot.llm.registry import available, create_backend
from tests.llm.conftest import CARD, EMAIL
from tests.llm.fake_openai import GOOD_SUGGESTIONS, Reply


def azure_settings(fake, **overrides) -> Settings:
    values = dict(
        mot_llm_backend="azure",
        azure_openai_endpoint=fake.root,
        azure_openai_api_key="azure-key",
        azure_openai_deployment="coach-dep",
        openai_api_version="2024-10-21",
        mot_llm_timeout=1.0,
        mot_llm_retry_backoff=0.01,
    )
    values.update(overrides)
    return Settings(**values)


def test_azure_calls_the_deployment_path_with_its_key_and_api_version(fake, playbooks, dispute):
    backend = create_backend("azure", azure_settings(fake))
    assert isinstance(backend, AzureOpenAIBackend)
    result = Coach(playbooks, backend=backend).coach(dispute)
    assert not result.fallback and result.backend == "azure"
    assert [s.text for s in result.suggestions] == [s["text"] for s in GOOD_SUGGESTIONS]
    sent = fake.requests[0]
    assert sent.path == "/openai/deployments/coach-dep/chat/completions"
    assert sent.query == {"api-version": ["2024-10-21"]}
    assert sent.headers["api-key"] == "azure-key" and "authorization" not in sent.headers
    assert EMAIL not in sent.body.decode() and CARD not in sent.body.decode()
    assert result.to_dict()["model"] == "coach-dep"


def test_azure_faults_fall_back_like_any_backend(fake, playbooks, dispute):
    fake.default = Reply.rate_limited("60")
    backend = create_backend("azure", azure_settings(fake))
    result = Coach(playbooks, backend=backend).coach(dispute)
    assert result.fallback and "Retry-After" in result.fallback_reason


def test_azure_streams_too(fake, playbooks, dispute):
    drafts = []
    backend = create_backend("azure", azure_settings(fake))
    result = Coach(playbooks, backend=backend).coach(dispute, on_draft=drafts.append)
    assert drafts and not result.fallback
    assert fake.requests[0].json["stream"] is True


@pytest.mark.parametrize(
    ("name", "values", "says"),
    [
        ("openai", {}, "OPENAI_API_KEY is not set"),
        ("openai", {"openai_base_url": "http://localhost:11434/v1"}, "MOT_LLM_MODEL is not set"),
        (
            "openai",
            {"openai_base_url": "localhost:11434", "mot_llm_model": "m"},
            "OPENAI_BASE_URL must start with http:// or https://",
        ),
        ("openai", {"openai_api_key": "k", "mot_llm_prompt": "nope"}, "MOT_LLM_PROMPT"),
        ("azure", {"azure_openai_api_key": "k"}, "AZURE_OPENAI_ENDPOINT is not set"),
        (
            "azure",
            {"azure_openai_endpoint": "https://x.openai.azure.com"},
            "AZURE_OPENAI_API_KEY is not set; AZURE_OPENAI_DEPLOYMENT is not set",
        ),
        (
            "azure",
            {
                "azure_openai_endpoint": "x.openai.azure.com",
                "azure_openai_api_key": "k",
                "azure_openai_deployment": "d",
            },
            "AZURE_OPENAI_ENDPOINT must start with",
        ),
        ("mystery", {}, "unknown backend 'mystery' (MOT_LLM_BACKEND); installed backends:"),
    ],
)
def test_a_misconfigured_backend_is_refused_naming_the_setting(name, values, says):
    with pytest.raises(BackendError) as error:
        create_backend(name, Settings(**values))
    assert says in str(error.value)


def test_a_local_server_needs_no_key(fake):
    backend = create_backend("openai", Settings(openai_base_url=fake.url, mot_llm_model="llama3"))
    assert backend.configuration_problems() == [] and backend.model == "llama3"


def test_openai_itself_defaults_to_a_model():
    backend = create_backend("openai", Settings(openai_api_key="sk-x"))
    assert backend.model == "gpt-4o-mini"


def test_the_built_in_backends_are_entry_points():
    found = available()
    assert found["openai"] == "bot.llm.openai_backend:OpenAIBackend"
    assert found["azure"] == "bot.llm.azure_backend:AzureOpenAIBackend"


@pytest.mark.parametrize(
    ("env", "value"),
    [
        ("MOT_LLM_RESPONSE_FORMAT", "xml"),
        ("MOT_LLM_BUDGET_SECONDS", "0"),
        ("MOT_LLM_RETRIES", "-1"),
        ("MOT_LLM_TIMEOUT", "soon"),
    ],
)
def test_bad_llm_settings_are_rejected_by_name(monkeypatch, env, value):
    from pydantic import ValidationError

    monkeypatch.setenv(env, value)
    with pytest.raises(ValidationError, match=env.lower()):
        Settings()


def test_blank_settings_from_env_example_count_as_unset(monkeypatch):
    for env in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT", "MOT_PROMPTS_DIR"):
        monkeypatch.setenv(env, "")
    settings = Settings()
    assert settings.openai_api_key is None and settings.openai_base_url is None
    assert settings.azure_openai_endpoint is None and settings.mot_prompts_dir is None
