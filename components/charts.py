"""Chart shapes shared by the views. Each returns an Altair chart with a point selection named "pick"."""
from __future__ import annotations

import json
import math
from functools import lru_cache

import altair as alt
import numpy as np
import pandas as pd

from .export import vega_spec
from .redraw import ROWS, ShapedChart
from .theme import STANCE_COLOURS, UNKNOWN_COLOUR, outlet_colour_scale, outlet_colours, outlet_palette

# Altair checks every part of a chart against the Vega-Lite schema as it is built, which cost a third of a rerun; the
# screen draws specs unvalidated (export.vega_spec). The tests validate every view's charts whole (test_components).
alt.utils.schemapi.disable_debug_mode()
# Channels are given as objects (alt.X("a:Q"), never the string "a:Q") and conditions through ``when``: Altair reads
# strings and alt.condition's dicts back by trying schema classes against them, 2–10 ms each on every rerun.


def _is_null(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _column_values(column: pd.Series) -> list | None:
    """A column as JSON-ready Python values, as Altair's sanitizer makes them (missing → None), or None for a
    kind this does not handle."""
    kind, name = column.dtype.kind, str(column.dtype)
    if name in ("str", "string", "object"):
        return [None if _is_null(v) else v.tolist() if isinstance(v, np.ndarray) else v for v in column.tolist()]
    if kind == "f":
        return [v if math.isfinite(v) else None for v in column.tolist()]
    if kind in "iub" and name not in ("boolean", "Int64", "Int32", "Int16", "Int8", "UInt64", "UInt32", "UInt16", "UInt8"):
        return column.tolist()
    return None


def chart_values(data):
    """Altair's default data transformer (at most 5,000 rows; a frame becomes its rows as values), with the frames
    the views chart made JSON-ready a column at a time: Altair's sanitizer copies the frame and converts each
    column through pandas, ~0.2 ms a column, a few milliseconds a chart on every rerun. Dates, categories and
    other kinds go through Altair's own."""
    alt.utils.data.limit_rows(data, max_rows=5000)  # raises beyond 5,000 rows (it returns the frame wrapped in narwhals)
    if isinstance(data, pd.DataFrame) and not isinstance(data.index, pd.MultiIndex) and \
            not isinstance(data.columns, (pd.MultiIndex, pd.RangeIndex)) and all(isinstance(c, str) for c in data.columns):
        names, columns = list(data.columns), [_column_values(data[c]) for c in data.columns]
        if all(c is not None for c in columns):
            return {"values": [dict(zip(names, row)) for row in zip(*columns)] if names else [{}] * len(data)}
    return alt.utils.data.to_values(data)


alt.data_transformers.register("framing", chart_values)
alt.data_transformers.enable("framing")

HEIGHT_PER_ROW = 26
HUMAN_LABEL = "replace(datum.label, /_/g, ' ')"  # "epistemic_verb" reads "epistemic verb"; the data keeps its names
LABEL_LINE = 26  # characters: a longer category label goes on two lines, so the plot (and its legend) keeps its width


def _two_lines(label: str, width: int = LABEL_LINE) -> str:
    """A Vega expression: ``label`` (an expression) split at its last space before ``width`` characters into two
    lines ("Legality, constitutionality / and jurisprudence"), or as it is when short."""
    cut = f"lastindexof(substring({label}, 0, {width}), ' ')"
    return f"length({label}) > {width} && {cut} > 0 ? [substring({label}, 0, {cut}), substring({label}, {cut} + 1)] : {label}"


HUMAN_LABEL_LINES = _two_lines(HUMAN_LABEL)
# An x axis title ending at the plot's right edge: beside long row labels a centred title ran past the chart's edge.
END_TITLE = alt.Axis(titleAnchor="end", titleAlign="right")


def interval_text(low: pd.Series, high: pd.Series, fmt: str) -> pd.Series:
    """A tooltip's "95% CI" cell: "−0.12 to +0.04", or why there is none (a tooltip would say "null")."""
    return pd.Series([f"{a:{fmt}} to {b:{fmt}}" if pd.notna(a) and pd.notna(b) else "none: sample too small"
                      for a, b in zip(low, high)], index=low.index, dtype=object)


def named(chart: alt.Chart, view: str) -> alt.Chart:
    """``chart``, a layer's chart with a selection, under the view name ``view``. Left unnamed, Altair named it by a
    hash of its JSON, made on every build with the chart's data in it: a DataFrame given to the chart was printed
    as text for that (a tenth of Compare's run)."""
    chart.name = view
    return chart


def point_selection(fields: list[str]) -> alt.Parameter:
    """The click selection every chart carries, named "pick"; its fields are filter fields (framing.statistics.filters).

    Click selects a mark, double-click clears it (Vega-Lite's default "dblclick" clear)."""
    return alt.selection_point(name="pick", fields=fields, on="click", clear="dblclick")


OUTLET_LABEL_CHARACTERS = 30  # an outlet's name in a legend or a row label, at most
BESIDE_LONG_ROWS_CHARACTERS = 25  # under a chart whose rows are long (stories, "term · outlet"): a legend's least room


def outlet_label(outlet: str, characters: int = OUTLET_LABEL_CHARACTERS) -> str:
    """An outlet's name as a chart's legend or row label gives it: whole up to ``characters``, else its first and last
    words about a gap ("Christian Science … Weekly 8"; the tooltip and the passages name it whole). A legend starts
    right of its chart's row names, and 9 outlets of 35–43 characters ran past a chart's edge there; as a row name,
    one squeezed the bars' plot. The last words stay: outlets of one house differ at the end ("… Opinion")."""
    if len(outlet) <= characters:
        return outlet
    words = outlet.split()
    tail: list[str] = []
    while len(words) > len(tail) + 1 and len(" ".join([words[-len(tail) - 1], *tail])) <= 0.4 * characters:
        tail.insert(0, words[-len(tail) - 1])
    head: list[str] = []
    for word in words[:len(words) - len(tail)]:
        if len(" ".join([*head, word, "…", *tail])) > characters:
            break
        head.append(word)
    if not head:  # one long word ("www.example-news-network.com")
        return outlet[:characters - 1] + "…"
    return " ".join([*head, "…", *tail])


def _outlet_colour(outlets: list[str], plotted=None, n: dict | None = None, n_of: str = "sentences",
                   label_characters: int = OUTLET_LABEL_CHARACTERS, **legend_options) -> alt.Color:
    """Colour by outlet over every outlet of the corpus (so colours agree across charts); the legend lists
    only the outlets this chart draws, each with its n when ``n`` gives it (outlet -> count), of what the title says
    (``n_of``): "Outlet (n words)", "PRIO Blogs (1,089)". The unit is said once, in the title: said in each label,
    "Christian Science Monitor (n = 9,094 sentences)" ran past the chart's edge under a chart of long row names."""
    shown = sorted(set(plotted)) if plotted is not None else sorted(outlets)
    # solid symbols: left to the marks' opacity (dimmed where an outlet is not picked), a legend's colours were faint
    legend = {"values": shown, "symbolOpacity": 1, **legend_options}
    title = "Outlet"
    labels = {o: outlet_label(o, label_characters) + (f" ({n[o]:,})" if n and o in n else "") for o in shown}
    if any(label != o for o, label in labels.items()):
        legend["labelExpr"] = f"({json.dumps(labels)})[datum.label] || datum.label"
    if n:
        title = f"Outlet (n {n_of})"
    return alt.Color("outlet_group:N", title=title, scale=outlet_colour_scale(outlets), legend=alt.Legend(**legend))


def outlet_colour_unnamed(outlets: list[str]) -> alt.Color:
    """Colour by outlet, as ``_outlet_colour``, without a legend: for marks whose rows or labels name the outlet, or
    whose legend another layer draws."""
    return alt.Color("outlet_group:N", scale=outlet_colour_scale(outlets), legend=None)


def when(test: str, then: alt.SchemaBase | float, otherwise, channel: type[alt.SchemaBase]) -> alt.SchemaBase:
    """``alt.condition(test, then, alt.value(otherwise))`` as the same spec, built directly: Altair reads
    ``alt.condition``'s dict back by trying each class of an anyOf schema against it, 3–10 ms a call and several
    calls a chart on every rerun. ``then`` is a channel (``alt.Color(...)``) or a plain value."""
    branch = then.to_dict(validate=False) if isinstance(then, alt.SchemaBase) else {"value": then}
    return channel(otherwise, condition={"test": test, **branch})


def with_highlight(data: pd.DataFrame, highlight: str | None) -> pd.DataFrame:
    """``data`` with a ``highlighted`` column: the picked outlet's rows (every row when no outlet is picked). A column
    rather than the outlet's name in the chart's expressions, so an outlet pick changes only the chart's data, which
    the browser swaps into the chart it has (``components.redraw``)."""
    return data.assign(highlighted=data["outlet_group"].eq(highlight) if highlight else True)


def opacity(selection, highlighted: bool) -> alt.OpacityValue:
    """A clicked mark stands out; before any click, the picked outlet does (so a screenshot shows what was selected):
    with ``highlighted``, the rows the data's ``highlighted`` column marks (``with_highlight``); else every row."""
    store = f"data('{selection.name}_store')"
    fallback = "datum.highlighted" if highlighted else "true"
    return when(f"length({store}) ? vlSelectionTest('{selection.name}_store', datum) : {fallback}", 1.0, 0.4,
                alt.OpacityValue)


def bars_with_ci(data: pd.DataFrame, value: str, low: str, high: str, title: str, subtitle: str, x_title: str,
                 outlets: list[str], highlight: str | None = None, domain=None) -> alt.LayerChart:
    """Horizontal bars per outlet, sorted by value, with 95% CI whiskers; each row's label gives its n (written at the
    whisker's end, it sat on a negative bar, crossed by the whisker)."""
    small = data["small_sample"] if "small_sample" in data else pd.Series(False, index=data.index)
    n_label = "n = " + data["n_sentences"].map("{:,}".format) + small.map({True: " · small sample", False: ""})
    data = with_highlight(data, highlight).assign(n_label=n_label, row=data["outlet_group"].map(outlet_label) + " (" + n_label + ")",
                                                  interval=interval_text(data[low], data[high], "+.3f"))
    pick = point_selection(["outlet_group"])
    # Rows drawn in the data's order (highest first), not given as a list in the spec: an order that changes with
    # the pick would be a new spec, and a chart built again rather than redrawn in place (components.redraw).
    data = data.sort_values(value, ascending=False)
    y = alt.Y("row:N", sort=None, title=None, axis=alt.Axis(labelLimit=320))
    scale = alt.Scale(domain=domain) if domain else alt.Undefined
    tooltip = [alt.Tooltip("outlet_group:N", title="Outlet"), alt.Tooltip(f"{value}:Q", format="+.3f", title=x_title),
               alt.Tooltip("interval:N", title="95% CI"),
               alt.Tooltip("n_sentences:Q", title="n sentences")]
    base = alt.Chart(data).encode(y=y)
    bars = base.mark_bar().encode(
        # no legend: each row names its outlet (a legend under it said the names again, and long ones ran past the
        # chart's edge, the legend starting right of the rows' names)
        x=alt.X(f"{value}:Q", title=x_title, scale=scale), color=outlet_colour_unnamed(outlets),
        opacity=opacity(pick, True), tooltip=tooltip).add_params(pick)
    bars = named(bars, "bars")
    whiskers = base.mark_rule(color="#111", strokeWidth=1.5).encode(x=alt.X(f"{low}:Q"), x2=alt.X2(f"{high}:Q"),
                                                                      tooltip=tooltip)
    return alt.layer(bars, whiskers,  # one layering (a + b layers twice); properties given here, not copied after
                     title=alt.Title(title, subtitle=subtitle), height=max(140, HEIGHT_PER_ROW * 1.6 * len(data)))


def largest_first(data: pd.DataFrame, row: str, value: str) -> pd.DataFrame:
    """``data`` with its rows in the order a chart draws them, ``sort=None``: the largest total of ``value`` per
    ``row`` first (a row's bars stacked or side by side: their sum), ties by name. A sort given in the spec is dropped
    where layers are drawn together (bars and their intervals, bars and their labels)."""
    total = data.groupby(row)[value].transform("sum")
    return data.assign(_total=total).sort_values(["_total", row], ascending=[False, True], kind="stable").drop(
        columns="_total")


def interval_outline(data: pd.DataFrame, y: alt.Y, low: str, high: str, **offset) -> alt.Chart:
    """Each bar's 95% interval as an unfilled bar from ``low`` to ``high`` over it: a bar fills its place in the row
    in every renderer, where a rule on an offset row sat at the top of the place in the browser and lower in
    vl-convert's exports. Clicks go through to the bar under it."""
    return alt.Chart(data).mark_bar(filled=False, color="#1f2937", strokeWidth=1.2).encode(
        y=y, x=alt.X(f"{low}:Q"), x2=alt.X2(f"{high}:Q"), **offset)


MOST_GROUPED_BARS = 40  # past this many bars (categories × outlets, 640 px) grouped bars are drawn as rows of dots


def grouped_bars(data: pd.DataFrame, category: str, value: str, title: str, subtitle: str, x_title: str,
                 outlets: list[str], highlight: str | None = None, fmt: str = ".1f", extra_tooltip=(),
                 n: dict | None = None, low: str | None = None, high: str | None = None,
                 ci_method: str = "", n_of: str = "sentences") -> alt.Chart | alt.LayerChart:
    """Bars per category (rows, the largest first) and outlet (colour, side by side); ``n`` per outlet (a count of
    ``n_of``) goes into the legend; ``low`` and ``high``: each bar's 95% interval, outlined over it from its low to its high end (the subtitle
    says so, and how it was made: ``ci_method``). Past MOST_GROUPED_BARS bars, a row of dots per category instead,
    one dot per outlet with its whisker, so the chart fits a slide: 15 themes × 9 outlets as bars were 2,600 px tall,
    9 themes × 5 outlets 720 px."""
    n_rows = data[category].nunique() * max(1, data["outlet_group"].nunique())
    tooltip = [alt.Tooltip("outlet_group:N", title="Outlet"), alt.Tooltip(f"{category}:N", title=category.replace("_", " ")),
               alt.Tooltip(f"{value}:Q", format=fmt, title=x_title)]
    if low and high:
        data = data.assign(interval=interval_text(data[low], data[high], fmt))
        tooltip.append(alt.Tooltip("interval:N", title="95% CI"))
    data = largest_first(data, category, value)
    if n_rows > MOST_GROUPED_BARS:
        note = f"; a dot per outlet{f'; whiskers: 95% CI, {ci_method}' if low and high else ''}"
        return dots(data, value, f"{category}:N", ["outlet_group", category], title, subtitle + note, x_title, None,
                    outlets, [*tooltip, *extra_tooltip], highlight=highlight,
                    intervals=(low, high, None, None) if low and high else None,
                    x_format="%" if fmt.endswith("%") else None, rows_in_data_order=True, n=n, n_of=n_of)
    subtitle += f"; outlined: 95% CI, {ci_method}" if low and high else ""
    pick = point_selection(["outlet_group", category])
    y = alt.Y(f"{category}:N", title=None, sort=None, axis=alt.Axis(labelExpr=HUMAN_LABEL_LINES))
    y_offset = alt.YOffset("outlet_group:N", scale=alt.Scale(domain=sorted(outlets)))
    bars = alt.Chart(with_highlight(data, highlight)).mark_bar().encode(
        y=y, yOffset=y_offset, x=alt.X(f"{value}:Q", title=x_title, axis=alt.Axis(format="%") if fmt.endswith("%") else alt.Undefined),
        color=_outlet_colour(outlets, data["outlet_group"], n, n_of), opacity=opacity(pick, True),
        tooltip=[*tooltip, *extra_tooltip],
    ).add_params(pick)
    # One level of layers (chart_height reads a layer's legend one level down, not two)
    layers = [*beyond_palette_names(data, category, value),
              *([interval_outline(data, y, low, high, yOffset=y_offset)] if low and high else [])]
    chart = alt.layer(named(bars, "bars"), *layers) if layers else bars
    return chart.properties(title=alt.Title(title, subtitle=subtitle), height=max(160, 16 * n_rows))


def beyond_palette_names(data: pd.DataFrame, row: str, value: str) -> list[alt.Chart]:
    """Past 20 outlets the colours repeat, so each mark also carries its outlet's name: that layer, or none."""
    if data["outlet_group"].nunique() <= len(outlet_palette()):
        return []
    return [alt.Chart(data).mark_text(align="left", dx=3, fontSize=9, color="#334155").encode(
        y=alt.Y(f"{row}:N", sort=None),  # the data's order, as the bars
        yOffset=alt.YOffset("outlet_group:N"), x=alt.X(f"{value}:Q"), text=alt.Text("outlet_group:N"))]


def ranked_bars(data: pd.DataFrame, label: str, value: str, field: str | list[str], title: str, subtitle: str,
                x_title: str, outlets: list[str], tooltip: list, row_height: int = 28, low: str | None = None,
                high: str | None = None) -> alt.Chart | alt.LayerChart:
    """One bar per row (an article, a speaker), longest first, coloured by outlet; a click picks ``field`` (or the
    fields: a story and an outlet, say). ``low`` and ``high``: each bar's 95% interval, outlined over it."""
    pick = point_selection([field] if isinstance(field, str) else list(field))
    data = largest_first(data, label, value)
    y = alt.Y(f"{label}:N", sort=None, title=None)
    bars = alt.Chart(data).mark_bar().encode(
        y=y, x=alt.X(f"{value}:Q", title=x_title),
        # Rows named by outlet need no legend; any other rows get one saying whose colour is whose.
        color=(outlet_colour_unnamed(outlets) if field == "outlet_group" else
               _outlet_colour(outlets, data["outlet_group"], label_characters=BESIDE_LONG_ROWS_CHARACTERS)),
        opacity=opacity(pick, False),
        tooltip=tooltip,
    ).add_params(pick)
    if low and high:
        bars = alt.layer(named(bars, "bars"), interval_outline(data, y, low, high))
    return bars.properties(title=alt.Title(title, subtitle=subtitle), height=max(160, row_height * data[label].nunique()))


def count_bars(data: pd.DataFrame, value: str, title: str, subtitle: str, outlets: list[str], tooltip: list) -> alt.LayerChart:
    """One bar per outlet (``outlet_group``) with its count written at its end, largest first, in the outlet's colour
    (grey for one the charts do not draw, "unknown"); a click picks the outlet."""
    colours = outlet_colours(outlets)
    domain = list(data["outlet_group"])
    pick = point_selection(["outlet_group"])
    base = alt.Chart().encode(y=alt.Y("outlet_group:N", sort=None, title=None))  # in the data's order
    bars = base.mark_bar().encode(
        # each count is written at its bar's end, so no axis; room at the right for the largest one's
        x=alt.X(f"{value}:Q", title=None, axis=None, scale=alt.Scale(domain=[0, float(data[value].max()) * 1.12])),
        color=alt.Color("outlet_group:N", legend=None,
                        scale=alt.Scale(domain=domain, range=[colours.get(o, UNKNOWN_COLOUR) for o in domain])),
        opacity=opacity(pick, False), tooltip=tooltip).add_params(pick)
    counts = base.mark_text(align="left", dx=4, color="#333").encode(x=alt.X(f"{value}:Q"), text=alt.Text(f"{value}:Q", format=","))
    return alt.layer(named(bars, "bars"), counts, data=data, title=alt.Title(title, subtitle=subtitle),
                     height=max(52, 26 * len(data)))


def stacked_counts(data: pd.DataFrame, label: str, value: str, fields: list[str], title: str, subtitle: str,
                   x_title: str, outlets: list[str], tooltip: list, highlight: str | None = None,
                   row_height: int = 26) -> alt.Chart:
    """One row per ``label`` in the data's order, its bar stacked from each outlet's ``value`` in the outlet's colour
    (a legend names those drawn; ``highlight``: the picked outlet's parts stand out); a click picks ``fields`` (a story
    and an outlet, say)."""
    pick = point_selection(fields)
    data = with_highlight(data, highlight)
    chart = alt.Chart(data).mark_bar().encode(
        y=alt.Y(f"{label}:N", sort=None, title=None),
        x=alt.X(f"{value}:Q", title=x_title, stack="zero", axis=alt.Axis(tickMinStep=1, format="d")),
        # one column, as every legend: two across cut long names
        color=_outlet_colour(outlets, data["outlet_group"], label_characters=BESIDE_LONG_ROWS_CHARACTERS),
        order=alt.Order("outlet_group:N"),
        opacity=opacity(pick, True),
        tooltip=tooltip,
    ).add_params(pick)
    return chart.properties(title=alt.Title(title, subtitle=subtitle), height=max(120, row_height * data[label].nunique()))


def dots(data: pd.DataFrame, x: str, y: str, fields: list[str], title: str, subtitle: str, x_title: str, y_title: str | None,
         outlets: list[str], tooltip: list, x_domain=None, highlight: str | None = None, size: int = 90,
         diagonal: bool = False, intervals: tuple[str, str, str | None, str | None] | None = None,
         x_format: str | None = None, rows_in_data_order: bool = False, n: dict | None = None,
         n_of: str = "sentences") -> alt.Chart:
    """Dots per row; with ``diagonal``, both axes share one scale from 0 with room for the largest value, and the
    x = y line is drawn (above it: more of y than of x). ``intervals``: the columns of each dot's 95% interval on x
    (low, high) and on y (low, high; None for none), drawn as whiskers through it. ``x_format``: the x axis's labels
    ("%"); ``rows_in_data_order``: rows (a nominal y) in the data's order, not by name; ``n`` per outlet (a count of
    ``n_of``) goes into the legend."""
    pick = point_selection(fields)
    y_sort = {"sort": None} if rows_in_data_order else {}
    # Rows by category on a point scale, said in every layer: left to the whiskers' rules it became a band scale,
    # on which the browser (not vl-convert) set the first row's label 4 px low, nearer the second row than its own dot.
    by_category = {"scale": alt.Scale(type="point")} if y.endswith(":N") else {}
    y_scale = by_category.get("scale", alt.Undefined)
    if diagonal:
        reach = [data[x].max(), data[y.split(":")[0]].max(), 1.0] + [data[c].max() for c in intervals or () if c]
        top = float(np.nanmax(np.asarray(reach, dtype=float))) * 1.15
        x_domain, y_scale = [0, top], alt.Scale(domain=[0, top])
    shown = with_highlight(data, highlight)
    chart = alt.Chart(shown).mark_circle(size=size, clip=False).encode(
        x=alt.X(f"{x}:Q", title=x_title, scale=alt.Scale(domain=x_domain) if x_domain else alt.Undefined,
                axis=alt.Axis(format=x_format) if x_format else alt.Undefined),
        y=alt.Y(y, title=y_title, scale=y_scale, axis=value_axis(**({"labelExpr": HUMAN_LABEL_LINES} if by_category else {})),
                **y_sort),
        color=_outlet_colour(outlets, data["outlet_group"], n, n_of), opacity=opacity(pick, True), tooltip=tooltip,
    ).add_params(pick)
    layers = []  # one level of layers: a nested one hid its legend from chart_height
    if diagonal:
        layers.append(alt.Chart(pd.DataFrame({"a": [0.0, top], "b": [0.0, top]})).mark_line(
            color="#64748b", strokeDash=[5, 4]).encode(x=alt.X("a:Q"), y=alt.Y("b:Q")))
    if intervals:
        x_low, x_high, y_low, y_high = intervals
        whiskers = alt.Chart(shown).mark_rule(strokeWidth=1.5).encode(
            color=outlet_colour_unnamed(outlets), opacity=when("datum.highlighted", 0.6, 0.3, alt.OpacityValue))
        layers.append(whiskers.encode(x=alt.X(f"{x_low}:Q"), x2=alt.X2(f"{x_high}:Q"), y=alt.Y(y, **y_sort, **by_category)))
        if y_low and y_high:
            layers.append(whiskers.encode(y=alt.Y(f"{y_low}:Q"), y2=alt.Y2(f"{y_high}:Q"), x=alt.X(f"{x}:Q")))
    if layers:  # the legend is the dots' (the whiskers', left out, would take it away)
        chart = alt.layer(*layers, named(chart, "dots")).resolve_legend(color="independent")
    # a row of dots per category (a nominal y) gets room for each row: 14 themes in 320 px ran into each other
    rows = data[y.split(":")[0]].nunique() if y.endswith(":N") else 0
    # labels on two lines need the room of two: at 26 px a row, "… and jurisprudence" touched the row below's label
    two_lines = rows and data[y.split(":")[0]].astype(str).str.len().max() > LABEL_LINE
    return chart.properties(title=alt.Title(title, subtitle=subtitle),
                            height=max(320, (ROW_OF_TWO_LINES if two_lines else ROW_OF_DOTS) * rows))


GREY = "#9ca3af"
ROW_OF_DOTS = 26  # px per row of a dot chart by category
ROW_OF_TWO_LINES = 34  # the same where a category's label takes two lines (42 in presentation mode: 39 touched)
# px per row of a differences chart, its label on two lines (47 in presentation mode: at 42 they overlapped by 3 px)
ROW_OF_DIFFERENCE = 38
DOT_IN_ROW = 22  # px per dot of a differences chart with several outlets' dots in a row


def value_axis(**options) -> alt.Axis:
    """A quantitative y axis whose title reads across, above the axis: a vertical title sat left of the labels,
    where the chart's box cut it ("n tone" for "Mean tone")."""
    return alt.Axis(titleAngle=0, titleAlign="left", titleBaseline="bottom", titleX=0, titleY=-8, **options)


def zero_rule(axis: type[alt.X] | type[alt.Y]) -> alt.Chart:
    """The dashed rule at zero that difference charts are read against."""
    channel = "x" if axis is alt.X else "y"
    return alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(color="#334155", strokeDash=[4, 3]).encode(
        **{channel: axis("zero:Q")})


def differences(data: pd.DataFrame, row: str, value: str, low: str, high: str, verdict: str, title: str, subtitle: str,
                x_title: str, outlets: list[str], fields: list[str], highlight: str | None = None, fmt: str = "+.2f",
                offset: str | None = None, tooltip: tuple[tuple[str, str], ...] = ()) -> ShapedChart:
    """Differences from the rest, one dot per row with its 95% interval, a rule at zero. A dot is coloured
    by its outlet only when the difference is clear; "no clear difference" and small samples are grey.
    ``row`` labels carry their n, so no number hides behind a whisker. ``tooltip``: more (field, title) pairs.

    With ``offset`` (several outlets' dots in a row, e.g. one per outlet for each kind of cue) a grey dot could be
    any outlet's: there each dot keeps its outlet's colour, named in a legend, filled where the difference is clear
    and hollow where it is not, its whisker grey.

    A pick changes only the rows and the title: the shape is built once for each (measure, outlets, rows drawn…)
    and kept (``_differences_shape``)."""
    drawn = [row, value, low, high, verdict, "outlet_group", *fields, *([offset] if offset else []),
             *(field.split(":")[0] for field, _ in tooltip)]
    rows = with_highlight(data[list(dict.fromkeys(drawn))], highlight).assign(
        interval=interval_text(data[low], data[high], fmt)).reset_index(drop=True)
    if offset:
        subtitle = f"{subtitle}; filled: a clear difference, hollow: none clear"
    # A dot a row needs room for its two-line label; dots within a row only for themselves (9 outlets × 3 kinds of
    # cue were 920 px at 34 px a dot, more than a slide)
    dots_high = rows[row].nunique() * rows[offset].nunique() * DOT_IN_ROW if offset else rows[row].nunique() * ROW_OF_DIFFERENCE
    plotted = tuple(sorted(set(rows["outlet_group"]))) if offset else ()
    shape, shape_spec = _differences_shape(row, value, low, high, verdict, x_title, tuple(outlets), tuple(fields), fmt,
                                           offset, tuple(tooltip), plotted, max(120, dots_high))
    return ShapedChart(shape, shape_spec, rows, title, subtitle)


@lru_cache(maxsize=256)
def _differences_shape(row: str, value: str, low: str, high: str, verdict: str, x_title: str, outlets: tuple[str, ...],
                       fields: tuple[str, ...], fmt: str, offset: str | None, tooltip: tuple[tuple[str, str], ...],
                       plotted: tuple[str, ...], height: int) -> tuple[alt.LayerChart, dict]:
    """``differences``' chart without its rows (the named dataset ``ROWS``) or title, and its Vega-Lite dict."""
    pick = point_selection(list(fields))
    y = alt.Y(f"{row}:N", sort=None, title=None,
              axis=alt.Axis(labelLimit=420, labelExpr=_two_lines("datum.label", 34)))
    encodings = {"y": y}
    if offset:
        encodings["yOffset"] = alt.YOffset(f"{offset}:N")
    base = alt.Chart().encode(**encodings)
    is_clear = f"datum.{verdict} == 'clear difference'"
    # With offset, the legend says whose dot is whose; its symbols smaller than the dots (at their size, nine outlets'
    # legend was 270 px tall)
    named_colour = _outlet_colour(list(outlets), plotted, symbolSize=80, symbolStrokeWidth=1.5) if offset else \
        outlet_colour_unnamed(list(outlets))
    clear_colour = when(is_clear, named_colour, GREY, alt.ColorValue)
    zero = zero_rule(alt.X)
    whiskers = base.mark_rule(strokeWidth=2.5).encode(
        x=alt.X(f"{low}:Q", title=x_title, axis=END_TITLE), x2=alt.X2(f"{high}:Q"),
        color=clear_colour)
    if offset:
        dot_mark = base.mark_point(size=150, strokeWidth=2.5)
        dot_colour = {"color": named_colour,
                      "fill": when(is_clear, outlet_colour_unnamed(list(outlets)), "white", alt.FillValue)}
    else:
        dot_mark = base.mark_point(filled=True, size=170, stroke="#111", strokeWidth=0.6)
        dot_colour = {"color": clear_colour}
    dots = dot_mark.encode(
        x=alt.X(f"{value}:Q", title=x_title, axis=END_TITLE),
        **dot_colour,
        opacity=opacity(pick, True),
        tooltip=[alt.Tooltip(f"{row}:N"), alt.Tooltip(f"{value}:Q", format=fmt, title="difference"),
                 alt.Tooltip("interval:N", title="95% CI"),
                 alt.Tooltip(f"{verdict}:N", title="verdict"), *(alt.Tooltip(f, title=t) for f, t in tooltip)],
    ).add_params(pick)
    dots = named(dots, "dots")
    shape = alt.layer(zero, whiskers, dots, data=alt.NamedData(ROWS), height=height)
    return shape, vega_spec(shape)


LONG_CHART_ROWS = 500  # a time chart of more rows is drawn on canvas, without an ARIA label per point
# A time chart of more periods draws a column per period to hover and click, not a point per outlet-period: at 1280 px
# its plot is about 440 px wide, so 150 periods stand 3 px apart, and a point (8 px across) covers its neighbours.
# Over time offers no finer unit past 150 periods (periods.MOST_PERIODS), so only decades of quarters come to this.
POINTS_UP_TO_PERIODS = 150


def intervals_drawn_as(rows: int) -> str:
    """What a time chart of ``rows`` outlet-periods draws its intervals as, for its subtitle to say."""
    return "band" if rows > LONG_CHART_ROWS else "whiskers"


def points_drawn(periods: int) -> bool:
    """Whether a time chart of ``periods`` periods draws a point per outlet-period (else a column per period)."""
    return periods <= POINTS_UP_TO_PERIODS


YEAR_TICKS_FROM_DAYS = 1095  # a span of three years or more is labelled by year alone; of four months or more, by month
MONTH_TICKS_FROM_DAYS = 120
MOST_TICKS = 12


def time_ticks(starts: pd.Series) -> tuple[str, int, str]:
    """Where a date axis's ticks fall, by the span of ``starts`` (ISO dates): (whole years, months or days; every how
    many; the label's format), at most about a dozen ticks, each label saying its year: "2013"; "Apr 2024"; "8 Apr
    2024". Vega's own labels name a year only at January ("2013", "April", "July", "October"), and where they overlap
    it drops every other one: a chart of several years 700–1,200 px wide (a slide, presentation mode) read "April
    October April October" with no year at all."""
    days = pd.to_datetime(starts.dropna(), errors="coerce").dropna()
    span = (days.max() - days.min()).days if len(days) else 0
    if span >= YEAR_TICKS_FROM_DAYS:
        return "year", math.ceil(span / 365 / MOST_TICKS), "%Y"
    if span >= MONTH_TICKS_FROM_DAYS:
        return "month", next(s for s in (1, 2, 3, 6) if span / 30.4 / s <= MOST_TICKS), "%b %Y"
    return "day", max(1, math.ceil(span / MOST_TICKS)), "%-d %b %Y"


def time_axis(ticks: tuple[str, int, str]) -> alt.Axis:
    """A date axis with ``time_ticks``'s ticks."""
    interval, step, fmt = ticks
    return alt.Axis(labelOverlap=True, labelFlush=False, format=fmt, tickCount={"interval": interval, "step": step})


def over_time(data: pd.DataFrame, value: str, low: str | None, high: str | None, title: str, subtitle: str, y_title: str,
              outlets: list[str], highlight: str | None = None, fmt: str = ".2f", shaded=None, brush: bool = False,
              zero: bool = False, of: str | None = None) -> ShapedChart:
    """One line per outlet through its weeks, months or quarters (x: ``start``, the period's first day), a point per period
    (hollow: a small sample) with its 95% interval when ``low`` and ``high`` are given; a click picks an outlet's
    period. Past ``POINTS_UP_TO_PERIODS`` periods, a column per period instead of the points: hovering it names every
    outlet's figure, a click picks the period (every outlet's sentences in it). ``shaded``: a (first, last) pair of ISO
    dates drawn as a band (the period the other views compare within). ``brush``: dragging across the chart selects a
    stretch of time (an interval selection named "period"). ``of``: when the figure is a share, the column counting what
    it is a share of ("sentences"): its tooltips then say "5 of 40 sentences", so a period in which an outlet wrote 40
    sentences and none on the pick reads 0 of 40, not as a period without sentences.

    A pick changes only the rows and the title: the shape is built once for each (measure, outlets drawn, span,
    length, band…) and kept (``_time_shape``)."""
    with_interval = bool(low and high)
    columns = not points_drawn(data["period"].nunique())
    # Only the columns drawn or shown go to the browser (the panel's data, exported as CSV, keeps them all): the
    # points' tooltip reads the counts and the interval as text; the columns' tooltip each outlet's figure as text.
    drawn = ["outlet_group", "period", "start", value, *([low, high] if with_interval else [])]
    plotted = tuple(sorted(set(data["outlet_group"])))
    if columns:
        # The columns' tooltip reads each outlet's figure from a field named by its place among the outlets drawn: a
        # field named by the outlet would be lost if an outlet were called "period" or "start", like a field kept.
        rows = with_highlight(data[list(dict.fromkeys(drawn))], highlight).assign(
            next_start=_next_starts(data).to_numpy(), figure=_figure_text(data, value, fmt, with_interval, of).to_numpy(),
            outlet_key=data["outlet_group"].map({outlet: k for k, outlet in enumerate(plotted)}).to_numpy())
    else:
        interval = interval_text(data[low], data[high], fmt) if with_interval else pd.Series("", index=data.index, dtype=object)
        rows = with_highlight(data[list(dict.fromkeys([*drawn, "n_sentences", "articles", "small_sample"]))], highlight).assign(
            interval=interval, size_note=data["small_sample"].map({True: "small sample", False: ""}))
        if of:
            rows["counted"] = _counted_text(data, of).to_numpy()
    rows = rows.reset_index(drop=True)
    shape, shape_spec = _time_shape(value, low if with_interval else None, high if with_interval else None, y_title, fmt,
                                    tuple(outlets), plotted, time_ticks(rows["start"]), len(rows) > LONG_CHART_ROWS,
                                    tuple(shaded) if shaded else None, brush, zero, columns, bool(of))
    return ShapedChart(shape, shape_spec, rows, title, subtitle)


def _next_starts(data: pd.DataFrame) -> pd.Series:
    """Each row's next period's first day (ISO): where its column on the chart ends. The day after the period's last
    (``end``) when the data has it; else the following period's start, the last period as long as the one before."""
    if "end" in data:
        return (pd.to_datetime(data["end"]) + pd.Timedelta(days=1)).dt.strftime("%Y-%m-%d")
    starts = pd.Series(sorted(set(data["start"])))
    days = pd.to_datetime(starts)
    after = days.shift(-1).fillna(days.iloc[-1] + (days.iloc[-1] - days.iloc[-2] if len(days) > 1 else pd.Timedelta(days=7)))
    return data["start"].map(dict(zip(starts, after.dt.strftime("%Y-%m-%d"))))


def _figure_text(data: pd.DataFrame, value: str, fmt: str, counted: bool, of: str | None = None) -> pd.Series:
    """Each outlet-period's figure as a column's tooltip names it: "+0.120 · 45 sentences", "+0.300 · 12 sentences,
    a small sample", "no sentences" (``counted``: a figure of sentences, as a point's tooltip gives them), a share's
    "2.5 · 1 of 40 sentences" (``of``: the column it is a share of), or the count alone ("12")."""
    def number(v: float) -> str:  # as the charts' d3 formats write it, with d3's minus sign
        return format(v, ",.0f" if fmt == "," else fmt).replace("-", "\u2212")

    if not counted:
        return data[value].map(lambda v: "none" if pd.isna(v) else number(v))
    return pd.Series([("no sentences" if pd.isna(v) else
                       f"{number(v)} · {count} sentence{'s' if last != 1 else ''}{', a small sample' if small and last else ''}")
                      for v, count, last, small in zip(data[value], _counted_text(data, of), data[of or "n_sentences"],
                                                       data["small_sample"])], index=data.index)


def _counted_text(data: pd.DataFrame, of: str | None) -> pd.Series:
    """How many sentences each outlet-period's figure rests on, as its tooltips say it: "12", or of a share's ``of``
    column "5 of 40"."""
    if of is None:
        return data["n_sentences"].map("{:,}".format)
    return pd.Series([f"{n:,} of {total:,}" for n, total in zip(data["n_sentences"], data[of])], index=data.index)


@lru_cache(maxsize=256)
def _time_shape(value: str, low: str | None, high: str | None, y_title: str, fmt: str, outlets: tuple[str, ...],
                plotted: tuple[str, ...], ticks: tuple[str, int, str], long: bool, shaded: tuple[str, str] | None,
                brush: bool, zero: bool, columns: bool = False, share: bool = False) -> tuple[alt.LayerChart, dict]:
    """``over_time``'s chart without its rows (the named dataset ``ROWS``) or title, and its Vega-Lite dict."""
    pick = point_selection(["period"] if columns else ["outlet_group", "period"])
    # Per-point screen-reader labels only where they can be read: past LONG_CHART_ROWS rows (a weekly chart of years)
    # Vega formatted one for every point on every redraw, a sixth of the browser's work on a pick.
    quiet = {"aria": False} if long else {}
    # On a UTC scale: ISO dates are read as UTC midnight, so a local scale put each point hours off its tick and a
    # brush east of UTC read the day before the one under the pointer.
    x = alt.X("start:T", title=None, axis=time_axis(ticks), scale=alt.Scale(type="utc"))
    base = alt.Chart().encode(x=x, color=_outlet_colour(list(outlets), plotted))
    line = base.mark_line(strokeWidth=2, **quiet).encode(
        y=alt.Y(f"{value}:Q", title=y_title, axis=value_axis(tickMinStep=1, format="d") if fmt == "," else value_axis()),
        opacity=when("datum.highlighted", 0.9, 0.25, alt.OpacityValue))
    if columns:
        points = _period_columns(plotted, pick, x)
    else:
        tooltip = [alt.Tooltip("outlet_group:N", title="Outlet"), alt.Tooltip("period:N", title="Period"),
                   alt.Tooltip(f"{value}:Q", format=fmt, title=y_title)]
        if low and high:
            tooltip.append(alt.Tooltip("interval:N", title="95% CI"))
        tooltip += [alt.Tooltip("counted:N", title="sentences on the pick") if share else
                    alt.Tooltip("n_sentences:Q", title="n sentences", format=","),
                    alt.Tooltip("articles:Q", title="articles"), alt.Tooltip("size_note:N", title="note")]
        points = named(base.mark_point(size=55, strokeWidth=2, filled=False, **quiet).encode(
            y=alt.Y(f"{value}:Q"), fill=alt.Fill("outlet_group:N", scale=outlet_colour_scale(list(outlets)), legend=None),
            fillOpacity=when("datum.small_sample", 0.0, 1.0, alt.FillOpacityValue),
            opacity=opacity(pick, True), tooltip=tooltip).add_params(pick), "points")
    layers = []
    if shaded:
        band = pd.DataFrame({"first": [shaded[0]], "last": [shaded[1]]})
        layers.append(alt.Chart(band).mark_rect(color="#fde68a", opacity=0.45).encode(x=alt.X("first:T"), x2=alt.X2("last:T")))
    if zero:
        layers.append(zero_rule(alt.Y))
    if low and high and long:
        # A long chart's intervals as one band per outlet: its whiskers, 2–3 px apart, read as a band anyway, and
        # each was an item the browser drew again on every pick (three charts of 1,287 whiskers at 10,000 articles).
        layers.append(base.mark_area(aria=False, interpolate="linear").encode(
            y=alt.Y(f"{low}:Q"), y2=alt.Y2(f"{high}:Q"), opacity=when("datum.highlighted", 0.22, 0.07, alt.OpacityValue)))
    elif low and high:
        layers.append(base.mark_rule(strokeWidth=1.2, **quiet).encode(
            y=alt.Y(f"{low}:Q"), y2=alt.Y2(f"{high}:Q"), opacity=when("datum.highlighted", 0.45, 0.12, alt.OpacityValue)))
    if brush:
        line = named(line.add_params(alt.selection_interval(name="period", encodings=["x"])), "line")
    # height given to the layer itself: .properties() would copy and check the whole layered chart again.
    # A long chart on canvas. Streamlit switches to canvas by itself only past 2,000 data points: the charts with
    # whiskers did, the attention chart (1,287 points, a brush) stayed on SVG. Weekly actor picks at 10,000 articles,
    # alternated in one session: settled at p50 875 ms against 1,179 ms, the browser's long tasks 398 ms against 502.
    canvas = {"usermeta": {"embedOptions": {"renderer": "canvas"}}} if long else {}
    shape = alt.layer(*layers, line, points, data=alt.NamedData(ROWS), height=240, **canvas)
    return shape, vega_spec(shape)


def _period_columns(plotted: tuple[str, ...], pick: alt.Parameter, x: alt.X) -> alt.Chart:
    """A long time chart's click targets, drawn over its lines: a column per period, from its first day to the next
    period's, the whole chart high. It is invisible until clicked (then a grey stripe); hovering it names the period
    and every outlet's figure. A third of the items of a point per outlet-period, each of which the browser encodes
    again on every pick (about 20 µs an item in Vega's expression interpreter, which Streamlit uses)."""
    tooltip = [alt.Tooltip("period:N", title="Period"),
               *(alt.Tooltip(field=str(k), type="nominal", title=outlet) for k, outlet in enumerate(plotted))]
    # Each outlet's figure as text (``_figure_text``): a number alone read "NaN" for a period without sentences.
    chart = alt.Chart().transform_pivot("outlet_key", value="figure", op="max", groupby=["period", "start", "next_start"]).mark_rect(
        aria=False, fill="#64748b", stroke="#334155", strokeWidth=1).encode(
        x=x, x2=alt.X2("next_start:T"), opacity=when(f"length(data('{pick.name}_store')) && "
                                                     f"vlSelectionTest('{pick.name}_store', datum)", 0.35, 0.0, alt.OpacityValue),
        tooltip=tooltip).add_params(pick)
    return named(chart, "periods")


def through_article(data: pd.DataFrame, parts: tuple[str, ...], value: str, low: str, high: str, title: str,
                    subtitle: str, y_title: str, outlets: list[str], highlight: str | None = None,
                    fmt: str = "+.3f") -> alt.LayerChart:
    """Per outlet, a line through the parts of the article (``part``, one of ``parts``, left to right), a point per part
    with its 95% interval (``low``, ``high``); an outlet's points sit a little apart from the others' in each part, so
    its whiskers do not hide theirs. A click picks an outlet's part."""
    pick = point_selection(["outlet_group", "part"])
    drawn = sorted(data["outlet_group"].unique())
    spread = 0.5 / max(len(drawn), 1)  # the outlets of one part within half a part's width
    place = {o: (k - (len(drawn) - 1) / 2) * spread for k, o in enumerate(drawn)}
    data = with_highlight(data, highlight).assign(
        x=[parts.index(p) + place[o] for p, o in zip(data["part"], data["outlet_group"])],
        interval=interval_text(data[low], data[high], fmt))
    names = json.dumps(list(parts))
    x = alt.X("x:Q", title=None, scale=alt.Scale(domain=[-0.5, len(parts) - 0.5], nice=False),
              axis=alt.Axis(values=list(range(len(parts))), labelExpr=f"{names}[datum.value]", grid=False))
    base = alt.Chart().encode(x=x, color=_outlet_colour(outlets, data["outlet_group"]))
    line = base.mark_line(strokeWidth=2).encode(y=alt.Y(f"{value}:Q", title=y_title, axis=value_axis()),
                                                opacity=when("datum.highlighted", 0.9, 0.25, alt.OpacityValue))
    whiskers = base.mark_rule(strokeWidth=1.5).encode(y=alt.Y(f"{low}:Q"), y2=alt.Y2(f"{high}:Q"),
                                                      opacity=when("datum.highlighted", 0.6, 0.15, alt.OpacityValue))
    points = named(base.mark_circle(size=70).encode(
        y=alt.Y(f"{value}:Q"), opacity=opacity(pick, True),
        tooltip=[alt.Tooltip("outlet_group:N", title="Outlet"), alt.Tooltip("part:N", title="part of the article"),
                 alt.Tooltip(f"{value}:Q", format=fmt, title=y_title), alt.Tooltip("interval:N", title="95% CI"),
                 alt.Tooltip("n_sentences:Q", title="n sentences", format=","),
                 alt.Tooltip("n_articles:Q", title="articles", format=",")]).add_params(pick), "points")
    return alt.layer(zero_rule(alt.Y), whiskers, line, points, data=data, title=alt.Title(title, subtitle=subtitle),
                     height=280).resolve_legend(color="shared")


# A row label in parts split by " · ", one part a line ("Barack Obama · CNN (12 mentions)"): on one line the
# portrayal charts' labels took half to two-thirds of a 1280-px screen's chart
LINES_AT_DOTS = alt.Axis(labelLimit=260, labelExpr="split(datum.label, ' · ')")


def stance_bars(data: pd.DataFrame, row: str, title: str, subtitle: str, fields: list[str]) -> alt.LayerChart:
    """One 100% bar per row (an outlet, or an actor in an outlet): its mentions read as negative, neutral and positive
    toward the actor, left to right; ``row`` labels carry their n. Columns: row, stance, share (%), mentions, and
    share_ci_low, share_ci_high (each share's 95% interval): a line across the negative segment's end gives the
    negative share's interval, one across the positive segment's start the positive share's. A row without an
    interval (too few mentions) is a thin bar."""
    pick = point_selection(fields)
    negative, positive = data["stance"] == "negative", data["stance"] == "positive"
    # Where each interval is drawn: at the edge its share moves (the positive share is measured from 100 down).
    data = data.assign(stance_order=data["stance"].map({stance: k for k, stance in enumerate(STANCE_COLOURS)}),
                       interval=interval_text(data["share_ci_low"], data["share_ci_high"], ".0f"),
                       edge_low=data["share_ci_low"].where(negative, 100 - data["share_ci_high"]).where(negative | positive),
                       edge_high=data["share_ci_high"].where(negative, 100 - data["share_ci_low"]).where(negative | positive))
    base = alt.Chart().encode(y=alt.Y(f"{row}:N", sort=None, title=None, axis=LINES_AT_DOTS))
    tooltip = [alt.Tooltip(f"{row}:N"), alt.Tooltip("stance:N"), alt.Tooltip("mentions:Q", title="mentions"),
               alt.Tooltip("share:Q", format=".0f", title="% of mentions"), alt.Tooltip("interval:N", title="95% CI")]
    bars = base.mark_bar(stroke="white", strokeWidth=0.5).encode(
        x=alt.X("share:Q", title="Share of mentions (%)", scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("stance:N", title="Toward the actor", sort=list(STANCE_COLOURS),
                        scale=alt.Scale(domain=list(STANCE_COLOURS), range=list(STANCE_COLOURS.values())),
                        legend=alt.Legend(orient="bottom", columns=1)),  # three across overran a narrow plot
        order=alt.Order("stance_order:Q"), opacity=opacity(pick, False), tooltip=tooltip,
        # a row of too few mentions for an interval is a thin bar: 3 of 3 read as negative looked as firm as 30 of 30
        size=when("isValid(datum.share_ci_low)", 24, 8, alt.SizeValue),
    ).add_params(pick)
    # Each stance's line a little above (negative) or below (positive) the bar's middle, in a dark shade of its colour:
    # on one line, two wide intervals ran into one. A pixel offset, not an offset scale (drawn alike everywhere).
    intervals = [base.mark_rule(color=shade, strokeWidth=2, yOffset=shift).encode(
        x=alt.X("edge_low:Q"), x2=alt.X2("edge_high:Q"), tooltip=tooltip).transform_filter(f"datum.stance == '{stance}'")
        for stance, shade, shift in (("negative", "#5c0a14", -5), ("positive", "#0b2f5c", 5))]
    return alt.layer(named(bars, "bars"), *intervals, data=data, title=alt.Title(title, subtitle=subtitle),
                     height=max(120, 34 * data[row].nunique()))


def stance_differences(data: pd.DataFrame, row: str, title: str, subtitle: str, x_title: str) -> alt.LayerChart:
    """Per row (an outlet, with its n), its share of mentions read as negative and as positive toward the actor minus the
    other outlets', each with its 95% interval: red for negative, blue for positive, a filled dot where the difference
    is clear and a hollow one where it is not (or the sample is too small). Columns: row, stance, difference, ci_low,
    ci_high, verdict, level (the outlet's and the rest's shares, for the tooltip)."""
    pick = point_selection(["outlet_group", "stance"])
    data = data.assign(interval=interval_text(data["ci_low"], data["ci_high"], "+.0f"),
                       clear=(data["verdict"] == "clear difference"))
    compared = ["negative", "positive"]
    scale = alt.Scale(domain=compared, range=[STANCE_COLOURS[s] for s in compared])
    colour = alt.Color("stance:N", title="Toward the actor", sort=list(STANCE_COLOURS), scale=scale,
                       legend=alt.Legend(orient="top", symbolType="circle", columns=2))
    base = alt.Chart(data).encode(y=alt.Y(f"{row}:N", sort=None, title=None, axis=LINES_AT_DOTS),
                                  yOffset=alt.YOffset("stance:N", sort=compared))
    zero = zero_rule(alt.X)
    whiskers = base.mark_rule(strokeWidth=2.5).encode(x=alt.X("ci_low:Q", title=x_title), x2=alt.X2("ci_high:Q"),
                                                      color=colour)
    dots = base.mark_point(size=150, strokeWidth=2.5).encode(
        x=alt.X("difference:Q", title=x_title), color=colour,
        fill=when("datum.clear", alt.Color("stance:N", scale=scale, legend=None), "white", alt.FillValue),
        opacity=opacity(pick, False),
        tooltip=[alt.Tooltip(f"{row}:N", title="outlet"), alt.Tooltip("stance:N"),
                 alt.Tooltip("difference:Q", format="+.0f", title="difference (points)"),
                 alt.Tooltip("interval:N", title="95% CI"), alt.Tooltip("level:N", title="outlet vs rest"),
                 alt.Tooltip("verdict:N")],
    ).add_params(pick)
    dots = named(dots, "dots")
    return alt.layer(zero, whiskers, dots, title=alt.Title(title, subtitle=subtitle),
                     height=max(120, 2 * 30 * data[row].nunique()))
