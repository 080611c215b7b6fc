"""A local HTTP server that speaks the OpenAI chat-completions wire format, for tests and bench.

It answers `POST /v1/chat/completions` (OpenAI and compatible servers) and
`POST /openai/deployments/{deployment}/chat/completions?api-version=...` (Azure), plainly or as
server-sent events when the request asks to stream. Queue scripted replies with `script()` to
make it slow, rate-limited (429 + Retry-After), broken (500), drop the connection, return
malformed content or no choices; once the queue is empty it answers with `default`.
Every request is recorded (path, query, headers, raw body) in `requests`.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

# Honest suggestions: promises of next steps, never claims that something is already done.
GOOD_SUGGESTIONS = [
    {
        "text": "I'm sorry you were charged twice. I'll check both payments now and, once I've "
        "confirmed the duplicate, refund it so you see it within 3 business days.",
        "why": "Owning the mistake and promising the fix with a date turns an error into trust.",
    },
    {
        "text": "You're right to question this charge, and I'll look into it right now; I'll "
        "reverse anything that's wrong and email you the corrected invoice today.",
        "why": "Agreeing, fixing and confirming in writing rebuilds trust in every bill.",
    },
    {
        "text": "Thanks for flagging this. I'll trace the payment and refund the extra charge, "
        "so it will be back within 5 working days, and I'll confirm by email.",
        "why": "Tracing the money and giving a firm date replaces doubt with certainty.",
    },
]
GOOD_CONTENT = json.dumps({"suggestions": GOOD_SUGGESTIONS})


@dataclass
class Reply:
    content: str | None = GOOD_CONTENT  # the assistant message content
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    error: str = ""  # error message for a non-200 status
    body: bytes | None = None  # raw body, sent as is (e.g. not JSON at all)
    latency: float = 0.0  # seconds before the answer starts
    chunk_delay: float = 0.0  # seconds between streamed chunks
    chunk_size: int = 12  # characters of content per streamed chunk
    drop: bool = False  # close the connection without answering
    drop_after_chunks: int | None = None  # streaming: close after this many chunks
    no_choices: bool = False
    finish_reason: str = "stop"
    usage: dict[str, int] = field(
        default_factory=lambda: {"prompt_tokens": 321, "completion_tokens": 123}
    )

    @classmethod
    def suggestions(cls, items: list[dict] | list[str], **kwargs) -> Reply:
        return cls(content=json.dumps({"suggestions": items}), **kwargs)

    @classmethod
    def rate_limited(cls, retry_after: str | None = "1", **kwargs) -> Reply:
        headers = {"Retry-After": retry_after} if retry_after is not None else {}
        return cls(status=429, headers=headers, error="Rate limit reached", **kwargs)


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> dict:
        return json.loads(self.body)


class FakeOpenAI:
    def __init__(self, default: Reply | None = None):
        self.default = default or Reply()
        self.requests: list[Recorded] = []
        self._queue: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.server.daemon_threads = True
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    @property
    def root(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def url(self) -> str:
        return f"{self.root}/v1"

    def script(self, *replies: Reply) -> FakeOpenAI:
        with self._lock:
            self._queue.extend(replies)
        return self

    def next_reply(self) -> Reply:
        with self._lock:
            return self._queue.popleft() if self._queue else self.default

    def record(self, recorded: Recorded) -> None:
        with self._lock:
            self.requests.append(recorded)

    def sleep(self, seconds: float) -> None:
        self._stopping.wait(seconds)

    def close(self) -> None:
        self._stopping.set()
        self.server.shutdown()
        self.server.server_close()


def _completion(reply: Reply, model: str) -> dict:
    choices = (
        []
        if reply.no_choices
        else [
            {
                "index": 0,
                "message": {"role": "assistant", "content": reply.content},
                "finish_reason": reply.finish_reason,
            }
        ]
    )
    usage = dict(reply.usage, total_tokens=sum(reply.usage.values()))
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": choices,
        "usage": usage,
    }


def _chunk(model: str, delta: dict, finish: str | None = None, usage=None, choices=True) -> bytes:
    data = {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}] if choices else [],
    }
    if usage is not None:
        data["usage"] = dict(usage, total_tokens=sum(usage.values()))
    return b"data: " + json.dumps(data).encode() + b"\n\n"


def _handler_for(fake: FakeOpenAI):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            # headers and body go out in two writes: without this, Nagle's algorithm and the
            # client's delayed ACK hold the body back ~40 ms
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def log_message(self, *args) -> None:  # keep test output clean
            return None

        def do_POST(self) -> None:
            parts = urlsplit(self.path)
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            fake.record(
                Recorded(
                    "POST",
                    parts.path,
                    parse_qs(parts.query),
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                )
            )
            known = parts.path == "/v1/chat/completions" or (
                parts.path.startswith("/openai/deployments/")
                and parts.path.endswith("/chat/completions")
            )
            if not known:
                return self._json(404, {"error": {"message": f"no route {parts.path}"}})
            reply = fake.next_reply()
            fake.sleep(reply.latency)
            if reply.drop:
                return self._drop()
            if reply.status != 200:
                error = {"error": {"message": reply.error or "error", "type": "fake", "code": None}}
                return self._json(reply.status, error, reply.headers)
            if reply.body is not None:
                return self._send(200, reply.body, "application/json", reply.headers)
            request = json.loads(body or b"{}")
            model = request.get("model", "fake-model")
            if request.get("stream"):
                include_usage = (request.get("stream_options") or {}).get("include_usage")
                return self._stream(reply, model, include_usage)
            return self._json(200, _completion(reply, model), reply.headers)

        def _send(self, status: int, data: bytes, kind: str, headers=None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def _json(self, status: int, payload: dict, headers=None) -> None:
            self._send(status, json.dumps(payload).encode(), "application/json", headers)

        def _drop(self) -> None:
            self.close_connection = True
            try:
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

        def _stream(self, reply: Reply, model: str, include_usage: bool) -> None:
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            content = reply.content or ""
            pieces = [
                content[i : i + reply.chunk_size] for i in range(0, len(content), reply.chunk_size)
            ]
            events = [_chunk(model, {"role": "assistant", "content": ""})]
            events += [_chunk(model, {"content": piece}) for piece in pieces]
            events.append(_chunk(model, {}, finish=reply.finish_reason))
            if include_usage:
                events.append(_chunk(model, {}, usage=reply.usage, choices=False))
            events.append(b"data: [DONE]\n\n")
            try:
                for number, event in enumerate(events):
                    if reply.drop_after_chunks is not None and number >= reply.drop_after_chunks:
                        return self._drop()
                    self.wfile.write(event)
                    self.wfile.flush()
                    fake.sleep(reply.chunk_delay)
            except OSError:  # the client went away
                return None

    return Handler
