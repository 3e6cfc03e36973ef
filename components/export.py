"""Server-side exports of a chart (SVG, 2× PNG via vl-convert) and of the rows behind it (CSV)."""
from __future__ import annotations

import altair as alt
import pandas as pd
import vl_convert as vlc

from framing.language.term_match import RECORD_FIELDS
from framing.reading.spreadsheet import table_to_csv


def vega_spec(chart: alt.TopLevelMixin) -> dict:
    """A chart as the Vega-Lite dict the screen draws: not validated against the schema again on every run (the
    tests validate every view's charts), and without Altair's default 300-pixel view, as Streamlit draws charts."""
    spec = chart.to_dict(validate=False)
    view = spec.get("config", {}).get("view", {})
    for default in ("continuousWidth", "continuousHeight"):
        view.pop(default, None)
    return spec


def chart_svg(spec: dict) -> bytes:
    """A chart's Vega-Lite spec (``vega_spec``: the one the screen draws) as SVG."""
    return vlc.vegalite_to_svg(spec).encode("utf-8")


def chart_png(spec: dict, scale: float = 2.0) -> bytes:
    return vlc.vegalite_to_png(spec, scale=scale)


def rows_csv(frame: pd.DataFrame) -> bytes:
    return table_to_csv(frame, record_fields=RECORD_FIELDS).encode("utf-8")
