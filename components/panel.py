"""One chart beside its passages: click a mark to filter the passages; exports under the chart."""
from __future__ import annotations

from dataclasses import dataclass, field

import altair as alt
import pandas as pd
import streamlit as st

from .export import chart_png, chart_svg, rows_csv
from .passages import draw_passages
from .selection import decode_mark, describe, encode_mark, filter_passages, selection_from_event
from .theme import style

PASSAGE_COLUMNS = ["sentence_id", "article_id", "outlet_group", "title", "position", "text", "quoted", "speaker",
                   "tone", "polarity", "subjectivity", "vader", "hedge_count", "booster_count", "hedges", "boosters", "uncertainty",
                   "themes", "policy_frames", "actors"]


@dataclass
class Panel:
    key: str  # stable id, used in the URL
    chart: alt.Chart  # with a point selection named "pick" over canonical fields
    data: pd.DataFrame  # the rows the chart draws (for the CSV export)
    scope: pd.DataFrame  # the passages shown before any click (the pick's sentences)
    scope_caption: str
    universe: pd.DataFrame | None = None  # what a click filters: every sentence behind the chart (default: scope)
    sort_passages_by: list[str] = field(default_factory=lambda: ["position"])
    ascending: bool = True


@dataclass
class Context:
    paragraphs: dict[str, str]
    theme_set: str
    theme_column: str
    tone_column: str
    presentation: bool


def point_selection(fields: list[str]) -> alt.Parameter:
    # Click selects a mark, double-click clears it (Vega-Lite's default "dblclick" clear).
    return alt.selection_point(name="pick", fields=fields, on="click", clear="dblclick")


def _sync_mark(panel_key: str, event) -> None:
    """Keep the URL's mark in step with this chart's clicks without wiping a deep-linked mark on load."""
    selection = selection_from_event(event)
    seen_key = f"_seen_{panel_key}"
    previous = st.session_state.get(seen_key)
    st.session_state[seen_key] = selection
    if previous is None or previous == selection:
        return  # first draw (perhaps from a deep link) or nothing new clicked
    current_chart, _ = decode_mark(st.query_params.get("mark"))
    if selection:
        st.query_params["mark"] = encode_mark(panel_key, selection)
    elif current_chart == panel_key:
        del st.query_params["mark"]


def draw(panel: Panel, ctx: Context) -> None:
    left, right = st.columns([3, 2], gap="medium")
    with left:
        # An explicit pixel height: "content" squeezed layered charts inside columns.
        plot_height = panel.chart.to_dict().get("height", 300)
        event = st.altair_chart(style(panel.chart, ctx.presentation), on_select="rerun", selection_mode="pick",
                                key=f"chart_{panel.key}", width="stretch", height=int(plot_height) + 160)
        _sync_mark(panel.key, event)
        if not ctx.presentation:
            _exports(panel)
    chart_key, selection = decode_mark(st.query_params.get("mark"))
    active = selection if chart_key == panel.key else {}
    universe = panel.scope if panel.universe is None else panel.universe
    passages = filter_passages(universe, active, ctx.theme_column) if active else panel.scope
    passages = passages.sort_values(panel.sort_passages_by, ascending=panel.ascending, kind="stable")
    with right:
        caption = f"Filtered to the clicked mark — {describe(active)}. Double-click the chart to clear." if active else (
            panel.scope_caption + " Click a mark to filter.")
        draw_passages(passages, ctx.paragraphs, ctx.theme_set, ctx.tone_column, caption, panel.key, ctx.presentation)
        if active and st.button("Clear selection", key=f"clear_{panel.key}"):
            del st.query_params["mark"]
            st.rerun()
        if not ctx.presentation:
            st.download_button("Passages CSV", rows_csv(passages[PASSAGE_COLUMNS]), f"{panel.key}-passages.csv",
                               "text/csv", key=f"dl_passages_{panel.key}", on_click="ignore")


def _exports(panel: Panel) -> None:
    svg, png, csv = st.columns(3)
    chart = style(panel.chart)
    svg.download_button("SVG", lambda: chart_svg(chart), f"{panel.key}.svg", "image/svg+xml",
                        key=f"dl_svg_{panel.key}", on_click="ignore")
    png.download_button("PNG 2×", lambda: chart_png(chart), f"{panel.key}.png", "image/png",
                        key=f"dl_png_{panel.key}", on_click="ignore")
    csv.download_button("Chart data CSV", rows_csv(panel.data), f"{panel.key}-data.csv", "text/csv",
                        key=f"dl_data_{panel.key}", on_click="ignore")
