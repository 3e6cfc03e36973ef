"""Search: a word or phrase (``*`` for any letters) in context — how often each outlet and story uses it,
with every occurrence beside the charts. The query is the sidebar's search box, and part of the URL."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from framing.scoring.analysis import Analysis
from framing.statistics.aggregate import CI_METHOD, ratio_intervals
from framing.statistics.distinctive import QueryError, query_pattern

from ..charts import interval_text, outlet_label, ranked_bars
from ..lens import Lens
from ..panel import Panel, draw_all
from ..text import literal

TITLE = "Search"
TOP_STORIES = 20


def draw(analysis: Analysis, lens: Lens) -> None:
    if not lens.query.strip():
        st.info("Type a word or phrase in **Search** in the sidebar; `*` stands for any letters (`sanction*`).")
        return
    try:
        query_pattern(lens.query)
    except QueryError as error:
        st.error(literal(f"Search: {error}."))
        return
    found = panels(analysis, lens)
    if not found:
        st.warning(literal(f"No sentence contains “{lens.query}”."))
        return
    draw_all(found, analysis, lens)


def hits(table: pd.DataFrame, query: str) -> pd.DataFrame:
    """Every sentence with the query, and how many times it occurs there."""
    pattern = query_pattern(query)
    counts = table["text"].map(lambda text: len(pattern.findall(text)))
    return table.assign(hits=counts)


def rates(table: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Occurrences per 1,000 words of each group (an outlet; a story in one outlet)."""
    aggregations = dict(hits=("hits", "sum"), n_words=("n_words", "sum"), articles=("article_id", "nunique"))
    grouped = table.groupby(by).agg(**aggregations)
    grouped["per_1k_words"] = 1000.0 * grouped["hits"] / grouped["n_words"]
    return grouped.reset_index()


def panels(analysis: Analysis, lens: Lens) -> list[Panel]:
    table = hits(analysis.table, lens.query)
    found = table[table["hits"] > 0]
    if found.empty:
        return []
    by_outlet = rates(table, ["outlet_group"]).merge(
        ratio_intervals(table, "outlet_group", "hits", "n_words", 1000.0).rename(
            columns={"ci_low": "per_1k_words_ci_low", "ci_high": "per_1k_words_ci_high"}), on="outlet_group")
    by_outlet = by_outlet.assign(label=by_outlet["outlet_group"].map(outlet_label) + " (" + by_outlet["hits"].astype(str) + " in "
                                 + by_outlet["articles"].astype(str) + " articles)",
                                 interval=interval_text(by_outlet["per_1k_words_ci_low"], by_outlet["per_1k_words_ci_high"],
                                                        ".2f"))
    tip = [alt.Tooltip("hits:Q", title="occurrences"), alt.Tooltip("per_1k_words:Q", format=".2f", title="per 1,000 words"),
           alt.Tooltip("n_words:Q", title="words")]
    outlets = ranked_bars(by_outlet, "label", "per_1k_words", "outlet_group", f"“{lens.query}” per 1,000 words, by outlet",
                          f"{int(found['hits'].sum()):,} occurrences in {len(found):,} sentences; whole words, any case; "
                          f"outlined: 95% CI, {CI_METHOD}", "Occurrences per 1,000 words", list(lens.outlets),
                          [*tip, alt.Tooltip("interval:N", title="95% CI")], low="per_1k_words_ci_low",
                          high="per_1k_words_ci_high")
    # Each outlet's own rate in each story: a bar's colour is the outlet whose words it counts.
    by_story = rates(table, ["story", "outlet_group"])
    by_story = by_story[by_story["hits"] > 0].nlargest(TOP_STORIES, "per_1k_words")
    by_story = by_story.assign(label=by_story["story"] + " — " + by_story["outlet_group"].map(outlet_label))
    stories = ranked_bars(by_story, "label", "per_1k_words", ["story", "outlet_group"],
                          f"“{lens.query}” per 1,000 words, by story and outlet",
                          f"The {len(by_story)} outlet-stories that use it most; each bar one outlet's articles on one story",
                          "Occurrences per 1,000 words", list(lens.outlets),
                          [alt.Tooltip("story:N"), alt.Tooltip("outlet_group:N", title="Outlet"), *tip])
    caption = "All {n} sentences with “" + lens.query.replace("{", "{{").replace("}", "}}") + "”, in article order."
    # Both charts count every outlet's sentences, so their passages are every outlet's too, whoever is picked.
    return [Panel("search_outlets", outlets, by_outlet.drop(columns=["label", "interval"]), found, caption,
                  sort_passages_by=["article_id", "position"], scoped=False),
            Panel("search_stories", stories, by_story.drop(columns=["label"]), found, caption,
                  sort_passages_by=["story", "article_id", "position"], scoped=False)]
