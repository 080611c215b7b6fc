"""Snowball's English stemmer, without loading the other 30 languages.

`snowballstemmer.stemmer("english")` imports every language's stemmer first (about a tenth of a
one-off `mot-coach tip`), and hands out PyStemmer's C stemmer instead where that is installed:
this does the same with one language.
"""

from __future__ import annotations


def english_stemmer():
    """What `snowballstemmer.stemmer("english")` returns: an object with `stemWords`."""
    try:
        from Stemmer import Stemmer  # PyStemmer, preferred by snowballstemmer itself
    except ImportError:
        from snowballstemmer.english_stemmer import EnglishStemmer

        return EnglishStemmer()
    return Stemmer("english")
