from pathlib import Path

import pytest
import yaml

from bot.core.playbooks import BUILTIN_DIR, BUILTIN_IDS, PlaybookError, load_dir, load_file
from bot.core.rubric import check
from bot.core.slots import PLACEHOLDERS
from bot.llm.offline import fill


def _valid_data() -> dict:
    return yaml.safe_load((BUILTIN_DIR / "praise.yaml").read_text())


def _write(directory: Path, name: str, data) -> Path:
    path = directory / f"{name}.yaml"
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data))
    return path


def test_all_builtin_playbooks_load_and_are_complete(playbooks):
    assert set(BUILTIN_IDS) <= set(playbooks)
    for playbook in playbooks.values():
        assert len(playbook.matching.examples) >= 25, playbook.id
        assert len(playbook.replies) >= 3, playbook.id
        assert playbook.loyalty.outcomes, playbook.id


def test_every_builtin_reply_template_passes_its_own_rubric(playbooks):
    for playbook in playbooks.values():
        for reply in playbook.replies:
            result = check(fill(reply.text, PLACEHOLDERS), playbook)
            assert result.passed, (playbook.id, reply.text, result.describe())


def test_error_names_file_and_field(tmp_path):
    data = _valid_data()
    data["matching"]["examples"] = ["only one"]
    path = _write(tmp_path, "praise", data)
    with pytest.raises(PlaybookError) as raised:
        load_file(path)
    assert f"{path}: matching.examples:" in str(raised.value)


def test_invalid_signal_pattern_is_reported_with_its_index(tmp_path):
    data = _valid_data()
    data["matching"]["signals"][1] = {"pattern": "(unclosed", "weight": 1}
    path = _write(tmp_path, "praise", data)
    with pytest.raises(PlaybookError, match=r"matching\.signals\[1\]\.pattern"):
        load_file(path)


def test_unknown_slot_and_unknown_field_are_refused(tmp_path):
    data = _valid_data()
    data["replies"][0]["text"] = "Hi {customer}, thanks"
    data["colour"] = "blue"
    path = _write(tmp_path, "praise", data)
    with pytest.raises(PlaybookError) as raised:
        load_file(path)
    text = str(raised.value)
    assert "replies[0].text" in text and "unknown slot {customer}" in text
    assert "colour" in text


@pytest.mark.parametrize("field", ["requires", "unless"])
def test_an_unknown_premise_is_refused_with_the_known_ones(tmp_path, field):
    data = _valid_data()
    data["replies"][1][field] = ["blocked", "sunshine"]
    path = _write(tmp_path, "praise", data)
    with pytest.raises(PlaybookError) as raised:
        load_file(path)
    text = str(raised.value)
    assert f"replies[1].{field}" in text and "unknown premise 'sunshine'" in text
    assert "blocked" in text  # the known premises are listed


def test_broken_yaml_and_wrong_top_level(tmp_path):
    with pytest.raises(PlaybookError, match="not valid YAML"):
        load_file(_write(tmp_path, "praise", "id: [unclosed"))
    with pytest.raises(PlaybookError, match="expected a mapping"):
        load_file(_write(tmp_path, "praise", "- just\n- a list\n"))


def test_id_must_match_file_name(tmp_path):
    with pytest.raises(PlaybookError, match="does not match the file name"):
        load_file(_write(tmp_path, "something-else", _valid_data()))


def test_lenient_load_collects_every_problem_and_keeps_good_files(tmp_path):
    good = _valid_data()
    _write(tmp_path, "praise", good)
    bad = dict(good, id="bad-one", title="")
    _write(tmp_path, "bad-one", bad)
    _write(tmp_path, "worse", "::: not yaml :::\n  - [")
    playbooks, problems = load_dir(tmp_path, strict=False)
    assert list(playbooks) == ["praise"]
    assert any("bad-one.yaml: title" in p for p in problems)
    assert any("worse.yaml" in p for p in problems)
