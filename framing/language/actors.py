"""Actors the corpus itself names: people and organisations beyond the bundled actor list.

Candidates are the speakers of the sentence table and the names the text gives (a titled name, "Senator
Harry Reid", or a run of capitalised words that is not a place or an organisation word, "Jenny Town"),
with aliases merged as for speakers ("Rubio" → "Marco Rubio"). Names the actor list already covers (an
alias of a listed actor) are left out. These are shown as "found in the text"; a user can add any of them
to the actor list, and only then do they become an actor that charts and filters use.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from framing.language.lexicon import Lexicons
from framing.language.voice import SURNAME_SHARE, merge_aliases, people_named, titled_names, without_initials
from framing.reading.clean import UNKNOWN
from framing.reading.corpus import Article

_TITLE_WORDS = {"foreign", "minister", "prime", "president", "vice", "secretary", "general", "senator", "representative",
                "governor", "mayor", "ambassador", "chancellor", "speaker", "leader", "chairman", "director", "chief",
                "defense", "defence", "state", "of", "program", "programme", "endowment", "institute", "center", "centre",
                "sen", "rep", "gov", "gen", "lt", "col", "sgt", "democratic", "republican", "gop"}


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


# --- the actor list a corpus gives ------------------------------------------------------------------------

MIN_OUTLETS = 2  # a name only one outlet gives cannot be compared across outlets (and is often its page furniture)
MIN_ARTICLES = 2


def actors_from_text(articles: Iterable[Article], top: int = 40) -> pd.DataFrame:
    """The people a corpus names most, as an actor list: actor (the fullest form), aliases (the forms that name it and
    no one else, "|"-separated, the actor first), mentions (paragraphs naming it), articles, outlets and kind ("person":
    only people are found so far; organisations and places come from a list).

    Within an article a surname takes the full name the article gives ("Mr. Romney" after "Mitt Romney"). Across the
    corpus a form with middle initials joins the same name without them ("Donald J. Trump" → "Donald Trump") unless
    two such forms differ ("George W. Bush", "George H. W. Bush" stay two). A name counts as a person once some article
    gives it with a title ("Sen. Warren", "President Trump"): capitalised runs alone are often laws, places or page
    furniture ("Affordable Care Act", "Privacy Policy"). The surname becomes an alias only where it belongs to that
    name that has nearly all its uses (SURNAME_SHARE of the mentions of every name it ends or starts: "Trump" for Donald
    Trump beside a few of Ivanka's; not "Clinton" for Hillary beside Bill, not "Paul" for Rand Paul beside Paul Ryan). Names
    need ``MIN_ARTICLES`` articles and, in a corpus of several outlets, ``MIN_OUTLETS`` outlets."""
    # (article, outlet, names, surname -> full name, names given with a title)
    named_in: list[tuple[str, str, Counter, dict[str, str], set[str]]] = []
    for article in articles:
        outlet = article.outlet if article.outlet not in ("", UNKNOWN) else f"unknown ({article.article_id})"
        named: Counter = Counter()
        with_title: set[str] = set()
        for block in article.blocks:
            named.update(set(people_named(block.text)))  # a paragraph naming a person twice is one mention
            with_title.update(titled_names(block.text))
        by_surname: dict[str, set[str]] = {}
        for name in named:
            if len(name.split()) > 1:
                by_surname.setdefault(name.split()[-1], set()).add(name)
        # a surname is the article's one full name ending in it ("Mrs. Clinton" with Hillary and Bill: neither)
        full = {surname: next(iter(names)) for surname, names in by_surname.items() if len(names) == 1}
        named_in.append((article.article_id, outlet, named, full, with_title))
    wholes = {name for _, _, named, _, _ in named_in for name in named if len(name.split()) > 1}
    variants: dict[str, set[str]] = {}
    for name in wholes:
        variants.setdefault(without_initials(name), set()).add(name)
    key_of = {name: plain if len(forms - {plain}) <= 1 else name for plain, forms in variants.items() for name in forms}
    mentions: Counter = Counter()
    forms: dict[str, Counter] = {}
    titled: set[str] = set()
    in_articles: dict[str, set] = {}
    in_outlets: dict[str, set] = {}
    for article_id, outlet, named, full, with_title in named_in:
        for name, n in named.items():
            whole = full.get(name) if len(name.split()) == 1 else name
            if whole is None:
                continue  # a surname the article never gives in full: whose it is, the corpus cannot say for sure
            key = key_of[whole]
            if name in with_title:
                titled.add(key)
            mentions[key] += n
            forms.setdefault(key, Counter())[name] += n
            in_articles.setdefault(key, set()).add(article_id)
            in_outlets.setdefault(key, set()).add(outlet)
    sharing: Counter = Counter()  # a word -> mentions of every name it ends or starts
    for key, n in mentions.items():
        if key not in titled:  # "Obama Care", "Warren County": not people, and not who a surname means
            continue
        words = key.split()
        sharing[words[-1]] += n
        if words[0] != words[-1]:
            sharing[words[0]] += n

    def aliases(key: str) -> list[str]:
        surname = key.split()[-1]
        own_surname = mentions[key] >= SURNAME_SHARE * sharing[surname]
        return [key, *sorted(f for f in forms[key] if f != key and (len(f.split()) > 1 or (f == surname and own_surname)))]

    least_outlets = MIN_OUTLETS if len({o for _, o, _, _, _ in named_in}) >= MIN_OUTLETS else 1
    rows = [{"actor": key, "aliases": "|".join(aliases(key)), "mentions": n, "articles": len(in_articles[key]),
             "outlets": len(in_outlets[key]), "kind": "person"}
            for key, n in mentions.items() if key in titled and _is_name(key)
            and len(in_articles[key]) >= MIN_ARTICLES and len(in_outlets[key]) >= least_outlets]
    frame = pd.DataFrame(rows, columns=["actor", "aliases", "mentions", "articles", "outlets", "kind"])
    return frame.sort_values(["mentions", "actor"], ascending=[False, True]).head(top).reset_index(drop=True)


def actor_lexicon(found: pd.DataFrame) -> pd.DataFrame:
    """An actors list (actor, alias, source) from ``actors_from_text``'s table, every alias a row."""
    return pd.DataFrame([{"actor": r.actor, "alias": alias, "source": "found in the text"}
                         for r in found.itertuples() for alias in r.aliases.split("|")], columns=["actor", "alias", "source"])
