"""Framing Lens: how different outlets frame the same story. Composition only: load, pick, lay out."""
import streamlit as st

from components import (articles_view, emphasis_view, hedging_view, lexicons_view, methodology_view, overview_view, panel,
                        state, tone_view, voices_view)
from components.export import rows_csv
from components.text import literal
from components.views import Pick
from framing.tone import DEFAULT_TONE_ENGINE, TONE_ENGINES, engine_column

st.set_page_config(page_title="Framing Lens", page_icon="🔎", layout="wide")

VIEWS = ["Overview", "Tone", "Hedging", "Emphasis", "Voices", "Articles", "Lexicons", "Methodology"]
THEME_SETS = {"corpus": "Story themes", "policy_frames": "Policy Frames Codebook"}
MODES = {"outlet": "Outlet", "theme": "Theme", "actor": "Actor"}

articles = state.corpus()
table, paragraphs = state.analysis()
lexicons = state.lexicons()

with st.sidebar:
    st.title("Framing Lens")
    presentation = st.toggle("Presentation mode", key="present", bind="query-params",
                             help="Hides the controls and enlarges text for screenshots.")
    mode = st.radio("Compare by", list(MODES), format_func=MODES.get, key="by", bind="query-params", horizontal=True)
    theme_set = st.selectbox("Theme set", list(THEME_SETS), format_func=THEME_SETS.get, key="themes", bind="query-params")
    theme_column = "themes" if theme_set == "corpus" else "policy_frames"
    if mode == "outlet":
        options = sorted(table["outlet_group"].unique())
    elif mode == "theme":
        options = sorted(lexicons.themes.loc[lexicons.themes["theme_set"] == theme_set, "theme"].unique())
    else:
        options = sorted(lexicons.actors.loc[lexicons.actors["actor"] != "", "actor"].unique())
    pick_value = st.selectbox(MODES[mode], options, key=f"pick_{mode}", bind="query-params")
    tone_engine = st.selectbox("Tone engine", list(TONE_ENGINES), key="tone", bind="query-params",
                               format_func=lambda e: e + (" (default)" if e == DEFAULT_TONE_ENGINE else ""),
                               help=TONE_ENGINES[DEFAULT_TONE_ENGINE])
    st.caption(f"{len(articles)} article{'s' if len(articles) != 1 else ''} · {len(table)} sentences. "
               "Numbers are computed from the text; see Methodology for how, and how far to trust them.")
    st.button("Add your own articles", key="go_articles", on_click=lambda: st.session_state.update(view="Articles"),
              help="Upload files or paste text in the Articles view.")
    st.download_button("Whole sentence table (CSV)", lambda: rows_csv(table), "framing-lens-sentences.csv",
                       "text/csv", on_click="ignore")

st.html("<style>.block-container{padding-top:3.5rem}</style>")  # clear of the fixed header, so the view switcher is clickable
if presentation:
    st.html("<style>[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl']{display:none}"
            "h1,h2,h3{font-size:2.2rem !important}</style>")

view = st.segmented_control("View", VIEWS, default="Overview", key="view", bind="query-params", label_visibility="collapsed") or "Overview"
pick = Pick(mode, pick_value, theme_column)
st.header(literal(f"{view} — {pick.describe()}") if view not in ("Articles", "Lexicons", "Methodology") else view)
ctx = panel.Context(paragraphs, theme_set, theme_column, engine_column(tone_engine), presentation)

if view == "Overview":
    article_rows = overview_view.article_table(table, {a.article_id: a.author for a in articles})
    overview_view.draw_table(article_rows)
    panels = overview_view.panels(table, pick, article_rows)
elif view == "Tone":
    panels = tone_view.panels(table, pick, engine_column(tone_engine), f"tone engine: {tone_engine}")
elif view == "Hedging":
    panels = hedging_view.panels(table, pick)
elif view == "Emphasis":
    panels = emphasis_view.panels(table, pick, THEME_SETS[theme_set])
elif view == "Voices":
    panels = voices_view.panels(table, pick)
elif view == "Articles":
    panels = []
    articles_view.draw(articles, table)
elif view == "Lexicons":
    panels = []
    lexicons_view.draw(lexicons)
else:
    panels = []
    methodology_view.draw(TONE_ENGINES, DEFAULT_TONE_ENGINE)

for p in panels:
    st.divider()
    st.fragment(panel.draw)(p, ctx)
