"""`mot-coach analyze`: past transcripts read as a stream, tallied in bounded memory, reported
as HTML (inline SVG) or JSON. Only constants here: the command line reads them without loading
the analysis."""

import os

FORMATS = ("auto", "jsonl", "csv", "zendesk", "freshdesk")


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))
