"""`mot-coach tip` on a conversation in French: the language is named, in text and in JSON."""

import json

from tests.cli.test_cli import mot

FRENCH = "Customer: Je veux parler à un responsable, on m'a débité deux fois la même commande.\n"


def test_tip_names_the_customers_language():
    run = mot("tip", "-", stdin=FRENCH.encode())
    out = run.stdout.decode()
    assert run.returncode == 0, run.stderr
    assert "  language: French (fr)\n" in out
    # in French since issue 13 (playbooks/languages/fr.yaml), and the tip says so
    assert "The customer writes in French; these suggestions are in French." in out
    assert "Suggested replies (offline, in French):" in out
    data = json.loads(mot("tip", "-", "--json", stdin=FRENCH.encode()).stdout)
    assert data["case"]["language"] == "fr"


def test_a_message_too_short_to_tell_its_language_is_still_coached():
    # "my card got blocked" is too short for the language detector: no language, no crash
    run = mot("tip", "-", stdin=b"Customer: my card got blocked\n")
    assert run.returncode == 0, run.stderr
    out = run.stdout.decode()
    assert "Suggested replies" in out and "language:" not in out
    data = json.loads(mot("tip", "-", "--json", stdin=b"Customer: my card got blocked\n").stdout)
    assert data["case"]["language"] is None and data["suggestions"]
