"""Chart styling shared by every view: one colour per outlet, readable sizes, presentation mode."""
from __future__ import annotations

import tomllib
from pathlib import Path

import altair as alt

CONFIG = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"
HEDGE_COLOUR, APPROXIMATOR_COLOUR, BOOSTER_COLOUR, THEME_COLOUR = "#fde68a", "#ede9fe", "#bfdbfe", "#d1fae5"
# Stance toward an actor: ColorBrewer's RdBu ends (colour-blind safe) with a neutral grey between.
STANCE_COLOURS = {"negative": "#b2182b", "neutral": "#bababa", "positive": "#2166ac"}


def outlet_palette() -> list[str]:
    """20 outlet colours (config.toml's chartCategoricalColors); the first ``DISTINCT`` differ clearly for every reader."""
    return tomllib.loads(CONFIG.read_text("utf-8"))["theme"]["chartCategoricalColors"]


UNKNOWN_COLOUR = "#94a3b8"  # articles that name no outlet, counted together (the Articles view), in no outlet's colour
DISTINCT = 8  # the palette's first colours, any two at least 20 apart in CIEDE2000 (tested)
# The bundled outlets keep the colours they have always had.
BUNDLED_COLOURS = {"PRIO Blogs": 0, "Washington Times": 1, "unknown outlet (a001)": 2, "unknown outlet (a003)": 3,
                   "unknown outlet (a004)": 4}


def outlet_colours(outlets: list[str]) -> dict[str, str]:
    """A colour per outlet that belongs to its *name*: the same in every chart and session, whatever order the
    outlets arrive in.

    The bundled outlets keep their configured colours. The others take the first free colour of the palette in
    the order of their names (named outlets before "unknown outlet (…)" ones), so the first eight get the eight
    clearly different colours before any other is used, and up to 20 outlets get 20 different colours. Beyond 20
    colours repeat, and the label beside each mark says which."""
    palette = outlet_palette()
    taken: set[int] = set()
    colours = {}
    for name in sorted(set(outlets), key=lambda n: (n not in BUNDLED_COLOURS, n.startswith("unknown outlet"), n)):
        slot = BUNDLED_COLOURS.get(name)
        if slot is None or slot in taken:
            slot = next((s for s in range(len(palette)) if s not in taken), len(colours) % len(palette))
        taken.add(slot)
        colours[name] = palette[slot]
    return colours


def outlet_colour_scale(outlets: list[str]) -> alt.Scale:
    """The colour scale every chart uses, over every outlet of the corpus (see outlet_colours)."""
    colours = outlet_colours(list(outlets))
    domain = sorted(colours)
    return alt.Scale(domain=domain, range=[colours[o] for o in domain])


# characters per title line: what fits a chart beside its passages at 1280 px. The browser cuts a longer line with an
# ellipsis at about 426 px, some 60 characters of the bold title ("Who is quoted or cited — sentences naming actor
# “Donald Tr…”" at 62)
LINE = 58


def wrap(text, width: int = LINE):
    """A title or subtitle as lines of at most ``width`` characters (Vega draws a list as lines), so none is cut."""
    if not isinstance(text, str) or len(text) <= width:
        return text
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line] if line else lines


SCREEN_SIZE, PRESENTATION_SIZE = 13, 16  # px: the charts' text on screen and in presentation mode


def style_config(presentation: bool = False) -> dict:
    """The Vega-Lite config every chart is drawn with: readable sizes, the legend below, no frame."""
    size = PRESENTATION_SIZE if presentation else SCREEN_SIZE
    return {
        "axis": {"labelFontSize": size, "titleFontSize": size, "labelLimit": 260},
        "axisDiscrete": {"labelOverlap": False},
        # one column: two side by side are wider than a chart beside its passages, and the second was cut
        # symbolStrokeWidth: Streamlit's theme strokes a legend's symbols so wide that each entry stood 30 px high (19
        # with 1): nine outlets' legend took 270 px, more than the plot's height, from a chart drawn ``chart_height`` high
        "legend": {"labelFontSize": size, "titleFontSize": size, "labelLimit": 440, "orient": "bottom", "columns": 1,
                   "symbolStrokeWidth": 1},
        "title": {"fontSize": size + 3, "anchor": "start", "subtitleFontSize": size - 1},
        "view": {"strokeWidth": 0},
    }


def _title_width(presentation: bool) -> int:
    return 48 if presentation else LINE


def style(chart: alt.Chart, presentation: bool = False) -> alt.Chart:
    """``chart`` with its title wrapped and ``style_config``, through Altair: what ``styled`` does to a chart's dict,
    checked against it (the tests validate this one against Vega-Lite's schema)."""
    title, width = chart.title, _title_width(presentation)
    chart = chart.copy(deep=False)
    if isinstance(title, alt.Title):
        chart.title = alt.Title(wrap(title.text, width), subtitle=wrap(title.subtitle, width + 12))
    if presentation and isinstance(chart.height, int | float) and _has_row_labels(chart.to_dict(validate=False)):
        chart.height = round(chart.height * PRESENTATION_SIZE / SCREEN_SIZE)
    return chart.configure(**style_config(presentation))  # one configure call: each copies the whole chart


def styled(spec: dict, presentation: bool = False) -> dict:
    """What ``style`` does, done to a chart's Vega-Lite dict (``export.vega_spec``): the screen's specs are styled so,
    since Altair copies and re-checks a whole layered chart for each change (about 30 ms a chart). Tested equal."""
    title, width = spec.get("title"), _title_width(presentation)
    if isinstance(title, dict):
        spec["title"] = {**title, "text": wrap(title.get("text"), width)}
        if "subtitle" in title:
            spec["title"]["subtitle"] = wrap(title["subtitle"], width + 12)
    config = spec.setdefault("config", {})
    for name, value in style_config(presentation).items():
        config[name] = {**value}
    if presentation and isinstance(spec.get("height"), int | float) and _has_row_labels(spec):
        # rows as high as their labels: at 13 px a two-line label fits a 34 px row, at 16 px it ran into the next
        spec["height"] = round(spec["height"] * PRESENTATION_SIZE / SCREEN_SIZE)
    return spec


def _has_row_labels(spec: dict) -> bool:
    """Whether the chart's rows are categories named on its y axis (not a y scale of numbers)."""
    encodings = [spec.get("encoding", {})] + [layer.get("encoding", {}) for layer in spec.get("layer", [])]
    return any(isinstance(e.get("y"), dict) and e["y"].get("type") in ("nominal", "ordinal") for e in encodings)


def page_style(presentation: bool) -> str:
    """Page CSS: the view switcher clear of the fixed header; presentation mode hides the sidebar and enlarges headings."""
    css = ".block-container{padding-top:3.5rem}"
    if presentation:
        css += ("[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl']{display:none}"
                "h1,h2,h3{font-size:2.2rem !important}")
    return f"<style>{css}</style>"
