"""Hedge, approximator and booster cues found in a sentence, with negation (the context rules are in ``rules.py``).

A cue is recorded as ``{cue, category, start, end, negated}`` with character offsets into the text
it was found in, so the passage view can mark exactly the words that were counted.
"""
from __future__ import annotations

from .lexicon import Lexicons, Match

from .rules import is_negated


def _as_cues(text: str, matches: list[Match]) -> list[dict]:
    return [
        {"cue": m.text, "category": m.label, "start": m.start, "end": m.end, "negated": is_negated(text, m.start)}
        for m in matches
    ]


def find_hedges(text: str, lexicons: Lexicons) -> list[dict]:
    return _as_cues(text, lexicons.hedge_matcher.find(text))


def find_approximators(text: str, lexicons: Lexicons) -> list[dict]:
    return _as_cues(text, lexicons.approximator_matcher.find(text))


def find_boosters(text: str, lexicons: Lexicons) -> list[dict]:
    return _as_cues(text, lexicons.booster_matcher.find(text))
