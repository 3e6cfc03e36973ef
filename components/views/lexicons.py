"""Lexicons: see every hedge, booster, theme and actor term, add or remove entries, save and load a list."""
from __future__ import annotations

import streamlit as st

from framing.language.actors import found_in_text
from framing.language.context_rules import CONTEXT_RULES, RULE_WORDS
from framing.language.lexicon import LEXICON_FILES, theme_set_column, theme_set_label
from framing.scoring.analysis import Analysis

from .. import messages, state
from ..lens import Lens
from ..sidebar import fit

TITLE = "Lexicons"
USER_SOURCE = "added in the app"
LIST_NAMES = {"hedges": "Epistemic hedges", "approximators": "Approximators", "boosters": "Boosters", "themes": "Themes",
              "actors": "Actors"}
HELP = {
    "hedges": "Words that mark a claim as less than certain. A rule limits where a term counts (e.g. “may” not as the month).",
    "approximators": "Words that make an amount vague (“some 1,500”, “many”); counted apart from hedges.",
    "boosters": "Words that harden a claim.",
    "themes": "Terms that signal a theme; a trailing * matches any ending (sanction* → sanctions).",
    "actors": "Names and aliases that count as a mention of an actor.",
}


def row_label(name: str, row) -> str:
    if name == "actors":
        return f"{row['alias']} → {row['actor']}"
    if name == "themes":
        return f"{row['term']} → {row['theme']} ({row['theme_set']})"
    return f"{row['term']} ({row['category']})"


def draw(analysis: Analysis, lens: Lens) -> None:
    lexicons = analysis.lexicons
    messages.show(state.messages("lexicons"))
    name = st.radio("List", list(LIST_NAMES), format_func=LIST_NAMES.get, horizontal=True, key="lexicon_list")
    table = lexicons.table(name)
    st.caption(f"{HELP[name]} Every entry names its source; see data/lexicons/ for the licences. "
               "A change here applies to this session only and recomputes every score.")
    if name in ("themes", "actors"):
        st.markdown(_fit_line(analysis, name))
    listing, edit = st.columns([3, 2], gap="large")
    with listing:
        shown = table.assign(rule=table["rule"].map(lambda r: RULE_WORDS.get(r, r))) if "rule" in table else table
        st.dataframe(shown, hide_index=True, width="stretch", height=420,
                     column_config={"rule": st.column_config.TextColumn("rule", width="medium"),  # "not past ability"
                                    "source": st.column_config.TextColumn("source", width="small")})
        st.download_button(f"Download the {name} list (CSV)", lexicons.csv(name), f"{name}.csv", "text/csv",
                           key=f"download_{name}", on_click="ignore")
    with edit:
        _add_form(name, table)
        if name in ("themes", "actors"):
            _rename_form(name, table)
        _remove_form(name, table)
        upload = st.file_uploader(f"Replace the {name} list from a CSV", key=state.upload_key(f"lexicon_upload_{name}"),
                                  help=f"Columns: {', '.join(LEXICON_FILES[name][1])}. Use a downloaded list as the template.")
        if upload is not None:
            state.upload_lexicon(name, upload)
            state.uploaded(f"lexicon_upload_{name}")
            st.rerun()
        if st.button(f"Reset the {name} list to the bundled one", key=f"reset_{name}"):
            state.reset_lexicon(name)
            st.rerun()
        if name in state.FOLLOWING_LISTS and not state.is_bundled_corpus() and \
                st.button(f"Find the {name} in these articles again", key=f"follow_{name}",
                          help="Replaces this list by the one found in the loaded articles, as after an upload."):
            state.follow_articles(name)
            st.rerun()
    if name == "actors":
        _found_in_text(analysis)


def _fit_line(analysis: Analysis, name: str) -> str:
    """How much of the loaded corpus each list covers (its fit): the share of sentences where it finds something."""
    if name == "actors":
        return f"**Fit:** an actor of this list is named in {fit(analysis, 'actors'):.0%} of the loaded sentences."
    shares = [f"{theme_set_label(s)} {fit(analysis, theme_set_column(s)):.0%}" for s in analysis.lexicons.theme_sets]
    return "**Fit** (share of the loaded sentences naming one of the set's themes): " + " · ".join(shares)


def _rename_form(name: str, table) -> None:
    label = LEXICON_FILES[name][2]
    if name == "themes":
        options = list(dict.fromkeys(zip(table["theme_set"], table["theme"])))
        describe = lambda o: f"{o[1]} ({theme_set_label(o[0])})"  # noqa: E731
    else:
        options = [(None, a) for a in dict.fromkeys(table["actor"]) if a]
        describe = lambda o: o[1]  # noqa: E731
    a_label = f"a{'n' if label[0] in 'aeiou' else ''} {label}"  # "an actor", "a theme"
    with st.form(f"rename_{name}", clear_on_submit=True):
        chosen = st.selectbox(f"Rename {a_label}", options, index=None, format_func=describe,
                              key=f"rename_{name}_old", placeholder=f"Pick {a_label}")
        new = st.text_input("New name", key=f"rename_{name}_new")
        if st.form_submit_button("Rename") and chosen:
            state.rename_label(name, chosen[1], new, chosen[0])
            st.rerun()


def _found_in_text(analysis: Analysis) -> None:
    """People and organisations the corpus names most that the actor list lacks; any can be added."""
    found = found_in_text(analysis.table, analysis.lexicons)
    st.subheader("Found in the text")
    st.caption("Names the loaded articles give most (titled names, capitalised names, speakers; aliases merged) that the "
               "actor list does not cover. Add one to compare outlets on it in Actor mode.")
    if found.empty:
        st.info("No further names found.")
        return
    st.dataframe(found, hide_index=True, width="stretch", height=260,
                 column_config={"as_speaker": st.column_config.NumberColumn("named as speaker"),
                                "aliases": st.column_config.TextColumn("forms merged", help="Added with the actor")})
    with st.form("add_found_actors", border=False):
        chosen = st.multiselect("Add to the actor list", list(found["name"]), key="found_actors")
        if st.form_submit_button("Add") and chosen:
            aliases = dict(zip(found["name"], found["aliases"].str.split("|")))
            state.add_found_actors({name: aliases[name] for name in chosen})
            st.rerun()


def _add_form(name: str, table) -> None:
    _, columns, _ = LEXICON_FILES[name]
    with st.form(f"add_{name}", clear_on_submit=True):
        st.markdown("**Add an entry**")
        entry = {}
        for column in columns:
            key = f"add_{name}_{column}"
            if column == "source":
                entry[column] = USER_SOURCE
            elif column == "rule":
                entry[column] = st.selectbox("Rule (optional)", ["", *CONTEXT_RULES], key=key,
                                             format_func=lambda r: RULE_WORDS.get(r, r) if r else "none")
            elif column in ("category", "theme_set", "theme", "actor"):
                existing = sorted(set(table[column]) - {""})
                entry[column] = st.selectbox(column.replace("_", " ").capitalize(), existing, key=key, index=None,
                                             accept_new_options=True, placeholder="Pick one or type a new one")
            else:
                entry[column] = st.text_input(column.capitalize(), key=key)
        if st.form_submit_button("Add"):
            state.add_lexicon_entry(name, {k: v or "" for k, v in entry.items()})
            st.rerun()


def _remove_form(name: str, table) -> None:
    with st.form(f"remove_{name}", clear_on_submit=True):
        rows = st.multiselect("Remove entries", list(table.index), key=f"remove_{name}_rows",
                              format_func=lambda i: row_label(name, table.loc[i]))
        if st.form_submit_button("Remove") and rows:
            state.remove_lexicon_rows(name, rows)
            st.rerun()
