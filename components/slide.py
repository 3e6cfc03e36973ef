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

import altair as alt
import pandas as pd
import vl_convert as vlc

from .passages import sentence_marks
from .theme import STANCE_COLOURS, style

WIDTH, HEIGHT = 1920, 1080
FONT = "sans-serif"
CHART_BOX = (50, 150, 1130, 830)  # x, y, width, height
PASSAGE_X, PASSAGE_WIDTH = 1220, 650
PASSAGE_SIZE, CITATION_SIZE, FOOTER_SIZE, TITLE_SIZE = 24, 19, 19, 40
CHARS_PER_LINE = 46  # at 24 px in 650 px
MAX_LINES = 6
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


def _segments(row, theme_set: str, query: str) -> list[tuple[str, str | None]]:
    """The sentence as (text, mark kind or None) pieces, marks not overlapping (the first listed wins)."""
    text = row["text"]
    chosen = []
    for start, end, kind, _ in sentence_marks(row, theme_set, query):
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


def _chart_svg(chart: alt.TopLevelMixin, selection: dict | None) -> str:
    spec = with_selection(style(chart.properties(width=620), presentation=True).to_dict(), selection)
    svg = vlc.vegalite_to_svg(spec)
    width = float(re.search(r'width="([\d.]+)"', svg).group(1))
    height = float(re.search(r'height="([\d.]+)"', svg).group(1))
    x, y, box_w, box_h = CHART_BOX
    svg = re.sub(r"<\?xml[^>]*>", "", svg).strip()
    root = re.match(r"<svg([^>]*)>", svg)
    attributes = re.sub(r'\s(?:width|height|viewBox|x|y)="[^"]*"', "", root.group(1))
    return (f'<svg{attributes} x="{x}" y="{y}" width="{box_w}" height="{box_h}" viewBox="0 0 {width} {height}" '
            f'preserveAspectRatio="xMidYMin meet">' + svg[root.end():])


def slide_svg(chart: alt.TopLevelMixin, title: str, passages: pd.DataFrame, footer: str, selection: dict | None = None,
              theme_set: str = "corpus", query: str = "", max_passages: int = 3) -> str:
    parts = [f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
             _text(50, 95, TITLE_SIZE, html.escape(title), weight="700"),
             _chart_svg(chart, selection),
             f'<line x1="{PASSAGE_X - 30}" y1="150" x2="{PASSAGE_X - 30}" y2="980" stroke="#cbd5e1" stroke-width="2"/>',
             _text(PASSAGE_X, 175, 22, "In the text", fill="#475569", weight="700")]
    y = 220
    for _, row in passages.head(max_passages).iterrows():
        lines = _lines(_segments(row, theme_set, query), CHARS_PER_LINE)
        if len(lines) > MAX_LINES:
            lines = lines[:MAX_LINES]
            lines[-1] = lines[-1] + [[("…", None)]]
        needed = len(lines) * (PASSAGE_SIZE + 8) + CITATION_SIZE + 40
        if y + needed > 990:
            break
        for line in lines:
            parts.append(_text(PASSAGE_X, y, PASSAGE_SIZE, _tspans(line)))
            y += PASSAGE_SIZE + 8
        date = row.get("date", "unknown")
        citation = f"— {_short(row['outlet_group'], 24)} · {_short(row['title'], 28)} · {date if date != 'unknown' else 'date unknown'}"
        parts.append(_text(PASSAGE_X, y + 4, CITATION_SIZE, html.escape(citation), fill="#475569"))
        y += CITATION_SIZE + 40
    parts.append('<line x1="50" y1="1010" x2="1870" y2="1010" stroke="#cbd5e1" stroke-width="2"/>')
    parts.append(_text(50, 1048, FOOTER_SIZE, html.escape(footer), fill="#334155"))
    parts.append(_text(1870 - 170, 1048, FOOTER_SIZE, "Framing Lens", fill="#94a3b8"))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">'
            + "".join(parts) + "</svg>")


def slide_png(svg: str) -> bytes:
    return vlc.svg_to_png(svg, scale=1.0)


def _short(title: str, limit: int = 50) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"
