"""Resource budgets: how much one upload may ask of a server that every visitor shares.

All limits live here. Each can be changed for self-hosting with an environment variable
(``FRAMING_MAX_ARTICLES=5000``) or, in the app, a ``[framing]`` table in ``.streamlit/secrets.toml``
(``max_articles = 5000``). The command line has no upload budget: it streams, so its memory stays
bounded whatever the input's size; only the sentence-length cut applies everywhere.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

ADVICE = "split the file into smaller ones, or analyse it with the command line (python -m framing analyze)"


@dataclass(frozen=True)
class Budget:
    # one file (also Streamlit's server.maxUploadSize): the team's 1,704-article dev corpus is a 10.7 MB CSV
    max_bytes: int = 25 * 1024 * 1024
    max_articles: int = 2_000  # articles in one upload batch
    max_sentences: int = 80_000  # sentences in one upload batch (that corpus has 74,808)
    max_characters: int = 12_000_000  # characters of article text in one upload batch
    max_corpus_articles: int = 5_000  # articles a session may hold in all
    max_corpus_sentences: int = 150_000  # sentences a session may hold in all
    max_sentence_characters: int = 2_000  # longer "sentences" (unpunctuated text) are cut into pieces this long
    # Analyses the app runs at once; more wait their turn, first come first served, then get "busy, try again". One:
    # an analysis of a large upload already uses max_workers cores, and two side by side only share them.
    max_concurrent_analyses: int = 1
    # How long an analysis waits for a free slot before its visitor is told to try again: long enough for a queue of
    # ten 1,000-article uploads on 2 cores (#22), since a refused visitor would only have to wait and upload again.
    busy_wait_seconds: int = 300
    max_workers: int = 2  # processes one analysis of a large upload may use (never more than the cores)
    max_cached_sentences: int = 200_000  # analysed sentences the app keeps for every session to share, by content

    @classmethod
    def from_mapping(cls, values: Mapping[str, object], base: Budget | None = None) -> Budget:
        """A budget with the given limits (``max_articles`` or ``FRAMING_MAX_ARTICLES`` keys) changed."""
        base = base or cls()
        changes = {}
        for f in fields(cls):
            for key in (f.name, f"FRAMING_{f.name.upper()}"):
                if key in values and str(values[key]).strip():
                    changes[f.name] = int(str(values[key]).replace("_", "").replace(",", ""))
        return replace(base, **changes)

    @classmethod
    def from_environment(cls) -> Budget:
        return cls.from_mapping(os.environ)


DEFAULT = Budget()
