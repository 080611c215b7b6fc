"""A non-English conversation through the OpenAI-wire backend (the local fake server): the
prompt asks for replies in the customer's language, and replies in it reach the agent."""

from __future__ import annotations

import json

from bot.coach import Coach
from bot.core.conversation import Conversation
from bot.llm.openai_backend import OpenAIBackend
from tests.llm.conftest import llm_settings
from tests.llm.fake_openai import Reply

SPANISH = Conversation.from_text(
    "Customer: Me cobraron dos veces el mismo pedido y quiero un reembolso, esto es inaceptable.",
    id="T-es",
)
SPANISH_SUGGESTIONS = [
    {
        "text": "Siento mucho el doble cargo. Voy a revisar los dos pagos ahora y, en cuanto "
        "confirme el duplicado, le devolveré el importe.",
        "why": "Owning the double charge and naming the next step rebuilds trust.",
    },
    {
        "text": "Tiene toda la razón en reclamar este cargo; lo reviso ahora mismo y le "
        "escribo hoy con lo que encuentre.",
        "why": "Agreeing the customer is right to ask, with a time, shows respect.",
    },
    {
        "text": "Gracias por avisarnos del cobro duplicado. Me encargo yo de revisarlo y de "
        "que reciba su dinero.",
        "why": "One named owner for the fix means they do not have to chase.",
    },
]


def coach(fake, playbooks) -> Coach:
    return Coach(playbooks, backend=OpenAIBackend(llm_settings(fake)))


def test_the_prompt_asks_for_replies_in_the_customers_language(fake, playbooks):
    coach(fake, playbooks).coach(SPANISH)
    messages = fake.requests[0].json["messages"]
    system, user = messages[0]["content"], messages[1]["content"]
    assert "in the language the customer writes in: Spanish" in system
    assert "The customer writes in Spanish: write every reply in Spanish." in user
    assert '"language": "es"' in user  # the case, as data


def test_replies_in_the_customers_language_reach_the_agent_unreplaced(fake, playbooks):
    fake.script(Reply(content=json.dumps({"suggestions": SPANISH_SUGGESTIONS})))
    result = coach(fake, playbooks).coach(SPANISH)
    assert result.backend == "openai" and not result.fallback
    assert [s.text for s in result.suggestions] == [s["text"] for s in SPANISH_SUGGESTIONS]
    assert not any(s.replaced for s in result.suggestions)
    # the model wrote in Spanish: no "suggestions are in English" note
    assert not any("writes in" in line for line in result.coaching)


def test_a_failed_backend_falls_back_to_the_offline_replies_in_spanish_and_says_so(fake, playbooks):
    # since issue 13 the offline composer writes Spanish itself (playbooks/languages/es.yaml)
    fake.script(*[Reply(status=500, error="boom")] * 10)
    result = coach(fake, playbooks).coach(SPANISH)
    assert result.backend == "offline" and result.fallback
    assert [s.language for s in result.suggestions] == ["es"] * 3
    assert "The customer writes in Spanish; these suggestions are in Spanish." in result.coaching


def test_an_english_conversation_names_no_other_language(fake, playbooks):
    coach(fake, playbooks).coach(Conversation.from_text("Customer: I was charged twice."))
    user = fake.requests[0].json["messages"][1]["content"]
    assert "The customer writes in" not in user
