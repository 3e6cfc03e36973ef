"""Framing Lens: how different outlets frame the same story. Composition only: load, pick, lay out."""
import streamlit as st

from components import guard, sidebar, state, views
from components.theme import page_style

st.set_page_config(page_title="Framing Lens", page_icon="🔎", layout="wide")

with guard.one_message("the page", retry=True):  # no traceback reaches a visitor (components/guard.py)
    analysis = state.current_analysis()  # the session's articles and lexicons, analysed (cached)
    lens = sidebar.draw(analysis)  # what to compare, and how
    st.html(page_style(lens.presentation))

    if lens.presentation:
        st.button("Exit presentation", key="exit_presentation", on_click=state.exit_presentation, type="primary")

    available = views.registry()
    first = next(iter(available))  # Compare: what sets each outlet apart
    state.start_view(first)
    st.segmented_control("View", list(available), key="view", bind="query-params", on_change=state.keep_view,
                         label_visibility="collapsed")
    views.show(available[state.current_view(first)], analysis, lens)
    state.warm_imports()  # after the page: what an upload will need loads in the background
