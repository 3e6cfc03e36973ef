"""Framing Lens: how different outlets frame the same story. Composition only: load, pick, lay out."""
import streamlit as st

from components import sidebar, state, views
from components.theme import page_style

st.set_page_config(page_title="Framing Lens", page_icon="🔎", layout="wide")

analysis = state.analysis()  # the session's articles and lexicons, analysed (cached)
lens = sidebar.draw(analysis)  # what to compare, and how
st.html(page_style(lens.presentation))

available = views.registry()
title = st.segmented_control("View", list(available), default="Overview", key="view", bind="query-params",
                             label_visibility="collapsed") or "Overview"
views.show(available[title], analysis, lens)
