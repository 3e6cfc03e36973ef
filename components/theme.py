"""Chart styling shared by every view: one colour per outlet, readable sizes, presentation mode."""
from __future__ import annotations

import tomllib
from pathlib import Path

import altair as alt

CONFIG = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"
HEDGE_COLOUR, APPROXIMATOR_COLOUR, BOOSTER_COLOUR, THEME_COLOUR = "#fde68a", "#ede9fe", "#bfdbfe", "#d1fae5"


def outlet_palette() -> list[str]:
    return tomllib.loads(CONFIG.read_text("utf-8"))["theme"]["chartCategoricalColors"]


def outlet_colour_scale(outlets: list[str]) -> alt.Scale:
    """Outlets in sorted order take the palette in order, so an outlet keeps its colour in every chart."""
    palette = outlet_palette()
    domain = sorted(outlets)
    return alt.Scale(domain=domain, range=[palette[i % len(palette)] for i in range(len(domain))])


def style(chart: alt.Chart, presentation: bool = False) -> alt.Chart:
    size = 16 if presentation else 13
    return (
        chart.configure_axis(labelFontSize=size, titleFontSize=size, labelLimit=260)
        .configure_legend(labelFontSize=size, titleFontSize=size, labelLimit=260, orient="bottom", columns=2)
        .configure_title(fontSize=size + 3, anchor="start", subtitleFontSize=size - 1)
        .configure_view(strokeWidth=0)
    )


def page_style(presentation: bool) -> str:
    """Page CSS: the view switcher clear of the fixed header; presentation mode hides the sidebar and enlarges headings."""
    css = ".block-container{padding-top:3.5rem}"
    if presentation:
        css += ("[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl']{display:none}"
                "h1,h2,h3{font-size:2.2rem !important}")
    return f"<style>{css}</style>"
