"""Actors the corpus itself names: people and organisations beyond the bundled actor list.

Candidates are the speakers of the sentence table and the names the text gives (a titled name, "Senator
Harry Reid", or a run of capitalised words that is not a place or an organisation word, "Jenny Town"),
with aliases merged as for speakers ("Rubio" → "Marco Rubio"). Names the actor list already covers (an
alias of a listed actor) are left out. These are shown as "found in the text"; a user can add any of them
to the actor list, and only then do they become an actor that charts and filters use.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pandas as pd

from framing.language.context_rules import PLACES_FILE, place_names  # the places list, read for a state's bodies too
from framing.language.lexicon import Lexicons
from framing.language.voice import (
    CAPITALS,
    NOT_GIVEN_NAMES,
    SURNAME_SHARE,
    merge_aliases,
    people_named,
    place_run_into_surname,
    titled_names,
    without_initials,
)
from framing.reading.clean import UNKNOWN
from framing.reading.corpus import Article, written_in_lower_case
from framing.reading.segment import ABBREVIATIONS

_TITLE_WORDS = {"foreign", "minister", "prime", "president", "vice", "secretary", "general", "senator", "representative",
                "governor", "mayor", "ambassador", "chancellor", "speaker", "leader", "chairman", "director", "chief",
                "defense", "defence", "state", "of", "program", "programme", "endowment", "institute", "center", "centre",
                "sen", "rep", "gov", "gen", "lt", "col", "sgt", "democratic", "republican", "gop"}


def _is_name(name: str) -> bool:
    """Not a title on its own ("Foreign Minister"), an institution's unit ("Eurasia Program"), a law ("Affordable Care
    Act") or a cut word."""
    words = name.lower().split()
    return not name.endswith(("-", "‐")) and not set(words) & _TITLE_WORDS and words[-1] not in _LAW_WORDS and len(name) > 2


_LAW_WORDS = {"act", "bill", "amendment", "law"}


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
    mapping = merge_aliases(list(set(mentions) | set(speakers)), mentions + speakers)
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


# blockers: for a place, the longer names holding one of its aliases that the corpus writes ("Washington Post"),
# "|"-separated; they name no actor, so the matcher does not count them as the place (see ``actor_lexicon``)
ACTOR_COLUMNS = ["actor", "aliases", "mentions", "articles", "outlets", "kind", "blockers"]
MAX_ORGANISATIONS = 10  # of an actor list found in the text; the rest are people
MAX_PLACES = 10


def actors_from_text(articles: Iterable[Article], top: int = 40) -> pd.DataFrame:
    """The actors a corpus names most: up to MAX_ORGANISATIONS organisations, MAX_PLACES places and people for the
    rest of ``top``, ranked by mentions (paragraphs naming it). Columns: actor, aliases ("|"-separated, the actor
    first), mentions, articles, outlets and kind ("person", "organisation" or "place"). People come first when an
    alias could be both ("Jordan" after "Jim Jordan"): a person is never folded into a place."""
    articles = list(articles)
    people = people_from_text(articles, top)
    organisations = organisations_from_text(articles, people)
    places = places_from_text(articles, people, organisations).head(MAX_PLACES)  # any organisation blocks a place
    organisations = organisations.head(MAX_ORGANISATIONS)
    people = people.head(max(top - len(organisations) - len(places), 0))
    frame = pd.concat([f for f in (people, organisations, places) if not f.empty], ignore_index=True) \
        if len(people) + len(organisations) + len(places) else pd.DataFrame(columns=ACTOR_COLUMNS)
    frame = frame.reindex(columns=ACTOR_COLUMNS)
    frame["blockers"] = [b if isinstance(b, str) else "" for b in frame["blockers"]]  # people and organisations: none
    return frame.sort_values(["mentions", "actor"], ascending=[False, True]).reset_index(drop=True)


def people_from_text(articles: Iterable[Article], top: int = 40) -> pd.DataFrame:
    """The people a corpus names most, as an actor list: actor (the full form written most), aliases (the forms that name it and
    no one else, "|"-separated, the actor first), mentions (paragraphs naming it), articles, outlets and kind "person".

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
        outlet = _outlet_of(article)
        named: Counter = Counter()
        with_title: set[str] = set()
        for block in article.blocks:
            titled = titled_names(block.text)
            named.update(set(people_named(block.text, titled)))  # a paragraph naming a person twice is one mention
            with_title.update(titled)
        by_surname: dict[str, set[str]] = {}
        for name in named:
            # not "Team Obama", nor "Iowa Cruz" (a caption's place run into a surname) beside "Ted Cruz"
            if len(name.split()) > 1 and name.split()[0].lower() not in NOT_GIVEN_NAMES and not place_run_into_surname(name):
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
    # the speakers' merging too, so an actor and a speaker are one name: "Hillary Rodham Clinton" -> "Hillary Clinton"
    full = [k for k in mentions if len(k.split()) > 1]
    # each person named by the form written most: how often each name was written as it is, not its surname's uses
    mapping = merge_aliases(full, Counter({key: forms[key][key] for key in full}))
    for key, target in mapping.items():
        if key in mentions and target in mentions and key != target:
            mentions[target] += mentions.pop(key)
            merged = forms.pop(key)
            words = key.split()
            tails = (" ".join(words[k:]) for k in range(1, len(words) - 1))
            if any(tail in full and mapping.get(tail, tail) == target for tail in tails) or place_run_into_surname(key):
                merged.pop(key, None)  # "Poor Donald Trump", "President-elect Donald Trump", "Iowa Cruz": not names to match
            forms[target].update(merged)
            in_articles[target] |= in_articles.pop(key)
            in_outlets[target] |= in_outlets.pop(key)
            if key in titled:
                titled.add(target)
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
            for key, n in mentions.items() if key in titled and _is_name(key) and key.split()[0].lower() not in NOT_GIVEN_NAMES
            and len(in_articles[key]) >= MIN_ARTICLES and len(in_outlets[key]) >= least_outlets]
    frame = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    return frame.sort_values(["mentions", "actor"], ascending=[False, True]).head(top).reset_index(drop=True)


# --- organisations and places ---------------------------------------------------------------------------

ORGANISATIONS_FILE = Path(__file__).resolve().parents[2] / "data" / "lexicons" / "organisations.csv"


@cache
def _aliases(path: Path) -> tuple[tuple[str, str], ...]:
    """(alias, name) pairs of a shipped names list (places.csv, organisations.csv), read once per process: the
    organisations and the places found in an upload both read both lists."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    return tuple(zip(table["alias"], table[table.columns[0]]))

# A capitalised run with one of these words is an organisation ("National Rifle Association", "Supreme Court").
_ORGANISATION_WORDS = {
    "party", "court", "department", "congress", "senate", "house", "committee", "agency", "administration", "council",
    "association", "union", "institute", "foundation", "university", "bureau", "commission", "service", "office",
    "corporation", "corp", "corp.", "inc", "inc.", "company", "group", "network", "bank", "reserve", "army", "navy",
    "force", "guard", "police", "patrol", "ministry", "parliament", "coalition", "alliance", "organization",
    "organisation", "center", "centre", "board", "authority", "fund", "caucus", "cabinet", "project", "society",
    "federation", "league", "academy", "school", "college", "hospital", "clinic", "church", "tribunal", "assembly",
    "movement", "forum", "club", "times", "post", "journal", "tribune",
}
# Institutions news names in one word, beyond data/lexicons/organisations.csv (an acronym is found from the text).
_ONE_WORD_INSTITUTIONS = {"Parliament", "Vatican"}
# Capitals that are page furniture or a company's form, not an organisation of the news.
_NOT_ACRONYMS = {"LLC", "INC", "CEO", "CFO", "EST", "EDT", "PST", "PDT", "GMT", "PDF", "URL", "FAQ", "USD", "RSS", "LOL"}
# Words that make a capitalised run a person's title or a law, not an organisation ("House Speaker Paul Ryan",
# "Affordable Care Act").
_NOT_ORGANISATION_WORDS = _TITLE_WORDS - {"state", "of", "program", "programme", "endowment", "institute", "center",
                                          "centre", "defense", "defence", "general", "democratic", "republican", "gop"} \
    | {"act", "bill", "amendment", "law", "order", "rule", "plan", "day", "week", "caption", "photos", "hide"}
_CONNECTOR_WORDS = ("of", "for", "and", "on", "the", "&")  # inside a name ("Department of Homeland Security")
_CONNECTORS = "(?:" + "|".join(_CONNECTOR_WORDS) + ")"
_ORG_RUN = re.compile(rf"(?<![\w.’'-])[A-Z][\w’'&.-]*(?:\s+(?:{_CONNECTORS}\s+){{0,2}}[A-Z][\w’'&.-]*){{0,6}}")
_ACRONYM = re.compile(r"(?<![\w.’'-])[A-Z]{3,6}(?![\w’'-])")  # NRA, FBI, CBO (two letters: UN, EU are listed)
_DEFINED = re.compile(rf"(?P<full>[A-Z][\w’'.-]*(?:\s+(?:{_CONNECTORS}\s+){{0,2}}[A-Z][\w’'.-]*){{1,7}})\s+\((?P<short>[A-Z]{{2,6}})\)")
# The last word of a law's or a policy's name ("Affordable Care Act"), and the words news writes after a policy's name
# or acronym ("the Deferred Action for Childhood Arrivals program", "the DACA program"): an acronym of such a name, or
# one often written so, names a policy, not an organisation.
_POLICY_WORDS = {"act", "bill", "amendment", "law", "treaty", "agreement", "accord", "program", "programme", "policy"}
_POLICY_NEXT = re.compile(r"\s+(?:program|programme|policy|law|act)\b")
# a run, and the policy word after it if there is one (as _POLICY_NEXT.match at its end): one findall for both
_ORG_RUN_AND_AFTER = re.compile(rf"({_ORG_RUN.pattern})(?=({_POLICY_NEXT.pattern}))?")
_POLICY_AFTER = re.compile(r"(?<![\w.’'-])([A-Z]{3,6})\s+(?:program|programme|policy|law)\b")
POLICY_SHARE = 0.2  # of an acronym's mentions followed by one of those words (DACA in 300 real articles: 7 of 30)
_TIME_WORDS_LOWER = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                     "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
_LEADING = {"the", "a", "an", "but", "and", "or", "so", "as", "if", "in", "on", "at", "for", "from", "to", "by", "with",
            "when", "while", "after", "before", "since", "under", "during", "this", "that", "his", "her", "their", "our"}


def _organisation(run: str) -> str | None:
    """The organisation a capitalised run names ("the National Rifle Association's" -> "National Rifle Association"),
    or None (a title, a law, a person's name, a place alone)."""
    words = run.replace("’s", "").replace("'s", "").split()
    while words and (words[0].lower() in _LEADING or words[0].lower() in _TIME_WORDS_LOWER):
        words = words[1:]
    while words and words[-1].lower() in _CONNECTOR_WORDS:
        words = words[:-1]
    if not words:
        return None
    lowered = {w.lower().strip(".,") for w in words}
    if lowered & _NOT_ORGANISATION_WORDS or lowered & _TIME_WORDS_LOWER:
        return None
    if len(words) == 1:
        return words[0] if words[0] in _ONE_WORD_INSTITUTIONS else None
    return " ".join(words) if lowered & _ORGANISATION_WORDS else None


def _sentence_pieces(run: str) -> list[str]:
    """A capitalised run cut where a sentence ends inside it ("Kaiser Family Foundation. The NRA" -> "Kaiser Family
    Foundation", "The NRA"), the full stop dropped."""
    pieces, words = [], []
    for word in run.split():
        kept = _without_full_stop(word)
        words.append(kept)
        if kept != word:
            pieces.append(" ".join(words))
            words = []
    return pieces + [" ".join(words)] if words else pieces


_JOINED = re.compile(r"\s+(?:and|on)\s+(?:the\s+)?")


def _policy_initials(run: list[str], followed: bool) -> set[str]:
    """The initials of the laws and policies a capitalised run (its sentence pieces) names: a piece of two words or more
    whose last word says so ("the Affordable Care Act" -> "ACA"), or the run's last one when ``followed`` by such a
    word ("Deferred Action for Childhood Arrivals program" -> "DACA")."""
    named = [piece.split() for piece in run]
    return {_initials(" ".join(_without_leading(words))) for k, words in enumerate(named)
            if len(words) > 1 and (words[-1].lower() in _POLICY_WORDS or (followed and k == len(named) - 1))}


def _without_leading(words: list[str]) -> list[str]:
    """``words`` without the articles, conjunctions and prepositions a run may start with ("The", "But the")."""
    while words and words[0].lower() in _LEADING:
        words = words[1:]
    return words


def _joined_names(run: str, known: set[str]) -> list[str]:
    """Two names a run joins with "and" or "on", each known on its own (listed, a place): "Congress on Iran" ->
    "Congress", "Iran"; "House and Senate" too. A name with "and" or "on" inside it stays one ("Food and Drug
    Administration", "House Ways and Means Committee", "Council on Foreign Relations")."""
    parts = _JOINED.split(run)
    if len(parts) == 2:
        head = _without_leading(parts[0].split())
        if " ".join(head) in known and parts[1] in known:
            return [" ".join(head), parts[1]]
    return [run]


def _without_full_stop(word: str) -> str:
    """A word without the full stop that ends a sentence ("House." -> "House"); an abbreviation's, a dotted acronym's
    and an initial's kept ("Corp.", "U.S.", "F.")."""
    if not word.endswith(".") or "." in word[:-1] or word[:-1].lower() in ABBREVIATIONS or len(word) == 2:
        return word
    return word[:-1]


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _outlet_of(article: Article) -> str:
    return article.outlet if article.outlet not in ("", UNKNOWN) else f"unknown ({article.article_id})"


def _ranked(found: dict[str, Counter], forms: dict[str, Counter], articles_of: dict[str, set], outlets_of: dict[str, set],
            kind: str, many_outlets: bool) -> pd.DataFrame:
    least_outlets = MIN_OUTLETS if many_outlets else 1
    rows = [{"actor": key, "aliases": "|".join(_distinct(key, forms[key])),
             "mentions": sum(found[key].values()), "articles": len(articles_of[key]), "outlets": len(outlets_of[key]),
             "kind": kind, "blockers": ""}
            for key in found if len(articles_of[key]) >= MIN_ARTICLES and len(outlets_of[key]) >= least_outlets]
    frame = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    return frame.sort_values(["mentions", "actor"], ascending=[False, True]).reset_index(drop=True)


def _names_pattern(names: Iterable[str]) -> re.Pattern | None:
    """One case-sensitive pattern for proper names, the longest first where two start at one place ("New York Times"
    before "New York"): the scan runs in the regex engine, not word by word in Python."""
    names = sorted({n for n in names if n}, key=lambda n: (-len(n), n))
    return re.compile(rf"(?<![\w’'-])(?=[{CAPITALS}])(?:" + "|".join(map(re.escape, names)) + r")(?![\w’'-])") if names else None


def _distinct(key: str, forms: Counter) -> list[str]:
    """The key, then its other forms, one per spelling whatever its case ("Senate", not "SENATE" or "senate" too:
    the actor matcher ignores case except for a term in capitals)."""
    kept = {key.lower()}
    distinct = [key]
    for form in sorted(forms, key=lambda f: (-forms[f], f)):
        if form.lower() not in kept:
            kept.add(form.lower())
            distinct.append(form)
    return [key, *sorted(distinct[1:])]


def organisations_from_text(articles: list[Article], people: pd.DataFrame | None = None) -> pd.DataFrame:
    """The organisations a corpus names most: capitalised runs with an organisation word ("National Rifle
    Association", "Supreme Court"; a run ends where a sentence does), institutions news names in one word ("Congress",
    "Pentagon"), and acronyms the corpus never writes in lower case ("NRA", "FBI"; not a place's, "USA", nor a law's
    or a policy's: the initials of a law or programme it names, "ACA" beside "Affordable Care Act", or one it often
    writes before "program", "DACA program"); an acronym the text defines ("Congressional Budget Office (CBO)") is an
    alias of its full name. Outlet names and the people found are left out."""
    canonical = dict(_aliases(ORGANISATIONS_FILE))
    listed_names = _names_pattern(canonical)
    places = place_names()  # "USA" is a place
    known = set(canonical) | places
    outlets = {_outlet_of(a) for a in articles}
    own_names = {o.lower() for o in outlets}
    person_words = {w for aliases in (people["aliases"] if people is not None else []) for form in aliases.split("|")
                    for w in form.split()}
    counted: dict[str, Counter] = {}  # name -> paragraphs per article
    forms: dict[str, Counter] = {}
    articles_of: dict[str, set] = {}
    outlets_of: dict[str, set] = {}
    defined: Counter = Counter()  # (acronym, full name) pairs the text gives
    policies: set[str] = set()  # initials of the laws and policies the text names ("ACA")
    acronym_mentions, policy_mentions = Counter(), Counter()  # "DACA", and "DACA program"

    def kept(name: str) -> bool:  # an outlet's own name, or a word of a person found, is no organisation here
        return name.lower() not in own_names and not (len(name.split()) == 1 and name in person_words)

    # News repeats its capitalised runs ("The", "Senate", "White House"): each distinct run is worked out once
    run_pieces: dict[str, list[str]] = {}
    run_initials: dict[tuple[str, bool], set[str]] = {}
    piece_names: dict[str, list[str]] = {}
    for article in articles:
        outlet = _outlet_of(article)
        for block in article.blocks:
            text = block.text
            written = {form: canonical[form] for form in listed_names.findall(text)}
            pieces = []
            for group, after in _ORG_RUN_AND_AFTER.findall(text):
                run = run_pieces.get(group)
                if run is None:
                    run = run_pieces[group] = _sentence_pieces(group)
                pieces += run
                followed = after != ""
                initials = run_initials.get((group, followed))
                if initials is None:
                    initials = run_initials[(group, followed)] = _policy_initials(run, followed)
                policies |= initials
            for piece in pieces:
                names = piece_names.get(piece)
                if names is None:
                    names = piece_names[piece] = [name for run in _joined_names(piece, known) if (name := _organisation(run))]
                written.update({name: canonical.get(name, name) for name in names if name not in written})
            acronyms_here = _ACRONYM.findall(text)
            written.update({a: canonical.get(a, a) for a in acronyms_here
                            if a not in _NOT_ACRONYMS and a not in places and a not in written})
            acronym_mentions.update(acronyms_here)
            if acronyms_here:
                policy_mentions.update(_POLICY_AFTER.findall(text))
            for m in _DEFINED.finditer(text) if "(" in text else ():  # "Congressional Budget Office (CBO)"
                full = _organisation(_sentence_pieces(m["full"])[-1])
                if full and _initials(full) == m["short"]:
                    defined[(m["short"], full)] += 1
            written = {form: name for form, name in written.items() if kept(name)}
            for form, name in written.items():
                # "republicans" in lower case is the same alias, matched without case
                if form.lower() not in own_names and form[:1].isupper():
                    forms.setdefault(name, Counter())[form] += 1
            for name in set(written.values()):
                counted.setdefault(name, Counter())[article.article_id] += 1
                articles_of.setdefault(name, set()).add(article.article_id)
                outlets_of.setdefault(name, set()).add(outlet)
    # an all-caps word the corpus also writes in lower case is a word shouted, not an acronym ("REPEAL", "NOT")
    listed_organisations = set(canonical.values())
    acronyms = {n for n in counted if _ACRONYM.fullmatch(n) and n not in listed_organisations}
    shouted = written_in_lower_case(articles, {n.lower() for n in acronyms})
    for name in acronyms:
        if name.lower() in shouted or name in policies or policy_mentions[name] >= POLICY_SHARE * acronym_mentions[name]:
            del counted[name]  # a word shouted ("REPEAL"), or a law's or a policy's name ("ACA", "DACA")
    full_of = {}
    for (short, full), _ in defined.most_common():
        full_of.setdefault(short, canonical.get(full, full))
    for short, full in full_of.items():
        if short in counted and full in counted and short != full:  # "CBO" joins "Congressional Budget Office"
            counted[full].update(counted.pop(short))
            articles_of[full] |= articles_of[short]
            outlets_of[full] |= outlets_of[short]
            forms[full][short] += 1
    forms = {name: forms.get(name, Counter()) for name in counted}
    return _ranked(counted, forms, articles_of, outlets_of, "organisation", len(outlets) >= MIN_OUTLETS)


def places_from_text(articles: list[Article], people: pd.DataFrame | None = None,
                     organisations: pd.DataFrame | None = None) -> pd.DataFrame:
    """The places a corpus names most, from data/lexicons/places.csv (countries, US states, capitals and regions,
    each with its other names: "U.S.", "America"). A place inside a longer name is not a mention of it: a person's
    or an organisation's found in the corpus ("Jim Jordan"), an outlet's of the corpus, or one listed in
    data/lexicons/organisations.csv ("Washington Post", "USA Today"); those the text writes are the place's
    ``blockers``. A place named like a person found ("Jordan" beside Jim Jordan) is left out."""
    surnames = {actor.split()[-1] for actor in people["actor"]} if people is not None else set()
    # "Jordan" beside Jim Jordan: which one, the text cannot say
    place_of = {alias: place for alias, place in _aliases(PLACES_FILE) if alias not in surnames}
    listed = [alias for alias, _ in _aliases(ORGANISATIONS_FILE)]
    # a longer name holding a place is found first and names no place
    blockers = {form for frame in (people, organisations) if frame is not None for aliases in frame["aliases"]
                for form in aliases.split("|")} | {a.outlet for a in articles if a.outlet not in ("", UNKNOWN)} | set(listed)
    place_pattern = _names_pattern(place_of)
    held = {b: {place_of[p] for p in place_pattern.findall(b)} for b in blockers if b not in place_of}
    held = {b: places for b, places in held.items() if places}  # only those that matter
    names = _names_pattern(set(place_of) | set(held))
    outlets = {_outlet_of(a) for a in articles}
    counted: dict[str, Counter] = {}
    forms: dict[str, Counter] = {}
    articles_of: dict[str, set] = {}
    outlets_of: dict[str, set] = {}
    written_around: dict[str, set] = {}  # place -> the longer names holding it that the text writes
    for article in articles:
        for block in article.blocks:
            found = names.findall(block.text)
            for name in found:
                for place in held.get(name, ()):
                    written_around.setdefault(place, set()).add(name)
            found = [name for name in found if name in place_of]
            for place in {place_of[name] for name in found}:  # a paragraph naming a place twice is one mention
                counted.setdefault(place, Counter())[article.article_id] += 1
                articles_of.setdefault(place, set()).add(article.article_id)
                outlets_of.setdefault(place, set()).add(_outlet_of(article))
            for name in found:  # the list's forms the corpus uses ("U.S.", "America") become the actor's aliases
                forms.setdefault(place_of[name], Counter())[name] += 1
    forms = {place: forms.get(place, Counter()) for place in counted}
    ranked = _ranked(counted, forms, articles_of, outlets_of, "place", len(outlets) >= MIN_OUTLETS)
    ranked["blockers"] = ["|".join(sorted(written_around.get(place, ()))) for place in ranked["actor"]]
    return ranked


BLOCKER_SOURCE = "found in the text (a longer name holding a place: names no actor)"


def actor_lexicon(found: pd.DataFrame) -> pd.DataFrame:
    """An actors list (actor, alias, source) from ``actors_from_text``'s table, every alias a row; then each place's
    blockers that no actor of the list is named by, as rows with no actor, so "Washington Post" is not a mention of
    Washington in the analysis either (the matcher takes the longest match)."""
    rows = [{"actor": r.actor, "alias": alias, "source": f"found in the text ({r.kind})"}
            for r in found.itertuples() for alias in r.aliases.split("|")]
    named = {row["alias"].lower() for row in rows}
    blockers = sorted({b for held in found["blockers"] if held for b in held.split("|") if b.lower() not in named})
    rows += [{"actor": "", "alias": b, "source": BLOCKER_SOURCE} for b in blockers]
    return pd.DataFrame(rows, columns=["actor", "alias", "source"])
