"""`mot-coach knowledge` and MOT_KNOWLEDGE_FILE, run as a user runs them (a subprocess)."""

from tests.cli.test_cli import assert_clean_failure, mot
from tests.conftest import EXAMPLES


def test_validate_the_example_file():
    run = mot("knowledge", "validate", str(EXAMPLES / "knowledge.yaml"))
    assert run.returncode == 0, run.stderr
    assert "valid; 11 fact(s) stated" in run.stdout.decode()


def test_validate_reports_every_problem_naming_file_and_field(tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text("facts:\n  refund_tme: 3 days\n  status_page: nope\nvoice:\n  emoji: 2\n")
    run = mot("knowledge", "validate", str(path))
    assert_clean_failure(
        run,
        f"{path}: facts.refund_tme: Extra inputs",
        f"{path}: facts.status_page: Value error",
        f"{path}: voice.emoji: Input should be a valid boolean",
    )


def test_validate_without_a_file_says_what_to_give():
    run = mot("knowledge", "validate", env={"MOT_KNOWLEDGE_FILE": ""})
    assert_clean_failure(run, "give FILE or set MOT_KNOWLEDGE_FILE")


def test_show_prints_the_neutral_default_and_the_loaded_file():
    neutral = mot("knowledge", "show", env={"MOT_KNOWLEDGE_FILE": ""}).stdout.decode()
    assert "no facts, neutral voice" in neutral and "refund_time: null" in neutral
    loaded = mot("knowledge", "show", env={"MOT_KNOWLEDGE_FILE": str(EXAMPLES / "knowledge.yaml")})
    assert "refund_time: 5 working days" in loaded.stdout.decode()


def test_tip_uses_the_voice_and_a_bad_file_is_one_line(tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text("voice:\n  sign_off: Cheers from Acme\n")
    run = mot("tip", str(EXAMPLES / "broken-on-arrival.txt"), "--json",
              env={"MOT_KNOWLEDGE_FILE": str(path)})  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.decode().count("Cheers from Acme") == 3
    bad = mot("tip", str(EXAMPLES / "broken-on-arrival.txt"),
              env={"MOT_KNOWLEDGE_FILE": str(tmp_path / "absent.yaml")})  # fmt: skip
    assert_clean_failure(bad, "invalid team knowledge (MOT_KNOWLEDGE_FILE)", "file not found")
    assert len(bad.stderr.decode().strip().splitlines()) == 1


def test_serve_refuses_to_start_with_a_bad_file(tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text("voice: [casual]\n")
    run = mot("serve", "--port", "0", env={"MOT_KNOWLEDGE_FILE": str(path)})
    assert_clean_failure(run, f"{path}: voice: Input should be a valid dictionary")
    assert len(run.stderr.decode().strip().splitlines()) == 1
