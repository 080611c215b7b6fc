"""Replies in the customer's language through `mot-coach` as a user runs it (a subprocess)."""

from __future__ import annotations

import json
import shutil

from bot.core.playbooks import BUILTIN_DIR
from tests.cli.test_cli import mot

GERMAN = (
    b"Customer: Meine Bestellung 100482 sollte letzte Woche kommen und ist immer noch nicht "
    b"angekommen. Wo bleibt das Paket?\n"
)


def test_tip_json_gives_suggestions_in_their_language_and_says_so():
    run = mot("tip", "-", "--json", stdin=GERMAN)
    assert run.returncode == 0, run.stderr.decode()
    result = json.loads(run.stdout)
    suggestions = result["suggestions"]
    assert [s["language"] for s in suggestions] == ["de"] * 3
    assert any("100482" in s["text"] for s in suggestions)
    assert "The customer writes in German; these suggestions are in German." in result["coaching"]
    assert all(s["why"].isascii() for s in suggestions)  # coaching for the agent stays English


def test_tip_text_names_the_language_of_the_suggestions():
    run = mot("tip", "-", stdin=GERMAN)
    out = run.stdout.decode()
    assert run.returncode == 0 and "Suggested replies (offline, in German):" in out
    assert "  language: German (de)" in out


def test_validate_checks_the_language_files_and_names_the_broken_field(tmp_path):
    shutil.copytree(BUILTIN_DIR, tmp_path / "playbooks")
    spanish = tmp_path / "playbooks" / "languages" / "es.yaml"
    spanish.write_text(
        spanish.read_text(encoding="utf-8").replace("Voy a tramitar", "Ya he tramitado"),
        encoding="utf-8",
    )
    run = mot("playbooks", "validate", str(tmp_path / "playbooks"))
    err = run.stderr.decode()
    assert run.returncode == 1 and "Traceback" not in err
    assert "es.yaml: moments.cancellation-risk[0].text: claims a finished action" in err
    assert "3 valid language file(s)" in run.stdout.decode()
