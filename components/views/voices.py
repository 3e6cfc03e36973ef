"""Voices: how much is quotation rather than the outlet's own voice, and who is quoted or cited."""
from __future__ import annotations

import altair as alt

from framing.aggregate import outlet_summary, speaker_counts
from framing.analysis import Analysis

from ..charts import grouped_bars, ranked_bars
from ..lens import Lens
from ..panel import Panel

TITLE = "Voices"


def panels(analysis: Analysis, lens: Lens) -> list[Panel]:
    compared = lens.compared(analysis.table)
    summary = outlet_summary(compared).assign(voice="quoted")
    quoted = grouped_bars(summary, "voice", "quoted_share", f"Quoted share — {lens.about}",
                          "Sentences that are at least half direct quotation; the rest is the outlet's own voice",
                          "Share of sentences quoted", lens.outlets, lens.highlight, fmt=".0%",
                          extra_tooltip=[alt.Tooltip("n_sentences:Q", title="n sentences")])
    speakers = speaker_counts(compared, "outlet_group")
    top = speakers.groupby("speaker")["sentences"].sum().nlargest(15).index
    speakers = speakers[speakers["speaker"].isin(top)]
    who = ranked_bars(
        speakers, "speaker", "sentences", "speaker", f"Who is quoted or cited — {lens.about}",
        "Named speakers (“said Ms. Town”); top 15", "Sentences naming them as speaker", lens.outlets,
        [alt.Tooltip("speaker:N"), alt.Tooltip("outlet_group:N", title="Outlet"), alt.Tooltip("sentences:Q"),
         alt.Tooltip("quoted:Q", title="of them direct quotes")])
    return [
        Panel("quoted_share", quoted, summary, compared[compared["quoted"]], "The {n} quoted sentences of {pick}."),
        Panel("speakers", who, speakers, compared[compared["speaker"] != ""], "The {n} sentences of {pick} that name a speaker."),
    ]
