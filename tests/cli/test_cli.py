"""The `mot-coach` command, run as a user runs it: a real subprocess."""

import json
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES, REPO


def mot(*args, stdin: bytes | None = None, env: dict | None = None):
    import os

    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        # This checkout's code, not whichever one the shared venv has installed.
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
    )


def assert_clean_failure(run, *phrases):
    err = run.stderr.decode()
    assert run.returncode != 0
    assert "Traceback" not in err
    for phrase in phrases:
        assert phrase in err, err


def test_tip_prints_moment_escalation_and_three_suggestions():
    run = mot("tip", str(EXAMPLES / "tense-escalation.txt"))
    out = run.stdout.decode()
    assert run.returncode == 0, run.stderr
    assert "Moment:" in out and "Escalation: ESCALATE" in out
    assert out.count("Why:") == 3


def test_tip_shows_the_case_and_the_coaching():
    run = mot("tip", str(EXAMPLES / "tense-escalation.txt"))
    out = run.stdout.decode()
    assert "Case:\n  issue: your internet has dropped every evening for two weeks\n" in out
    assert "  tried: tried restarting the router three times\n" in out
    assert "Coaching:\n  - They asked for a manager: offer one with a time" in out
    data = json.loads(mot("tip", str(EXAMPLES / "tense-escalation.txt"), "--json").stdout)
    assert data["case"]["requests"] == ["manager", "callback", "cancel"]
    assert data["case"]["contacts"] == 3
    assert data["coaching"][0].startswith("They asked for a manager")
    assert data["low_confidence"] is False


def test_tip_on_an_unclear_message_answers_with_low_confidence():
    run = mot("tip", str(EXAMPLES / "off-topic.txt"), "--json")
    data = json.loads(run.stdout)
    assert data["low_confidence"] is True and data["matched_by"] == "low_confidence"
    assert len(data["suggestions"]) == 3
    assert data["case"]["issue"] is None


def test_tip_json_from_stdin():
    conversation = {"messages": [{"role": "customer", "text": "My card was charged twice"}]}
    run = mot("tip", "-", "--json", stdin=json.dumps(conversation).encode())
    data = json.loads(run.stdout)
    assert data["playbook"] == "billing-dispute"
    assert len(data["suggestions"]) == 3
    assert {"score", "level", "reasons"} <= set(data["escalation"])


@pytest.mark.parametrize(
    "content,phrase",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (b'{"messages": [', "not valid JSON"),
        (b'{"messages": [{"role": "robot", "text": "x"}]}', "messages[0].role"),
    ],
)
def test_tip_bad_input_is_a_clear_error(tmp_path, content, phrase):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    assert_clean_failure(mot("tip", str(path)), phrase)


def test_tip_missing_file_and_unknown_backend():
    assert_clean_failure(mot("tip", "/no/such/file.txt"), "cannot read")
    assert_clean_failure(
        mot("tip", str(EXAMPLES / "praise.txt"), "--backend", "nope"),
        "unknown backend 'nope'",
        "offline",
    )
    assert_clean_failure(
        mot("tip", str(EXAMPLES / "praise.txt"), env={"MOT_LLM_BACKEND": "nope"}), "MOT_LLM_BACKEND"
    )


def test_classify_keeps_order_and_reports_bad_lines():
    lines = [
        json.dumps({"id": "a", "text": "where is my parcel? it never arrived"}),
        "{not json",
        json.dumps({"id": "c", "messages": [{"role": "customer", "text": "thank you so much!"}]}),
        json.dumps({"id": "d", "text": 42}),
        json.dumps({"id": "e", "text": "what is the capital of peru"}),
    ]
    run = mot("classify", "-", stdin="\n".join(lines).encode())
    assert run.returncode == 1
    out = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert [row["id"] for row in out] == ["a", None, "c", "d", "e"]
    assert out[0]["playbook"] == "order-status"
    assert out[2]["playbook"] == "praise"
    assert out[4]["playbook"] is None
    assert "line 2" in out[1]["error"] and "line 4" in out[3]["error"]
    for row in (out[0], out[2], out[4]):
        assert set(row) == {"id", "playbook", "confidence", "escalation"}
        assert row["escalation"]["level"] in {"none", "watch", "escalate"}
    assert_clean_failure(run, "line 2: not valid JSON", "line 4")


def test_classify_as_the_process_keeps_its_coach_out_of_the_collectors_passes(tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "a", "text": "where is my parcel? it never arrived"}) + "\n")
    script = (
        "import gc, sys; from bot.cli import main; "
        f"sys.argv = ['mot-coach', 'classify', {str(rows)!r}]; "
        "code = main(); print(code, gc.get_freeze_count() > 0, file=sys.stderr)"
    )
    import os

    run = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert run.stderr.decode().split() == ["0", "True"], run.stderr
    assert json.loads(run.stdout)["playbook"] == "order-status"


def test_classify_called_in_a_longer_lived_process_leaves_its_collector_alone(tmp_path, capsys):
    import gc

    from bot.cli import main

    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "a", "text": "thank you so much!"}) + "\n")
    frozen = gc.get_freeze_count()
    assert main(["classify", str(rows)]) == 0
    assert gc.get_freeze_count() == frozen
    assert json.loads(capsys.readouterr().out)["playbook"] == "praise"


def test_classify_empty_and_binary_input(tmp_path):
    assert_clean_failure(mot("classify", "-", stdin=b""), "empty")
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02")
    assert_clean_failure(mot("classify", str(binary)), "binary")


def test_playbooks_list_show_and_validate_builtins():
    listing = mot("playbooks", "list").stdout.decode()
    assert "billing-dispute" in listing and "praise" in listing
    shown = mot("playbooks", "show", "order-status")
    assert shown.returncode == 0 and "moment:" in shown.stdout.decode()
    assert_clean_failure(mot("playbooks", "show", "nope"), "no playbook 'nope'")
    valid = mot("playbooks", "validate")
    assert valid.returncode == 0, valid.stderr
    assert "12 valid playbook(s), 0 problem(s)" in valid.stdout.decode()


def test_validate_reports_every_error_in_a_folder(tmp_path):
    (tmp_path / "one.yaml").write_text("id: one\ntitle: One\n")
    (tmp_path / "two.yaml").write_text("id: [broken\n")
    run = mot("playbooks", "validate", str(tmp_path))
    err = run.stderr.decode()
    assert run.returncode == 1
    assert "one.yaml: moment" in err and "one.yaml: matching" in err
    assert "two.yaml: not valid YAML" in err
    assert_clean_failure(mot("playbooks", "validate", str(tmp_path / "missing")), "not a directory")


def test_bad_playbooks_dir_setting_is_a_clear_error(tmp_path):
    (tmp_path / "praise.yaml").write_text("id: praise\n")
    run = mot("tip", str(EXAMPLES / "praise.txt"), env={"MOT_PLAYBOOKS_DIR": str(tmp_path)})
    assert_clean_failure(run, "MOT_PLAYBOOKS_DIR", "praise.yaml")


def test_custom_playbook_overrides_builtin(tmp_path):
    import yaml

    from bot.core.playbooks import BUILTIN_DIR

    data = yaml.safe_load((BUILTIN_DIR / "praise.yaml").read_text())
    data["title"] = "Compliment from a happy customer"
    (tmp_path / "praise.yaml").write_text(yaml.safe_dump(data))
    run = mot("tip", str(EXAMPLES / "praise.txt"), env={"MOT_PLAYBOOKS_DIR": str(tmp_path)})
    assert "Compliment from a happy customer" in run.stdout.decode()


def test_eval_scores_a_labelled_file(tmp_path):
    rows = [
        {"id": 1, "text": "I was charged twice this month", "playbook": "billing-dispute"},
        {"id": 2, "text": "what's the weather tomorrow", "playbook": None},
        {"id": 3, "text": "this is the worst service, I want a manager NOW", "escalate": True},
        {"id": 4, "text": "thanks, all sorted!", "escalate": False},
    ]
    path = tmp_path / "labelled.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    run = mot("eval", str(path), "--json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["playbook"]["n"] == 2 and report["escalate"]["n"] == 2
    assert set(report["playbook"]["labels"]) == {"billing-dispute", "null"}
    text = mot("eval", str(path)).stdout.decode()
    assert "macro-F1=" in text and "confusion" in text


def test_eval_without_labels_is_an_error(tmp_path):
    path = tmp_path / "unlabelled.jsonl"
    path.write_text(json.dumps({"id": 1, "text": "hello"}) + "\n")
    assert_clean_failure(mot("eval", str(path)), "no 'playbook' or 'escalate' label")


@pytest.mark.parametrize(
    "command", [[], ["tip"], ["classify"], ["playbooks"], ["eval"], ["serve"], ["backends"]]
)
def test_help_everywhere(command):
    run = mot(*command, "--help")
    assert run.returncode == 0 and b"usage: mot-coach" in run.stdout


def test_backends_list_shows_offline_ready():
    out = mot("backends", "list").stdout.decode()
    assert "offline" in out and "ready" in out


def test_eval_scores_the_messy_set_by_split():
    messy = REPO / "examples" / "messy" / "messages.jsonl"
    rows = [json.loads(line) for line in messy.read_text().splitlines()]
    assert len(rows) >= 600 and len({r["industry"] for r in rows}) == 8
    for split in ("dev", "heldout"):
        run = mot("eval", str(messy), "--split", split, "--json")
        assert run.returncode == 0, run.stderr
        report = json.loads(run.stdout)["playbook"]
        assert report["n"] == sum(r["split"] == split for r in rows)
        assert report["macro_f1"] >= 0.80, (split, report["macro_f1"])


def test_eval_with_a_split_no_row_has_is_an_error():
    messy = REPO / "examples" / "messy" / "messages.jsonl"
    run = mot("eval", str(messy), "--split", "nosuch")
    assert_clean_failure(run, "no row has 'split': 'nosuch'")
