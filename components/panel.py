"""One chart beside its passages: click a mark to filter the passages; exports under the chart."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from framing.scoring.analysis import Analysis
from framing.scoring.measures import MEASURES
from framing.statistics import filters

from . import state
from .export import chart_png, chart_svg, rows_csv, vega_spec
from .guard import guarded, one_message
from .lens import Lens
from .passages import Passages, draw_passages
from .redraw import ShapedChart, words_as_data
from .slide import SLIDE_PASSAGES, slide_png, slide_svg, with_selection
from .theme import styled

# The columns of a "Passages CSV": where each sentence is, what it says, every measure, what it names.
PASSAGE_COLUMNS = (["sentence_id", "article_id", "outlet_group", "title", "position", "text", "speaker"]
                   + [m.column for m in MEASURES] + ["hedges", "boosters", "actors"])


@dataclass
class Panel:
    key: str  # stable id, used in the URL
    # with a point selection named "pick" over filter fields (framing.statistics.filters); a ShapedChart when a pick
    # changes only its rows and title (components.redraw)
    chart: alt.TopLevelMixin | ShapedChart
    data: pd.DataFrame  # the rows the chart draws (for the CSV export)
    rows: pd.DataFrame  # every sentence behind the chart, or the table they are among (positions says which); a click
    # filters them, the pick narrows them before any click
    caption: str = "All {n} sentences of {pick}."  # passages before a click; {n} and {pick} are filled in
    sort_passages_by: list[str] = field(default_factory=lambda: ["position"])
    ascending: bool = True
    scoped: bool = True  # a theme or actor pick narrows the passages; False: the chart draws every sentence
    # regardless, or its rows are the pick's already
    one_outlet: bool = False  # the chart is the picked outlet's alone (its distinctive words): an outlet pick narrows
    # the passages to it; every other chart draws every outlet, so its evidence is every outlet's sentences
    brush: bool = False  # the chart also has an interval selection "period": dragging across it sets the period
    terms: tuple[str, ...] = ()  # a words chart's terms, marked in its passages (a clicked term: that one)
    in_order: bool = False  # rows already sorted by sort_passages_by (sorting a 150,000-row table took 0.2 s a chart)
    positions: np.ndarray | None = None  # the sentences behind the chart are rows.iloc[positions], in this order (None:
    # every row): a pick's evidence is not copied out of a large table on every run
    _specs: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def spec(self, presentation: bool = False) -> dict:
        """The chart, styled, as a Vega-Lite dict with its rows written in (as exports and slides need it): made once,
        however often it is asked for (a click reruns only this panel, with this same object)."""
        if presentation not in self._specs:
            self._specs[presentation] = styled(vega_spec(self.altair()), presentation)
        return self._specs[presentation]

    def screen_spec(self, presentation: bool = False) -> dict:
        """The chart as the screen draws it: ``spec``, or a ShapedChart's kept shape with its rows as Arrow."""
        if not isinstance(self.chart, ShapedChart):
            return self.spec(presentation)
        if ("screen", presentation) not in self._specs:
            self._specs["screen", presentation] = self.chart.screen_spec(presentation)
        return self._specs["screen", presentation]

    def altair(self) -> alt.TopLevelMixin:
        """The chart as an Altair chart, rows and title in it (slides and tests)."""
        return self.chart.altair() if isinstance(self.chart, ShapedChart) else self.chart

    def heading(self) -> str:
        """The chart's title, its lines joined."""
        title = self.chart.title if isinstance(self.chart, ShapedChart) else self.spec().get("title", {})
        heading = title.get("text", self.key) if isinstance(title, dict) else title
        return " ".join(heading) if isinstance(heading, list) else str(heading)

    def evidence(self) -> Passages:
        """Every sentence behind the chart, in the chart's order when ``in_order``."""
        return Passages.of(self.rows, self.positions)

    def outlets_drawn(self) -> int | None:
        """How many outlets the chart draws, where its spec does not list its rows (a ShapedChart's are Arrow)."""
        return self.chart.rows["outlet_group"].nunique() if isinstance(self.chart, ShapedChart) else None


@dataclass
class Later:
    """A panel slow to make (a model reading thousands of sentences): its place on the page is kept while the panels
    after it are drawn, then it is made and drawn there."""
    make: Callable[[], Panel]


def draw_all(panels: Iterable[Panel | Later], analysis: Analysis, lens: Lens) -> None:
    drawn = st.fragment(guarded("this chart")(draw))  # each chart reruns alone on a click; a failure stays in it
    later = []
    for i, p in enumerate(panels):
        if i:  # the first chart starts right under the view's header (in the upper half of a 720 px window)
            st.divider()
        if isinstance(p, Later):  # an empty place: the last pick's chart, left there faded, named another pick
            later.append((st.empty(), p))
        else:
            drawn(p, analysis, lens)
    for place, p in later:
        with place.container(), one_message("this chart"):  # making it may fail too
            drawn(p.make(), analysis, lens)


def draw(panel: Panel, analysis: Analysis, lens: Lens) -> None:
    if panel.brush and state.period_brushed():
        st.rerun()  # a new period changes the sidebar, the headers and every other chart, not only this fragment
    if state.mark_moved():
        st.rerun()  # the chart clicked before keeps a stale selection and passages unless the whole page redraws
    active = state.mark_on(panel.key)
    passages = panel.evidence()
    if active:
        passages = passages.where(filters.mask(panel.rows, active, lens.theme_column))
        caption = f"Filtered to the clicked mark — {filters.describe(active)}. Double-click the chart to clear."
        if state.mark_notice():  # said beside the click, where a toast covered the passages' first controls
            caption += " The chart clicked before was cleared: one clicked mark at a time, so a copied link shows this screen."
    elif lens.mode == "outlet" and not panel.one_outlet:  # the chart draws every outlet: so do its passages
        caption = lens.caption(panel.caption, len(passages), "every outlet") + " Click a mark to filter."
    else:
        passages = passages.where(lens.scope_mask(panel.rows)) if panel.scoped else passages
        caption = lens.caption(panel.caption, len(passages)) + " Click a mark to filter."
    terms = (active["term"],) if "term" in active else panel.terms
    left, right = st.columns([3, 2], gap="medium")
    with right:
        passages = _sorted_and_found(passages, panel, lens)
        draw_passages(passages, analysis.paragraphs, lens, caption, panel.key, state.passage_limit(panel.key), terms)
        if len(passages) > state.passage_limit(panel.key):
            st.button(f"Show {min(state.PASSAGE_PAGE, len(passages) - state.passage_limit(panel.key))} more",
                      key=f"more_{panel.key}", on_click=state.show_more_passages, args=(panel.key,))
        if active and st.button("Clear selection", key=f"clear_{panel.key}"):
            state.clear_mark()
            st.rerun()
        if not lens.presentation:
            # Made when clicked (it closes over the passages it was drawn with): eagerly, every run built megabytes.
            st.download_button("Passages CSV", lambda: rows_csv(passages.rows()[[c for c in PASSAGE_COLUMNS if c in panel.rows]]),
                               f"{panel.key}-passages.csv", "text/csv", key=f"dl_passages_{panel.key}", on_click="ignore")
    with left:
        spec = panel.screen_spec(lens.presentation)
        clickable_chart(panel.key, spec, active, chart_height(spec, panel.outlets_drawn()),
                        ["pick", "period"] if panel.brush else "pick")
        if not lens.presentation:
            _exports(panel, passages, active, analysis, lens, terms)


def clickable_chart(key: str, spec: dict, active: dict, height: int, selection_mode: str | list[str] = "pick") -> None:
    """A chart whose clicks go into the URL's mark (``state.on_chart_select``). ``active``: the URL's mark on this
    chart (``state.mark_on``), written in as its selection unless the browser shows it already
    (``state.selection_to_write``; the widget is new after the mark moved or was cleared). Its words travel
    as data, so a pick that changes only them and the data redraws the chart in place (``redraw``)."""
    spec = words_as_data(spec)
    written = state.selection_to_write(key, active, spec, height)
    st.vega_lite_chart(spec=with_selection(spec, written) if written else spec, on_select=partial(state.on_chart_select, key),
                       selection_mode=selection_mode, key=state.chart_key(key), width="stretch", height=height)


def chart_height(spec: dict, outlets: int | None = None) -> int:
    """The pixel height to give a chart (its Vega-Lite dict): its plot, plus room for title, axis and legend, so the
    legend never takes height from the plot (an explicit height: "content" squeezed layered charts inside columns).
    ``outlets``: how many outlets it draws, when its datasets are not rows (``Panel.outlets_drawn``)."""
    if outlets is None:
        outlets = len({d.get("outlet_group") for data in spec.get("datasets", {}).values() for d in data
                       if isinstance(d, dict)} - {None})
    # one entry a row (theme.style_config), 19 px each on the screen, 20 in presentation mode (measured in Chromium)
    legend = LEGEND_TITLE + LEGEND_ENTRY * outlets if _has_legend(spec) else 0
    title = spec.get("title", {})
    lines = sum(len(t) if isinstance(t, list) else 1 for t in (title.get("text", ""), title.get("subtitle", ""))) \
        if isinstance(title, dict) else 1
    return int(spec.get("height", 300)) + 110 + 22 * lines + legend


LEGEND_CHANNELS = ("color", "fill", "stroke", "shape", "size")
LEGEND_TITLE, LEGEND_ENTRY = 32, 20  # px


def _has_legend(spec: dict) -> bool:
    """Whether any layer encodes a field on a channel that draws a legend without switching it off (a chart may
    colour by outlet with a legend and fill by outlet without one)."""
    encodings = [spec.get("encoding", {})] + [layer.get("encoding", {}) for layer in spec.get("layer", [])]
    return any("field" in channel and channel.get("legend", {}) is not None
               for encoding in encodings for name, channel in encoding.items()
               if name in LEGEND_CHANNELS and isinstance(channel, dict))


def slide_parts(panel: Panel, passages: Passages, active: dict, analysis: Analysis, lens: Lens) -> tuple[str, str]:
    """A slide's title (what is compared) and footer (the measure, n, the corpus)."""
    heading = panel.heading()
    chosen = f" — {filters.describe(active)}" if active else ""
    footer = (f"{len(panel.evidence()):,} sentences behind this chart; {len(passages):,} in the passages{chosen} · "
              f"corpus: {len(analysis.articles):,} articles, {len(analysis.table):,} sentences"
              f"{' ' + lens.period_text if lens.period else ''} · {lens.tone_label}")
    return f"{heading}{chosen}", footer


def passage_sorts() -> dict[str, tuple[str, bool] | None]:
    """The passage sorts: the chart's order, one per measure declaring a ``sort`` (the tone sort follows the tone
    engine picked; see below), and article order."""
    return {"chart's order": None, **{m.sort: (m.column, m.sort_ascending) for m in MEASURES if m.sort},
            "article order": ("position", True)}


def _sorted_and_found(passages: Passages, panel: Panel, lens: Lens) -> Passages:
    """The passages in the order the reader picks, narrowed to those containing the words typed."""
    find, order = st.columns([1, 1])
    words = find.text_input("Find in passages", key=f"find_{panel.key}", placeholder="a word or phrase",
                            label_visibility="collapsed")
    sorts = passage_sorts()
    how = order.selectbox("Sort passages", list(sorts), key=f"sort_{panel.key}", label_visibility="collapsed")
    if words.strip():
        passages = passages.containing(words.strip())
    column, ascending = sorts[how] or (None, None)
    if column == "tone":
        column = lens.tone_column
    if column is None:
        return passages if panel.in_order else passages.sorted_by(panel.sort_passages_by, panel.ascending)
    if column == "position":
        return passages.sorted_by(["article_id", "position"])
    return passages.sorted_by([column, "position"], [ascending, True])


def _exports(panel: Panel, passages: Passages, active: dict, analysis: Analysis, lens: Lens,
             terms: tuple[str, ...] = ()) -> None:
    svg, png, csv = st.columns(3)
    slide, slide_vector, _ = st.columns(3)
    title, footer = slide_parts(panel, passages, active, analysis, lens)

    def make_slide() -> str:
        return slide_svg(panel.altair(), title, passages.head(SLIDE_PASSAGES), footer, active, lens.theme_set, lens.query,
                         terms=terms)

    slide.download_button("Slide", lambda: slide_png(make_slide()), f"{panel.key}-slide.png", "image/png",
                          key=f"dl_slide_{panel.key}", on_click="ignore",
                          help="A 1920×1080 PNG for a presentation: this chart with its selection, the first passages "
                               "with their cue words, their sources, and the measure, n and corpus.")
    slide_vector.download_button("Slide SVG", lambda: make_slide().encode("utf-8"), f"{panel.key}-slide.svg",
                                 "image/svg+xml", key=f"dl_slide_svg_{panel.key}", on_click="ignore")
    svg.download_button("SVG", lambda: chart_svg(panel.spec()), f"{panel.key}.svg", "image/svg+xml",
                        key=f"dl_svg_{panel.key}", on_click="ignore")
    png.download_button("PNG 2×", lambda: chart_png(panel.spec()), f"{panel.key}.png", "image/png",
                        key=f"dl_png_{panel.key}", on_click="ignore")
    csv.download_button("Chart data CSV", lambda: rows_csv(panel.data), f"{panel.key}-data.csv", "text/csv",
                        key=f"dl_data_{panel.key}", on_click="ignore")
