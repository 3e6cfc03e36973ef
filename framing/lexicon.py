"""Lexicons (hedges, boosters, themes, actors) as plain CSV data, and the matcher that finds them.

Terms are plain words or phrases. A trailing ``*`` matches any word ending ("sanction*"). Terms in
capitals such as "US", "UN" or "NATO" match case-sensitively so that the pronoun "us" is not the
United States. Where terms overlap, the longest match wins ("Kim Yong-Hyun" before "Kim"), and a row
with an empty label is a blocker: it names nothing but stops its shorter parts from matching
("Sea of Japan").
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Callable

import pandas as pd

from .rules import CONTEXT_RULES
from .spreadsheet import table_to_csv

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicons"

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
THEME_SETS = {"corpus": ("themes", "Story themes"), "policy_frames": ("policy_frames", "Policy Frames Codebook")}


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


def term_pattern(term: str) -> str:
    words = term.strip().split()
    parts = []
    for i, word in enumerate(words):
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


_WORD_START = re.compile(r"(?<!\w)\w")
_FIRST_RUN = re.compile(r"\w+")
_KEY_LENGTH = 3


class Matcher:
    """Finds non-overlapping lexicon matches in a text, longest first, with optional context rules."""

    def __init__(self, entries: list[tuple[str, str, str]], rules: dict[str, ContextRule] | None = None):
        """entries: (term, label, rule name or '')."""
        self.rules = rules or {}
        unique = {}
        for term, label, rule in entries:
            term = str(term).strip()
            if term and term not in unique:
                unique[term] = (label, rule)
        # Longer terms first so the regex alternation prefers them at the same start position.
        self.terms = sorted(unique, key=lambda t: (-len(t.rstrip("*")), t))
        self.labels = [unique[t][0] for t in self.terms]
        self.rule_names = [unique[t][1] for t in self.terms]
        unknown = {r for r in self.rule_names if r and r not in self.rules}
        if unknown:
            raise ValueError(f"unknown context rule(s): {', '.join(sorted(unknown))}")
        self.patterns = [re.compile(term_pattern(t), re.IGNORECASE) for t in self.terms]
        # Index each term under the first few letters of its first word, so a sentence is checked
        # only against terms that can start at each word (one big alternation was ~1 ms per sentence).
        self.index: dict[str, list[int]] = {}
        for i, term in enumerate(self.terms):
            first_run = _FIRST_RUN.match(term)
            if first_run is None:
                raise ValueError(f"term {term!r} must start with a letter or a digit")
            first_run = first_run.group().lower()
            self.index.setdefault(first_run[:_KEY_LENGTH], []).append(i)

    def _candidates(self, text: str, start: int) -> list[int]:
        head = text[start:start + _KEY_LENGTH].lower()
        found = [i for k in range(1, len(head) + 1) for i in self.index.get(head[:k], ())]
        return sorted(found)  # the global longest-first order decides between overlapping terms

    def find(self, text: str) -> list[Match]:
        found: list[Match] = []
        pos = 0
        for word in _WORD_START.finditer(text):
            start = word.start()
            if start < pos:
                continue
            m, i = next(((m, i) for i in self._candidates(text, start) if (m := self.patterns[i].match(text, start))), (None, -1))
            if m is None:
                continue
            rule = self.rule_names[i]
            if rule and not self.rules[rule](text, m.start(), m.end()):
                continue
            if self.labels[i]:  # an empty label is a blocker
                found.append(Match(self.terms[i], self.labels[i], m.start(), m.end(), m.group()))
            pos = m.end()
        return found


@dataclass
class Lexicons:
    """The four lexicon tables. Editable as DataFrames; matchers are built from them on demand."""

    hedges: pd.DataFrame
    approximators: pd.DataFrame
    boosters: pd.DataFrame
    themes: pd.DataFrame
    actors: pd.DataFrame

    @classmethod
    def load(cls, directory: Path = LEXICON_DIR) -> "Lexicons":
        return cls(**{name: read_lexicon_csv((directory / f).read_text("utf-8"), name) for name, (f, _, _) in LEXICON_FILES.items()})

    @property
    def theme_sets(self) -> list[str]:
        return list(dict.fromkeys(self.themes["theme_set"]))

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def csv(self, name: str) -> str:
        return table_to_csv(self.table(name))

    def fingerprint(self) -> tuple[str, ...]:
        """Content key for caches: changes whenever any entry changes."""
        return tuple(self.csv(n) for n in LEXICON_FILES)

    def with_table(self, name: str, table: pd.DataFrame) -> "Lexicons":
        """A copy with one list replaced; raises ValueError (bad columns, unknown rule) and changes nothing."""
        checked = read_lexicon_csv(table.to_csv(index=False), name)
        updated = replace(self, **{name: checked})
        updated.check()
        return updated

    def with_entry(self, name: str, entry: dict[str, str]) -> "Lexicons":
        _, columns, _ = LEXICON_FILES[name]
        row = {c: str(entry.get(c, "")).strip() for c in columns}
        key = term_column(name)
        if not row[key]:
            raise ValueError(f"the {key} is empty")
        label = LEXICON_FILES[name][2]
        if not row[label] and name != "actors":
            raise ValueError(f"the {label} is empty")
        return self.with_table(name, pd.concat([self.table(name), pd.DataFrame([row])], ignore_index=True))

    def without_rows(self, name: str, indices: list[int]) -> "Lexicons":
        return self.with_table(name, self.table(name).drop(index=list(indices)))

    def check(self) -> None:
        """Build every matcher, so a bad entry fails here and not in the middle of an analysis."""
        self.hedge_matcher, self.approximator_matcher, self.booster_matcher, self.theme_matchers, self.actor_matcher

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
        return {
            theme_set: Matcher([(t, theme, "") for t, theme in rows[["term", "theme"]].itertuples(index=False)])
            for theme_set, rows in self.themes.groupby("theme_set", sort=False)
        }

    @cached_property
    def actor_matcher(self) -> Matcher:
        return Matcher([(alias, actor, "") for actor, alias in self.actors[["actor", "alias"]].itertuples(index=False)])


def term_column(name: str) -> str:
    """The column a list matches on: an actor's aliases, every other list's terms."""
    return "alias" if name == "actors" else "term"


def read_lexicon_csv(text: str, name: str) -> pd.DataFrame:
    """Parse one lexicon CSV; raises ValueError naming the missing columns."""
    _, columns, _ = LEXICON_FILES[name]
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ValueError(f"{name} lexicon does not parse as CSV ({str(exc).splitlines()[0]})")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{name} lexicon is missing column(s): {', '.join(missing)}")
    table = table[columns].copy()
    key = term_column(name)
    table[key] = table[key].str.strip()
    return table[table[key] != ""].reset_index(drop=True)
