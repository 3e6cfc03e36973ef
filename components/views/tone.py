"""Tone: mean tone per outlet with 95% CIs, and every sentence's tone through the article."""
from __future__ import annotations

import altair as alt

from framing.scoring.analysis import Analysis
from framing.statistics.aggregate import CI_METHOD, outlet_summary

from ..charts import bars_with_ci, dots
from ..lens import Lens
from ..panel import Panel

TITLE = "Tone"
MAX_DOTS = 1500


def panels(analysis: Analysis, lens: Lens) -> list[Panel]:
    table, tone_column = analysis.table, lens.tone_column
    compared = lens.compared(table).assign(tone=lambda t: t[tone_column])
    summary = analysis.cached(("outlet_summary", "tone", *lens.compared_key, tone_column),
                              lambda: outlet_summary(compared, intervals=["tone"]))
    bar = bars_with_ci(summary, "mean_tone", "mean_tone_ci_low", "mean_tone_ci_high",
                       f"Mean tone by outlet — {lens.about}",
                       f"{lens.tone_label}; −1 negative … +1 positive; whiskers: 95% CI, {CI_METHOD}; n = {len(compared):,} sentences",
                       "Mean tone (−1 … +1)", lens.outlets, lens.highlight)
    scope = lens.scope(table)
    points = scope[["sentence_id", "outlet_group", "position", tone_column, "text"]].rename(columns={tone_column: "tone"})
    # A browser draws a few thousand dots well, not tens of thousands: beyond MAX_DOTS a fixed random sample is drawn.
    drawn = points if len(points) <= MAX_DOTS else points.sample(n=MAX_DOTS, random_state=0).sort_index()
    drawn = drawn.assign(excerpt=drawn["text"].str.slice(0, 90))
    n = f"n = {len(points):,} sentences" if len(drawn) == len(points) else \
        f"a random {len(drawn):,} of {len(points):,} sentences drawn (the passages list all)"
    strip = dots(drawn, "position", "tone:Q", ["sentence_id"],
                 f"Tone sentence by sentence — {lens.describe()}",
                 f"{lens.tone_label}; x: position in the article (0 = first sentence, 1 = last); {n}",
                 "Position in article (0 = top, 1 = end)", "Tone (−1 … +1)", lens.outlets,
                 [alt.Tooltip("sentence_id:N", title="Sentence id"), alt.Tooltip("outlet_group:N", title="Outlet"),
                  alt.Tooltip("tone:Q", format="+.2f"), alt.Tooltip("excerpt:N", title="Sentence")], x_domain=[0, 1])
    return [
        Panel("tone_by_outlet", bar, summary, compared, "All {n} sentences of {pick}, most negative first.",
              sort_passages_by=[tone_column], scoped=False),
        Panel("tone_by_sentence", strip, points, scope,
              "All {n} sentences of {pick}, in article order.", scoped=False),
    ]
