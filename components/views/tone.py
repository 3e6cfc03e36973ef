"""Tone: mean tone per outlet, and through the article (each fifth), with 95% CIs."""
from __future__ import annotations

from framing.scoring.analysis import Analysis
from framing.statistics.aggregate import ARTICLE_PARTS, CI_METHOD, article_part, outlet_summary, through_the_article

from ..charts import bars_with_ci, through_article
from ..lens import Lens
from ..panel import Panel

TITLE = "Tone"


def panels(analysis: Analysis, lens: Lens) -> list[Panel]:
    table, tone_column = analysis.table, lens.tone_column
    compared = lens.compared(table).assign(tone=lambda t: t[tone_column])
    summary = analysis.cached(("outlet_summary", "tone", *lens.compared_key, tone_column),
                              lambda: outlet_summary(compared, intervals=["tone"]))
    bar = bars_with_ci(summary, "mean_tone", "mean_tone_ci_low", "mean_tone_ci_high",
                       f"Mean tone by outlet — {lens.about}",
                       f"{lens.tone_label}; −1 negative … +1 positive; whiskers: 95% CI, {CI_METHOD}; n = {len(compared):,} sentences",
                       "Mean tone (−1 … +1)", lens.outlets, lens.highlight)
    # Where in the article each outlet's tone falls, every outlet's: an outlet whose leads run negative and bodies do not
    # differs in framing from one negative throughout, with the same mean. (A strip of every sentence was a cloud.)
    parts = analysis.cached(("tone_through_article", *lens.compared_key, tone_column),
                            lambda: through_the_article(compared, "outlet_group", intervals=["tone"]))
    through = through_article(parts, ARTICLE_PARTS, "mean_tone", "mean_tone_ci_low", "mean_tone_ci_high",
                              f"Tone through the article — {lens.about}",
                              f"{lens.tone_label}; mean of each fifth of the articles (the opening fifth is the lead); "
                              f"whiskers: 95% CI, {CI_METHOD}", "Mean tone", lens.outlets, lens.highlight)
    return [
        Panel("tone_by_outlet", bar, summary, compared, "All {n} sentences of {pick}, most negative first.",
              sort_passages_by=[tone_column], scoped=False),
        Panel("tone_through_article", through, parts, compared.assign(part=article_part(compared["position"])),
              "All {n} sentences of {pick}, most negative first.", sort_passages_by=[tone_column], scoped=False),
    ]
