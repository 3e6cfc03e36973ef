"""Distinctive words and phrases: what one outlet says more than the rest, with no lexicon.

The weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
"Fightin' Words", section 3.5). For a term w, group i (an outlet) and the rest j:

    δ_w = log((y_wi + α_w) / (n_i + α_0 − y_wi − α_w)) − log((y_wj + α_w) / (n_j + α_0 − y_wj − α_w))
    σ²_w ≈ 1 / (y_wi + α_w) + 1 / (y_wj + α_w),          z_w = δ_w / σ_w

where y counts the term, n counts all terms, and the prior α_w = α_0 × (the term's share of the whole
corpus), α_0 = PRIOR_WEIGHT (the prior weighs as much as 1,000 words of the corpus). As in the paper, stop words are not removed: the prior and the variance keep
frequent words from ranking high on small differences. Terms are unigrams and bigrams of lower-case
words within a sentence; tokens with digits are dropped, and a bigram made only of stop words is not
shown. A term must occur at least MIN_COUNT times in the group to be listed. ``HouseStyle`` keeps out terms
that show how an outlet writes rather than how it frames (its name, titles, state tags, page furniture).
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
import pandas as pd

from framing.reading.corpus import Article, written_in_lower_case

PRIOR_WEIGHT = 1000.0  # α_0: the prior weighs as much as this many terms spread like the whole corpus
MIN_COUNT = 3
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
STOP_WORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "him", "them", "us", "me", "not", "no", "so", "than", "then", "there", "here", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "only", "own", "same", "too", "very", "can", "will", "just", "do", "does", "did", "has", "have", "had", "would", "should", "could", "may", "might", "must", "also", "into", "over", "after", "before", "about", "against", "between", "through", "during", "without", "within", "up", "down", "out", "off", "again", "further", "once", "s", "t"]
)


HOUSE_STYLE_FILE = Path(__file__).resolve().parents[2] / "data" / "lexicons" / "house_style.csv"
SINGLE_LETTERS_KEPT = frozenset({"a", "i"})
PARTIES = frozenset({"r", "d", "i"})


@dataclass(frozen=True)
class HouseStyle:
    """Words that show how an outlet writes, not how it frames: its own name and domain, its bylines, titles ("Mr",
    "Sen"), state and party tags ("R-Texas", "D-Calif."), page furniture ("hide caption", "click here"), attribution
    verbs ("said", "says": their tense is a house's) and the single letters tokenising leaves ("u s" of "U.S."). A
    term with any of them never ranks unless asked for raw."""

    listed: dict[str, str]  # term -> kind, from data/lexicons/house_style.csv
    names: frozenset[str] = field(default_factory=frozenset)  # words of the corpus's outlet names, domains and bylines
    brands: frozenset[str] = field(default_factory=frozenset)  # one-word outlet names and domains: never in a term

    @classmethod
    def of(cls, outlets: Iterable[str] = (), urls: Iterable[str] = (), authors: Iterable[str] = (),
           ordinary_words: Iterable[str] = ()) -> HouseStyle:
        """``ordinary_words``: words the corpus writes in lower case; a byline word among them is an English word
        as well as a name ("court" of "Supreme Court Biographer", "white" of Armond White) and stays a term."""
        with HOUSE_STYLE_FILE.open(newline="", encoding="utf-8") as f:
            listed = {row["term"]: row["kind"] for row in csv.DictReader(f)}
        named = [tokens(outlet) for outlet in set(outlets) if not outlet.startswith("unknown outlet")]
        names = {w for words in named for w in words}
        brands = {words[0] for words in named if len(words) == 1}  # "CNN", "Vox": a brand, not an English word
        for url in set(urls):
            host = (urlparse(url).hostname or "").removeprefix("www.")
            brands.update(w for w in host.split(".")[:-1] if len(w) > 2)  # "foxnews" of foxnews.com
        bylines = {w for author in set(authors) if author != "unknown" for w in tokens(author)}
        names.update(bylines - set(ordinary_words))
        return cls(listed, frozenset(names - STOP_WORDS), frozenset(brands - STOP_WORDS))

    @classmethod
    def of_articles(cls, articles: Iterable[Article]) -> HouseStyle:
        """The house style of a corpus: its articles' outlets, links and bylines, and the shipped list."""
        articles = list(articles)
        authors = [a.author for a in articles]
        bylines = {w for author in set(authors) if author != "unknown" for w in tokens(author)}
        return cls.of([a.outlet for a in articles], [a.url for a in articles], authors,
                      written_in_lower_case(articles, bylines))

    def reason(self, term: str) -> str | None:
        """Why ``term`` is house style ("outlet name", "honorific", …), or None if it may rank."""
        words = term.split()
        if any(len(w) == 1 and w not in SINGLE_LETTERS_KEPT for w in words) or (len(words) == 2 and words[0] in PARTIES
                                                                                 and self.listed.get(words[1]) == "state_abbreviation"):
            return "single letter or party tag"
        bases = [w.removesuffix("'s") for w in words]  # "cnn's" is CNN
        if any(w in self.brands for w in bases) or (any(w in self.names for w in bases)
                                                    and all(w in self.names or w in STOP_WORDS for w in bases)):
            return "outlet name, domain or byline"
        for n in range(1, len(words) + 1):  # any listed term inside this one, as whole words
            for i in range(len(words) - n + 1):
                kind = self.listed.get(" ".join(words[i:i + n]))
                if kind:
                    return kind.replace("_", " ")
        return None


def tokens(text: str) -> list[str]:
    # ’ becomes ' before the words are found, not in each word after: outside a word both are only punctuation
    return _TOKEN.findall(text.lower().replace("’", "'"))


def terms(text: str) -> list[str]:
    """The unigrams and bigrams of one sentence."""
    words = tokens(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:]) if not (a in STOP_WORDS and b in STOP_WORDS)]


def term_counts(texts: Iterable[str]) -> Counter:
    return Counter(chain.from_iterable(map(terms, texts)))  # one count of every sentence's terms, not one per sentence


def log_odds(group: Counter, rest: Counter | None, prior: Counter, prior_weight: float = PRIOR_WEIGHT) -> pd.DataFrame:
    """δ and z for every term of ``group`` (see the module docstring); ``prior`` is the whole corpus's counts.
    ``rest`` None: the rest of the corpus, ``prior`` minus ``group`` (counted only for the group's terms: a corpus
    with many groups, stories say, is not copied once per group)."""
    total_prior = sum(prior.values())
    names = list(group)
    y_i = np.array([group[t] for t in names], dtype=float)
    prior_counts = np.array([prior[t] for t in names], dtype=float)
    alpha = prior_weight * prior_counts / total_prior
    n_i = float(sum(group.values()))
    if rest is None:
        y_j, n_j = prior_counts - y_i, float(total_prior) - n_i
    else:
        y_j, n_j = np.array([rest.get(t, 0) for t in names], dtype=float), float(sum(rest.values()))
    delta = (np.log((y_i + alpha) / (n_i + prior_weight - y_i - alpha))
             - np.log((y_j + alpha) / (n_j + prior_weight - y_j - alpha)))
    z = delta / np.sqrt(1.0 / (y_i + alpha) + 1.0 / (y_j + alpha))
    return pd.DataFrame({"term": names, "count": y_i.astype(int), "rest_count": y_j.astype(int), "log_odds": delta, "z": z})


@dataclass(frozen=True)
class TermCounts:
    by_group: dict[str, Counter]
    corpus: Counter


def group_term_counts(table: pd.DataFrame, by: str = "outlet_group") -> TermCounts:
    """Each group's term counts and the corpus's (the most expensive part of ``distinctive``: pass them to reuse)."""
    by_group = {g: term_counts(texts) for g, texts in table.groupby(by, sort=True)["text"]}
    corpus: Counter = Counter()
    for counts in by_group.values():
        corpus.update(counts)
    return TermCounts(by_group, corpus)


FURNITURE_ARTICLES = 3  # a sentence written word for word in this many articles is page furniture


def without_furniture(table: pd.DataFrame) -> pd.DataFrame:
    """The table less its page furniture: sentences repeated word for word in FURNITURE_ARTICLES or more articles
    ("By signing up, you agree to our Privacy Policy."), which say how a site is built, not how it frames."""
    if table.empty or "article_id" not in table:
        return table
    articles = table.groupby("text", sort=False)["article_id"].nunique()
    repeated = articles.index[articles >= FURNITURE_ARTICLES]
    return table[~table["text"].isin(repeated)] if len(repeated) else table


def distinctive(table: pd.DataFrame, by: str = "outlet_group", top: int = 20, min_count: int = MIN_COUNT,
                groups: list[str] | None = None, counts: TermCounts | None = None,
                house_style: HouseStyle | None = None) -> pd.DataFrame:
    """For every group (or those in ``groups``) against all the others: its ``top`` terms by z, one row per
    group and term: group, term, count, rest_count, log_odds, z. ``counts``: group_term_counts(table, by), if made.
    ``house_style``: terms it names never rank, and sentences repeated across articles are not counted
    (``without_furniture``; pass ``counts`` made the same way); None: the raw list."""
    if counts is None:
        counts = group_term_counts(without_furniture(table) if house_style is not None else table, by)
    by_group, corpus = counts.by_group, counts.corpus
    frames = []
    for group in groups if groups is not None else list(by_group):
        if group not in by_group:
            continue
        scored = log_odds(by_group[group], None, corpus)
        scored = scored[(scored["count"] >= min_count) & ~scored["term"].isin(STOP_WORDS)]
        if house_style is not None:  # the best-ranked terms first, until ``top`` are not house style
            scored = scored.loc[_listed(scored.sort_values("z", ascending=False, kind="stable"), house_style, top)]
        frames.append(scored.nlargest(top, "z").assign(group=group))
    columns = ["group", "term", "count", "rest_count", "log_odds", "z"]
    return pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)


def _listed(ranked: pd.DataFrame, house_style: HouseStyle, top: int) -> list:
    """The index of the ``top`` first terms of ``ranked`` (best first) that are not house style, each word listed
    once: "the judge" says no more than "judge" or "judge kavanaugh", so a word with a stop word beside it is left out
    where another listed term holds the word; and "yorker", nearly always within "new yorker", is listed as the
    phrase."""
    kept: dict[str, object] = {}  # term -> its index, in rank order
    count = dict(zip(ranked["term"], ranked["count"]))
    for index, term in zip(ranked.index, ranked["term"]):
        if house_style.reason(term) is not None:
            continue
        word, words = _word_beside_a_stop_word(term), term.split()
        if word is not None:
            if any(word in listed.split() for listed in kept if _word_beside_a_stop_word(listed) is None):
                continue
        else:
            if len(words) == 1 and any(_said_by(count, listed, term) for listed in kept if term in listed.split()):
                continue
            for listed in list(kept):
                if _word_beside_a_stop_word(listed) in words or (
                        len(words) == 2 and listed in words and _said_by(count, term, listed)):
                    del kept[listed]
        kept[term] = index
        if len(kept) == top:
            break
    return list(kept.values())


PHRASE_SHARE = 0.8  # a word used at least this share of the time within a listed phrase is listed as the phrase


def _said_by(count: dict[str, int], phrase: str, word: str) -> bool:
    """Whether nearly every use of ``word`` in the group is within ``phrase`` ("yorker" within "new yorker")."""
    return count.get(phrase, 0) >= PHRASE_SHARE * count.get(word, 0)


def _word_beside_a_stop_word(term: str) -> str | None:
    """The other word of a bigram of one stop word and one other word ("judge" of "the judge" or "judge to"), else
    None."""
    words = term.split()
    if len(words) == 2 and (words[0] in STOP_WORDS) != (words[1] in STOP_WORDS):
        return words[1] if words[0] in STOP_WORDS else words[0]
    return None


def _term_words(term: str) -> str:
    """A term's words as a regex: any space between them, either apostrophe."""
    return r"\s+".join(re.escape(w).replace("'", "['’]") for w in term.split())


def term_pattern(term: str) -> re.Pattern[str]:
    """Where a term (as ``terms`` makes it) occurs in a sentence, case-insensitively, as whole words."""
    return re.compile(r"(?<![\w])" + _term_words(term) + r"(?![\w])", re.IGNORECASE)


def containing(table: pd.DataFrame, terms: Iterable[str]) -> pd.DataFrame:
    """The sentences holding any of ``terms`` (as ``terms`` makes them), whole words, any case: a words chart's
    evidence."""
    return table.iloc[holding(table, terms)]


def holding(table: pd.DataFrame, terms: Iterable[str]) -> np.ndarray:
    """The positions in ``table`` of the sentences ``containing`` gives (small enough to keep per pick)."""
    terms = list(dict.fromkeys(terms))
    if not terms or table.empty:
        return np.zeros(0, dtype=np.int64)
    # One pattern for every term: the whole-word edges are tried once, not once per term, and where every term has a
    # word, the first letters are looked at before anything else (the terms' own patterns in one alternation took
    # 2.6 s a pick on 48,000 sentences of real news). The same sentences either way.
    either = rf"(?<!\w)(?:{'|'.join(map(_term_words, terms))})(?!\w)"
    if all(t.split() for t in terms):
        firsts = {t.split()[0][0] for t in terms} | ({"’"} if any(t.split()[0][0] == "'" for t in terms) else set())
        either = rf"(?=[{''.join(map(re.escape, sorted(firsts)))}])" + either
    pattern = re.compile(either, re.IGNORECASE)
    return np.flatnonzero([pattern.search(text) is not None for text in table["text"].to_numpy()])


class QueryError(ValueError):
    """A search that cannot be run (empty, or only wildcards)."""


def query_pattern(query: str) -> re.Pattern[str]:
    """A search for a word or phrase, ``*`` standing for any letters ("sanction*", "north korea*"): whole
    words, any case. A query of wildcards only would match every word and is refused."""
    words = query.split()
    if not words:
        raise QueryError("type a word or phrase")
    if all(set(w) <= {"*"} for w in words):
        raise QueryError(f"“{query}” is only wildcards, which would match every word; add some letters")
    parts = [re.escape(w).replace("'", "['’]").replace(r"\*", r"[\w'’-]*") for w in words]
    return re.compile(r"(?<![\w])" + r"\s+".join(parts) + r"(?![\w])", re.IGNORECASE)
