"""Tone: mean tone per outlet with 95% CIs, and every sentence's tone through the article."""
from __future__ import annotations

import altair as alt
import pandas as pd

from framing.aggregate import outlet_summary

from .charts import bars_with_ci, dots
from .panel import Panel
from .views import Pick


def panels(table: pd.DataFrame, pick: Pick, tone_column: str, tone_label: str) -> list[Panel]:
    outlets = sorted(table["outlet_group"].unique())
    compared = pick.compared(table).assign(tone=lambda t: t[tone_column])
    summary = outlet_summary(compared)
    n = len(compared)
    about = "all sentences" if pick.mode == "outlet" else f"sentences naming {pick.describe()}"
    bar = bars_with_ci(summary, "mean_tone", "tone_ci_low", "tone_ci_high",
                       f"Mean tone by outlet — {about}", f"{tone_label}; −1 negative … +1 positive; whiskers: 95% bootstrap CI; n = {n} sentences",
                       "Mean tone (−1 … +1)", outlets, pick.highlight)
    scope = pick.scope(table)
    points = scope[["sentence_id", "outlet_group", "position", tone_column, "text"]].rename(columns={tone_column: "tone"})
    points = points.assign(excerpt=points["text"].str.slice(0, 90))
    strip = dots(points, "position", "tone:Q", ["sentence_id"],
                 f"Tone sentence by sentence — {pick.describe()}",
                 f"{tone_label}; x: position in the article (0 = first sentence, 1 = last); n = {len(points)} sentences",
                 "Position in article (0 = top, 1 = end)", "Tone (−1 … +1)", outlets,
                 [alt.Tooltip("sentence_id:N"), alt.Tooltip("outlet_group:N", title="Outlet"),
                  alt.Tooltip("tone:Q", format="+.2f"), alt.Tooltip("excerpt:N", title="Sentence")], x_domain=[0, 1])
    return [
        Panel("tone_by_outlet", bar, summary, scope, f"All {len(scope)} sentences of {pick.describe()}, most negative first.",
              sort_passages_by=[tone_column], universe=compared),
        Panel("tone_by_sentence", strip, points.drop(columns=["excerpt"]), scope,
              f"All {len(scope)} sentences of {pick.describe()}, in article order."),
    ]
