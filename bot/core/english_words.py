"""English word frequencies: the list symspellpy ships (82,765 words with corpus counts).

One reader for every part that needs to know which English words exist and how common they are
(spelling correction in matching, hashtag splitting, the case's typo clean-up). Read once, on
first use, in the file's order (most frequent first), and kept ready-made in MOT_CACHE_DIR
(bot/core/prebuilt.py): reading the text takes twice as long as loading the kept table.
"""

import os
from functools import cache
from importlib import resources

from bot.core import prebuilt

FREQUENCY_LIST = "frequency_dictionary_en_82_765.txt"


def _read(source) -> dict[str, int]:
    # Each line is "word count": the file's words alternate with their counts (read in one go,
    # twice as fast as line by line).
    fields = source.read_text(encoding="utf-8").split()
    return dict(zip(fields[::2], map(int, fields[1::2]), strict=True))


@cache
def english_frequencies() -> dict[str, int]:
    """word -> corpus count, most frequent first."""
    source = resources.files("symspellpy") / FREQUENCY_LIST
    try:
        found = os.stat(str(source))
        inputs = (str(source), found.st_size, found.st_mtime_ns)
    except OSError:  # not a plain file (a zipped package): read it each time
        return _read(source)
    return prebuilt.value("english-words", inputs, lambda: _read(source))
