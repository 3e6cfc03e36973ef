"""Voices: how much is quotation rather than the outlet's own voice, and who is quoted or cited."""
from __future__ import annotations

import altair as alt
import pandas as pd

from framing.aggregate import outlet_summary, speaker_counts

from .charts import grouped_bars, ranked_bars
from .panel import Panel
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
    who = ranked_bars(
        speakers, "speaker", "sentences", "speaker", f"Who is quoted or cited — {about}",
        "Named speakers (“said Ms. Town”); top 15", "Sentences naming them as speaker", outlets,
        [alt.Tooltip("speaker:N"), alt.Tooltip("outlet_group:N", title="Outlet"), alt.Tooltip("sentences:Q"),
         alt.Tooltip("quoted:Q", title="of them direct quotes")])
    scope = pick.scope(table)
    return [
        Panel("quoted_share", quoted, summary, scope[scope["quoted"]], f"The {int(scope['quoted'].sum())} quoted sentences of {pick.describe()}.",
              universe=compared[compared["quoted"]]),
        Panel("speakers", who, speakers, scope[scope["speaker"] != ""],
              f"The {int((scope['speaker'] != '').sum())} sentences of {pick.describe()} that name a speaker.",
              universe=compared[compared["speaker"] != ""]),
    ]
