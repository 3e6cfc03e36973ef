"""Emphasis: which themes and actors get attention, how early, and in whose voice."""
from __future__ import annotations

import altair as alt
import numpy as np

from framing.scoring.analysis import Analysis
from framing.statistics.aggregate import CI_METHOD, MIN_N_FOR_CI, actor_mentions, label_summary

from ..charts import dots, grouped_bars, interval_text, largest_first
from ..lens import Lens
from ..panel import Panel

TITLE = "Emphasis"
# Actors in the actor chart at most: the most named, their share outlet by outlet. With many outlets the chart is a
# row of dots per actor (charts.grouped_bars), so every outlet count gets all twelve (12 × 9 bars were 1,700 px).
MOST_NAMED = 12


def panels(analysis: Analysis, lens: Lens) -> list[Panel]:
    table = analysis.table
    picked = table if lens.mode == "outlet" else lens.scope(table)  # the sentences naming the picked theme or actor
    # Themes: in Actor mode, those of the sentences naming the actor (which themes an outlet speaks of it with), so
    # the charts follow the pick as their passages do. Made once per theme set (and per actor); a pick of an outlet
    # changes the highlight.
    theme_table = picked if lens.mode == "actor" else table
    theme_key = (lens.theme_column, *(lens.compared_key if lens.mode == "actor" else ()))
    themes = analysis.cached(("label_summary", *theme_key), lambda: label_summary(
        theme_table, "outlet_group", lens.theme_column)).rename(columns={"label": "theme"})
    naming = f"in sentences naming {lens.describe()}" if lens.mode == "actor" else ""
    theme_about = f"{lens.theme_set_label}, {naming}" if naming else lens.theme_set_label
    theme_scope = f" — {naming}" if naming else ""  # the other theme charts' titles
    # Actors: in Theme mode, those named in the sentences about the theme, so the chart follows the pick.
    actor_table = picked if lens.mode == "theme" else table
    actor_key = lens.compared_key if lens.mode == "theme" else ("all",)
    actors = analysis.cached(("actor_mentions", *actor_key), lambda: actor_mentions(
        actor_table, "outlet_group")).rename(columns={"label": "actor"})
    if lens.mode == "theme":
        themes = themes[themes["theme"] == lens.value]
    if lens.mode == "actor":
        actors = actors[actors["actor"] == lens.value]
    named = actors.groupby("actor")["n_sentences"].sum().sort_values(ascending=False, kind="stable")
    if len(named) > MOST_NAMED:  # a corpus's actor list runs to dozens: 40 actors × 9 outlets was a 5,700 px chart
        actors = actors[actors["actor"].isin(named.index[:MOST_NAMED])]
    shown = f"the {MOST_NAMED} most named of {len(named)} actors" if len(named) > MOST_NAMED else "all actors"
    actor_about = f"in sentences naming {lens.describe()}, {shown}" if lens.mode == "theme" else (
        lens.describe() if lens.mode == "actor" else shown)
    theme_rows = picked if lens.mode == "theme" else theme_table[theme_table[lens.theme_column].map(len) > 0]
    charted = frozenset(actors["actor"])  # the chart's evidence: the sentences naming an actor it draws
    actor_rows = actor_table[actor_table["actors"].map(lambda names: not charted.isdisjoint(names))]
    share_tip = [alt.Tooltip("n_sentences:Q", title="sentences"), alt.Tooltip("group_sentences:Q", title="of outlet's sentences"),
                 alt.Tooltip("lead_weighted_share:Q", format=".0%", title="lead-weighted share"),
                 alt.Tooltip("mean_tone:Q", format="+.2f", title="mean tone"),
                 alt.Tooltip("hedged_sentence_share:Q", format=".0%", title="hedged")]
    sentences = theme_table.groupby("outlet_group").size().to_dict()
    # Both theme charts in one order, the most named first (the bars' order)
    themes = largest_first(themes, "theme", "share_of_sentences")
    theme_chart = grouped_bars(themes, "theme", "share_of_sentences", f"Share of sentences per theme — {theme_about}",
                               "A sentence can touch several themes; hover for n, lead-weighted share, tone and hedging",
                               "Share of the outlet's sentences", lens.outlets, lens.highlight, fmt=".0%",
                               extra_tooltip=share_tip, n=sentences, low="share_ci_low", high="share_ci_high",
                               ci_method=CI_METHOD)
    # The mean over the articles naming it, not the earliest in any: with many articles the earliest is nearly always 0
    # (90% of outlet × theme pairs on the dev corpus), and it falls the more articles an outlet has.
    themes = themes.assign(first_interval=interval_text(themes["first_ci_low"], themes["first_ci_high"], ".2f"))
    # One theme picked: a row per outlet. Nine outlets' dots and whiskers on one theme's row hid one another.
    by_outlet = lens.mode == "theme"
    row = "outlet_group:N" if by_outlet else "theme:N"
    early = dots(themes, "mean_first_mention_position", row, ["outlet_group", "theme"],
                 (f"How early each outlet first names {lens.describe()}" if by_outlet else
                  "How early each theme first appears" + theme_scope),
                 "Where it is first named, averaged over the articles naming it (0 = opening sentence, 1 = last); "
                 "whiskers: 95% CI, resampling those articles", "Mean first mention (0 = top of article)", None, lens.outlets,
                 [alt.Tooltip("outlet_group:N", title="Outlet"), alt.Tooltip("theme:N"),
                  alt.Tooltip("mean_first_mention_position:Q", format=".2f", title="mean first mention"),
                  alt.Tooltip("first_interval:N", title="95% CI"),
                  alt.Tooltip("first_mention_position:Q", format=".2f", title="earliest in any article"),
                  alt.Tooltip("n_sentences:Q", title="sentences")], x_domain=[0, 1], highlight=lens.highlight,
                 intervals=("first_ci_low", "first_ci_high", None, None), rows_in_data_order=True)
    # In whose voice each theme comes: an outlet may carry a theme mostly in the words of those it quotes
    themes = themes.assign(quoted_interval=interval_text(themes["quoted_ci_low"], themes["quoted_ci_high"], ".0%"))
    reach = float(np.nanmax([*themes["quoted_ci_high"], *themes["quoted_share"], 0.05]))
    voice = dots(themes, "quoted_share", row, ["outlet_group", "theme"],
                 (f"In whose voice: sentences naming {lens.describe()} quoted" if by_outlet else
                  "In whose voice: each theme's sentences quoted" + theme_scope),
                 "Share of the sentences naming the theme that are at least half direct quotation (the rest: the "
                 f"outlet's own voice); whiskers: 95% CI, {CI_METHOD}; none under {MIN_N_FOR_CI} sentences",
                 "Share of the theme's sentences quoted", None, lens.outlets,
                 [alt.Tooltip("outlet_group:N", title="Outlet"), alt.Tooltip("theme:N"),
                  alt.Tooltip("quoted_share:Q", format=".0%", title="quoted"),
                  alt.Tooltip("quoted_interval:N", title="95% CI"), alt.Tooltip("n_sentences:Q", title="sentences")],
                 x_domain=[0, min(1.0, reach * 1.05)], highlight=lens.highlight, x_format="%",
                 intervals=("quoted_ci_low", "quoted_ci_high", None, None), rows_in_data_order=True)
    actor_chart = grouped_bars(actors, "actor", "share_of_sentences", f"Actors named: share of sentences — {actor_about}",
                               "Aliases counted as their actor (e.g. Kremlin → Russia); hover for mentions and the tone of "
                               "those sentences",
                               "Share of the outlet's sentences naming the actor", lens.outlets, lens.highlight, fmt=".0%",
                               extra_tooltip=[alt.Tooltip("mentions:Q"), *share_tip], low="share_ci_low", high="share_ci_high",
                               ci_method=CI_METHOD,
                               n=actor_table.groupby("outlet_group").size().to_dict())
    return [
        Panel("theme_share", theme_chart, themes, theme_rows, "The {n} sentences of {pick} that name a theme of this set."),
        Panel("theme_first_mention", early, themes, theme_rows, "The same {n} sentences, earliest first.",
              sort_passages_by=["position"]),
        Panel("theme_voice", voice, themes, theme_rows, "The same {n} sentences, quoted ones first.",
              sort_passages_by=["quoted_share"], ascending=False),
        Panel("actor_share", actor_chart, actors, actor_rows, "The {n} sentences of {pick} that name an actor of the chart."),
    ]
