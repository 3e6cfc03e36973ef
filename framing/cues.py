"""Hedge, approximator and booster cues found in a sentence, with negation (the context rules are in ``rules.py``).

A cue is recorded as ``{cue, category, start, end, negated}`` with character offsets into the text
it was found in, so the passage view can mark exactly the words that were counted.
"""
from __future__ import annotations

from .lexicon import Match
from .rules import is_negated


def as_cues(text: str, matches: list[Match]) -> list[dict]:
    """Lexicon matches as cues, each with whether a negator comes just before it."""
    return [
        {"cue": m.text, "category": m.label, "start": m.start, "end": m.end, "negated": is_negated(text, m.start)}
        for m in matches
    ]
