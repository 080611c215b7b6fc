"""Dashboard credentials: password hashes, `mot-coach dashboard hash-password`, and the settings
that carry them."""

import os
import subprocess
import sys

import pytest
from pydantic import ValidationError

from bot.config import Settings
from bot.web.passwords import hash_password, verify_password
from bot.web.sessions import SessionCodec


def test_hashes_verify_only_the_right_password():
    encoded = hash_password("correct horse", iterations=2000)
    assert encoded.startswith("pbkdf2_sha256$2000$")
    assert verify_password("correct horse", encoded)
    assert not verify_password("correct horsE", encoded)
    assert hash_password("correct horse", iterations=2000) != encoded  # salted
    for broken in ("", "pbkdf2_sha256$x$y$z", "md5$1$a$b", encoded.rsplit("$", 1)[0]):
        assert not verify_password("correct horse", broken)


def _hash_cli(*args, password="lead-password-1"):
    return subprocess.run(
        [sys.executable, "-m", "bot", "dashboard", "hash-password", *args],
        input=password + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ,
    )


def test_hash_password_command_makes_a_working_settings_entry():
    run = _hash_cli("alice", "--password-stdin", "--iterations", "1000")
    assert run.returncode == 0, run.stderr
    entry = run.stdout.strip()
    settings = Settings(
        MOT_DASHBOARD_USERS=entry + ", " + entry.replace("alice", "bob", 1),
        MOT_DASHBOARD_SCOPES="bob=C1 workspace:T9",
    )
    assert verify_password("lead-password-1", settings.mot_dashboard_users["alice"])
    assert settings.mot_dashboard_scopes == {"bob": ["C1", "workspace:T9"]}


@pytest.mark.parametrize(
    "args, password, phrase",
    [
        (["alice", "--password-stdin"], "short", "at least 8 characters"),
        (["al:ice", "--password-stdin"], "long-enough-pw", "user name must be"),
        (["alice", "--password-stdin", "--iterations", "10"], "long-enough-pw", "at least 1000"),
    ],
)
def test_hash_password_refuses_bad_input(args, password, phrase):
    run = _hash_cli(*args, password=password)
    assert run.returncode == 2 and phrase in run.stderr and run.stdout == ""


@pytest.mark.parametrize(
    "env, phrase",
    [
        ({"MOT_DASHBOARD_USERS": "alice"}, "must be user:HASH"),
        ({"MOT_DASHBOARD_USERS": "alice:secret"}, "must be user:HASH"),
        ({"MOT_DASHBOARD_SCOPES": "bob"}, "must be user=C0123"),
        ({"MOT_DASHBOARD_SCOPES": "bob=C1"}, "names bob, not in MOT_DASHBOARD_USERS"),
        ({"MOT_LOG_CONTENT": "everything"}, "'none', 'redacted' or 'full'"),
        ({"MOT_TRUSTED_PROXIES": "10.0.0.1,proxy.local"}, "'proxy.local' is not an IP address"),
    ],
)
def test_bad_settings_name_what_to_fix(env, phrase):
    with pytest.raises(ValidationError, match=phrase):
        Settings(**env)


def test_sessions_are_signed_and_expire():
    codec = SessionCodec("secret")
    session = codec.new(user="alice")
    cookie = codec.encode(session)
    assert codec.decode(cookie) == session
    assert SessionCodec("another secret").decode(cookie) is None
    assert codec.decode(cookie.replace(".", "x.", 1)) is None
    expired = SessionCodec("secret", lifetime=-1)
    assert codec.decode(expired.encode(expired.new("alice"))) is None
    assert codec.csrf_ok(session, codec.csrf_token(session))
    assert not codec.csrf_ok(session, codec.csrf_token(codec.new("alice")))
