"""Every bad value given to `mot-coach` is one line on stderr, exit status 2, no traceback."""

import socket

import pytest

from tests.cli.test_cli import mot

FILTER_VALUES = [
    (["--until", "9999-12-31"], "until: '9999-12-31' is out of range"),
    (["--since", "0001-01-01"], "since: '0001-01-01' is out of range"),
    (["--since", "99999w"], "since: '99999w' is out of range"),
    (["--until", "2026-02-30"], "until: '2026-02-30' is not a date"),
    (["--since", "yesterday"], "since: 'yesterday' is not a date"),
    (["--since", "2026-03-02", "--until", "2026-03-01"], "since must be before until"),
    (["--trigger", "shout"], "argument --trigger: invalid choice: 'shout'"),
]
PAGE_VALUES = [
    (["--page", "99999999999999999999"], "--page: '99999999999999999999' is not a whole number"),
    (["--page", "0"], "--page: '0' is not a whole number from 1 to 1,000,000"),
    (["--page", "-1"], "--page: '-1' is not a whole number"),
    (["--page", "two"], "--page: 'two' is not a whole number"),
    (["--limit", "99999999999999999999"], "--limit: '99999999999999999999' is not a whole"),
    (["--limit", "10001"], "--limit: '10001' is not a whole number from 1 to 10,000"),
    (["--limit", "0"], "--limit: '0' is not a whole number"),
]
ACTIONS = [["list"], ["stats"], ["export", "--format", "csv"]]


@pytest.fixture
def log_env(tmp_path):
    return {"MOT_DATABASE_URL": f"sqlite:///{tmp_path / 'log.db'}"}


def assert_one_line_error(run, phrase):
    err = run.stderr.decode()
    assert run.returncode == 2, err
    assert err.count("\n") == 1 and err.startswith("mot-coach"), err
    assert phrase in err, err
    assert run.stdout == b""


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a[0])
@pytest.mark.parametrize("values, phrase", FILTER_VALUES)
def test_bad_filters_are_one_line(log_env, action, values, phrase):
    assert_one_line_error(mot("logs", *action, *values, env=log_env), phrase)


@pytest.mark.parametrize("values, phrase", PAGE_VALUES)
def test_bad_pages_and_limits_are_one_line(log_env, values, phrase):
    assert_one_line_error(mot("logs", "list", *values, env=log_env), phrase)


def test_an_impossible_event_id_is_one_line(log_env):
    run = mot("logs", "show", "99999999999999999999", env=log_env)
    assert_one_line_error(run, "id: '99999999999999999999' is not a whole number")


def test_the_widest_valid_values_still_answer(log_env):
    run = mot(
        "logs", "list", "--since", "1970-01-01", "--until", "2199-12-31", "--page", "1000000",
        "--limit", "10000", env=log_env,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.decode().splitlines()[-1] == "none of 0 event(s), needs a look first"


@pytest.mark.parametrize("port", ["99999", "-1", "http", "9" * 40])
def test_a_bad_port_is_one_line(port):
    assert_one_line_error(mot("serve", "--port", port), "is not a port number (0 to 65535)")


def test_a_port_already_taken_is_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        env = {"MOT_DATABASE_URL": f"sqlite:///{tmp_path / 'log.db'}"}
        run = mot("serve", "--port", port, env=env)
    assert run.returncode == 2 and "Traceback" not in run.stderr.decode()
    # Start-up logs come first; the error is the one line the command itself prints.
    (error,) = [line for line in run.stderr.decode().splitlines() if line.startswith("mot-coach:")]
    assert error.startswith(f"mot-coach: cannot serve on 127.0.0.1:{port} (")
    assert "address already in use" in error
