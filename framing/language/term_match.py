"""A theme or actor term found in a sentence: the layout the sentence table keeps it in."""
from __future__ import annotations

from typing import NamedTuple


class TermMatch(NamedTuple):
    """What a theme or actor match in the sentence table holds. The table stores it as a plain tuple in this order
    (the garbage collector stops tracking a plain tuple of strings and numbers, not a named one); ``TermMatch(*t)``
    reads one."""

    term: str  # the text as written
    label: str  # its theme or actor
    start: int
    end: int
    theme_set: str = ""  # for a theme: its set


# The sentence-table columns that hold TermMatch tuples, with their field names (for CSV and Parquet).
RECORD_FIELDS = {"theme_matches": TermMatch._fields, "actor_matches": TermMatch._fields}
