"""Session state and cached analysis: the glue between the engine and the views.

The analysis is cached on the *content* of the corpus and the lexicons (both passed as text), so a
click, a pick or a view change never re-runs it, and two visitors only share a cache entry when they
analyse byte-identical content.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from framing.corpus import Article, articles_from_jsonl, corpus_to_jsonl, load_bundled
from framing.lexicon import LEXICON_FILES, Lexicons, read_lexicon_csv
from framing.table import paragraph_table, sentence_table


def corpus() -> list[Article]:
    if "articles" not in st.session_state:
        st.session_state["articles"] = load_bundled()
    return st.session_state["articles"]


def lexicons() -> Lexicons:
    if "lexicons" not in st.session_state:
        st.session_state["lexicons"] = Lexicons.load()
    return st.session_state["lexicons"]


@st.cache_data(max_entries=32, show_spinner="Analysing the articles…")
def _analyse(corpus_jsonl: str, lexicon_csvs: tuple[str, ...]) -> tuple[pd.DataFrame, dict[str, str]]:
    articles = articles_from_jsonl(corpus_jsonl, "session corpus")
    tables = {name: read_lexicon_csv(text, name) for name, text in zip(LEXICON_FILES, lexicon_csvs)}
    table = sentence_table(articles, Lexicons(**tables))
    paragraphs = paragraph_table(articles)
    return table, dict(zip(paragraphs["paragraph_id"], paragraphs["text"]))


def analysis() -> tuple[pd.DataFrame, dict[str, str]]:
    lex = lexicons()
    return _analyse(corpus_to_jsonl(corpus()), tuple(lex.table(n).to_csv(index=False) for n in LEXICON_FILES))
