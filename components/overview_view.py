"""Overview: the articles, with their metadata as the text states it, and their length."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from framing.aggregate import article_summary

from .charts import ranked_bars
from .panel import Panel
from .views import Pick

MAX_BARS = 40


def article_table(table: pd.DataFrame, authors: dict[str, str]) -> pd.DataFrame:
    summary = article_summary(table)
    summary["author"] = summary["article_id"].map(authors)
    return summary[["article_id", "title", "outlet", "author", "date", "n_words", "n_sentences", "mean_tone",
                    "hedges_per_1k_words", "boosters_per_1k_words", "quoted_share"]]


def draw_table(articles: pd.DataFrame) -> None:
    st.dataframe(articles, hide_index=True, width="stretch", column_config={
        "mean_tone": st.column_config.NumberColumn("mean tone", format="%+.2f"),
        "hedges_per_1k_words": st.column_config.NumberColumn("hedges /1k words", format="%.1f"),
        "boosters_per_1k_words": st.column_config.NumberColumn("boosters /1k words", format="%.1f"),
        "quoted_share": st.column_config.NumberColumn("quoted", format="percent"),
    })


def panels(table: pd.DataFrame, pick: Pick, articles: pd.DataFrame) -> list[Panel]:
    outlets = sorted(table["outlet_group"].unique())
    data = articles.merge(table.groupby("article_id")["outlet_group"].first().reset_index(), on="article_id")
    data = data.assign(label=data["article_id"] + " · " + data["title"].str.slice(0, 45))
    total = len(data)
    data = data.nlargest(MAX_BARS, "n_words")  # one bar per article stops being readable beyond a few dozen
    shown = f"the {len(data)} longest of {total} articles" if total > len(data) else f"{total} articles"
    chart = ranked_bars(
        data, "label", "n_words", "article_id", "Articles by length", f"{shown}, {int(data['n_words'].sum()):,} words",
        "Words", outlets, [alt.Tooltip("title:N"), alt.Tooltip("outlet_group:N", title="Outlet"), alt.Tooltip("date:N"),
                           alt.Tooltip("n_words:Q", title="words"), alt.Tooltip("n_sentences:Q", title="sentences")],
        row_height=30)
    scope = pick.scope(table)
    return [Panel("articles", chart, data.drop(columns=["label"]), scope, f"All {len(scope)} sentences of {pick.describe()}.", universe=table)]
