"""Files in MOT_CACHE_DIR are written whole or not at all, and a folder that cannot be written
costs speed, never the answer."""

import logging
import pickle

from bot.core.cache_files import write_pickle, write_whole


def test_a_file_is_written_whole_and_no_temporary_is_left(tmp_path):
    path = tmp_path / "cache" / "value.pickle"
    assert write_pickle(path, {"a": [1, 2, 3]}, "a test value")
    assert pickle.loads(path.read_bytes()) == {"a": [1, 2, 3]}
    assert [p.name for p in path.parent.iterdir()] == ["value.pickle"]


def test_a_failed_write_keeps_the_old_file_and_says_what_it_was(tmp_path, caplog):
    path = tmp_path / "value.pickle"
    assert write_pickle(path, "old", "a test value")

    def broken(out):
        out.write(b"half a file")
        raise OSError("disk full")

    with caplog.at_level(logging.WARNING):
        assert not write_whole(path, broken, "a test value")
    assert pickle.loads(path.read_bytes()) == "old"  # the old file, whole
    assert [p.name for p in tmp_path.iterdir()] == ["value.pickle"]  # no temporary left
    assert "cannot write a test value" in caplog.text and "disk full" in caplog.text


def test_a_folder_that_cannot_be_made_is_a_warning_not_an_error(tmp_path, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with caplog.at_level(logging.WARNING):
        assert not write_pickle(blocker / "value.pickle", 1, "a test value")
    assert "cannot write a test value" in caplog.text
