"""Server-side exports of a chart (SVG, 2× PNG via vl-convert) and of the rows behind it (CSV)."""
from __future__ import annotations

import json

import altair as alt
import pandas as pd
import vl_convert as vlc


def chart_svg(chart: alt.TopLevelMixin) -> bytes:
    return vlc.vegalite_to_svg(chart.to_dict()).encode("utf-8")


def chart_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    return vlc.vegalite_to_png(chart.to_dict(), scale=scale)


def rows_csv(frame: pd.DataFrame) -> bytes:
    """CSV with list/dict cells (cues, themes) as JSON, so the file round-trips."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].map(lambda v: isinstance(v, (list, dict))).any():
            frame[column] = frame[column].map(lambda v: json.dumps(v, ensure_ascii=False))
    return frame.to_csv(index=False).encode("utf-8")
