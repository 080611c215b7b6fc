"""The playbook cache (bot/core/compiled.py): the same playbooks and matches as loading afresh,
rebuilt when a playbook changes, never trusted when unreadable, never holding a bad playbook."""

from __future__ import annotations

import pytest
import yaml

from bot.core.compiled import compiled_playbooks
from bot.core.conversation import Conversation
from bot.core.matcher import Matcher
from bot.core.playbooks import BUILTIN_DIR, PlaybookError, load_playbooks
from tests.conftest import EXAMPLES

TEXTS = [path.read_text() for path in sorted(EXAMPLES.glob("*.txt"))]


def _ranked(matcher, text):
    return [(m.playbook_id, m.confidence) for m in matcher.rank(Conversation.from_text(text))]


def _cache_files(cache):
    return sorted(cache.glob("playbooks-*.pickle"))


def test_a_cached_load_equals_a_fresh_one(tmp_path):
    built = compiled_playbooks(None, tmp_path)
    (cached_file,) = _cache_files(tmp_path)
    cached = compiled_playbooks(None, tmp_path)
    assert _cache_files(tmp_path) == [cached_file]  # read, not rebuilt
    fresh = load_playbooks()
    assert cached[0] == fresh and built[0] == fresh
    matcher = Matcher(fresh)
    for text in TEXTS:
        assert _ranked(cached[1], text) == _ranked(matcher, text)


def _praise(tmp_path, title):
    folder = tmp_path / "playbooks"
    folder.mkdir(exist_ok=True)
    data = yaml.safe_load((BUILTIN_DIR / "praise.yaml").read_text())
    data["title"] = title
    (folder / "praise.yaml").write_text(yaml.safe_dump(data))
    return folder


def test_a_changed_playbook_is_read_again(tmp_path):
    cache = tmp_path / "cache"
    folder = _praise(tmp_path, "Thanks, first version")
    assert compiled_playbooks(folder, cache)[0]["praise"].title == "Thanks, first version"
    _praise(tmp_path, "Thanks, second version")
    assert compiled_playbooks(folder, cache)[0]["praise"].title == "Thanks, second version"
    assert len(_cache_files(cache)) == 2


def test_an_unreadable_cache_file_is_rebuilt(tmp_path):
    compiled_playbooks(None, tmp_path)
    (cached_file,) = _cache_files(tmp_path)
    cached_file.write_bytes(b"not a pickle")
    playbooks, _ = compiled_playbooks(None, tmp_path)
    assert playbooks == load_playbooks()
    assert cached_file.read_bytes() != b"not a pickle"


def test_a_bad_playbook_is_an_error_and_is_not_cached(tmp_path):
    folder = tmp_path / "playbooks"
    folder.mkdir()
    (folder / "praise.yaml").write_text("id: praise\n")
    with pytest.raises(PlaybookError, match=r"praise\.yaml"):
        compiled_playbooks(folder, tmp_path / "cache")
    assert _cache_files(tmp_path / "cache") == []


def test_a_cache_folder_that_cannot_be_written_is_no_cache(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    playbooks, _ = compiled_playbooks(None, blocked / "cache")
    assert playbooks == load_playbooks()


def test_the_setting_names_the_folder_or_turns_the_cache_off(tmp_path):
    from bot.config import Settings

    assert Settings(mot_cache_dir=str(tmp_path)).cache_dir == tmp_path
    assert Settings(mot_cache_dir="off").cache_dir is None
    assert Settings(mot_cache_dir="").cache_dir.name == "mot-coach"


def test_tip_fills_the_cache_and_answers_the_same_from_it(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "MOT_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "bot", "tip", str(EXAMPLES / "double-charge.txt"), "--json"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tmp_path)
    assert first.returncode == 0 and len(_cache_files(tmp_path / "cache")) == 1
    second = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tmp_path)
    assert second.returncode == 0
    assert yaml.safe_load(first.stdout)["playbook"] == yaml.safe_load(second.stdout)["playbook"]


@pytest.mark.parametrize("collecting", [True, False])
def test_reading_the_cache_leaves_the_collector_as_it_was_read_or_not(tmp_path, collecting):
    import gc

    compiled_playbooks(None, tmp_path)
    (cached_file,) = _cache_files(tmp_path)
    was = gc.isenabled()
    try:
        gc.enable() if collecting else gc.disable()
        assert compiled_playbooks(None, tmp_path)[0] == load_playbooks()  # read
        assert gc.isenabled() is collecting
        cached_file.write_bytes(cached_file.read_bytes()[:5000])  # cut short: fails to read
        assert compiled_playbooks(None, tmp_path)[0] == load_playbooks()  # built again
        assert gc.isenabled() is collecting
    finally:
        gc.enable() if was else gc.disable()
