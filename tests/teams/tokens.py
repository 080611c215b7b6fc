"""Real Bot Framework tokens for the tests: an RSA key of our own, published by a local OpenID
metadata server that botframework-connector is pointed at through its own setting
(ChannelValidation.open_id_metadata_endpoint), so the library verifies tokens as in production:
signature, issuer, audience, expiry and the channel endorsement."""

from __future__ import annotations

import json
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
from botframework.connector.auth import ChannelValidation
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

KEY_ID = "test-key-1"
ISSUER = "https://api.botframework.com"


class _Key:
    def __init__(self):
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        public = json.loads(RSAAlgorithm.to_jwk(self.private.public_key()))
        self.jwk = {**public, "kid": KEY_ID, "use": "sig", "endorsements": ["msteams"]}


def _metadata_server(key: _Key) -> ThreadingHTTPServer:
    """Serves /openid and /keys; a thread, since the library fetches them with blocking requests."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            documents = {"/openid": {"jwks_uri": f"{base}/keys"}, "/keys": {"keys": [key.jwk]}}
            body = json.dumps(documents.get(self.path, {})).encode()
            self.send_response(200 if self.path in documents else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return ThreadingHTTPServer(("127.0.0.1", 0), Handler)


class Issuer:
    """Signs channel tokens as the Bot Framework does (RS256, `serviceurl` claim)."""

    def __init__(self, key: _Key):
        self.key = key

    def channel_token(self, app_id: str, service_url: str | None) -> str:
        now = int(time.time())
        claims = {"iss": ISSUER, "aud": app_id, "nbf": now - 60, "exp": now + 600}
        if service_url is not None:
            claims["serviceurl"] = service_url
        return jwt.encode(claims, self.key.private, algorithm="RS256", headers={"kid": KEY_ID})


def unknown_issuer() -> Issuer:
    """Signs with a key nobody published: its tokens look right and never verify."""
    return Issuer(_Key())


@contextmanager
def bot_framework_keys():
    """Publish a fresh key locally and point channel-token validation at it, for the block."""
    key = _Key()
    server = _metadata_server(key)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    before = ChannelValidation.open_id_metadata_endpoint
    ChannelValidation.open_id_metadata_endpoint = (
        f"http://127.0.0.1:{server.server_address[1]}/openid"
    )
    try:
        yield Issuer(key)
    finally:
        ChannelValidation.open_id_metadata_endpoint = before
        server.shutdown()
        server.server_close()
        thread.join()
