"""An actor's mentions with the tone-toward model's stance, scored the first time they are asked for.

The model reads only the mentions of the actor asked about, once per mention ever (``framing.scoring.portrayal``
keeps them by content); a progress bar shows while it reads, once the other charts are drawn (Compare draws the
portrayal last, in its place: ``panel.Later``).
"""
from __future__ import annotations

from concurrent.futures import BrokenExecutor

import pandas as pd
import streamlit as st

from framing.scoring.analysis import Analysis
from framing.scoring.portrayal import mentions_of, unscored, with_stances

from . import state
from .text import literal


def scored_mentions(analysis: Analysis, actor: str, story: str | None = None) -> pd.DataFrame:
    """Every sentence of the analysis (or of one story) naming ``actor``, with p_negative, p_neutral, p_positive and
    stance."""
    def found() -> pd.DataFrame:
        table = analysis.table if story is None else analysis.table[analysis.table["story"] == story]
        return mentions_of(table, actor)

    mentions = analysis.cached(("mentions_of", actor, story), found)

    def scored() -> pd.DataFrame:
        to_read = unscored(mentions)
        if not to_read:
            return with_stances(mentions)
        bar = st.progress(0.0, text=literal(f"Reading how each of {to_read:,} sentences speaks of {actor}…"))

        def progress(done: int, total: int) -> None:
            bar.progress(done / total, text=literal(f"Reading how each sentence speaks of {actor}: {done:,} of {total:,}"))

        try:
            with state.pool_for_reading(to_read) as pool:
                found = with_stances(mentions, pool=pool, progress=progress)
        except BrokenExecutor:  # a worker process died (out of memory): what it had not read is read here
            found = with_stances(mentions, progress=progress)
        bar.empty()
        return found

    return analysis.cached(("stances", actor, story), scored)
