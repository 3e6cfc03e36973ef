"""Overview: the articles, with their metadata as the text states it, and their length."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from framing.aggregate import article_summary
from framing.analysis import Analysis

from ..charts import ranked_bars
from ..lens import Lens
from ..panel import Panel, draw_all

TITLE = "Overview"
MAX_BARS = 40


def article_table(analysis: Analysis) -> pd.DataFrame:
    summary = article_summary(analysis.table)
    summary["author"] = summary["article_id"].map({a.article_id: a.author for a in analysis.articles})
    return summary


def draw(analysis: Analysis, lens: Lens) -> None:
    articles = article_table(analysis)
    st.dataframe(articles[["article_id", "title", "outlet", "author", "date", "n_words", "n_sentences", "mean_tone",
                           "hedges_per_1k_words", "boosters_per_1k_words", "quoted_share"]],
                 hide_index=True, width="stretch", column_config={
        "mean_tone": st.column_config.NumberColumn("mean tone", format="%+.2f"),
        "hedges_per_1k_words": st.column_config.NumberColumn("hedges /1k words", format="%.1f"),
        "boosters_per_1k_words": st.column_config.NumberColumn("boosters /1k words", format="%.1f"),
        "quoted_share": st.column_config.NumberColumn("quoted", format="percent"),
    })
    draw_all(panels(analysis, lens, articles), analysis, lens)


def panels(analysis: Analysis, lens: Lens, articles: pd.DataFrame | None = None) -> list[Panel]:
    data = article_table(analysis) if articles is None else articles
    data = data.assign(label=data["article_id"] + " · " + data["title"].str.slice(0, 45))
    total = len(data)
    data = data.nlargest(MAX_BARS, "n_words")  # one bar per article stops being readable beyond a few dozen
    shown = f"the {len(data)} longest of {total} articles" if total > len(data) else f"{total} articles"
    chart = ranked_bars(
        data, "label", "n_words", "article_id", "Articles by length", f"{shown}, {int(data['n_words'].sum()):,} words",
        "Words", lens.outlets, [alt.Tooltip("title:N"), alt.Tooltip("outlet_group:N", title="Outlet"), alt.Tooltip("date:N"),
                                alt.Tooltip("n_words:Q", title="words"), alt.Tooltip("n_sentences:Q", title="sentences")],
        row_height=30)
    return [Panel("articles", chart, data.drop(columns=["label"]), analysis.table)]
