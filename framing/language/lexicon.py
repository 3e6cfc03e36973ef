"""Lexicons (hedges, boosters, themes, actors) as plain CSV data, and the matcher that finds them.

Terms are plain words or phrases. A trailing ``*`` matches any word ending ("sanction*"). Terms in
capitals such as "US", "UN" or "NATO" match case-sensitively so that the pronoun "us" is not the
United States. Where terms overlap, the longest match wins ("Kim Yong-Hyun" before "Kim"), and a row
with an empty label is a blocker: it names nothing but stops its shorter parts from matching
("Sea of Japan").
"""
from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

import pandas as pd

from framing.language.context_rules import (
    CONTEXT_RULES,
    STATE_BODIES,
    is_negated,
    not_a_states_body,
    not_after_an_honorific,
    place_names,
)
from framing.language.voice import TITLE_WORDS, NotAnothersSurname
from framing.reading.spreadsheet import table_to_csv

LEXICON_DIR = Path(__file__).resolve().parents[2] / "data" / "lexicons"

# label_column: what a match is tagged with (hedge category, theme, actor).
LEXICON_FILES = {
    "hedges": ("hedges.csv", ["term", "category", "rule", "source"], "category"),  # epistemic hedges
    "approximators": ("approximators.csv", ["term", "category", "rule", "source"], "category"),
    "boosters": ("boosters.csv", ["term", "category", "rule", "source"], "category"),
    "themes": ("themes.csv", ["theme_set", "theme", "term", "source"], "theme"),
    "actors": ("actors.csv", ["actor", "alias", "source"], "actor"),
}


# Theme sets: a name in themes.csv's theme_set column, the sentence-table column of its labels, and its
# name on screen. A set not listed here (from an uploaded list) gets a column and a label of its own name.
FOUND_THEME_SET = "found"  # the themes framing.statistics.found_themes finds in a corpus's own paragraphs
THEME_SETS = {"corpus": ("themes", "Story themes"), "policy_frames": ("policy_frames", "Policy Frames Codebook"),
              FOUND_THEME_SET: ("themes_found", "Found in these articles")}
# Sets written for the bundled Putin-Kim articles: on any other corpus they say so where they are picked.
BUILT_FOR_BUNDLED = frozenset({"corpus"})


def theme_set_column(theme_set: str) -> str:
    return THEME_SETS.get(theme_set, (f"themes_{theme_set}", ""))[0]


def theme_set_label(theme_set: str) -> str:
    return THEME_SETS.get(theme_set, ("", theme_set))[1]


@dataclass(frozen=True)
class Match:
    term: str  # the lexicon entry that matched
    label: str  # its category, theme or actor
    start: int
    end: int
    text: str  # the matched text as written


# A context rule sees (sentence, start, end) of a candidate match and says whether it counts.
ContextRule = Callable[[str, int, int], bool]



def as_cues(text: str, matches: list[Match]) -> list[dict]:
    """Hedge, approximator or booster matches as cues: ``{cue, category, start, end, negated}``, with character
    offsets into ``text`` (so a passage marks exactly the words counted) and whether a negator comes just before."""
    return [
        {"cue": m.text, "category": m.label, "start": m.start, "end": m.end, "negated": is_negated(text, m.start)}
        for m in matches
    ]


def term_pattern(term: str) -> str:
    words = term.strip().split()
    parts = []
    for word in words:
        wildcard = word.endswith("*")
        word = word.rstrip("*")
        part = re.escape(word).replace("'", "['’]").replace("’", "['’]").replace(r"\-", r"[-‐‑]")
        if wildcard:
            part += r"[\w'’-]*"
        parts.append(part)
    body = r"[\s\u00a0]+".join(parts)
    case_sensitive = len(term) >= 2 and term.replace(".", "").isupper()
    body = f"(?-i:{body})" if case_sensitive else body
    end_guard = r"(?![\w])" if not words[-1].endswith(".") else ""
    return rf"(?<![\w]){body}{end_guard}"


_FIRST_RUN = re.compile(r"\w+")
_MEMO_LIMIT = 200_000  # words remembered per scanner (a news vocabulary is far smaller)


def word_runs(text: str) -> list[tuple[int, str]]:
    """(start, lower-case word) of every run of word characters: the only places a term can start."""
    lower = text.lower()
    if len(lower) != len(text):  # a rare character whose lower case is longer: offsets must stay the text's
        return [(m.start(), m.group().lower()) for m in _FIRST_RUN.finditer(text)]
    return [(m.start(), m.group()) for m in _FIRST_RUN.finditer(lower)]


class Matcher:
    """Finds non-overlapping lexicon matches in a text, longest first, with optional context rules.

    Terms are indexed by the first word they start with, so a sentence is checked only against terms that can
    start at each of its words: exactly that word, or, for a term whose first word ends in ``*``, a word with
    that beginning. The candidates for a word are remembered, since news reuses its words.
    """

    def __init__(self, entries: list[tuple[str, str, str]], rules: dict[str, ContextRule] | None = None):
        """entries: (term, label, rule name or '')."""
        self.rules = rules or {}
        unique = {}
        for term, label, rule in entries:
            term = str(term).strip()
            if term and term not in unique:
                unique[term] = (label, rule)
        # Longer terms first: where two terms match at one position, the longer wins.
        self.terms = sorted(unique, key=lambda t: (-len(t.rstrip("*")), t))
        self.labels = [unique[t][0] for t in self.terms]
        self.rule_names = [unique[t][1] for t in self.terms]
        unknown = {r for r in self.rule_names if r and r not in self.rules}
        if unknown:
            raise ValueError(f"unknown context rule(s): {', '.join(sorted(unknown))}")
        self.patterns = [re.compile(term_pattern(t), re.IGNORECASE) for t in self.terms]
        self.checks = [(self.patterns[i], self.rules[r] if r else None, self.labels[i], self.terms[i])
                       for i, r in enumerate(self.rule_names)]
        self.exact: dict[str, list[int]] = {}  # first word -> terms starting with exactly that word
        self.prefixes: dict[str, list[tuple[str, int]]] = {}  # first letters -> (beginning, term) for "sanction*"
        for i, term in enumerate(self.terms):
            first_run = _FIRST_RUN.match(term)
            if first_run is None:
                raise ValueError(f"term {term!r} must start with a letter or a digit")
            run = first_run.group().lower()
            if term[first_run.end():first_run.end() + 1] == "*":
                self.prefixes.setdefault(run[:3], []).append((run, i))
            else:
                self.exact.setdefault(run, []).append(i)
        self._memo: dict[str, tuple[int, ...]] = {}
        self._written: dict[str, str] = {}  # each way a term is written, kept once however often it is found

    def candidates(self, word: str) -> tuple[int, ...]:
        """The terms that can start at a word (lower case), in the longest-first order."""
        found = self._memo.get(word)
        if found is None:
            found = list(self.exact.get(word, ()))
            for k in range(1, min(len(word), 3) + 1):
                found.extend(i for prefix, i in self.prefixes.get(word[:k], ()) if word.startswith(prefix))
            found = tuple(sorted(found))
            if len(self._memo) > _MEMO_LIMIT:
                self._memo.clear()
            self._memo[word] = found
        return found

    def find(self, text: str) -> list[Match]:
        found: list[Match] = []
        pos = 0
        for start, word in word_runs(text):
            if start < pos:
                continue
            candidates = self.candidates(word)
            if candidates:
                pos = self._match_at(text, start, candidates, found) or pos
        return found

    def _match_at(self, text: str, start: int, candidates: tuple[int, ...], found: list[Match]) -> int:
        """The first candidate matching at ``start`` is the match, unless its rule rejects it (then there is
        none there); returns where the next match may start."""
        for i in candidates:
            pattern, rule, label, term = self.checks[i]
            m = pattern.match(text, start)
            if m is None:
                continue
            if rule is not None and not rule(text, m.start(), m.end()):
                return 0
            if label:  # an empty label is a blocker
                written = m.group()
                found.append(Match(term, label, m.start(), m.end(), self._written.setdefault(written, written)))
            return m.end()
        return 0


class Scanner:
    """Several matchers over one text at once: its words are found once, and each word is looked up once for all
    the lists (the lists' candidates for a word are remembered together). Same matches as each ``find``."""

    def __init__(self, matchers: dict[str, Matcher]):
        self.names = list(matchers)
        self.matchers = list(matchers.values())
        self._memo: dict[str, tuple[tuple[int, tuple[int, ...]], ...]] = {}

    def _hits(self, word: str) -> tuple[tuple[int, tuple[int, ...]], ...]:
        hits = self._memo.get(word)
        if hits is None:
            hits = tuple((k, found) for k, m in enumerate(self.matchers) if (found := m.candidates(word)))
            if len(self._memo) > _MEMO_LIMIT:
                self._memo.clear()
            self._memo[word] = hits
        return hits

    def scan(self, text: str) -> dict[str, list[Match]]:
        found: list[list[Match]] = [[] for _ in self.matchers]
        pos = [0] * len(self.matchers)
        for start, word in word_runs(text):
            for k, candidates in self._hits(word):
                if start >= pos[k]:
                    end = self.matchers[k]._match_at(text, start, candidates, found[k])
                    if end:
                        pos[k] = end
        return dict(zip(self.names, found))


@dataclass
class Lexicons:
    """The four lexicon tables. Editable as DataFrames; matchers are built from them on demand."""

    hedges: pd.DataFrame
    approximators: pd.DataFrame
    boosters: pd.DataFrame
    themes: pd.DataFrame
    actors: pd.DataFrame

    @classmethod
    def load(cls, directory: Path = LEXICON_DIR) -> Lexicons:
        return cls(**{name: read_lexicon_csv((directory / f).read_text("utf-8"), name) for name, (f, _, _) in LEXICON_FILES.items()})

    @cached_property
    def theme_sets(self) -> list[str]:
        return list(dict.fromkeys(self.themes["theme_set"]))

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def csv(self, name: str) -> str:
        return table_to_csv(self.table(name))

    def fingerprint(self) -> tuple[str, ...]:
        """Every list as CSV: changes whenever any entry changes."""
        return tuple(self.csv(n) for n in LEXICON_FILES)

    @cached_property
    def key(self) -> str:
        """A short content key for caches (a digest of ``fingerprint``)."""
        digest = hashlib.sha256()
        for text in self.fingerprint():
            digest.update(text.encode("utf-8") + b"\x00")
        return digest.hexdigest()

    def __getstate__(self) -> dict:
        """Pickled (for a worker process) without the matchers, which are rebuilt where they are used."""
        return {name: getattr(self, name) for name in LEXICON_FILES} | {"key": self.key, "theme_sets": self.theme_sets}

    def with_table(self, name: str, table: pd.DataFrame) -> Lexicons:
        """A copy with one list replaced; raises ValueError (bad columns, unknown rule) and changes nothing."""
        checked = read_lexicon_csv(table.to_csv(index=False), name)
        updated = replace(self, **{name: checked})
        updated.check()
        return updated

    def with_entry(self, name: str, entry: dict[str, str]) -> Lexicons:
        _, columns, _ = LEXICON_FILES[name]
        row = {c: str(entry.get(c, "")).strip() for c in columns}
        key = term_column(name)
        if not row[key]:
            raise ValueError(f"the {key} is empty")
        label = LEXICON_FILES[name][2]
        if not row[label] and name != "actors":
            raise ValueError(f"the {label} is empty")
        return self.with_table(name, pd.concat([self.table(name), pd.DataFrame([row])], ignore_index=True))

    def with_label_renamed(self, name: str, old: str, new: str, theme_set: str | None = None) -> Lexicons:
        """A copy where every entry of one theme (of ``theme_set`` only, if given), actor or category carries a new
        name; the terms stay."""
        label = LEXICON_FILES[name][2]
        new = new.strip()
        if not new:
            raise ValueError(f"the new {label} name is empty")
        table = self.table(name)
        rows = table[label] == old
        if theme_set is not None:
            rows &= table["theme_set"] == theme_set
        if not rows.any():
            raise ValueError(f"there is no {label} named {old!r}")
        return self.with_table(name, table.assign(**{label: table[label].where(~rows, new)}))

    def without_rows(self, name: str, indices: list[int]) -> Lexicons:
        return self.with_table(name, self.table(name).drop(index=list(indices)))

    def check(self) -> None:
        """Build every matcher, so a bad entry fails here and not in the middle of an analysis."""
        _ = self.hedge_matcher, self.approximator_matcher, self.booster_matcher, self.theme_matchers, self.actor_matcher

    @cached_property
    def matchers(self) -> dict[str, Matcher]:
        """Every list's matcher: "hedges", "approximators", "boosters", "actors", and "themes:<set>" per theme set."""
        return {"hedges": self.hedge_matcher, "approximators": self.approximator_matcher, "boosters": self.booster_matcher,
                "actors": self.actor_matcher, **{f"themes:{name}": m for name, m in self.theme_matchers.items()}}

    @cached_property
    def scanner(self) -> Scanner:
        return Scanner(self.matchers)

    def scan(self, text: str) -> dict[str, list[Match]]:
        """Every list's matches in one text, by list name (see ``matchers``)."""
        return self.scanner.scan(text)

    @cached_property
    def hedge_matcher(self) -> Matcher:
        return Matcher(list(self.hedges[["term", "category", "rule"]].itertuples(index=False)), CONTEXT_RULES)

    @cached_property
    def approximator_matcher(self) -> Matcher:
        return Matcher(list(self.approximators[["term", "category", "rule"]].itertuples(index=False)), CONTEXT_RULES)

    @cached_property
    def booster_matcher(self) -> Matcher:
        return Matcher(list(self.boosters[["term", "category", "rule"]].itertuples(index=False)), CONTEXT_RULES)

    @cached_property
    def theme_matchers(self) -> dict[str, Matcher]:
        """Each theme set's matcher. In a set written as words for frames, a term that is also a title does not count
        before a name ("President Obama" is not the Political frame, "Justice Kennedy" not Fairness and equality:
        ``context_rules.not_a_title``); the found set keeps its titles, as the counts it was found from did ("Justice
        Kennedy" is its court theme)."""
        def rule(theme_set: str, term: str) -> str:
            return "not_a_title" if theme_set != FOUND_THEME_SET and str(term).strip().lower() in TITLE_WORDS else ""

        return {
            theme_set: Matcher([(t, theme, rule(theme_set, t)) for t, theme in rows[["term", "theme"]].itertuples(index=False)],
                               CONTEXT_RULES)
            for theme_set, rows in self.themes.groupby("theme_set", sort=False)
        }

    @cached_property
    def actor_matcher(self) -> Matcher:
        """An actor's aliases; a surname alone (the last word of an actor of several) does not count where it ends
        someone else's name ("Teddy Kennedy" is not Anthony Kennedy: ``voice.NotAnothersSurname``), nor a body a state
        has too where it is a state's ("the state Senate": ``context_rules.not_a_states_body``), nor a place's name after an
        honorific ("Miss USA": ``context_rules.not_after_an_honorific``)."""
        entries, rules = [], {"not_a_states_body": not_a_states_body, "not_after_an_honorific": not_after_an_honorific}
        places = place_names()
        for actor, alias in self.actors[["actor", "alias"]].itertuples(index=False):
            words = str(actor).split()
            rule = f"surname of {actor}" if len(words) > 1 and str(alias).strip() == words[-1] else ""
            if rule:
                rules[rule] = NotAnothersSurname(actor)
            elif str(alias).strip().lower() in STATE_BODIES:  # "the state Senate" is not the US Senate
                rule = "not_a_states_body"
            elif str(actor).strip() in places and str(alias).strip() in places:  # "Miss USA" is a pageant; "Mr. Jordan"
                rule = "not_after_an_honorific"  # is still Jim Jordan, whose surname is not a place's alias
            entries.append((alias, actor, rule))
        return Matcher(entries, rules)


def term_column(name: str) -> str:
    """The column a list matches on: an actor's aliases, every other list's terms."""
    return "alias" if name == "actors" else "term"


def read_lexicon_csv(text: str, name: str) -> pd.DataFrame:
    """Parse one lexicon CSV; raises ValueError naming the missing columns."""
    _, columns, _ = LEXICON_FILES[name]
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ValueError(f"{name} lexicon does not parse as CSV ({str(exc).splitlines()[0]})") from exc
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{name} lexicon is missing column(s): {', '.join(missing)}")
    table = table[columns].copy()
    key = term_column(name)
    table[key] = table[key].str.strip()
    return table[table[key] != ""].reset_index(drop=True)
