"""The passages panel: the sentences behind a chart, cue words marked, every score visible.

All article text is escaped here before it becomes HTML, and it is drawn with ``st.html`` (no
Markdown processing), so Markdown, HTML, ``:red[...]`` directives and ``$`` in a text show literally.
"""
from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from framing.language.term_match import TermMatch
from framing.scoring.measures import MEASURES
from framing.statistics.distinctive import QueryError, query_pattern, term_pattern

from .lens import Lens
from .text import literal
from .theme import APPROXIMATOR_COLOUR, BOOSTER_COLOUR, HEDGE_COLOUR, STANCE_COLOURS, THEME_COLOUR

MARK_CLASSES = {"match": "fl-m", "hedge": "fl-h", "approximator": "fl-a", "booster": "fl-b", "theme": "fl-t",
                "negative": "fl-neg", "neutral": "fl-neu", "positive": "fl-pos"}
STYLE = f"""<style>
.fl-p {{ border-left: 4px solid #cbd5e1; padding: 4px 10px; margin: 0 0 10px 0; font-size: 1rem; line-height: 1.45; }}
.fl-meta {{ color: #475569; font-size: 0.85rem; }}
.fl-h {{ background: {HEDGE_COLOUR}; border-bottom: 2px solid #d97706; padding: 0 2px; }}
.fl-a {{ background: {APPROXIMATOR_COLOUR}; border-bottom: 2px dashed #7c3aed; padding: 0 2px; }}
.fl-b {{ background: {BOOSTER_COLOUR}; border-bottom: 2px solid #2563eb; padding: 0 2px; }}
.fl-t {{ background: {THEME_COLOUR}; border-bottom: 2px dotted #059669; padding: 0 2px; }}
.fl-q {{ font-style: italic; }}
.fl-neg, .fl-neu, .fl-pos {{ font-weight: 700; border-radius: 2px; padding: 0 3px; color: #fff; }}
.fl-neg {{ background: {STANCE_COLOURS["negative"]}; }} .fl-pos {{ background: {STANCE_COLOURS["positive"]}; }}
.fl-neu {{ background: #6b7280; }}
.fl-m {{ font-weight: 700; outline: 2px solid #0f172a; border-radius: 2px; padding: 0 2px; }}
.fl-legend span {{ margin-right: 10px; white-space: nowrap; display: inline-block; }}
details.fl-ctx summary {{ cursor: pointer; color: #1f4e79; font-size: 0.85rem; }}
.fl-big .fl-p {{ font-size: 1.25rem; }}
</style>"""


@dataclass(frozen=True)
class Passages:
    """The sentences of ``table`` at ``positions``, in the order they are read. Filtering and sorting move positions;
    rows are taken from the table only to be shown or exported (a pick's evidence at 10,000 articles is tens of
    thousands of rows: copying them for every chart on every run cost more than drawing the chart)."""
    table: pd.DataFrame
    positions: np.ndarray

    @classmethod
    def of(cls, table: pd.DataFrame, positions: np.ndarray | None = None) -> Passages:
        """Every row of ``table`` in its order, or those at ``positions``."""
        return cls(table, np.arange(len(table)) if positions is None else positions)

    def __len__(self) -> int:
        return len(self.positions)

    def where(self, keep: np.ndarray) -> Passages:
        """Those among them where ``keep`` (one bool per row of the table) holds, in the same order."""
        return Passages(self.table, self.positions[keep[self.positions]])

    def containing(self, words: str) -> Passages:
        """Those whose text holds ``words``, any case, taken literally."""
        text = pd.Series(self.table["text"].to_numpy()[self.positions])
        return Passages(self.table, self.positions[text.str.contains(words, case=False, regex=False).to_numpy(dtype=bool)])

    def sorted_by(self, columns: list[str], ascending: bool | list[bool] = True) -> Passages:
        """Sorted as ``DataFrame.sort_values(columns, ascending, kind="stable")`` sorts their rows (ties in their
        order, missing values last), from those columns alone."""
        keys = pd.DataFrame({c: self.table[c].to_numpy()[self.positions] for c in dict.fromkeys(columns)})
        return Passages(self.table, self.positions[keys.sort_values(columns, ascending=ascending, kind="stable").index.to_numpy()])

    def head(self, n: int) -> pd.DataFrame:
        return self.table.iloc[self.positions[:n]]

    def rows(self) -> pd.DataFrame:
        """All of them, as rows (an export)."""
        return self.table.iloc[self.positions]


def marked_html(text: str, marks: list[tuple[int, int, str, str]]) -> str:
    """Escape ``text`` and wrap marked spans. marks: (start, end, kind, tooltip); overlaps keep the first listed."""
    chosen: list[tuple[int, int, str, str]] = []
    for start, end, kind, tip in marks:
        if 0 <= start < end <= len(text) and all(end <= s or start >= e for s, e, _, _ in chosen):
            chosen.append((start, end, kind, tip))
    out, pos = [], 0
    for start, end, kind, tip in sorted(chosen):
        out.append(html.escape(text[pos:start]))
        out.append(f'<span class="{MARK_CLASSES[kind]}" title="{html.escape(tip)}">{html.escape(text[start:end])}</span>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def sentence_marks(row, theme_set: str, query: str = "", terms: Sequence[str] = ()) -> list[tuple[int, int, str, str]]:
    """Every marked span of a sentence; the search's matches (or a words chart's ``terms``) first, so they win where
    spans overlap."""
    marks = [(m.start(), m.end(), "match", f"distinctive term: {term}") for term in terms
             for m in term_pattern(term).finditer(row["text"])]
    if "stance" in row and isinstance(row["stance"], str):  # a mention scored for portrayal: its stance first
        marks.append((int(row["mention_start"]), int(row["mention_end"]), row["stance"], stance_text(row)))
    if query.strip():
        try:
            marks = [(m.start(), m.end(), "match", "search match") for m in query_pattern(query).finditer(row["text"])] + marks
        except QueryError:
            pass
    marks += [(h["start"], h["end"], "hedge", f"hedge: {h['category']}" + (" (negated)" if h.get("negated") else ""))
             for h in row["hedges"]]
    marks += [(a["start"], a["end"], "approximator", f"approximator: {a['category']}") for a in row.get("approximators", [])]
    marks += [(b["start"], b["end"], "booster", f"booster: {b['category']}") for b in row["boosters"]]
    themes = [TermMatch(*t) for t in row["theme_matches"]]
    marks += [(t.start, t.end, "theme", f"theme: {t.label}") for t in themes if t.theme_set == theme_set]
    return marks


def stance_text(row) -> str:
    """"toward Trump: negative (p 0.81)": the tone-toward model's reading of a scored mention."""
    return f"toward {row['mention']}: {row['stance']} (p {row['p_' + row['stance']]:.2f})"


def score_line(row, tone_column: str = "tone") -> str:
    """Every measure a passage shows, as declared (``framing.scoring.measures``), then the sentence's voice.

    "tone" is the score of the tone engine in use (``tone_column``), so the line matches the charts."""
    row = row if tone_column == "tone" else {**dict(row), "tone": row[tone_column]}
    parts = [m.passage_text(row) for m in MEASURES if m.in_passage and m.column in row]
    if "stance" in row and isinstance(row["stance"], str):
        parts.insert(0, stance_text(row))
    quoted = f"quoted · {row['speaker'] or 'speaker not named'}" if row["quoted"] else (
        f"own voice · attributes to {row['speaker']}" if row["speaker"] else "own voice")
    return html.escape(" · ".join(parts + [quoted]))


def passage_html(row, paragraph: str, theme_set: str, tone_column: str, query: str = "", terms: Sequence[str] = ()) -> str:
    meta = (f"<b>{html.escape(row['outlet_group'])}</b> · {html.escape(_short(row['title']))} · "
            f"{html.escape(row['sentence_id'])} · position {row['position']:.2f}")
    scores = score_line(row, tone_column)
    body = marked_html(row["text"], sentence_marks(row, theme_set, query, terms))
    context = _paragraph_with_sentence(paragraph, row["text"])
    return (f'<div class="fl-p" data-sentence-id="{html.escape(row["sentence_id"])}" '
            f'data-outlet="{html.escape(row["outlet_group"])}">'
            f'<div class="fl-meta">{meta}</div><div class="{"fl-q" if row["quoted"] else ""}">{body}</div>'
            f'<div class="fl-meta">{scores}</div>'
            f'<details class="fl-ctx"><summary>surrounding paragraph</summary>{context}</details></div>')


def _paragraph_with_sentence(paragraph: str, sentence: str) -> str:
    at = paragraph.find(sentence)
    if at < 0:
        return html.escape(paragraph)
    return (html.escape(paragraph[:at]) + "<b>" + html.escape(sentence) + "</b>" + html.escape(paragraph[at + len(sentence):]))


def _short(title: str, limit: int = 60) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


def draw_passages(passages: Passages, paragraphs: dict[str, str], lens: Lens, caption: str, key: str,
                  limit: int = 20, terms: Sequence[str] = ()) -> None:
    presentation = lens.presentation
    shown_n = min(limit, len(passages))
    st.markdown(f"**Passages** — {shown_n:,} of {len(passages):,} sentence{'s' if len(passages) != 1 else ''}")
    st.caption(literal(caption))
    stances = ('<span class="fl-neg">negative toward</span><span class="fl-neu">neutral</span>'
               '<span class="fl-pos">positive toward</span>' if "stance" in passages.table else "")
    legend = (f'<div class="fl-legend fl-meta">{stances}<span class="fl-h">epistemic hedge</span><span class="fl-a">approximator</span>'
              '<span class="fl-b">booster</span>'
              '<span class="fl-t">theme term</span><span class="fl-q">italic = quoted</span></div>')
    shown = passages.head(limit)
    body = "".join(passage_html(r, paragraphs.get(r["paragraph_id"], ""), lens.theme_set, lens.tone_column, lens.query, terms)
                   for _, r in shown.iterrows())
    more = (f'<div class="fl-meta">Showing {limit:,} of {len(passages):,}: “Show more” below, or download the CSV for all.</div>'
            if len(passages) > limit else "")
    with st.container(height=560 if not presentation else 640, key=f"passages_{key}"):
        st.html(f'{STYLE}<div class="{"fl-big" if presentation else ""}">{legend}{body or "<i>No sentences.</i>"}{more}</div>')
