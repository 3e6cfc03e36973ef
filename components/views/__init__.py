"""The views, in the order of the view switcher. A new view is one module in this folder plus one line
in ``VIEW_MODULES``.

A view module has a ``TITLE`` and either

- ``panels(analysis, lens) -> list[Panel]`` (or an iterator, so the first chart shows while the rest are
  made): charts, each beside its passages, about the pick; the header names the pick; or
- ``draw(analysis, lens)``: a page of its own (Articles, Lexicons, Methodology).

A module with both is drawn by its ``draw`` (which draws its panels itself) and still names the pick.

A view of panels compares within the sidebar's period (``Lens.period``: the articles dated in it), unless it sets
``WHOLE_SPAN = True`` (Over time, which shows every date and shades the period).
"""
from __future__ import annotations

import importlib
from dataclasses import replace
from types import ModuleType

import streamlit as st

from framing.scoring.analysis import Analysis

from ..lens import Lens
from ..panel import draw_all
from ..text import literal

VIEW_MODULES = [
    "compare",
    "story",
    "search",
    "overview",
    "tone",
    "hedging",
    "emphasis",
    "voices",
    "over_time",
    "articles",
    "lexicons",
    "methodology",
]


def registry() -> dict[str, ModuleType]:
    """Title → module, in switcher order (a module path with a dot is taken as absolute)."""
    modules = [importlib.import_module(name if "." in name else f"{__name__}.{name}") for name in VIEW_MODULES]
    return {m.TITLE: m for m in modules}


def header(module: ModuleType, lens: Lens) -> str:
    within = f" · {lens.period_text}" if lens.period else ""
    if module.TITLE == "Search":
        return (f"Search — “{lens.query}”" if lens.query.strip() else "Search") + within
    return f"{module.TITLE} — {lens.describe()}{within}" if hasattr(module, "panels") else module.TITLE


def compares_within_period(module: ModuleType) -> bool:
    return hasattr(module, "panels") and not getattr(module, "WHOLE_SPAN", False)


def show(module: ModuleType, analysis: Analysis, lens: Lens) -> None:
    if compares_within_period(module):
        analysis = analysis.within(lens.period)
    else:
        lens = replace(lens, period=None)
    st.header(literal(header(module, lens)))
    if lens.period and not analysis.articles:
        st.info("No article is dated within this period. Pick another in the sidebar, or compare the whole corpus.")
        return
    if hasattr(module, "draw"):
        module.draw(analysis, lens)
    else:
        draw_all(module.panels(analysis, lens), analysis, lens)
