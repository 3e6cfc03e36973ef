"""Framing Lens: how different outlets frame the same story. Composition only: load, pick, lay out."""
import streamlit as st

from components import sidebar, state, views
from components.theme import page_style

st.set_page_config(page_title="Framing Lens", page_icon="🔎", layout="wide")

analysis = state.analysis()  # the session's articles and lexicons, analysed (cached)
lens = sidebar.draw(analysis)  # what to compare, and how
st.html(page_style(lens.presentation))

available = views.registry()
first = next(iter(available))  # Compare: what sets each outlet apart
title = st.segmented_control("View", list(available), default=first, key="view", bind="query-params",
                             label_visibility="collapsed") or first
views.show(available[title], analysis, lens)
