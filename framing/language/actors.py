"""Actors the corpus itself names: people and organisations beyond the bundled actor list.

Candidates are the speakers of the sentence table and the names the text gives (a titled name, "Senator
Harry Reid", or a run of capitalised words that is not a place or an organisation word, "Jenny Town"),
with aliases merged as for speakers ("Rubio" → "Marco Rubio"). Names the actor list already covers (an
alias of a listed actor) are left out. These are shown as "found in the text"; a user can add any of them
to the actor list, and only then do they become an actor that charts and filters use.
"""
from __future__ import annotations

from collections import Counter

import pandas as pd

from framing.language.lexicon import Lexicons
from framing.language.voice import merge_aliases, people_named

_TITLE_WORDS = {"foreign", "minister", "prime", "president", "vice", "secretary", "general", "senator", "representative",
                "governor", "mayor", "ambassador", "chancellor", "speaker", "leader", "chairman", "director", "chief",
                "defense", "defence", "state", "of", "program", "programme", "endowment", "institute", "center", "centre"}


def _is_name(name: str) -> bool:
    """Not a title on its own ("Foreign Minister"), an institution's unit ("Eurasia Program") or a cut word."""
    words = name.lower().split()
    return not name.endswith(("-", "‐")) and not set(words) & _TITLE_WORDS and len(name) > 2


def found_in_text(table: pd.DataFrame, lexicons: Lexicons, top: int = 30) -> pd.DataFrame:
    """The names the corpus gives most: name, mentions, articles, outlets, times named as a speaker, and the forms
    merged into it (``aliases``, "|"-separated, the name first: "Marco Rubio|Rubio")."""
    mentions: Counter = Counter()
    articles: dict[str, set] = {}
    outlets: dict[str, set] = {}
    for text, article, outlet in zip(table["text"], table["article_id"], table["outlet_group"]):
        for name in people_named(text):
            mentions[name] += 1
            articles.setdefault(name, set()).add(article)
            outlets.setdefault(name, set()).add(outlet)
    speakers = Counter(s for s in table["speaker"] if s)
    for name in speakers:
        articles.setdefault(name, set()).update(table.loc[table["speaker"] == name, "article_id"])
        outlets.setdefault(name, set()).update(table.loc[table["speaker"] == name, "outlet_group"])
    mapping = merge_aliases(list(set(mentions) | set(speakers)))
    merged: Counter = Counter()
    as_speaker: Counter = Counter()
    for name, n in (mentions + speakers).items():
        full = mapping.get(name, name)
        merged[full] += n
        as_speaker[full] += speakers.get(name, 0)
        if full != name:
            articles.setdefault(full, set()).update(articles.get(name, set()))
            outlets.setdefault(full, set()).update(outlets.get(name, set()))
    listed = {alias.lower() for alias in lexicons.actors["alias"]} | {a.lower() for a in lexicons.actors["actor"]}
    aliases: dict[str, set[str]] = {}
    for name in mentions + speakers:
        aliases.setdefault(mapping.get(name, name), {mapping.get(name, name)}).add(name)
    rows = [{"name": name, "mentions": n, "articles": len(articles.get(name, ())), "outlets": len(outlets.get(name, ())),
             "as_speaker": as_speaker[name], "aliases": "|".join(sorted(aliases.get(name, {name}), key=lambda a: (a != name, a)))}
            for name, n in merged.items() if _is_name(name) and name.lower() not in listed and not any(part.lower() in listed for part in [name.split()[-1]])]
    frame = pd.DataFrame(rows, columns=["name", "mentions", "articles", "outlets", "as_speaker", "aliases"])
    return frame.sort_values(["mentions", "name"], ascending=[False, True]).head(top).reset_index(drop=True)
