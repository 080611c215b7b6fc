"""Azure OpenAI: the OpenAI backend with Azure's client, endpoint, deployment and api-version."""

from __future__ import annotations

import openai

from bot.llm.openai_backend import OpenAIBackend, url_problem


class AzureOpenAIBackend(OpenAIBackend):
    name = "azure"
    key_setting, model_setting = "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_DEPLOYMENT"

    def configuration_problems(self) -> list[str]:
        s = self.settings
        required = {
            "AZURE_OPENAI_ENDPOINT": s.azure_openai_endpoint,
            "AZURE_OPENAI_API_KEY": s.azure_openai_api_key,
            "AZURE_OPENAI_DEPLOYMENT": s.azure_openai_deployment,
            "OPENAI_API_VERSION": s.openai_api_version,
        }
        problems = [f"{name} is not set" for name, value in required.items() if not value]
        problems += url_problem(s.azure_openai_endpoint, "AZURE_OPENAI_ENDPOINT")
        return self._warm_when_ready(problems + self._prompt_problems())

    @property
    def model(self) -> str:
        return self.settings.azure_openai_deployment or ""

    def make_client(self) -> openai.OpenAI:
        s = self.settings
        return openai.AzureOpenAI(
            azure_endpoint=s.azure_openai_endpoint,
            azure_deployment=s.azure_openai_deployment,
            api_version=s.openai_api_version,
            api_key=s.azure_openai_api_key,
            timeout=s.mot_llm_timeout,
            max_retries=0,
        )
