"""Distinctive words in the views: the corpus's house-style filter (or none, when the sidebar asks for raw), and
the words that say which a chart shows."""
from __future__ import annotations

from framing.scoring.analysis import Analysis
from framing.statistics.distinctive import HouseStyle

from .lens import Lens


def house_style(analysis: Analysis, lens: Lens) -> HouseStyle | None:
    """The house style of the loaded corpus (its outlet names, domains and bylines, and the shipped list), or None."""
    if lens.raw_words:
        return None
    return analysis.cached(("house_style",), lambda: HouseStyle.of_articles(analysis.articles))


def words_filter(lens: Lens) -> str:
    return ("raw: house style kept" if lens.raw_words
            else "outlet names, bylines, titles, state tags and page furniture left out")
