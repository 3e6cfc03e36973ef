"""Story: one event, its outlets side by side; and two outlets compared on the stories both covered."""
from __future__ import annotations

from functools import partial
from textwrap import shorten

import altair as alt
import pandas as pd
import streamlit as st

from framing.scoring.analysis import Analysis
from framing.statistics.aggregate import CI_METHOD, MIN_N_FOR_CI, speaker_counts, story_coverage, summarise
from framing.statistics.compare import CLEAR, SMALL, TONE, paired
from framing.statistics.distinctive import containing, distinctive
from framing.statistics.portrayal import stance_shares_by

from ..charts import differences, outlet_label, ranked_bars, stance_bars
from ..lens import Lens
from ..panel import Later, Panel, draw_all
from ..stances import scored_mentions
from ..text import literal
from ..words import house_style, words_filter

TITLE = "Story"
MAX_SIDE_BY_SIDE = 4
MAIN_ACTORS = 4  # the story's most named actors whose portrayal is shown
PORTRAYAL_ROWS = 20  # and fewer with many outlets (a row per actor and outlet): 4 actors × 9 outlets were 1,100 px
MIN_MENTIONS = 2  # an actor named once in a story is not one of its main actors
WORDS_PER_OUTLET = 6  # each outlet's distinctive words in the story
WORD_ROWS = 30  # and fewer with many outlets: 6 words × 9 outlets were 54 rows, 1,920 px


def stories(table: pd.DataFrame, picked: set[str] | None = None) -> pd.DataFrame:
    """Each story with how many outlets and articles cover it: first the stories of the pick that several outlets
    cover (``picked``: the picked outlet's stories, or those naming the picked theme or actor), then any story
    several outlets cover, most outlets first."""
    per = story_coverage(table).drop_duplicates("story").set_index("story")[["story_outlets", "story_articles"]].rename(
        columns={"story_outlets": "outlets", "story_articles": "articles"}).sort_index()
    several = per["outlets"] >= 2  # something to compare
    first = several & per.index.isin(picked) if picked is not None else several
    return per.assign(first=first, several=several).sort_values(["first", "several", "outlets", "articles"],
                                                                ascending=False).drop(columns=["first", "several"]).reset_index()


def draw(analysis: Analysis, lens: Lens) -> None:
    table = analysis.table
    listing = analysis.cached(("stories", lens.mode, lens.value, lens.theme_set), lambda: stories(table, set(lens.scope(table)["story"])))
    labels = {r.story: f"{r.story} — {r.outlets} outlet{'s' if r.outlets != 1 else ''}, {r.articles} article{'s' if r.articles != 1 else ''}"
              for r in listing.itertuples()}
    story = st.selectbox("Story", list(labels), format_func=labels.get, key="story", bind="query-params",
                         help="Stories come from a story (or event) column; where there is none, articles are grouped "
                              "by the names they share and their dates (see Methodology). Edit them in the Articles view.")
    if story is None:
        return
    rows = table[table["story"] == story]
    outlets = sorted(rows["outlet_group"].unique())
    if len(outlets) == 1:
        st.info(literal(f"Only {outlets[0]} covers this story in the loaded articles: there is nothing to compare it with."))
    _side_by_side(rows, outlets[:MAX_SIDE_BY_SIDE], lens)
    if len(outlets) > MAX_SIDE_BY_SIDE:
        st.caption(f"{len(outlets) - MAX_SIDE_BY_SIDE} more outlets cover this story; the charts below show all of them.")
    paired_panels = panels(analysis, lens)
    if not paired_panels:
        first = lens.value if lens.mode == "outlet" else analysis.outlets[0]
        st.info(literal(f"No other outlet covered any story {first} covered, so there is no pair of outlets to "
                        "compare on shared stories."))
    # The portrayal is drawn in its place once the words chart is: on a story's first visit the tone-toward model
    # reads its main actors' mentions for seconds (4.6 s of a 7.9 s first visit on 1,704 real articles)
    main = main_actors_of(rows)
    portrayal = [Later(partial(_portrayal, analysis, rows, story, lens, main))] if main else []
    draw_all(paired_panels + portrayal + [_words(analysis, rows, lens)], analysis, lens)


def _words(analysis: Analysis, rows: pd.DataFrame, lens: Lens) -> Panel:
    """In this story, each outlet's distinctive words against the other outlets covering it."""
    words = distinctive(rows, top=words_per_outlet(rows["outlet_group"].nunique()), min_count=2,
                        house_style=house_style(analysis, lens))
    words = words.rename(columns={"group": "outlet_group"})
    words = words.assign(label=words["term"] + " · " + words["outlet_group"].map(outlet_label))
    chart = ranked_bars(words, "label", "z", "term", "Distinctive words in this story, outlet by outlet",
                        "z of the weighted log-odds against the other outlets on the same story (Monroe et al. 2008); "
                        + words_filter(lens),
                        "z-score", list(lens.outlets), [alt.Tooltip("term:N"), alt.Tooltip("outlet_group:N", title="Outlet"),
                                                        alt.Tooltip("count:Q"), alt.Tooltip("z:Q", format=".2f")])
    terms = tuple(dict.fromkeys(words["term"]))
    return Panel("story_words", chart, words.drop(columns=["label"]), containing(rows, terms),
                 "The {n} sentences of this story, every outlet's, with a listed term (marked). Click a term to see it "
                 "in context.", sort_passages_by=["article_id", "position"], scoped=False, terms=terms)


def _within_rows(most: int, rows: int, outlets: int, least: int) -> int:
    """How many of something each outlet's rows of a chart may show: ``most``, fewer where the outlets' rows would pass
    ``rows``, at least ``least``."""
    return max(least, min(most, rows // max(outlets, 1)))


def words_per_outlet(outlets: int) -> int:
    """How many distinctive words of each outlet the story's words chart lists for this many outlets covering it:
    WORDS_PER_OUTLET, fewer past WORD_ROWS rows, at least 2."""
    return _within_rows(WORDS_PER_OUTLET, WORD_ROWS, outlets, 2)


def main_actors(outlets: int) -> int:
    """How many of a story's most named actors its portrayal chart shows for this many outlets covering it:
    MAIN_ACTORS, fewer past PORTRAYAL_ROWS rows, at least 1."""
    return _within_rows(MAIN_ACTORS, PORTRAYAL_ROWS, outlets, 1)


def main_actors_of(rows: pd.DataFrame) -> list[str]:
    """A story's most named actors (each named at least MIN_MENTIONS times in it), as many as ``main_actors`` allows."""
    named = pd.Series([a for actors in rows["actors"] for a in actors]).value_counts()
    return [a for a, n in named.items() if n >= MIN_MENTIONS][:main_actors(rows["outlet_group"].nunique())]


def _portrayal(analysis: Analysis, rows: pd.DataFrame, story: str, lens: Lens, main: list[str]) -> Panel:
    """How each outlet speaks of the story's main actors (``main_actors_of``): the shares of each outlet's mentions
    read as negative, neutral and positive toward each (framing.models.tone_toward)."""
    scored = pd.concat([scored_mentions(analysis, actor, story) for actor in main], ignore_index=True)
    shares = stance_shares_by(scored, ["mention_of", "outlet_group"]).rename(columns={"mention_of": "actor"})
    # "Actor · outlet (n mentions)", drawn on two lines; a bar of too few mentions for an interval says so (3 of 3
    # negative looked as firm as 30 of 30)
    shares = shares.assign(row=[f"{a} · {outlet_label(o)} ({n} mention{'s' if n != 1 else ''}{', no interval' if n < MIN_N_FOR_CI else ''})"
                                for a, o, n in zip(shares["actor"], shares["outlet_group"], shares["group_mentions"])])
    most = "most named actor" if len(main) == 1 else f"{len(main)} most named actors"
    chart = stance_bars(shares, "row", f"How each outlet speaks of the story's {most}",
                        "Share of each outlet's mentions read as negative, neutral or positive toward the actor "
                        f"(the tone-toward model, not sentence tone); dark lines: 95% CI of the negative share (above "
                        f"the middle) and the positive share (below), {CI_METHOD}; thin bars: under {MIN_N_FOR_CI} "
                        "mentions, no interval", ["actor", "outlet_group", "stance"])
    return Panel("story_portrayal", chart, shares.drop(columns=["row"]), scored,
                 "The {n} mentions of the story's main actors, most negative toward them first.",
                 sort_passages_by=["p_negative"], ascending=False, scoped=False)


def _side_by_side(rows: pd.DataFrame, outlets: list[str], lens: Lens) -> None:
    # Each level with its interval: two or three articles an outlet make a level alone read firmer than it is.
    shown = [lens.tone_column, "hedge_count", "approximator_count", "booster_count"]  # measures, by column
    summary = summarise(rows, "outlet_group", intervals=shown).set_index("outlet_group")
    speakers = speaker_counts(rows, "outlet_group")
    st.caption(f"In brackets: 95% intervals, {CI_METHOD}; none under {MIN_N_FOR_CI} sentences. An outlet's two or "
               "three articles on one story give an interval no wider than their own spread, so read them as a floor "
               "on the uncertainty; the paired chart below compares outlets over every story they share.")
    for column, outlet in zip(st.columns(len(outlets)), outlets):
        own = rows[rows["outlet_group"] == outlet].sort_values(["article_id", "sentence_index"])
        s = summary.loc[outlet]
        themes = pd.Series([t for names in own[lens.theme_column] for t in names]).value_counts().head(3)
        quoted = speakers[speakers["outlet_group"] == outlet].nlargest(3, "sentences")["speaker"]
        with column.container(border=True):
            articles = own["article_id"].nunique()
            st.markdown(f"**{literal(outlet)}** · {articles} article{'s' if articles != 1 else ''}, {len(own):,} sentences")
            st.markdown(f"*{literal(own['title'].iloc[0])}*")
            st.caption(literal("Lead: " + shorten(own["text"].iloc[0], 240, placeholder=" …")))  # whole words, cut said
            st.markdown(f"Tone {_level(s, f'mean_{lens.tone_column}', '+.2f')} · "
                        f"epistemic hedges {_level(s, 'hedges_per_1k_words', '.1f')} · "
                        f"approximators {_level(s, 'approximators_per_1k_words', '.1f')} · "
                        f"boosters {_level(s, 'boosters_per_1k_words', '.1f')} per 1,000 words")
            st.markdown("Themes: " + (literal(", ".join(f"{t} ({n})" for t, n in themes.items())) or "none named"))
            st.markdown("Quoted: " + (literal(", ".join(quoted)) or "no one named"))


def _level(summary: pd.Series, column: str, fmt: str) -> str:
    """A card's figure in bold with its interval in brackets ("**+0.12** [−0.03, +0.25]"), or "[no interval]"."""
    low, high = summary[f"{column}_ci_low"], summary[f"{column}_ci_high"]
    interval = f"[{_figure(low, fmt)}, {_figure(high, fmt)}]" if pd.notna(low) and pd.notna(high) else "[no interval]"
    return f"**{_figure(summary[column], fmt)}** {interval}"


def _figure(value: float, fmt: str) -> str:
    text = f"{value:{fmt}}"
    return f"{0.0:{fmt}}" if float(text) == 0 else text  # not "-0.00" for −0.004


def panels(analysis: Analysis, lens: Lens) -> list[Panel]:
    """Every pair of outlets on the stories both covered: the mean per-story difference in tone."""
    table = analysis.table.assign(tone=lambda t: t[lens.tone_column])
    outlets = list(analysis.outlets)
    first = lens.value if lens.mode == "outlet" else outlets[0]
    pairs = []
    for other in outlets:
        if other == first:
            continue
        summary, per_story = paired(table, first, other, TONE)
        pairs.append({**summary, "outlet_group": other,
                      # the picked outlet is the title's: said again on every row, a long name left the dots no room
                      "row": f"vs {outlet_label(other)} ({summary['first_lower']} of {summary['stories']} shared stories more negative)"})
    data = pd.DataFrame(pairs)
    if data.empty:
        data = pd.DataFrame(columns=["row", "mean_difference", "ci_low", "ci_high", "verdict", "outlet_group"])
    shared = data[data["stories"] > 0] if "stories" in data else data
    if shared.empty:  # an empty axis with a lone 0 tick says nothing: the view says why in words instead
        return []
    chart = differences(shared, "row", "mean_difference", "ci_low", "ci_high", "verdict",
                        f"Paired: {first} against each outlet, on the stories both covered",
                        f"{lens.tone_label}; mean of per-story differences in tone; 95% interval over stories",
                        "Mean difference in tone", lens.outlets, ["outlet_group"])
    note = ("" if (shared["verdict"] == CLEAR).any() else " No pair differs clearly." if len(shared) and
            (shared["verdict"] != SMALL).any() else "")
    both = table[table["story"].isin(set(table.loc[table["outlet_group"] == first, "story"]))]
    return [Panel("story_pairs", chart, shared, both,
                  "The {n} sentences of the stories " + first + " covered." + note, sort_passages_by=["story", "position"])]

