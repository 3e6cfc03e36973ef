"""Over time: per outlet, week by week, month by month or quarter by quarter, how many articles, how much of them is about the pick, their
tone and their epistemic hedging, each with a 95% interval; drag across the first chart to compare within a period."""
from __future__ import annotations

from functools import cache

import streamlit as st

from framing.scoring.analysis import Analysis
from framing.statistics import periods
from framing.statistics.aggregate import CI_METHOD, SMALL_SAMPLE

from .. import state
from ..charts import intervals_drawn_as, over_time, points_drawn
from ..lens import Lens
from ..panel import Panel, draw_all

TITLE = "Over time"
WHOLE_SPAN = True  # every date is drawn; the sidebar's period is shaded, not cut out
UNIT_NAMES = {"week": "Weekly", "month": "Monthly", "quarter": "Quarterly"}


def draw(analysis: Analysis, lens: Lens) -> None:
    table = analysis.table
    first_last = analysis.cached(("date_span",), lambda: periods.span(table["date"]))
    if first_last is None:
        st.info("No article has a date, so there is nothing to draw over time. Dates come from a date column or field, "
                "or a date line at the top of an article; set them for several articles at once in the Articles view.")
        return
    sizes = analysis.cached(("chart_sizes",), lambda: periods.chart_sizes(table))
    default = analysis.cached(("default_unit",), lambda: periods.default_unit(table, sizes))
    offered = analysis.cached(("units_offered",), lambda: periods.units_offered(table, sizes))
    state.start_time_unit(offered, default)
    # required: a click on the unit shown keeps it (it used to unselect it, and the charts fell back to the default
    # unit with no button lit). A link's unit not offered for these dates is ignored.
    unit = st.segmented_control("Show by", list(offered), format_func=UNIT_NAMES.get, key=state.TIME_UNIT_KEY,
                                default=default, required=True, bind="query-params", label_visibility="collapsed")
    undated = analysis.cached(("undated_articles",), lambda: periods.undated_articles(table))
    n = len(analysis.articles)
    left_out = f" {undated:,} article{'s have' if undated != 1 else ' has'} no date and {'are' if undated != 1 else 'is'} " \
               "left out." if undated else ""
    shaded = state.period()
    first, last = (f"{d.day} {d:%b %Y}" for d in first_last)
    too_many = "".join(f" Not by {size.unit}: {why_not(size)}." for size in sizes if size.unit not in offered)
    st.caption(f"{n - undated:,} of {n:,} articles are dated, {first} – {last}.{left_out}{too_many}"
               + (f" Shaded: {shaded.describe()}, the period the other views compare within." if shaded else
                  " Drag across the first chart to compare the other views within a period."))
    draw_all(panels(analysis, lens, unit), analysis, lens)


def why_not(size: periods.ChartSize) -> str:
    """Why a unit is not offered, only the limits it passes: "426 weeks, more than a chart has room for (150)"."""
    reasons = [f"{size.periods:,} {size.unit}s, more than a chart has room for ({periods.MOST_PERIODS})"] \
        if size.periods > periods.MOST_PERIODS else []
    if size.drawn > periods.MOST_DRAWN:
        reasons.append(f"{size.drawn:,} outlet-{size.unit}s with articles, more than it redraws within a second "
                       f"({periods.MOST_DRAWN})")
    return ", and ".join(reasons)


def panels(analysis: Analysis, lens: Lens, unit: str | None = None) -> list[Panel]:
    table = analysis.table
    unit = unit or periods.default_unit(table)
    # The pick's sentences are found only when something below is not kept yet (a pick made before finds nothing).
    picked = cache(lambda: lens.compared_mask(table))
    grid = analysis.cached(("time_grid", unit), lambda: periods.time_grid(table, unit))  # the same for every pick
    data = analysis.cached(("over_time", unit, *lens.compared_key, lens.tone_column),
                           lambda: periods.over_time(table, picked(), unit, lens.tone_column, grid))
    order = periods.PASSAGE_ORDER
    # The dated sentences (those the charts count), oldest first, for every chart's passages: the whole table is
    # sorted once, a pick's rows are found in that order (not sorted again) and kept as positions in the table,
    # which every chart's passages take their rows from.
    everything = analysis.cached(("oldest_first",), lambda: periods.oldest_first(table))
    positions = analysis.cached(("over_time_rows", *lens.compared_key),
                                lambda: periods.oldest_first_within(everything, picked()))
    period = state.period()
    shaded = (period.first, period.last) if period else None
    per = unit  # "week", "month" or "quarter"
    by_outlet = lens.mode == "outlet"
    drawn = intervals_drawn_as(len(data))  # "whiskers", or on a chart of years of weeks "band"
    # Too many periods for a point each: a column per period to hover and click (components.charts.POINTS_UP_TO_PERIODS)
    columns = "" if points_drawn(data["period"].nunique()) else f"hover a {per} for each outlet's figure, click it for its sentences"
    small = columns or f"hollow points: fewer than {SMALL_SAMPLE} sentences on the pick"
    common = dict(outlets=lens.outlets, highlight=lens.highlight, shaded=shaded)
    attention = over_time(
        data.assign(small_sample=False), "articles" if by_outlet else "articles_compared", None, None,
        f"Articles per {per}, by outlet" if by_outlet else f"Articles naming {lens.describe()} per {per}, by outlet",
        f"Attention: how many articles each outlet published{'' if by_outlet else ' on the pick'}"
        + ("; weeks start on Monday" if per == "week" else "") + (f"; {columns}" if columns else ""),
        "Articles", fmt=",", brush=True, **common)
    tone = over_time(data, "mean_tone", "mean_tone_ci_low", "mean_tone_ci_high", f"Mean tone per {per} — {lens.about}",
                     f"{lens.tone_label}; {drawn}: 95% CI, {CI_METHOD}; {small}", "Mean tone", fmt="+.3f", zero=True,
                     **common)
    hedging = over_time(data, "hedges_per_1k_words", "hedges_per_1k_words_ci_low", "hedges_per_1k_words_ci_high",
                        f"Epistemic hedges per 1,000 words per {per} — {lens.about}",
                        f"{drawn}: 95% CI, {CI_METHOD}; {small}", "Hedges per 1,000 words", fmt=".1f", **common)
    caption = "All {n} dated sentences of {pick}, oldest first."
    # Every chart's evidence is the pick's dated sentences already (scoped=False: not narrowed to it again).
    evidence = dict(sort_passages_by=order, in_order=True, positions=positions, scoped=False)
    out = [Panel("attention_over_time", attention, data, table, caption, brush=True, **evidence)]
    if not by_outlet:
        # A share rests on all the outlet's sentences that period: it is flagged by them, not by the pick's.
        share = over_time(data.assign(share_pct=100 * data["share"], share_pct_low=100 * data["share_ci_low"],
                                      share_pct_high=100 * data["share_ci_high"], small_sample=data["share_small_sample"]),
                          "share_pct", "share_pct_low", "share_pct_high",
                          f"Share of sentences naming {lens.describe()} per {per}",
                          f"% of each outlet's sentences that {per}; {drawn}: 95% CI, {CI_METHOD}; "
                          + (columns or f"hollow points: fewer than {SMALL_SAMPLE} of them"),
                          "% of sentences", fmt=".1f", of="sentences", **common)
        out.append(Panel("share_over_time", share, data, table, caption, **evidence))
    out += [Panel("tone_over_time", tone, data, table, caption, **evidence),
            Panel("hedging_over_time", hedging, data, table, caption, **evidence)]
    return out

