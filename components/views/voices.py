"""Voices: how much is quotation rather than the outlet's own voice, and who is quoted or cited."""
from __future__ import annotations

import math

import altair as alt
import numpy as np
import pandas as pd

from framing.scoring.analysis import Analysis
from framing.statistics.aggregate import CI_METHOD, outlet_summary, speaker_shares

from ..charts import (
    dots,
    interval_outline,
    interval_text,
    largest_first,
    named,
    opacity,
    outlet_colour_unnamed,
    outlet_label,
    point_selection,
    with_highlight,
)
from ..lens import Lens
from ..panel import Panel

TITLE = "Voices"
MOST_SPEAKERS = 15  # speakers charted: the most named as speaker in the sentences compared


def panels(analysis: Analysis, lens: Lens) -> list[Panel]:
    compared = lens.compared(analysis.table)
    # Across outlets, nothing here depends on which outlet is picked: made once, a pick changes the highlight.
    summary = analysis.cached(("outlet_summary", "quoted", *lens.compared_key),
                              lambda: outlet_summary(compared, intervals=["quoted"])).assign(voice="quoted")
    low, high = summary["quoted_share_ci_low"], summary["quoted_share_ci_high"]
    summary = summary.assign(label=summary["outlet_group"].map(outlet_label) + " (n = " + summary["n_sentences"].map("{:,}".format) + ")",
                             shown=[f"{v:.0%}" + (f" ({a * 100:.0f}–{b:.0%})" if pd.notna(a) else "")  # "29% (24–35%)"
                                    for v, a, b in zip(summary["quoted_share"], low, high)],
                             shown_at=high.fillna(summary["quoted_share"]).clip(lower=summary["quoted_share"]),
                             interval=interval_text(low, high, ".0%"))
    silent = [o for o, v in zip(summary["outlet_group"], summary["quoted_share"]) if v == 0]
    note = (f"{silent[0]} quotes no one directly. " if lens.highlight in silent else "") + \
        "Sentences at least half direct quotation; the rest is the outlet's own voice"
    # From 0 to a little past the highest interval, not to 100%: shares of 20–35% filled a third of the chart. The
    # room past it is for the figures written after each bar.
    reach = float(np.nanmax([*high.fillna(0), *summary["quoted_share"], 0.05]))
    # (1.5: beside nine long outlet names, 1.35 left "29% (24%–35%)" too little room at 1280 px)
    axis_end = min(1.0, math.ceil(reach * 1.5 * 10) / 10)
    pick = point_selection(["outlet_group", "voice"])
    shown = with_highlight(largest_first(summary, "label", "quoted_share"), lens.highlight)
    y = alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=400))  # "-x" was dropped across the layers
    base = alt.Chart(shown).encode(y=y)
    quoted = (named(base.mark_bar().encode(
        x=alt.X("quoted_share:Q", title="Share of sentences quoted", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, axis_end])),
        color=outlet_colour_unnamed(lens.outlets),
        opacity=opacity(pick, True),
        tooltip=[alt.Tooltip("outlet_group:N", title="Outlet"), alt.Tooltip("quoted_share:Q", format=".0%"),
                 alt.Tooltip("interval:N", title="95% CI"), alt.Tooltip("n_sentences:Q", title="n sentences")]
    ).add_params(pick), "bars")
              + interval_outline(shown, y, "quoted_share_ci_low", "quoted_share_ci_high")
              + base.mark_text(align="left", dx=5, color="#111").encode(x=alt.X("shown_at:Q"), text=alt.Text("shown:N"))
              ).properties(title=alt.Title(f"Quoted share — {lens.about}", subtitle=f"{note}; outlined: 95% CI, {CI_METHOD}"),
                           height=max(120, 36 * len(summary)))
    # The most named speakers, as a share of each outlet's sentences: raw counts favoured the outlets that publish most.
    most_named = analysis.cached(("top_speakers", *lens.compared_key), lambda: list(
        compared.loc[compared["speaker"] != "", "speaker"].value_counts().head(MOST_SPEAKERS).index))
    speakers = analysis.cached(("speaker_shares", *lens.compared_key),
                               lambda: speaker_shares(compared, "outlet_group", most_named))
    speakers = largest_first(speakers, "speaker", "sentences").assign(
        interval=lambda d: interval_text(d["share_ci_low"], d["share_ci_high"], ".2%"))
    who = dots(speakers, "share", "speaker:N", ["outlet_group", "speaker"], f"Who is quoted or cited — {lens.about}",
               f"Share of each outlet's sentences naming them as speaker (“said Ms. Town”): the {len(most_named)} most named; "
               f"a dot per outlet; whiskers: 95% CI, {CI_METHOD}", "Share of the outlet's sentences", None, lens.outlets,
               [alt.Tooltip("speaker:N"), alt.Tooltip("outlet_group:N", title="Outlet"),
                alt.Tooltip("share:Q", format=".2%", title="share of its sentences"),
                alt.Tooltip("interval:N", title="95% CI"), alt.Tooltip("sentences:Q", title="sentences"),
                alt.Tooltip("quoted:Q", title="of them direct quotes"),
                alt.Tooltip("group_sentences:Q", format=",", title="outlet's sentences")],
               highlight=lens.highlight, intervals=("share_ci_low", "share_ci_high", None, None), x_format="%",
               rows_in_data_order=True)
    speaking = compared[compared["speaker"].isin(most_named)]
    return [
        Panel("quoted_share", quoted, summary.drop(columns=["label", "shown", "shown_at", "interval"]), compared[compared["quoted"]],
              "The {n} quoted sentences of {pick}.", scoped=False),
        Panel("speakers", who, speakers.drop(columns=["interval"]), speaking,
              "The {n} sentences of {pick} that name one of these speakers.", scoped=False),
    ]
