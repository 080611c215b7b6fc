"""English word frequencies: the list symspellpy ships (82,765 words with corpus counts).

One reader for every part that needs to know which English words exist and how common they are
(spelling correction in matching, hashtag splitting, the case's typo clean-up). Read once, on
first use, in the file's order (most frequent first).
"""

from functools import cache
from importlib import resources

FREQUENCY_LIST = "frequency_dictionary_en_82_765.txt"


@cache
def english_frequencies() -> dict[str, int]:
    """word -> corpus count, most frequent first."""
    counts: dict[str, int] = {}
    with (resources.files("symspellpy") / FREQUENCY_LIST).open(encoding="utf-8") as lines:
        for line in lines:
            word, count = line.split()
            counts[word] = int(count)
    return counts
