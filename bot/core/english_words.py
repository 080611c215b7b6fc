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
    # Each line is "word count": the file's words alternate with their counts (read in one go,
    # twice as fast as line by line).
    fields = (resources.files("symspellpy") / FREQUENCY_LIST).read_text(encoding="utf-8").split()
    return dict(zip(fields[::2], map(int, fields[1::2]), strict=True))
