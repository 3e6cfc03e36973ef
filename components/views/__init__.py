"""The views, in the order of the view switcher. A new view is one module in this folder plus one line
in ``VIEW_MODULES``.

A view module has a ``TITLE`` and either

- ``panels(analysis, lens) -> list[Panel]`` (or an iterator, so the first chart shows while the rest are
  made): charts, each beside its passages, about the pick; the header names the pick; or
- ``draw(analysis, lens)``: a page of its own (Articles, Lexicons, Methodology).

A module with both is drawn by its ``draw`` (which draws its panels itself) and still names the pick.
"""
from __future__ import annotations

import importlib
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
    "articles",
    "lexicons",
    "methodology",
]


def registry() -> dict[str, ModuleType]:
    """Title → module, in switcher order (a module path with a dot is taken as absolute)."""
    modules = [importlib.import_module(name if "." in name else f"{__name__}.{name}") for name in VIEW_MODULES]
    return {m.TITLE: m for m in modules}


def header(module: ModuleType, lens: Lens) -> str:
    if module.TITLE == "Search":
        return f"Search — “{lens.query}”" if lens.query.strip() else "Search"
    return f"{module.TITLE} — {lens.describe()}" if hasattr(module, "panels") else module.TITLE


def show(module: ModuleType, analysis: Analysis, lens: Lens) -> None:
    st.header(literal(header(module, lens)))
    if hasattr(module, "draw"):
        module.draw(analysis, lens)
    else:
        draw_all(module.panels(analysis, lens), analysis, lens)
