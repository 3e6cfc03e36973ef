"""Charts a pick redraws in place.

Streamlit builds a chart's Vega view anew whenever its spec changes, datasets aside, and only swaps the datasets of the
view it has when nothing else did. A pick changes a chart's data and the words of its title ("Mean tone per week —
about Russia"), so every pick used to build every chart on the page again: compiling Vega-Lite, parsing Vega and
drawing every mark, half the browser's work on a pick (#24). With the title's words read from a dataset, a pick that
changes only words and data leaves the spec as it was, and the browser swaps the data into the view it has.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

import altair as alt
import pandas as pd
import pyarrow as pa

from .theme import styled

TEXT = "chart_text"  # the one-row dataset holding a chart's title and subtitle
# A single chart's own keys; the rest (title, size, config, datasets) belong to the top level of a layered one.
UNIT_KEYS = ("data", "mark", "encoding", "params", "transform", "name", "projection")


def words_as_data(spec: dict) -> dict:
    """``spec`` (a Vega-Lite dict, as the screen draws it) with its title and subtitle read by expressions from a
    one-row dataset (``TEXT``), which an invisible text layer brings into the view. Their lines (``theme.wrap``) are
    kept, each in one field, so the spec does not change when a title needs another line. Specs without a title,
    compositions other than a layer or a single chart, and layers whose every chart shares an encoding or transform
    (the words' layer would share it too) are returned as they are."""
    title = spec.get("title")
    if not isinstance(title, dict) or TEXT in spec.get("datasets", {}) or not (
            "mark" in spec or ("layer" in spec and "encoding" not in spec and "transform" not in spec)):
        return spec
    row, read = {}, {}
    for part in ("text", "subtitle"):
        if part not in title:
            continue
        lines = title[part] if isinstance(title[part], list) else [title[part]]
        if not all(isinstance(line, str) and "\n" not in line for line in lines):  # an expression, or unknown
            return spec
        # One field split into lines, so a title of one line and one of two read alike. Vega-Lite's schema lists an
        # expression for the text only, but its compiler turns every title property's into a Vega signal; the
        # browser tests check that a subtitle read so is drawn and follows a pick.
        row[part] = "\n".join(lines)
        read[part] = {"expr": f"split(data('{TEXT}')[0].{part}, '\\n')"}
    words = {"data": {"name": TEXT}, "mark": {"type": "text", "opacity": 0, "aria": False}}
    if "layer" in spec:
        out = {**spec, "layer": [*spec["layer"], words]}
    else:
        out = {key: value for key, value in spec.items() if key not in UNIT_KEYS}
        out["layer"] = [{key: spec[key] for key in UNIT_KEYS if key in spec}, words]
    out["title"] = {**title, **read}
    out["datasets"] = {**spec.get("datasets", {}), TEXT: [row]}
    return out


ROWS = "rows"  # the named dataset holding a ShapedChart's rows


@dataclass(eq=False)
class ShapedChart:
    """A chart whose rows and title change with a pick while its shape stays: ``shape`` is an Altair chart (layers,
    encodings, axes and scales, no title) reading its rows from the named dataset ``ROWS``, and ``shape_spec`` its
    Vega-Lite dict; whoever makes them keeps them, one pair per shape, so a pick builds no Altair chart.

    Built through Altair on every pick, a weekly chart of eight years (1,287 rows) cost about 45 ms: its rows made
    Python dicts, hashed as JSON to name them, then a frame and Arrow again in Streamlit; four charts a pick on Over
    time (#24). ``screen_spec`` gives Streamlit the rows as Arrow already; ``altair`` makes the whole chart as before,
    for the exports and slides, and ``screen_spec`` draws the same chart (tested)."""

    shape: alt.TopLevelMixin
    shape_spec: dict  # never changed here: each spec made from it is a copy
    rows: pd.DataFrame
    title: str
    subtitle: str = ""

    def altair(self) -> alt.TopLevelMixin:
        chart = self.shape.copy(deep=False)
        chart.data = self.rows
        chart.title = alt.Title(self.title, subtitle=self.subtitle)
        return chart

    def screen_spec(self, presentation: bool = False) -> dict:
        """The chart as the screen draws it, styled: the kept shape with this pick's title and rows (Arrow bytes,
        which Streamlit sends as they are)."""
        spec = copy.deepcopy(self.shape_spec)
        spec["title"] = {"text": self.title, "subtitle": self.subtitle}
        spec["datasets"] = {**spec.get("datasets", {}), ROWS: arrow_bytes(self.rows)}
        return styled(spec, presentation)


def arrow_bytes(frame: pd.DataFrame) -> bytes:
    """``frame``'s columns as an Arrow IPC stream, as Streamlit sends a chart's datasets (missing values as nulls)."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()
