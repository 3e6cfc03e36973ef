"""Methodology, for the person using the app: what each number means and how far to trust it.

Written for readers, not developers: no command lines (those are in docs/). The validation table is made from
data/validity.json, as docs/validity.md's is, so the app and the docs never disagree.
"""
from __future__ import annotations

import streamlit as st

from framing.models import validity
from framing.models.tone import DEFAULT_TONE_ENGINE, TONE_ENGINES
from framing.scoring.analysis import Analysis

from ..lens import Lens

TITLE = "Methodology"

MEASURES = """
**Every number comes from sentences you can read.** The text of each article is split into sentences;
each sentence is scored; charts add the scores up per outlet, story, theme or actor. Beside every chart
are the sentences behind it, the words that were counted marked in colour. Click a mark to see only
its sentences.

**Tone** (−1 … +1) scores the *words* of a sentence: a weight for each word, learned from 2,568 news
sentences rated by 20 people and from a larger model's reading of modern news, with two published
word lists (VADER and TextBlob). It is not the outlet's stance: a sentence quoting a threat reads
negative, and irony is missed. It agrees moderately with the raters' average (see the table);
TextBlob and VADER alone can be chosen in the sidebar.

**Portrayal** is how a sentence speaks *of* an actor it names, not its overall tone: "critics said
Smith failed" is negative toward Smith; "Smith denounced the attack" has negative words but is not
negative toward Smith. A small model reads each sentence naming the actor with the name marked and
says negative, neutral or positive toward it, with a probability shown in the passage. It was trained on
8,645 news sentences whose annotators judged the writer's stance toward each person in them (NewsMTSC,
Hamborg & Donnay 2021) and checked on 780 others (see the table): it agrees with the annotators on about
four mentions in five, less often where one sentence speaks of two people differently, and is least sure
about praise, which news rarely states outright. Read it as a rough reading of many mentions,
and check the passages; a single sentence can be misread. Each sentence naming the actor counts once.

**Epistemic hedges** are words that mark a claim as less than certain: *may, likely, reportedly,
expects, appears to, if, whether, critics say*. **Approximators** make an amount vague: *about 1,500,
more than 60%, many*. They are counted apart, because a rough number is not an uncertain claim, and
news is full of rough numbers. **Boosters** harden a claim: *clearly, irrefutable, confirmed that*.
Each is counted per 1,000 words. Word senses are handled by rules you can check in the passages: a
*claim* filed in court, *confirmed* as a Senate vote, *could* not be reached, *suggested* a meeting,
*said it would* close are not counted.

**Uncertainty** (0 … 1) says how likely a reader is to judge the whole sentence's claim uncertain.
It was learned from news sentences people labelled (FactBank), from the hedge words in each sentence:
*may*, *might* and *could* always count, a claim attributed to a named source ("according to officials")
does not. It was built for news; the table says how often it agrees with people. Each passage says what raised its score.

**Emphasis** is how much of an outlet's text names a theme or an actor (share of sentences) and how
early (position of the first mention: 0 = the opening sentence), and in whose voice (the share of the
sentences naming a theme that are quoted: an outlet may carry a theme mostly in others' words). Themes are word lists: they see
words, not topics. **Voice** is who is quoted: a sentence at least half inside quotation marks is
quoted; the speaker is the person or organisation the text names ("said Ms. Town").

**Differences, not levels.** The Compare and Story screens show one outlet *minus* the others. The
whiskers are 95% intervals, computed by resampling whole articles (sentences of one article are not
independent). When an interval includes zero the difference is grey: the data do not show a
difference. With fewer than two articles or five sentences there is no interval at all: a small
sample. The levels (Tone, Hedging, Emphasis, Voices) carry the same intervals; where an outlet never quotes, or
never uses a kind of cue, its upper end is the exact bound for none seen in its sentences or words (about 3.7 ÷ n),
not zero: unseen is not never, and a difference from such an outlet reaches that far too. **Distinctive words** are those an outlet uses more than the rest, weighed so that rare words
do not win on a handful of uses (Monroe, Colaresi & Quinn 2008).

**Stories** group articles about the same event: from your file's story column, or, where it has none,
by the names the articles share and their dates. Check them in the Articles view, where they can be
renamed or merged.

**Dates and periods.** An article's date is the one its file or page gives (a date column, a date line
at the top); otherwise it is unknown. Over time groups articles by week (Monday to Sunday) or month;
articles without a date are left out and counted. A period picked in the sidebar, or dragged on the
Over time chart, makes every other screen compare only the articles dated within it. A week with few
articles says little: its interval is wide, and under 30 sentences its point is hollow (a chart of years
of weeks has a column per week instead of points; its tooltip says "a small sample").
"""


def draw(analysis: Analysis, lens: Lens) -> None:
    st.subheader("What the numbers mean, and how far to trust them")
    st.info(f"Tone engine in use: **{lens.tone_engine}** — {TONE_ENGINES[lens.tone_engine]}. "
            f"The default is {DEFAULT_TONE_ENGINE}. Switch engines in the sidebar; every tone chart says which it shows.")
    st.markdown(MEASURES)
    st.markdown("### How reliable is this?\nEach measure checked against people's judgements, on data it was not "
                "trained on (figures with 95% intervals). The figures the team reports come from separate held-out "
                "data of the same kinds.")
    record = validity.load()
    st.markdown(validity.markdown_table(record))
    st.caption(f"{validity.provenance(record)} {validity.freshness(record)}")
