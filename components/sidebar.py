"""The sidebar: what to compare (outlet, theme or actor), the theme set and the tone engine; returns the Lens."""
from __future__ import annotations

import streamlit as st

from framing.language.lexicon import BUILT_FOR_BUNDLED, theme_set_column, theme_set_label
from framing.models.tone import DEFAULT_TONE_ENGINE, TONE_ENGINES
from framing.scoring.analysis import Analysis
from framing.statistics.aggregate import LOW_FIT, list_fit
from framing.statistics.periods import span

from . import state
from .export import rows_csv
from .lens import MODES, Lens


def pick_options(analysis: Analysis, mode: str, theme_set: str) -> list[str]:
    lexicons = analysis.lexicons
    if mode == "outlet":
        return list(analysis.outlets)
    if mode == "theme":
        return sorted(lexicons.themes.loc[lexicons.themes["theme_set"] == theme_set, "theme"].unique())
    return sorted(lexicons.actors.loc[lexicons.actors["actor"] != "", "actor"].unique())


def draw(analysis: Analysis) -> Lens:
    table = analysis.table
    with st.sidebar:
        st.title("Framing Lens")
        presentation = st.toggle("Presentation mode", key="present", bind="query-params",
                                 help="Hides the controls and enlarges text for screenshots.")
        mode = st.radio("Compare by", list(MODES), format_func=MODES.get, key="by", bind="query-params", horizontal=True)
        query = st.text_input("Search", key="q", bind="query-params", placeholder="a word or phrase; * = any letters",
                              on_change=state.go_to_view, args=("Search",),
                              help="Shows how often each outlet and story uses it, every occurrence in context (Search view), "
                                   "and marks it in every passage.")
        theme_sets = analysis.lexicons.theme_sets
        state.start_theme_set(theme_sets)
        theme_set = st.selectbox("Theme set", theme_sets, key="themes", bind="query-params",
                                 format_func=lambda s: f"{theme_set_label(s)} · {fit(analysis, theme_set_column(s)):.0%}",
                                 help="Each set's share of this corpus's sentences that name one of its themes.")
        value = st.selectbox(MODES[mode], pick_options(analysis, mode, theme_set), key=f"pick_{mode}", bind="query-params")
        stand_out = None
        if mode != "outlet":
            _fit_note(analysis, mode, theme_set)
            stand_out = st.selectbox("Outlet to stand out", analysis.outlets, index=None, placeholder="none",
                                     key="stand_out", bind="query-params",
                                     help="Its marks stand out in every chart, the other outlets' dimmed: with many "
                                          "outlets, a line to follow through time.")
        tone_engine = st.selectbox("Tone engine", list(TONE_ENGINES), key="tone", bind="query-params",
                                   format_func=lambda e: e + (" (default)" if e == DEFAULT_TONE_ENGINE else ""),
                                   help=TONE_ENGINES[DEFAULT_TONE_ENGINE])
        raw_words = st.toggle("Raw distinctive words", key="raw", bind="query-params",
                              help="Distinctive words leave out house style (outlet names and domains, bylines, titles "
                                   "such as Mr or Sen, state and party tags, page furniture, attribution verbs such "
                                   "as said or says, single letters). "
                                   "Switch on to see the unfiltered list.")
        period = _period_input(analysis)
        n = len(analysis.articles)
        within = f" Compared within {period.describe()}: {len(analysis.within(period).articles):,} articles." if period else ""
        st.caption(f"{n:,} article{'s' if n != 1 else ''} · {len(table):,} sentences.{within} "
                   "Numbers are computed from the text; see Methodology for how, and how far to trust them.")
        st.button("Add your own articles", key="go_articles", on_click=state.go_to_view, args=("Articles",),
                  help="Upload files or paste text in the Articles view.")
        st.download_button("Whole sentence table (CSV)", lambda: rows_csv(table), "framing-lens-sentences.csv",
                           "text/csv", on_click="ignore")
    return Lens(mode, value or "", theme_set, tone_engine, presentation, analysis.outlets, query or "", raw_words, period,
                stand_out if stand_out in analysis.outlets else None)


def fit(analysis: Analysis, label_column: str) -> float:
    return analysis.cached(("fit", label_column), lambda: list_fit(analysis.table, label_column))


def _fit_note(analysis: Analysis, mode: str, theme_set: str) -> None:
    """Where a theme or actor is picked: how much of the corpus its list covers, and a warning when that is little
    or the list was written for other articles."""
    column = theme_set_column(theme_set) if mode == "theme" else "actors"
    share = fit(analysis, column)
    what = f"The {theme_set_label(theme_set)}" if mode == "theme" else "The actor list"
    built_elsewhere = mode == "theme" and theme_set in BUILT_FOR_BUNDLED and not state.is_bundled_corpus()
    if built_elsewhere:
        st.warning(f"{what} were written for the bundled articles, not these: they name something in "
                   f"{share:.0%} of the sentences. Pick another theme set, or edit this one in Lexicons.", icon=":material/warning:")
    elif share < LOW_FIT:
        st.warning(f"{what} names something in only {share:.0%} of the sentences; most of the corpus is "
                   "outside it. Add terms in Lexicons.", icon=":material/warning:")
    else:
        st.caption(f"{what} names something in {share:.0%} of the sentences.")


def _period_input(analysis: Analysis):
    """The period to compare within: a date range over the corpus's dates (none for a corpus of one date or none)."""
    first_last = analysis.cached(("date_span",), lambda: span(analysis.table["date"]))
    if not first_last or first_last[0] == first_last[1]:
        return state.period()  # nothing to choose between; a link's period still applies
    first, last = first_last
    state.start_period_input(first, last)
    st.date_input("Period", key=state.PERIOD_INPUT, min_value=first, max_value=last, format="YYYY-MM-DD",
                  on_change=state.period_typed, args=(first, last),
                  help="Every view compares the articles dated within this period (articles without a date are left "
                       "out). Drag across a chart of the Over time view to pick one there.")
    period = state.period()
    if period:
        st.button("Whole corpus", key="whole_span", on_click=state.set_period, args=(None,),
                  help="Compare all articles again, whatever their date.")
    return period
