"""What the LLM backend layer costs on top of the server's own latency.

    python bench/backend_overhead.py [--calls 300] [--latency 0.02]

Runs the local OpenAI-compatible test server (tests/llm/fake_openai.py) with a fixed latency
and times, call by call and interleaved so that machine noise hits both alike:
- baseline: one raw HTTP request to the same server with the same body (http.client, kept
  alive), JSON decoded: the floor any client pays;
- backend: the openai backend as the Coach runs it (guard included): redaction, prompt
  rendering, the `openai` client, retries machinery, parsing, restoring and the output check.
Also shown: the same call streamed (SSE), and an answer from the cache. Prints p50 and p99.
"""

from __future__ import annotations

import argparse
import http.client
import json
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.llm.fake_openai

from bot.coach import Coach
from bot.config import Settings
from bot.core.conversation import Conversation
from bot.core.playbooks import load_playbooks
from bot.core.slots import fill_slots
from bot.llm.base import SuggestionRequest
from bot.llm.guard import guarded_suggest, redact_request
from bot.llm.offline import OfflineBackend
from bot.llm.openai_backend import OpenAIBackend
from tests.llm.fake_openai import FakeOpenAI, Reply

CONVERSATION = (
    "Customer: Hi, I was charged twice for my March subscription and I want one refunded. "
    "Email me at dana.k@example.com or call +1 415 555 0134.\n"
    "Agent: I'm sorry about that, let me check.\n"
    "Customer: It's the card ending 1111, 4111 1111 1111 1111. This is the second time!"
)


NOTES = {
    "baseline": "  (raw HTTP, same body, same server)",
    "cached": "  (no server call: an identical request within MOT_LLM_CACHE_SECONDS)",
}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def request_for(playbooks) -> SuggestionRequest:
    conversation = Conversation.from_text(CONVERSATION)
    assessment = Coach(playbooks).assess(conversation)
    return SuggestionRequest(
        conversation, assessment.playbook, assessment.escalation, fill_slots(conversation)
    )


def raw_call(connection: http.client.HTTPConnection, path: str, body: bytes) -> dict:
    connection.request("POST", path, body, {"Content-Type": "application/json"})
    return json.loads(connection.getresponse().read())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--latency", type=float, default=0.02, help="server latency, seconds")
    args = parser.parse_args()

    fake = FakeOpenAI(Reply(latency=args.latency))
    settings = Settings(
        openai_base_url=fake.url,
        mot_llm_model="bench",
        mot_llm_cache_seconds=0,
        mot_llm_timeout=5,
        mot_llm_budget_seconds=10,
    )
    backend, offline = OpenAIBackend(settings), OfflineBackend()
    backend.configuration_problems()  # warms the client, as start-up does
    request = request_for(load_playbooks())
    guarded_suggest(backend, request, offline)  # one call to learn the exact body it sends
    body = fake.requests[-1].body
    url = urlsplit(fake.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    raw_call(connection, url.path + "/chat/completions", body)

    timings: dict[str, list[float]] = {"baseline": [], "backend": [], "streamed": []}
    calls = {
        "baseline": lambda: raw_call(connection, url.path + "/chat/completions", body),
        "backend": lambda: guarded_suggest(backend, request, offline),
        "streamed": lambda: guarded_suggest(backend, request, offline, on_draft=lambda d: None),
    }
    clock = time.perf_counter
    for _ in range(args.calls):
        for name, call in calls.items():
            start = clock()
            call()
            timings[name].append(clock() - start)
    cached_backend = OpenAIBackend(settings.model_copy(update={"mot_llm_cache_seconds": 600}))
    cached_backend.configuration_problems()
    guarded_suggest(cached_backend, request, offline)
    timings["cached"] = []
    for _ in range(args.calls):
        start = clock()
        guarded_suggest(cached_backend, request, offline)
        timings["cached"].append(clock() - start)
    guard_only = []
    for _ in range(args.calls):
        start = clock()
        redact_request(request)
        guard_only.append(clock() - start)
    fake.close()

    base50, base99 = (percentile(timings["baseline"], q) * 1000 for q in (0.5, 0.99))
    print(f"calls: {args.calls} each, server latency {args.latency * 1000:.0f} ms, one process")
    print(f"{'':<10} {'p50 ms':>8} {'p99 ms':>8} {'overhead p50':>13} {'overhead p99':>13}")
    for name, values in timings.items():
        p50, p99 = (percentile(values, q) * 1000 for q in (0.5, 0.99))
        extra = NOTES.get(name) or f"{p50 - base50:>+13.2f} {p99 - base99:>+13.2f}"
        print(f"{name:<10} {p50:>8.2f} {p99:>8.2f} {extra}")
    print(
        f"redaction alone: p50 {percentile(guard_only, 0.5) * 1000:.3f} ms. Overhead is the "
        "row minus the baseline; both include the server's latency."
    )


if __name__ == "__main__":
    main()
