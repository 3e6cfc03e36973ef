"""Hedging: hedge rates by category per outlet, hedges against boosters, and sentence uncertainty."""
from __future__ import annotations

import altair as alt
import pandas as pd

from framing.aggregate import cue_rates_by_category, outlet_summary

from .charts import bars_with_ci, dots, grouped_bars
from .panel import Panel
from .views import Pick


def panels(table: pd.DataFrame, pick: Pick) -> list[Panel]:
    outlets = sorted(table["outlet_group"].unique())
    compared = pick.compared(table)
    about = "all sentences" if pick.mode == "outlet" else f"sentences naming {pick.describe()}"
    rates = cue_rates_by_category(compared, "outlet_group", "hedges").rename(columns={"category": "hedge_category"})
    categories = grouped_bars(
        rates, "hedge_category", "per_1k_words", f"Hedges per 1,000 words, by category — {about}",
        f"Each bar: one outlet; n = {int(compared['n_words'].sum()):,} words in {len(compared)} sentences",
        "Hedges per 1,000 words", outlets, pick.highlight,
        extra_tooltip=[alt.Tooltip("count:Q", title="hedges"), alt.Tooltip("n_words:Q", title="words"),
                       alt.Tooltip("sentence_share:Q", format=".0%", title="share of sentences")])
    summary = outlet_summary(compared)
    balance = dots(summary, "hedges_per_1k_words", "boosters_per_1k_words:Q", ["outlet_group"],
                   f"Hedges against boosters — {about}", "Per 1,000 words; one dot per outlet; above the diagonal = more boosting",
                   "Hedges per 1,000 words", "Boosters per 1,000 words", outlets,
                   [alt.Tooltip("outlet_group:N", title="Outlet"), alt.Tooltip("hedges_per_1k_words:Q", format=".1f", title="hedges /1k"),
                    alt.Tooltip("boosters_per_1k_words:Q", format=".1f", title="boosters /1k"),
                    alt.Tooltip("hedge_booster_balance:Q", format="+.2f", title="balance (+1 all hedges)"),
                    alt.Tooltip("n_words:Q", title="words"), alt.Tooltip("n_sentences:Q", title="sentences")],
                   highlight=pick.highlight, size=220)
    uncertain = bars_with_ci(
        summary, "mean_uncertainty", "uncertainty_ci_low", "uncertainty_ci_high",
        f"How uncertain the sentences read — {about}",
        "Per sentence: probability (0–1) a reader judges it uncertain; whiskers: 95% CI",
        "Mean uncertainty", outlets, pick.highlight, domain=[0, 1])
    scope = pick.scope(table)
    cued = scope[(scope["hedge_count"] > 0) | (scope["booster_count"] > 0)]
    return [
        Panel("hedges_by_category", categories, rates, scope[scope["hedged"]],
              f"The {int(scope['hedged'].sum())} hedged sentences of {pick.describe()}.",
              sort_passages_by=["hedge_count", "position"], ascending=False, universe=compared[compared["hedged"]]),
        Panel("hedges_vs_boosters", balance, summary, cued,
              f"The {len(cued)} sentences of {pick.describe()} with a hedge or a booster.",
              sort_passages_by=["booster_count", "hedge_count"], ascending=False,
              universe=compared[(compared["hedge_count"] > 0) | (compared["booster_count"] > 0)]),
        Panel("uncertainty", uncertain, summary, scope,
              f"All {len(scope)} sentences of {pick.describe()}, most uncertain first.",
              sort_passages_by=["uncertainty"], ascending=False, universe=compared),
    ]
