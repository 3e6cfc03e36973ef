"""One click to a slide: a 16:9 image (1920×1080 PNG, and SVG) of a chart with its evidence.

The slide holds the chart with its current selection highlighted, a one-line title saying what is
compared, the two or three passages the reader is looking at with their cue words marked, a citation
line per passage (outlet · title · date), and a footer with the measure, n and the corpus size. All
text is at least 18 px at 1080p. It is drawn offline: the chart by vl-convert (Vega-Lite to SVG), the
rest as plain SVG text, and the whole turned into PNG by vl-convert's own renderer — no browser.
Article text is escaped before it becomes SVG, like everywhere else.
"""
from __future__ import annotations

import copy
import html
import re
import textwrap

import altair as alt
import pandas as pd
import vl_convert as vlc

from .export import vega_spec
from .passages import sentence_marks
from .theme import STANCE_COLOURS, styled

WIDTH, HEIGHT = 1920, 1080
FONT = "sans-serif"
CHART_BOX = (20, 140, 1440, 866)  # x, y, width, height: 60% of the slide, and the chart is sized to fill it
CHART_SCALE = 1.25  # the chart is drawn at 1/1.25 of its box and scaled up: its 16 px text is 20 px on the slide
PASSAGE_X, PASSAGE_WIDTH = 1490, 400
PASSAGE_SIZE, CITATION_SIZE, FOOTER_SIZE, TITLE_SIZE, SUBTITLE_SIZE = 22, 18, 19, 38, 20
CHARS_PER_LINE = 31  # at 22 px in 400 px
CITATION_CHARS = 38  # at 18 px in 400 px
SUBTITLE_CHARS = 165  # at 20 px across the slide; two lines at most
MAX_LINES = 7
SLIDE_PASSAGES = 3  # passages on a slide, at most (fewer when they are long)
KIND_STYLE = {"match": ("#0f172a", "700"), "hedge": ("#b45309", "700"), "approximator": ("#6d28d9", "700"),
              "booster": ("#1d4ed8", "700"), "theme": ("#047857", "700"),
              **{stance: (colour if stance != "neutral" else "#4b5563", "700") for stance, colour in STANCE_COLOURS.items()}}


def with_selection(spec: dict, selection: dict | None) -> dict:
    """The chart spec with its "pick" selection set to ``selection`` (so the clicked mark is the one highlighted)."""
    spec = copy.deepcopy(spec)
    if not selection:
        return spec

    def walk(node):
        if isinstance(node, dict):
            for param in node.get("params", []):
                if param.get("name") == "pick":
                    param["value"] = [dict(selection)]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return spec


def _segments(row, theme_set: str, query: str, terms=()) -> list[tuple[str, str | None]]:
    """The sentence as (text, mark kind or None) pieces, marks not overlapping (the first listed wins)."""
    text = row["text"]
    chosen = []
    for start, end, kind, _ in sentence_marks(row, theme_set, query, terms):
        if 0 <= start < end <= len(text) and all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, kind))
    pieces, pos = [], 0
    for start, end, kind in sorted(chosen):
        pieces += [(text[pos:start], None), (text[start:end], kind)]
        pos = end
    return pieces + [(text[pos:], None)]


Word = list[tuple[str, str | None]]  # a whitespace-separated word as its pieces: "Putin" marked, then "’s" plain


def _lines(pieces: list[tuple[str, str | None]], width: int) -> list[list[Word]]:
    """Words with their marks, wrapped to ``width`` characters. A word a mark ends inside ("Putin’s") stays one word."""
    words: list[Word] = []
    current: Word = []
    for text, kind in pieces:
        for part in re.split(r"(\s+)", text):
            if part.isspace():
                if current:
                    words.append(current)
                current = []
            elif part:
                current.append((part, kind))
    if current:
        words.append(current)
    lines, line, length = [], [], 0
    for word in words:
        size = sum(len(piece) for piece, _ in word)
        if line and length + 1 + size > width:
            lines.append(line)
            line, length = [], 0
        line.append(word)
        length += size + (1 if length else 0)
    return lines + [line] if line else lines


def _tspans(line: list[Word]) -> str:
    out = []
    for n, word in enumerate(line):
        for piece, kind in word:
            if kind:
                colour, weight = KIND_STYLE[kind]
                out.append(f'<tspan fill="{colour}" font-weight="{weight}" text-decoration="underline">{html.escape(piece)}</tspan>')
            else:
                out.append(f"<tspan>{html.escape(piece)}</tspan>")
        if n < len(line) - 1:
            out.append(" ")  # outside the marked word, so the underline stops at the word
    return "".join(out)


def _text(x: int, y: int, size: int, content: str, fill: str = "#111827", weight: str = "400") -> str:
    return f'<text x="{x}" y="{y}" font-family="{FONT}" font-size="{size}" fill="{fill}" font-weight="{weight}">{content}</text>'


def _subtitle(spec: dict) -> str:
    """A chart's subtitle as one string (the slide shows it under its one title)."""
    title = spec.get("title", "")
    subtitle = title.get("subtitle", "") if isinstance(title, dict) else ""
    return " ".join(subtitle) if isinstance(subtitle, list) else str(subtitle or "")


def _sized(spec: dict, width: float, height: float) -> dict:
    spec = {**spec, "width": width, "height": height}
    spec.pop("autosize", None)
    return spec


def _size(svg: str) -> tuple[float, float]:
    return (float(re.search(r'width="([\d.]+)"', svg).group(1)), float(re.search(r'height="([\d.]+)"', svg).group(1)))


def _chart_svg(spec: dict, selection: dict | None) -> str:
    """The chart (its styled Vega-Lite dict) without its title (the slide's title says it), its plot sized so that the
    whole drawing has the chart box's shape, drawn at 1/CHART_SCALE and scaled into the box: it fills the box instead
    of its top-left corner."""
    spec = {**with_selection(spec, selection)}
    spec.pop("title", None)
    x, y, box_w, box_h = CHART_BOX
    if any(k in spec for k in ("hconcat", "vconcat", "concat", "facet")):
        svg = vlc.vegalite_to_svg(spec)  # a compound chart keeps its own layout
    else:
        trial_w, trial_h = 700.0, 400.0  # the plot; what a drawing adds around it (labels, axes, legend) is measured
        width, height = _size(vlc.vegalite_to_svg(_sized(spec, trial_w, trial_h)))
        plot_w = max(box_w / CHART_SCALE - (width - trial_w), 200.0)
        plot_h = max(box_h / CHART_SCALE - (height - trial_h), 150.0)
        svg = vlc.vegalite_to_svg(_sized(spec, plot_w, plot_h))
    width, height = _size(svg)
    svg = re.sub(r"<\?xml[^>]*>", "", svg).strip()
    root = re.match(r"<svg([^>]*)>", svg)
    attributes = re.sub(r'\s(?:width|height|viewBox|x|y)="[^"]*"', "", root.group(1))
    return (f'<svg{attributes} x="{x}" y="{y}" width="{box_w}" height="{box_h}" viewBox="0 0 {width} {height}" '
            f'preserveAspectRatio="xMidYMin meet">' + svg[root.end():])


def slide_svg(chart: alt.TopLevelMixin, title: str, passages: pd.DataFrame, footer: str, selection: dict | None = None,
              theme_set: str = "corpus", query: str = "", max_passages: int = SLIDE_PASSAGES, terms=()) -> str:
    spec = styled(vega_spec(chart), presentation=True)  # styled once, for the subtitle and the chart
    subtitle_lines = textwrap.wrap(_subtitle(spec), SUBTITLE_CHARS)
    parts = [f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
             _text(50, 58, TITLE_SIZE, html.escape(title), weight="700"),
             *(_text(50, 96 + 24 * k, SUBTITLE_SIZE, html.escape(line), fill="#475569")
               for k, line in enumerate(subtitle_lines[:2])),
             _chart_svg(spec, selection),
             f'<line x1="{PASSAGE_X - 20}" y1="150" x2="{PASSAGE_X - 20}" y2="980" stroke="#cbd5e1" stroke-width="2"/>',
             _text(PASSAGE_X, 175, 22, "In the text", fill="#475569", weight="700")]
    y = 220
    for _, row in passages.head(max_passages).iterrows():
        lines = _lines(_segments(row, theme_set, query, terms), CHARS_PER_LINE)
        if len(lines) > MAX_LINES:
            lines = lines[:MAX_LINES]
            lines[-1] = lines[-1] + [[("…", None)]]
        needed = len(lines) * (PASSAGE_SIZE + 8) + 2 * (CITATION_SIZE + 4) + 36
        if y + needed > 990:
            break
        for line in lines:
            parts.append(_text(PASSAGE_X, y, PASSAGE_SIZE, _tspans(line)))
            y += PASSAGE_SIZE + 8
        date = row.get("date", "unknown")
        # two short lines, so the citation stays inside the slide: who and when, then the article's title
        for citation in (f"— {_short(row['outlet_group'], 26)} · {date if date != 'unknown' else 'no date'}",
                         f"   {_short(row['title'], CITATION_CHARS)}"):
            parts.append(_text(PASSAGE_X, y + 4, CITATION_SIZE, html.escape(citation), fill="#475569"))
            y += CITATION_SIZE + 4
        y += 36
    parts.append('<line x1="50" y1="1010" x2="1870" y2="1010" stroke="#cbd5e1" stroke-width="2"/>')
    parts.append(_text(50, 1048, FOOTER_SIZE, html.escape(footer), fill="#334155"))
    parts.append(_text(1870 - 170, 1048, FOOTER_SIZE, "Framing Lens", fill="#94a3b8"))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">'
            + "".join(parts) + "</svg>")


def slide_png(svg: str) -> bytes:
    return vlc.svg_to_png(svg, scale=1.0)


def _short(title: str, limit: int = 50) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"
