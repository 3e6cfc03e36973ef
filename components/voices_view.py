"""Voices: how much is quotation rather than the outlet's own voice, and who is quoted or cited."""
from __future__ import annotations

import altair as alt
import pandas as pd

from framing.aggregate import outlet_summary, speaker_counts

from .charts import grouped_bars
from .panel import Panel, point_selection
from .theme import outlet_colour_scale
from .views import Pick


def panels(table: pd.DataFrame, pick: Pick) -> list[Panel]:
    outlets = sorted(table["outlet_group"].unique())
    compared = pick.compared(table)
    about = "all sentences" if pick.mode == "outlet" else f"sentences naming {pick.describe()}"
    summary = outlet_summary(compared).assign(voice="quoted")
    quoted = grouped_bars(summary, "voice", "quoted_share", f"Quoted share — {about}",
                          "Sentences that are at least half direct quotation; the rest is the outlet's own voice",
                          "Share of sentences quoted", outlets, pick.highlight, fmt=".0%",
                          extra_tooltip=[alt.Tooltip("n_sentences:Q", title="n sentences")])
    speakers = speaker_counts(compared, "outlet_group")
    top = speakers.groupby("speaker")["sentences"].sum().nlargest(15).index
    speakers = speakers[speakers["speaker"].isin(top)]
    pick_speaker = point_selection(["speaker"])
    who = alt.Chart(speakers).mark_bar().encode(
        y=alt.Y("speaker:N", sort="-x", title=None), x=alt.X("sentences:Q", title="Sentences naming them as speaker"),
        color=alt.Color("outlet_group:N", title="Outlet", scale=outlet_colour_scale(outlets)),
        opacity=alt.condition(pick_speaker, alt.value(1.0), alt.value(0.55)),
        tooltip=[alt.Tooltip("speaker:N"), alt.Tooltip("outlet_group:N", title="Outlet"), alt.Tooltip("sentences:Q"),
                 alt.Tooltip("quoted:Q", title="of them direct quotes")],
    ).add_params(pick_speaker).properties(
        title=alt.Title(f"Who is quoted or cited — {about}", subtitle="Named speakers (“said Ms. Town”); top 15"),
        height=max(160, 24 * speakers["speaker"].nunique()))
    scope = pick.scope(table)
    return [
        Panel("quoted_share", quoted, summary, scope[scope["quoted"]], f"The {int(scope['quoted'].sum())} quoted sentences of {pick.describe()}.",
              universe=compared[compared["quoted"]]),
        Panel("speakers", who, speakers, scope[scope["speaker"] != ""],
              f"The {int((scope['speaker'] != '').sum())} sentences of {pick.describe()} that name a speaker.",
              universe=compared[compared["speaker"] != ""]),
    ]
