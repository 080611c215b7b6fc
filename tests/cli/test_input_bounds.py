"""`tip` and `classify` bound the size and nesting of what they read before parsing it."""

import json

from bot.commands.inputs import MAX_CONVERSATION_BYTES, MAX_JSON_DEPTH, MAX_LINE_BYTES
from tests.cli.test_cli import assert_clean_failure, mot

DEEP = 100_000


def nested(levels: int) -> str:
    return "[" * levels + "]" * levels


def test_tip_refuses_deeply_nested_json_in_one_line():
    for text in (nested(DEEP), '{"messages": ' + nested(DEEP) + "}"):
        run = mot("tip", "-", stdin=text.encode())
        assert run.returncode == 2
        assert run.stderr.decode() == (
            f"mot-coach: -: not read (nested more than {MAX_JSON_DEPTH} levels deep)\n"
        )


def test_brackets_inside_strings_do_not_count_as_nesting():
    text = "[" * 200 + "] my card was charged twice"
    conversation = {"messages": [{"role": "customer", "text": text}]}
    run = mot("tip", "-", "--json", stdin=json.dumps(conversation).encode())
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["playbook"] == "billing-dispute"


def test_tip_refuses_a_huge_input_in_one_line(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Customer: my card was charged twice\n" * (MAX_CONVERSATION_BYTES // 30))
    run = mot("tip", str(path))
    assert_clean_failure(run, f"larger than {MAX_CONVERSATION_BYTES:,} bytes")
    assert run.stderr.decode().count("\n") == 1


def test_classify_answers_every_line_in_order_after_bad_ones():
    good = {"id": "ok", "text": "my card was charged twice"}
    lines = [
        json.dumps({**good, "id": "first"}),
        '{"id": "deep", "messages": ' + nested(DEEP) + "}",
        json.dumps({"id": "huge", "text": "a" * (MAX_LINE_BYTES + 10)}),
        json.dumps({"id": "wrong", "messages": [{"role": "customer", "text": ["x"]}]}),
        json.dumps({**good, "id": "last"}),
    ]
    run = mot("classify", "-", stdin="\n".join(lines).encode())
    assert run.returncode == 1
    out = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert [row["id"] for row in out] == ["first", None, None, "wrong", "last"]
    assert out[1] == {
        "id": None,
        "error": f"line 2: not read: nested more than {MAX_JSON_DEPTH} levels deep",
    }
    assert out[2] == {
        "id": None,
        "error": f"line 3: longer than {MAX_LINE_BYTES:,} bytes; not read",
    }
    assert out[3]["error"].startswith("line 4: ")
    assert out[0]["playbook"] == out[4]["playbook"] == "billing-dispute"
    err = run.stderr.decode().splitlines()
    assert "Traceback" not in run.stderr.decode()
    assert err[:2] == [out[1]["error"], out[2]["error"]]
    assert err[-1] == "3 line(s) could not be classified; see above"
