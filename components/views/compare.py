"""Compare: what sets an outlet apart from the rest of the corpus — the first screen.

Outlet pick: every outlet against the rest (the picked one stands out), on tone, hedging and boosting,
and the picked outlet's attention to each theme and the words it uses more than the others. Theme or
actor pick: each outlet's treatment of it against the other outlets' treatment of it. Intervals are
bootstrapped by article (framing.statistics.compare); a difference whose interval includes zero is grey, "no clear
difference", and sorted after the clear ones.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import altair as alt
import pandas as pd
import streamlit as st

from framing.scoring.analysis import Analysis
from framing.statistics.compare import (
    CLEAR,
    TONE,
    compare_charts,
    compared_ratios,
    label_counts,
    label_versus_rest,
    one_versus_rest,
)
from framing.statistics.distinctive import distinctive, group_term_counts, holding, without_furniture
from framing.statistics.portrayal import portrayal_versus_rest

from ..charts import differences, outlet_label, ranked_bars, stance_differences
from ..lens import Lens
from ..panel import Later, Panel, draw_all
from ..stances import scored_mentions
from ..words import house_style, words_filter

TITLE = "Compare"
HOW_TO_READ = ("**How to read this:** each dot is one outlet *minus the rest of the corpus* (right of the dashed line: "
               "more); whiskers are 95% intervals by article; **grey: no clear difference** (hollow where a row has a dot per outlet). Click a mark for its sentences.")


def ranked(frame: pd.DataFrame, value: str, verdict: str, label: str) -> pd.DataFrame:
    """Clear differences first, largest first; then the rest in a fixed order (they are not ranked)."""
    clear = frame[frame[verdict] == CLEAR].sort_values(value, ascending=False, key=abs)
    other = frame[frame[verdict] != CLEAR].sort_values(label)
    return pd.concat([clear, other])


def _with_n(frame: pd.DataFrame, name: str) -> pd.Series:
    return frame[name] + " (n = " + frame["n_articles"].map("{:,}".format) + " vs " + frame["rest_articles"].map("{:,}".format) + " articles)"


def draw(analysis: Analysis, lens: Lens) -> None:
    st.markdown(HOW_TO_READ)
    if len(analysis.outlets) < 2:
        st.info("Comparison needs at least two outlets. Give your articles an outlet (Articles view) or add more.")
        return
    draw_all(panels(analysis, lens, read_later=True), analysis, lens)


def panels(analysis: Analysis, lens: Lens, read_later: bool = False) -> Iterator[Panel | Later]:
    """The panels one at a time, so the first is drawn while the next are made. ``read_later``: an actor's portrayal comes
    as ``Later``, drawn in its place once the panels after it are: on a much-named actor's first pick the tone-toward
    model reads its mentions for 10-20 s (1,704 real articles), and the other charts need not wait for it."""
    compared = lens.compared(analysis.table).assign(tone=lambda t: t[lens.tone_column])
    about = "all sentences" if lens.mode == "outlet" else f"sentences naming {lens.describe()}"
    scope = (*lens.compared_key, lens.tone_engine)  # every outlet against the rest, made once per tone engine
    tone = analysis.cached(("one_versus_rest", "tone", *scope), lambda: one_versus_rest(compared, [TONE]))
    tone = ranked(tone, "difference", "verdict", "outlet_group")
    tone = tone.assign(row=_with_n(tone, "outlet_group"))
    tone_chart = differences(tone, "row", "difference", "ci_low", "ci_high", "verdict",
                             f"Tone: each outlet minus the rest — {about}",
                             f"{lens.tone_label}; −1 … +1 scale; mean per sentence", "Difference in mean tone",
                             lens.outlets, ["outlet_group"], lens.highlight)
    yield Panel("compare_tone", tone_chart, tone, compared, "All {n} sentences of {pick}, most negative first.",
                sort_passages_by=[lens.tone_column], scoped=False)
    cues = analysis.cached(("one_versus_rest", "cues", *scope[:-1]), lambda: one_versus_rest(compared, compared_ratios("cues")))
    cues = cues.rename(columns={"label": "cue_kind"})
    cues = cues.assign(row=cues["cue_kind"], group_n=_with_n(cues, "outlet_group"))
    cue_chart = differences(cues, "row", "difference", "ci_low", "ci_high", "verdict",
                            f"Hedging and boosting: each outlet minus the rest — {about}",
                            "Per 1,000 words; one dot per outlet in each row", "Difference per 1,000 words",
                            lens.outlets, ["outlet_group", "cue_kind"], lens.highlight, fmt="+.1f", offset="outlet_group",
                            tooltip=(("group_n:N", "outlet"),))
    cue_rows = compared[compared[[r.numerator for r in compared_ratios("cues")]].sum(axis=1) > 0]
    yield Panel("compare_cues", cue_chart, cues.drop(columns=["row"]), cue_rows,
                "The {n} sentences of {pick} with an epistemic hedge, approximator or booster.",
                sort_passages_by=["hedge_count", "booster_count"], ascending=False, scoped=False)
    for title in compare_charts():  # any other measure declared for Compare: a chart of its own
        yield _declared(analysis, lens, compared, title, about, scope[:-1])
    if lens.mode == "actor":
        yield Later(partial(_portrayal, analysis, lens)) if read_later else _portrayal(analysis, lens)
    yield from _emphasis(analysis, lens, compared)
    yield _words(analysis, compared, lens)


def _declared(analysis: Analysis, lens: Lens, compared: pd.DataFrame, title: str, about: str, scope: tuple) -> Panel:
    """A chart for the measures that declare ``compare=title``: each outlet minus the rest, one row per measure."""
    found = analysis.cached(("one_versus_rest", title, *scope), lambda: one_versus_rest(compared, compared_ratios(title)))
    found = found.assign(row=found["label"], group_n=_with_n(found, "outlet_group"))
    units = ", ".join(dict.fromkeys(r.unit for r in compared_ratios(title) if r.unit))
    chart = differences(found, "row", "difference", "ci_low", "ci_high", "verdict", f"{title}: each outlet minus the rest — {about}",
                        f"{units[:1].upper() + units[1:]}; one dot per outlet in each row", "Difference", lens.outlets,
                        ["outlet_group"], lens.highlight, offset="outlet_group", tooltip=(("group_n:N", "outlet"),))
    key = "compare_" + "".join(c if c.isalnum() else "_" for c in title.lower())
    return Panel(key, chart, found.drop(columns=["row"]), compared, "All {n} sentences of {pick}.", scoped=False)


def _portrayal(analysis: Analysis, lens: Lens) -> Panel:
    """How each outlet speaks of the actor: its share of mentions read as negative (and as positive) toward it,
    minus the other outlets' (framing.models.tone_toward)."""
    scored = scored_mentions(analysis, lens.value)
    data = analysis.cached(("portrayal_versus_rest", lens.value), lambda: portrayal_versus_rest(scored))
    data = data.assign(actor=lens.value, row=[f"{outlet_label(o)} · {m:,} mention{'s' * (m != 1)}, {a:,} article{'s' * (a != 1)}"
                                              for o, m, a in zip(data["outlet_group"], data["n_sentences"], data["n_articles"])],
                       level=data["value"].map("{:.0f}%".format) + " vs " + data["rest_value"].map("{:.0f}%".format))
    chart = stance_differences(data, "row", f"Portrayal: how each outlet speaks of {lens.value}, minus the rest",
                               "Share of its mentions read as negative or positive toward the actor (the tone-toward "
                               "model, not sentence tone); filled: a clear difference, hollow: none clear",
                               "Difference (percentage points)")
    return Panel("compare_portrayal", chart, data.drop(columns=["row"]), scored,
                 "The {n} sentences naming {pick}, most negative toward it first.", sort_passages_by=["p_negative"],
                 ascending=False, scoped=False)


def _emphasis(analysis: Analysis, lens: Lens, compared: pd.DataFrame) -> tuple[Panel, Panel]:
    table = analysis.table
    if lens.mode == "outlet":
        labels = analysis.cached(("labels", lens.theme_column), lambda: sorted({n for names in table[lens.theme_column] for n in names}))
        counts = analysis.cached(("label_counts", lens.theme_column), lambda: label_counts(table, lens.theme_column, labels))
        data = analysis.cached(("label_versus_rest", lens.theme_column, lens.value),
                               lambda: label_versus_rest(table, lens.theme_column, labels, lens.value, counts=counts))
        data = data.assign(theme=data["label"])
        row, fields, about = "label", ["outlet_group", "theme"], f"{lens.value}, theme by theme ({lens.theme_set_label})"
        rows = table[table["outlet_group"] == lens.value]
        rows = rows[rows[lens.theme_column].map(len) > 0]
    else:
        column = lens.theme_column if lens.mode == "theme" else "actors"
        field = "theme" if lens.mode == "theme" else "actor"
        def each_outlet() -> pd.DataFrame:
            counts = label_counts(table, column, [lens.value])  # one count of the table, every outlet against it
            return pd.concat([label_versus_rest(table, column, [lens.value], g, counts=counts) for g in analysis.outlets],
                             ignore_index=True)

        # made once per pick, as every other aggregate here (a rerun made it again: 1 s at 10,000 articles)
        data = analysis.cached(("label_versus_rest_each_outlet", column, lens.value), each_outlet)
        data = data.assign(**{field: lens.value}).assign(label=_with_n(data, "outlet_group"))
        row, fields, about = "label", ["outlet_group", field], f"{lens.describe()}, outlet by outlet"
        rows = compared
    share = ranked(data, "share_difference", "share_verdict", row)
    lead = ranked(data, "lead_difference", "lead_verdict", row)
    share_chart = differences(share, row, "share_difference", "share_ci_low", "share_ci_high", "share_verdict",
                              "Attention: share of sentences naming it, minus the rest",
                              f"{about}; percentage points of the outlet's sentences", "Difference in share (points)",
                              lens.outlets, fields, lens.highlight, fmt="+.1f")
    lead_chart = differences(lead, row, "lead_difference", "lead_ci_low", "lead_ci_high", "lead_verdict",
                             "How early it first appears, minus the rest",
                             f"{about}; first mention, 0 = top … 1 = end; left of zero = earlier",
                             "Difference in first-mention position", lens.outlets, fields, lens.highlight)
    return (Panel("compare_attention", share_chart, share, rows, "The {n} sentences of {pick} that name a theme."
                  if lens.mode == "outlet" else "The {n} sentences naming {pick}."),
            Panel("compare_lead", lead_chart, lead, rows, "The same sentences, in article order."))


def _words(analysis: Analysis, compared: pd.DataFrame, lens: Lens) -> Panel:
    if lens.mode == "outlet":  # every outlet's words are counted once; a pick scores one outlet against the rest
        style = house_style(analysis, lens)
        counts = analysis.cached(("term_counts", "outlet_group", style is None), lambda: group_term_counts(
            compared if style is None else without_furniture(compared), "outlet_group"))
        words = distinctive(compared, top=15, groups=[lens.value], counts=counts, house_style=style)
    else:  # made once per pick and words filter
        words = analysis.cached(("distinctive_each_outlet", *lens.compared_key, lens.raw_words),
                                lambda: distinctive(compared, top=6, house_style=house_style(analysis, lens)))
    words = words.rename(columns={"group": "outlet_group"})
    words = words.assign(label=words["term"] + " (" + words["count"].astype(str) + " vs " + words["rest_count"].astype(str) + ")")
    about = f"{lens.value} against the rest" if lens.mode == "outlet" else f"each outlet, in sentences naming {lens.describe()}"
    chart = ranked_bars(words, "label", "z", "term", "Distinctive words and phrases",
                        f"{about}; z of the weighted log-odds (Monroe et al. 2008), prior = 1,000 words of the corpus; "
                        f"{words_filter(lens)}; (count here vs in the rest)",
                        "z-score (how much more this outlet uses it)", list(lens.outlets),
                        [alt.Tooltip("term:N"), alt.Tooltip("outlet_group:N", title="Outlet"), alt.Tooltip("count:Q"),
                         alt.Tooltip("rest_count:Q", title="count in the rest"), alt.Tooltip("log_odds:Q", format="+.2f"),
                         alt.Tooltip("z:Q", format=".2f")])
    terms = tuple(dict.fromkeys(words["term"]))
    # Which sentences hold them is kept per pick (0.5 s on 1,000 real articles): going back to an outlet finds them
    # at once. Only their positions are kept; the rows are taken on each run.
    found = analysis.cached(("holding", *lens.compared_key, terms), lambda: holding(compared, terms))
    return Panel("compare_words", chart, words.drop(columns=["label"]), compared.iloc[found],
                 "The {n} sentences of {pick} with a listed term (marked). Click a term to see it in context in every "
                 "outlet.", terms=terms, one_outlet=lens.mode == "outlet")
