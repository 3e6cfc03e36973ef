"""Overview: which stories each outlet covered (only a story several outlets covered compares them on the same
events), and the articles by length; each bar leads to its sentences (their metadata is in the Articles view)."""
from __future__ import annotations

from textwrap import shorten

import altair as alt
import pandas as pd

from framing.scoring.analysis import Analysis
from framing.statistics.aggregate import article_summary, story_coverage

from ..charts import ranked_bars, stacked_counts
from ..lens import Lens
from ..panel import Panel

TITLE = "Overview"
MAX_BARS = 40
MAX_STORIES = 20  # rows of the coverage chart: the stories the most outlets covered


def article_table(analysis: Analysis) -> pd.DataFrame:
    summary = article_summary(analysis.table)
    summary["author"] = summary["article_id"].map({a.article_id: a.author for a in analysis.articles})
    return summary


def coverage_panel(analysis: Analysis, lens: Lens) -> Panel:
    """Stories by the outlets that covered them: for a theme or actor pick, the articles naming it."""
    table = lens.compared(analysis.table)
    coverage = analysis.cached(("story_coverage", *lens.compared_key), lambda: story_coverage(table))
    stories = coverage.drop_duplicates("story")
    shared = stories[stories["story_outlets"] >= 2]
    shown = stories["story"].head(MAX_STORIES)
    data = coverage[coverage["story"].isin(shown)]
    # the axis keeps about 40 characters of a label; a story's outlets are its bar's colours
    data = data.assign(label=data["story"].map(lambda s: shorten(s, 40, placeholder=" …")))
    articles = "articles" if lens.mode == "outlet" else f"articles naming {lens.describe()}"
    title = "Stories and the outlets that covered them" + ("" if lens.mode == "outlet" else f" — {articles}")
    subtitle = (f"{len(shared):,} of {len(stories):,} stories have {articles} from two or more outlets "
                f"({int(shared['story_articles'].sum()):,} of {int(stories['story_articles'].sum()):,} articles): only "
                "there do outlets frame the same events"
                + (f"; the {len(shown)} with the most outlets" if len(stories) > len(shown) else ""))
    chart = stacked_counts(
        data, "label", "articles", ["story", "outlet_group"], title, subtitle, "Articles", list(lens.outlets),
        [alt.Tooltip("story:N", title="Story"), alt.Tooltip("outlet_group:N", title="Outlet"),
         alt.Tooltip("articles:Q", title="articles"), alt.Tooltip("sentences:Q", title="sentences")], lens.highlight)
    return Panel("coverage", chart, data.drop(columns=["label"]), table, scoped=False)


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
    return [coverage_panel(analysis, lens), Panel("articles", chart, data.drop(columns=["label"]), analysis.table)]
