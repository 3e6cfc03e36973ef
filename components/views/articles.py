"""Articles: add your own (upload or paste), check what was read, edit metadata, remove, save and restore."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from framing.reading.clean import UNKNOWN
from framing.reading.corpus import MAX_BYTES, SUFFIXES, Article, articles_counted, corpus_to_jsonl
from framing.reading.intake import BULK_FIELDS, EDITABLE_FIELDS
from framing.scoring.analysis import Analysis
from framing.scoring.measures import MEASURES
from framing.statistics.aggregate import article_summary, articles_per_outlet
from framing.statistics.filters import describe

from .. import messages, state
from ..charts import count_bars
from ..export import vega_spec
from ..lens import Lens
from ..panel import clickable_chart
from ..text import literal
from ..theme import styled

TITLE = "Articles"
PER_OUTLET = "articles_per_outlet"  # the chart's key in the URL's mark
MAX_OUTLET_BARS = 12
JOIN, REPLACE = "Join the loaded articles", "Replace them"


def score_columns() -> list[str]:
    """The Articles table's scores: each measure declared ``in_articles`` (its summary column), then size."""
    return [m.summary_column for m in MEASURES if m.in_articles] + ["n_words"]


def article_rows(articles: list[Article], table: pd.DataFrame) -> pd.DataFrame:
    """Each article's metadata as the text states it, its size and headline scores."""
    ids = [a.article_id for a in articles]
    # Scores looked up a column at a time (per cell, pandas costs ~0.3 s a rerun at 1,000 articles).
    scores = article_summary(table).set_index("article_id").reindex(ids)
    # Scores come before the long text columns, so they show without scrolling at 1280 px.
    return pd.DataFrame({
        "title": [a.title for a in articles], "outlet": [a.outlet for a in articles],
        "date": [a.date for a in articles], **{c: scores[c].to_numpy() for c in score_columns()},
        "sentences": scores["n_sentences"].fillna(0).astype(int).to_numpy(), "article_id": ids,
        "story": [a.story for a in articles],
        "author": [a.author for a in articles], "url": [a.url for a in articles],
        "source": [a.source_file for a in articles], "notes": ["; ".join(a.notes) for a in articles],
    })


def draw(analysis: Analysis, lens: Lens) -> None:
    articles, table = analysis.articles, analysis.table
    messages.show(state.messages("articles"))
    no_outlet = sum(a.outlet == UNKNOWN for a in articles)
    if no_outlet > 5:
        st.info(f"{no_outlet} articles name no outlet, so each is its own group in the charts. "
                "Give them one with an outlet column in your CSV, or edit them below.")
    # The loaded articles across the page: title, outlet, date and the headline scores show without scrolling.
    st.subheader(f"Loaded: {len(articles):,} article{'s' if len(articles) != 1 else ''}")
    rows = analysis.cached("article_rows", lambda: article_rows(articles, table))
    outlet = _draw_per_outlet(analysis, lens)
    if outlet is not None:
        rows = rows[rows["outlet"] == outlet]
    st.dataframe(rows, hide_index=True, width="stretch", height=min(38 + 35 * len(rows), 320),
                 column_config={"article_id": st.column_config.TextColumn("article"),
                                "title": st.column_config.TextColumn("title", width="medium"),
                                "date": st.column_config.TextColumn("date", width="small"),
                                "url": st.column_config.TextColumn("url", width="small"),  # text, not a link: a URL is user data
                                "n_words": st.column_config.NumberColumn("words"),
                                "mean_tone": st.column_config.NumberColumn("tone", format="%+.2f"),
                                "hedges_per_1k_words": st.column_config.NumberColumn("hedges /1k", format="%.1f",
                                                                                     help="epistemic hedges per 1,000 words"),
                                "approximators_per_1k_words": st.column_config.NumberColumn("approx. /1k", format="%.1f",
                                                                                            help="approximators per 1,000 words"),
                                "boosters_per_1k_words": st.column_config.NumberColumn("boosters /1k", format="%.1f",
                                                                                       help="boosters per 1,000 words"),
                                "quoted_share": st.column_config.NumberColumn("quoted", format="percent"),
                                "notes": st.column_config.TextColumn("notes", width="medium")})
    st.caption("Metadata is what the text itself states; “unknown” where it says nothing. Edit it on the right.")
    add, edit = st.columns([2, 3], gap="large")
    with add:
        _draw_add()
    with edit:
        _draw_edit(articles)
        _draw_bulk(articles)
        _draw_stories(table)
        save, reset = st.columns(2)
        # Made when clicked, outside the script run: it must close over the articles, not read session state.
        save.download_button("Download corpus (JSONL)", lambda: corpus_to_jsonl(articles), "framing-lens-corpus.jsonl",
                             "application/jsonl", on_click="ignore", key="download_corpus",
                             help="Every article with its metadata and edits, as one file. Upload it to restore this corpus exactly.")
        if reset.button("Back to the bundled articles", key="reset_corpus"):
            state.reset_corpus()
            st.rerun()


def per_outlet_chart(analysis: Analysis, lens: Lens) -> alt.LayerChart:
    """Articles per outlet, as read, the largest ``MAX_OUTLET_BARS`` (how many are dated in the subtitle and tooltips)."""
    counts = analysis.cached("articles_per_outlet", lambda: articles_per_outlet(analysis.articles))
    shown = counts.head(MAX_OUTLET_BARS)
    dated = int(counts["dated"].sum())
    of = f"the {len(shown)} largest of {len(counts)} outlets" if len(counts) > len(shown) else \
        f"{len(counts)} outlet{'s' if len(counts) != 1 else ''}"
    return count_bars(
        shown, "articles", "Articles per outlet",
        f"{of}; {dated:,} of {int(counts['articles'].sum()):,} articles dated. Click a bar to list its articles.",
        lens.outlets,
        [alt.Tooltip("outlet_group:N", title="Outlet"), alt.Tooltip("articles:Q", title="articles", format=","),
         alt.Tooltip("dated:Q", title="dated", format=","), alt.Tooltip("undated:Q", title="no date", format=",")])


def _draw_per_outlet(analysis: Analysis, lens: Lens) -> str | None:
    """``per_outlet_chart``; a click lists that outlet's articles alone. The clicked outlet, or None."""
    # made once per corpus, as a Panel's spec is, not on every rerun of the page
    spec = analysis.cached(("articles_per_outlet_spec", lens.presentation, tuple(lens.outlets)),
                           lambda: styled(vega_spec(per_outlet_chart(analysis, lens)), lens.presentation))
    active = state.mark_on(PER_OUTLET).get("outlet_group")
    clickable_chart(PER_OUTLET, spec, {"outlet_group": active} if active else {},
                    spec["height"] + 85)  # the title and subtitle; no axis, no legend
    if active is not None:
        st.caption(f"Listed: the articles of the clicked bar — {literal(describe({'outlet_group': active}))}. "
                   "Double-click the chart to list every article.")
    return active


def _draw_add() -> None:
    st.subheader("Add articles")
    state.start_intake_mode(JOIN, REPLACE)
    mode = st.radio("New articles", [JOIN, REPLACE], horizontal=True, key="intake_mode",
                    help="While the five bundled demo articles are loaded, new articles replace them unless you pick "
                         "“join”; once your own are loaded, new ones join them. Replacing happens only if at least one "
                         "new article was read.")
    files = st.file_uploader(
        f"Files: {', '.join(SUFFIXES)} (up to {MAX_BYTES // 2**20} MB each)",
        # No ``type=`` filter: Streamlit rejects a wrong suffix with an exception, the engine with a clear message.
        accept_multiple_files=True, key=state.upload_key("upload"),
        help="CSV and JSONL need a text column; title, outlet, author, date and url columns are used when present. "
             "A corpus saved with “Download corpus” is restored exactly.")
    if files:
        state.add_uploads(files, mode == REPLACE)
        state.uploaded("upload")
        st.rerun()
    with st.form("paste", clear_on_submit=True, border=False):
        text = st.text_area("Or paste an article", height=160, key="paste_text",
                            placeholder="Headline, byline and body as they appear on the page")
        if st.form_submit_button("Add pasted text"):
            state.add_pasted(text, mode == REPLACE)
            st.rerun()


def _draw_stories(table: pd.DataFrame) -> None:
    """Rename a story, or merge it into another by giving it that story's name. To move or split, edit an
    article's story above."""
    members = table.groupby("story")["article_id"].unique()
    with st.expander("Rename or merge a story", expanded=False):
        with st.form("story_rename", border=False):
            story = st.selectbox("Story", list(members.index), key="story_to_rename",
                                 format_func=lambda s: f"{s} ({articles_counted(len(members[s]))})")
            name = st.text_input("New name (an existing story's name merges the two)", key="story_new_name")
            if st.form_submit_button("Rename"):
                state.set_story(list(members[story]), name)
                st.rerun()
        st.caption("Stories come from a story or event column; otherwise they are grouped automatically (“auto: …”). "
                   "To move one article to another story, or split a story, edit the article's story above.")


def _draw_bulk(articles: list[Article]) -> None:
    """One field for several articles at once: a file's outlet, a batch's date."""
    by_id = {a.article_id: a for a in articles}
    outlets = sorted({a.outlet for a in articles})
    with st.expander("Set the outlet, date or author of several articles", expanded=False), \
            st.form("bulk_edit", border=False):
        chosen_outlets = st.multiselect("Articles whose outlet is", outlets, key="bulk_outlets",
                                        help="Every article of these outlets ('unknown' included).")
        chosen = st.multiselect("…and these articles", list(by_id), key="bulk_articles",
                                format_func=lambda i: f"{i} · {by_id[i].outlet} · {by_id[i].title[:60]}")
        field = st.selectbox("Field", BULK_FIELDS, key="bulk_field")
        value = st.text_input("New value (empty: unknown)", key="bulk_value")
        if st.form_submit_button("Set for these articles"):
            ids = [a.article_id for a in articles if a.outlet in chosen_outlets] + list(chosen)
            state.set_field(list(dict.fromkeys(ids)), field, value)
            st.rerun()


def _draw_edit(articles: list[Article]) -> None:
    by_id = {a.article_id: a for a in articles}
    with st.expander("Edit or remove an article", expanded=False):
        article_id = st.selectbox("Article", list(by_id), key="edit_article",
                                  format_func=lambda i: f"{i} · {by_id[i].title[:70]}")
        article = by_id[article_id]
        # The saved values are part of the widget keys, so the boxes always show what is stored now.
        version = abs(hash(tuple(getattr(article, f) for f in EDITABLE_FIELDS)))
        with st.form(f"edit_{article_id}", border=False):
            values = {f: st.text_input(f.capitalize(), getattr(article, f), key=f"edit_{article_id}_{f}_{version}",
                                       help="Outlet names group the articles and pick their colour." if f == "outlet" else None)
                      for f in EDITABLE_FIELDS}
            if st.form_submit_button("Save metadata"):
                state.edit_article(article_id, values)
                st.rerun()
        st.caption(f"Source: {literal(article.source_file)} · date source: {literal(article.date_source or 'none')}")
        if st.button("Remove this article", key="remove_article", disabled=len(articles) < 2):
            state.remove_article(article_id)
            st.rerun()
