"""`mot-coach eval-coaching`, end to end in a subprocess, on a playbook whose replies we wrote."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import yaml

from tests.conftest import REPO

# Each reply carries known defects; the counts below follow from them.
REPLIES = [
    # a claimed action ("I've sent") and a premise nobody stated (photos)
    {
        "text": "I've sent your thanks to the team, {customer_name}. Thanks for the photos.",
        "why": "Claims and presumes.",
    },
    # two apologies; an announcement with nothing after (content-free). The composer drops the
    # courtesy-only "Thanks for getting in touch." itself, so it is not counted.
    {
        "text": "Thanks for getting in touch. I'm sorry, and I apologise for the wait. "
        "Here's the short answer first, then the steps.",
        "why": "Grovels.",
    },
    # the same courtesy opener, dropped by the composer: no repeated opener is left to count
    {
        "text": "Thanks for getting in touch. I'll pass this on to Jake's manager today, "
        "{customer_name}.",
        "why": "Passes praise on.",
    },
]
ROWS = [
    {"id": "named", "text": "Thank you so much, that's sorted it!\nCheers,\nSarah"},
    {
        "id": "jake",
        "messages": [
            {"role": "customer", "text": "Brilliant service today, Jake was really helpful."}
        ],
        "care": "distress",  # a label the test gives on purpose: the text shows none
    },
]


@pytest.fixture
def praise_dir(tmp_path):
    """The built-in praise playbook with our replies and no openers, as a team override."""
    playbook = yaml.safe_load((REPO / "playbooks" / "praise.yaml").read_text())
    playbook["replies"], playbook["openers"] = REPLIES, {}
    folder = tmp_path / "playbooks"
    folder.mkdir()
    (folder / "praise.yaml").write_text(yaml.safe_dump(playbook, sort_keys=False))
    return folder


def eval_coaching(path, *args, playbooks=None):
    env = {**os.environ, "PYTHONPATH": str(REPO), "MOT_LLM_BACKEND": "offline"}
    if playbooks:
        env["MOT_PLAYBOOKS_DIR"] = str(playbooks)
    return subprocess.run(
        [sys.executable, "-m", "bot", "eval-coaching", str(path), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def _write(tmp_path, lines: list[str]):
    path = tmp_path / "conversations.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_counts_every_defect_per_playbook_and_overall(tmp_path, praise_dir):
    path = _write(tmp_path, [json.dumps(row) for row in ROWS])
    run = eval_coaching(path, "--json", playbooks=praise_dir)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    overall = report["overall"]
    assert report["playbooks"]["praise"] == overall
    expected = {
        "sets": 2,
        "suggestions": 6,
        "abstentions": 0,
        "claimed": 2,
        "claimed_sets": 2,
        "claimed_rate": 0.3333,
        "premises": 2,
        "repeated_opener_sets": 0,  # the composer never lets two suggestions open alike
        "double_apology": 2,
        "content_free": 2,  # "Here's the short answer first, then the steps." in each set
        "name_known_sets": 1,  # Sarah signs off; the other customer gives no name
        "name_placeholder": 0,
        "name_used_sets": 1,
        "asked_to_repeat": 0,
        "reflected_sets": 1,  # "Jake was really helpful" is said back; "sorted it" says nothing
        "reflection_rate": 0.5,
        "manager_asked_sets": 0,
        "care_expected": 1,
        "care_level_none": 1,
    }
    assert {key: overall[key] for key in expected} == expected
    assert report["skipped"] == 0
    assert report["sets"][0]["defects"] == [
        "1: claims I've sent",
        "1: presumes photos",
        "2: apologises 2 times",
        "2: no content: Here's the short answer first, then the steps.",
    ]


def test_the_table_shows_each_playbook_and_the_overall_line(tmp_path, praise_dir):
    run = eval_coaching(_write(tmp_path, [json.dumps(ROWS[0])]), playbooks=praise_dir)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].split()[:4] == ["playbook", "sets", "abstain", "claimed"]
    praise = next(line for line in lines if line.startswith("praise "))
    overall = next(line for line in lines if line.startswith("overall "))
    assert praise.split()[1:] == overall.split()[1:]
    assert overall.split()[1:4] == ["1", "0", "33%"]


def test_bad_lines_are_named_and_skipped_and_the_rest_is_scored(tmp_path, praise_dir):
    path = _write(
        tmp_path,
        [
            json.dumps(ROWS[0]),
            "{not json",
            json.dumps({"id": "x", "subject": "no text"}),
            json.dumps({"id": "y", "text": "hello", "care": "sadness"}),
            json.dumps({"id": "z", "text": "   "}),
        ],
    )
    run = eval_coaching(path, "--json", playbooks=praise_dir)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    errors = run.stderr.strip().splitlines()
    assert errors[0].startswith("line 2: not valid JSON")
    assert errors[1] == 'line 3: needs "text" (a string) or "messages" (a list)'
    assert errors[2].startswith("line 4: 'care' must be one of injury, danger")
    assert errors[3] == "line 5: the conversation is empty"
    report = json.loads(run.stdout)
    assert report["skipped"] == 4 and report["overall"]["sets"] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read it"),
        ("", "the input is empty"),
        ('{"id": 1}\n', "no line holds a conversation"),
    ],
)
def test_unusable_files_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "in.jsonl"
    if content is not None:
        path.write_text(content)
    run = eval_coaching(path)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr and message in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 + (content == '{"id": 1}\n')


def test_a_folder_of_conversation_files_is_scored_file_by_file(tmp_path, praise_dir):
    folder = tmp_path / "examples"
    folder.mkdir()
    (folder / "named.txt").write_text(
        "Customer: Thank you so much, that's sorted it!\nCheers,\nSarah"
    )
    (folder / "jake.json").write_text(json.dumps({"messages": ROWS[1]["messages"]}))
    (folder / "empty.txt").write_text("")
    (folder / "notes.md").write_text("not a conversation")  # other files are left alone
    run = eval_coaching(folder, "--json", playbooks=praise_dir)
    assert run.returncode == 1
    assert (
        run.stderr.strip()
        == f"{folder / 'empty.txt'}: the input is empty; give a conversation (see examples/)"
    )
    report = json.loads(run.stdout)
    assert [s["id"] for s in report["sets"]] == ["jake", "named"]
    assert report["overall"]["sets"] == 2 and report["overall"]["claimed"] == 2
