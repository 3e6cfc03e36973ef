"""Themes found in the corpus itself: topics of its paragraphs, each a list of terms, usable as a theme set.

The shipped theme sets were written for other corpora (the bundled articles; the Policy Frames Codebook). A
researcher's own news has its own subjects, so the corpus's paragraphs are read as TF-IDF vectors of words and
word pairs and factorised with scikit-learn's NMF. A found theme is the terms that weigh most in one factor (each
term in the factor it weighs most in, so the themes share no term), labelled by its first three terms. As a theme
set it is a plain list like any other: a sentence is on a theme when it contains one of its terms, the list can
be edited, renamed, downloaded and uploaded in the Lexicons view.

The same articles give the same themes whatever their order or ids: paragraphs are factorised in the order of their
text, the factorisation starts from an SVD (``nndsvda``) rather than a random draw, and ties are broken by the term.
House style (outlet names, bylines, titles, page furniture: ``HouseStyle``) and the words every news story uses
("said", "year") are never terms.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from framing.language.lexicon import FOUND_THEME_SET
from framing.reading.corpus import Article
from framing.statistics.distinctive import STOP_WORDS, HouseStyle, tokens

THEME_SET = FOUND_THEME_SET  # its name in the themes list (framing.language.lexicon.THEME_SETS gives its label)
TERMS_PER_THEME = 12
MIN_THEMES, MAX_THEMES = 3, 12
ARTICLES_PER_THEME = 40  # themes = √(articles / 4), 3 to 12 (chosen on the dev corpus; see training/evaluate.py)
MAX_PARAGRAPHS = 6000  # a larger corpus is read through an even sample of its paragraphs (in text order): ~1.5 s
MIN_PARAGRAPH_WORDS = 8  # shorter paragraphs (captions, bylines, "Read more") say little about a subject
# A term in more paragraphs than this share, or than one theme's share (1 / themes) if larger, is no one subject's
# ("president", "state"): 0.1 over 0.25 raised agreement with the dev corpus's topics (NMI 0.47 to 0.55).
MAX_DOCUMENT_SHARE = 0.1
# Words every news story uses, whatever it is about: reporting verbs and time words. Not stop words elsewhere
# ("said" can be distinctive of an outlet's style), but never what a theme is about.
NEWS_WORDS = frozenset([
    "said", "says", "say", "saying", "told", "tell", "according", "added", "asked", "reported", "report", "reports",
    "reporter", "reporters", "statement", "interview", "year", "years", "week", "weeks", "month", "months", "day",
    "days", "time", "times", "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "percent", "just", "like", "going", "get", "got", "think", "know", "want",
    "make", "made", "way", "lot", "things", "thing", "don", "didn", "doesn", "isn", "wasn", "new", "one", "two",
    "three", "first", "last", "many", "much", "well", "even", "still", "back", "now", "people", "according"
])
# English function words beyond STOP_WORDS (scikit-learn's list, less the words a subject can be: "fire", "bill").
_FUNCTION_WORDS = frozenset([
    "about", "above", "across", "again", "already", "although", "always", "am", "among", "another", "anyone",
    "anything", "around", "because", "become", "becomes", "behind", "being", "below", "beside", "besides", "beyond",
    "cannot", "could", "did", "done", "during", "either", "else", "enough", "ever", "every", "everyone",
    "everything", "except", "few", "former", "hence", "however", "i'm", "it's", "he's", "she's", "that's",
    "there's", "they're", "we're", "you're", "i've", "we've", "they've", "whether", "while", "whose", "yet",
    "least", "less", "meanwhile", "might", "must", "neither", "never", "nevertheless", "none", "nor", "nothing",
    "often", "once", "onto", "others", "otherwise", "ours", "ourselves", "perhaps", "rather", "several", "since",
    "so", "some", "somehow", "someone", "something", "sometime", "sometimes", "somewhere", "though", "thus",
    "together", "toward", "towards", "under", "until", "upon", "us", "whatever", "whenever", "whereas", "wherever",
    "whither", "whoever", "whole", "will", "within", "would", "yourself", "also", "can", "mr", "ms", "mrs"
])


def theme_count(n_articles: int) -> int:
    """How many themes to look for in a corpus of ``n_articles``: √(n / 4), between MIN_THEMES and MAX_THEMES."""
    return max(MIN_THEMES, min(MAX_THEMES, round(math.sqrt(n_articles / 4))))


def _paragraphs(articles: list[Article]) -> list[str]:
    """The paragraphs a theme is found in: long enough to be about something, and not repeated in another article
    (a paragraph in several articles is page furniture: a newsletter offer, a reprint notice)."""
    owners: dict[str, set[str]] = {}
    for article in articles:
        for block in article.blocks:
            if block.kind == "paragraph" and len(block.text.split()) >= MIN_PARAGRAPH_WORDS:
                owners.setdefault(block.text, set()).add(article.article_id)
    texts = sorted(text for text, ids in owners.items() if len(ids) == 1)  # in the order of their text, not the input's
    step = len(texts) / MAX_PARAGRAPHS
    return [texts[int(i * step)] for i in range(MAX_PARAGRAPHS)] if step > 1 else texts


def themes_from_text(articles: Iterable[Article], n_themes: int | None = None,
                     terms_per_theme: int = TERMS_PER_THEME) -> pd.DataFrame:
    """The corpus's own themes: one row per theme with ``theme`` (its first three terms, "health · insurance ·
    care"), ``terms`` ("|"-separated, the strongest first) and ``paragraphs`` (how many paragraphs have it as
    their strongest theme). Empty when the corpus is too small to factorise (fewer paragraphs than twice the
    themes, or too few repeated words)."""
    from sklearn.decomposition import NMF  # imported here: ~1 s, and only an upload needs it
    from sklearn.feature_extraction.text import TfidfVectorizer

    articles = list(articles)
    n_themes = n_themes or theme_count(len(articles))
    texts = _paragraphs(articles)
    columns = ["theme", "terms", "paragraphs"]
    if len(texts) < 2 * n_themes:
        return pd.DataFrame(columns=columns)
    style = HouseStyle.of_articles(articles)
    unwanted = STOP_WORDS | NEWS_WORDS | _FUNCTION_WORDS

    kept: dict[str, bool] = {}  # word -> may be a term (asked once per word: news repeats its words)

    def may_be_term(word: str) -> bool:
        if word not in kept:
            kept[word] = len(word) > 2 and "'" not in word and word not in unwanted and style.reason(word) is None
        return kept[word]

    def analyse(text: str) -> list[str]:
        words = [w for w in (t.removesuffix("'s") for t in tokens(text)) if may_be_term(w)]  # "obama's" is Obama
        return words + [f"{a} {b}" for a, b in zip(words, words[1:])]

    vectoriser = TfidfVectorizer(analyzer=analyse, min_df=max(3, len(texts) // 1000), max_df=max(MAX_DOCUMENT_SHARE, 1 / n_themes),
                                 sublinear_tf=True, dtype=np.float64)
    try:
        matrix = vectoriser.fit_transform(texts)
    except ValueError:  # no term left after the limits: too small a corpus
        return pd.DataFrame(columns=columns)
    if matrix.shape[1] < n_themes * 2:
        return pd.DataFrame(columns=columns)
    model = NMF(n_components=n_themes, init="nndsvda", max_iter=400, random_state=0)
    weights = model.fit_transform(matrix)
    vocabulary = vectoriser.get_feature_names_out()
    components = model.components_
    home = components.argmax(axis=0)  # each term belongs to the theme it weighs most in
    strongest = np.bincount(weights.argmax(axis=1)[weights.max(axis=1) > 0], minlength=n_themes)
    rows = []
    for k in range(n_themes):
        order = sorted(np.flatnonzero((home == k) & (components[k] > 0)), key=lambda i: (-components[k, i], vocabulary[i]))
        chosen = _without_repeats([str(vocabulary[i]) for i in order], terms_per_theme)
        if chosen:
            rows.append({"theme": " · ".join(chosen[:3]), "terms": "|".join(chosen), "paragraphs": int(strongest[k])})
    frame = pd.DataFrame(rows, columns=columns)
    frame["theme"] = _unique(list(frame["theme"]))
    return frame.sort_values(["paragraphs", "theme"], ascending=[False, True]).reset_index(drop=True)


def _without_repeats(terms: list[str], limit: int) -> list[str]:
    """The first ``limit`` terms, a word pair left out when both its words are already terms ("health care" after
    "health" and "care" adds nothing to what a sentence matches)."""
    kept: list[str] = []
    for term in terms:
        words = term.split()
        if len(words) == 2 and all(w in kept for w in words):
            continue
        kept.append(term)
        if len(kept) == limit:
            break
    return kept


def _unique(labels: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def theme_lexicon(found: pd.DataFrame) -> pd.DataFrame:
    """Themes list rows (theme_set, theme, term, source) from ``themes_from_text``'s table: the "found" theme set."""
    return pd.DataFrame([{"theme_set": THEME_SET, "theme": r.theme, "term": term, "source": "found in the text (NMF)"}
                         for r in found.itertuples() for term in r.terms.split("|")],
                        columns=["theme_set", "theme", "term", "source"])
