"""Overview: the articles by length, each bar leading to its sentences (their metadata is in the Articles view)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from framing.scoring.analysis import Analysis
from framing.statistics.aggregate import article_summary

from ..charts import ranked_bars
from ..lens import Lens
from ..panel import Panel

TITLE = "Overview"
MAX_BARS = 40


def article_table(analysis: Analysis) -> pd.DataFrame:
    summary = article_summary(analysis.table)
    summary["author"] = summary["article_id"].map({a.article_id: a.author for a in analysis.articles})
    return summary


def panels(analysis: Analysis, lens: Lens) -> list[Panel]:
    data = article_table(analysis)
    data = data.assign(label=data["article_id"] + " · " + data["title"].str.slice(0, 45))
    total, words = len(data), int(data["n_words"].sum())
    data = data.nlargest(MAX_BARS, "n_words")  # one bar per article stops being readable beyond a few dozen
    shown = (f"the {len(data)} longest of {total:,} articles ({int(data['n_words'].sum()):,} of their {words:,} words)"
             if total > len(data) else f"{total:,} articles, {words:,} words")
    chart = ranked_bars(
        data, "label", "n_words", "article_id", "Articles by length", shown,
        "Words", lens.outlets, [alt.Tooltip("title:N"), alt.Tooltip("outlet_group:N", title="Outlet"), alt.Tooltip("date:N"),
                                alt.Tooltip("n_words:Q", title="words"), alt.Tooltip("n_sentences:Q", title="sentences")],
        row_height=30)
    return [Panel("articles", chart, data.drop(columns=["label"]), analysis.table)]
