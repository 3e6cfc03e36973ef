"""Hedging: epistemic hedges and approximators by category per outlet, hedges against boosters, uncertainty.

Epistemic hedges (a claim marked as less than certain) come first; approximators (vagueness about an
amount: "some 1,500") are charted beside them, never added to them."""
from __future__ import annotations

import altair as alt

from framing.scoring.analysis import Analysis
from framing.statistics.aggregate import CI_METHOD, cue_rates_by_category, outlet_summary

from ..charts import bars_with_ci, dots, grouped_bars, interval_text
from ..lens import Lens
from ..panel import Panel

TITLE = "Hedging"


def panels(analysis: Analysis, lens: Lens) -> list[Panel]:
    compared = lens.compared(analysis.table)
    n = f"n = {int(compared['n_words'].sum()):,} words in {len(compared):,} sentences"
    tooltip = [alt.Tooltip("count:Q", title="cues"), alt.Tooltip("n_words:Q", title="words"),
               alt.Tooltip("sentence_share:Q", format=".0%", title="share of sentences")]
    # Across outlets, nothing here depends on which outlet is picked: made once, a pick changes the highlight.
    summary = analysis.cached(("outlet_summary", "uncertainty and cues", *lens.compared_key), lambda: outlet_summary(
        compared, intervals=["uncertainty", "hedge_count", "booster_count"]))
    rate_intervals = [f"{c}_per_1k_words_ci_{end}" for c in ("hedges", "boosters") for end in ("low", "high")]
    summary = summary.assign(hedge_interval=interval_text(*(summary[c] for c in rate_intervals[:2]), ".1f"),
                             booster_interval=interval_text(*(summary[c] for c in rate_intervals[2:]), ".1f"))
    words = {o: int(w) for o, w in zip(summary["outlet_group"], summary["n_words"])}
    rates = analysis.cached(("cue_rates_by_category", "hedges", *lens.compared_key), lambda: cue_rates_by_category(
        compared, "outlet_group", "hedges")).rename(columns={"category": "hedge_category"})
    categories = grouped_bars(
        rates, "hedge_category", "per_1k_words", f"Epistemic hedges per 1,000 words, by category — {lens.about}",
        f"A claim marked as less than certain (may, likely, reportedly, expects, if); {n}",
        "Epistemic hedges per 1,000 words", lens.outlets, lens.highlight, extra_tooltip=tooltip, n=words, n_of="words",
        low="per_1k_words_ci_low", high="per_1k_words_ci_high", ci_method=CI_METHOD)
    approximated = analysis.cached(("cue_rates_by_category", "approximators", *lens.compared_key), lambda: cue_rates_by_category(
        compared, "outlet_group", "approximators")).rename(columns={"category": "hedge_category"})
    approximators = grouped_bars(
        approximated, "hedge_category", "per_1k_words", f"Approximators per 1,000 words — {lens.about}",
        f"Vagueness about an amount (some 1,500; more than 60%; many), counted apart from hedges; {n}",
        "Approximators per 1,000 words", lens.outlets, lens.highlight, extra_tooltip=tooltip, n=words, n_of="words",
        low="per_1k_words_ci_low", high="per_1k_words_ci_high", ci_method=CI_METHOD)
    balance = dots(summary, "hedges_per_1k_words", "boosters_per_1k_words:Q", ["outlet_group"],
                   f"Epistemic hedges against boosters — {lens.about}", "Per 1,000 words, same scale on both axes; one dot per outlet; above "
                   f"the dashed diagonal = more boosting than hedging; lines through a dot: 95% CIs, {CI_METHOD}",
                   "Epistemic hedges per 1,000 words", "Boosters per 1,000 words", lens.outlets,
                   [alt.Tooltip("outlet_group:N", title="Outlet"), alt.Tooltip("hedges_per_1k_words:Q", format=".1f", title="hedges /1k"),
                    alt.Tooltip("hedge_interval:N", title="hedges 95% CI"),
                    alt.Tooltip("boosters_per_1k_words:Q", format=".1f", title="boosters /1k"),
                    alt.Tooltip("booster_interval:N", title="boosters 95% CI"),
                    alt.Tooltip("hedge_booster_balance:Q", format="+.2f", title="balance (+1 all hedges)"),
                    alt.Tooltip("n_words:Q", title="words"), alt.Tooltip("n_sentences:Q", title="sentences")],
                   highlight=lens.highlight, size=220, diagonal=True, intervals=tuple(rate_intervals))
    uncertain = bars_with_ci(
        summary, "mean_uncertainty", "mean_uncertainty_ci_low", "mean_uncertainty_ci_high",
        f"How uncertain the sentences read — {lens.about}",
        f"Per sentence: probability (0–1) a reader judges the claim uncertain; whiskers: 95% CI, {CI_METHOD}",
        "Mean uncertainty", lens.outlets, lens.highlight, domain=[0, 1])
    return [
        Panel("hedges_by_category", categories, rates, compared[compared["hedged"]],
              "The {n} sentences of {pick} with an epistemic hedge.", sort_passages_by=["hedge_count", "position"], ascending=False,
              scoped=False),
        Panel("approximators_by_category", approximators, approximated, compared[compared["approximator_count"] > 0],
              "The {n} sentences of {pick} with an approximator.", sort_passages_by=["approximator_count", "position"],
              ascending=False, scoped=False),
        Panel("hedges_vs_boosters", balance, summary, compared[(compared["hedge_count"] > 0) | (compared["booster_count"] > 0)],
              "The {n} sentences of {pick} with a hedge or a booster.",
              sort_passages_by=["booster_count", "hedge_count"], ascending=False, scoped=False),
        Panel("uncertainty", uncertain, summary, compared, "All {n} sentences of {pick}, most uncertain first.",
              sort_passages_by=["uncertainty"], ascending=False, scoped=False),
    ]
