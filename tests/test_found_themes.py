"""Themes found in the corpus itself, the fit of a list to the corpus, and renaming a theme."""
from __future__ import annotations

import random

import pandas as pd
import pytest

from framing.language.lexicon import Lexicons
from framing.reading.corpus import article_from_text
from framing.statistics.aggregate import list_fit
from framing.statistics.found_themes import THEME_SET, theme_count, theme_lexicon, themes_from_text

SUBJECTS = {
    "health": "insurance premiums hospital patients medicaid coverage doctors clinic prescription deductible",
    "guns": "rifle firearms shooting ammunition background checks handgun magazine shooter permit",
    "border": "migrants asylum deportation border wall caravan visa refugees detention smuggling",
}
FILLER = ["officials", "lawmakers", "voters", "congress", "committee", "agency", "plan", "debate"]
OUTLETS = ["Gazette", "Herald", "Courier"]


def make_articles(n_per_subject: int = 8, seed: int = 0):
    """Articles each about one subject, every paragraph a few of its words among general words and the outlet's name."""
    rng = random.Random(seed)
    articles = []
    for subject, words in SUBJECTS.items():
        vocabulary = words.split()
        for i in range(n_per_subject):
            outlet = OUTLETS[i % 3]
            paragraphs = []
            for _ in range(6):
                picked = rng.sample(vocabulary, 5) + rng.sample(FILLER, 3) + [outlet]
                rng.shuffle(picked)
                paragraphs.append(" ".join(picked).capitalize() + " were discussed today, reporters said.")
            text = f"{subject.title()} story {i}\n\n" + "\n\n".join(paragraphs)
            articles.append(article_from_text(text, "test", article_id=f"{subject}{i:02d}", outlet=outlet))
    return articles


@pytest.fixture(scope="module")
def articles():
    return make_articles()


@pytest.fixture(scope="module")
def found(articles):
    return themes_from_text(articles, n_themes=3)


def test_each_subject_of_the_corpus_is_found_as_one_theme_of_its_own_words(found):
    assert len(found) == 3
    for terms in found["terms"]:
        words = {w for term in terms.split("|") for w in term.split()}
        homes = {s for s, vocabulary in SUBJECTS.items() if words & set(vocabulary.split())}
        assert len(homes) == 1, terms  # a theme's terms come from one subject only
    assert all(label == " · ".join(terms.split("|")[:3]) for label, terms in zip(found["theme"], found["terms"]))


def test_the_same_articles_in_another_order_give_the_same_themes(articles, found):
    shuffled = list(articles)
    random.Random(1).shuffle(shuffled)
    pd.testing.assert_frame_equal(themes_from_text(shuffled, n_themes=3), found)


def test_outlet_names_and_reporting_words_are_never_terms_of_a_theme(found):
    terms = {w for t in found["terms"] for term in t.split("|") for w in term.split()}
    assert not terms & {"gazette", "herald", "courier", "said", "reporters", "today"}


def test_found_themes_are_a_theme_set_that_the_lexicons_match(articles, found):
    rows = theme_lexicon(found)
    assert set(rows["theme_set"]) == {THEME_SET} and len(rows) == sum(len(t.split("|")) for t in found["terms"])
    lexicons = Lexicons.load()
    lexicons = lexicons.with_table("themes", pd.concat([lexicons.themes, rows], ignore_index=True))
    assert THEME_SET in lexicons.theme_sets
    health = next(theme for theme, terms in zip(found["theme"], found["terms"]) if "insurance" in terms.split("|"))
    matcher = lexicons.theme_matchers[THEME_SET]
    assert {m.label for m in matcher.find("Insurance premiums rose.")} == {health}
    assert health not in {m.label for m in matcher.find("The rifle was sold without a background check.")}


def test_a_corpus_too_small_to_factorise_has_no_found_themes():
    tiny = [article_from_text("Title\n\nA short paragraph about health insurance premiums and doctors today.", "t")]
    assert themes_from_text(tiny).empty


def test_the_number_of_themes_grows_with_the_corpus_within_bounds():
    assert theme_count(5) == 3 and theme_count(300) == 9 and theme_count(100_000) == 12


def test_a_lists_fit_is_the_share_of_sentences_where_it_finds_something():
    table = pd.DataFrame({"themes": [("Economy",), (), ("Health", "Economy"), ()]})
    assert list_fit(table, "themes") == 0.5
    assert list_fit(table, "missing") == 0.0 and list_fit(table.iloc[:0], "themes") == 0.0


def test_a_theme_is_renamed_in_its_own_set_only_and_keeps_its_terms():
    lexicons = Lexicons.load()
    themes = lexicons.themes
    theme_set, theme = themes.iloc[0]["theme_set"], themes.iloc[0]["theme"]
    terms = set(themes.loc[(themes["theme_set"] == theme_set) & (themes["theme"] == theme), "term"])
    renamed = lexicons.with_label_renamed("themes", theme, "My name", theme_set).themes
    assert set(renamed.loc[renamed["theme"] == "My name", "term"]) == terms
    assert theme not in set(renamed.loc[renamed["theme_set"] == theme_set, "theme"])
    with pytest.raises(ValueError, match="empty"):
        lexicons.with_label_renamed("themes", theme, "  ", theme_set)
    with pytest.raises(ValueError, match="no theme named"):
        lexicons.with_label_renamed("themes", "No such theme", "x")


def test_the_themes_command_lists_the_same_themes_whatever_the_row_order(tmp_path):
    import csv
    import subprocess
    import sys

    from conftest import ROOT

    rows = [("\n\n".join(b.text for b in a.blocks), a.outlet) for a in make_articles()]
    outputs = []
    for order in (rows, list(reversed(rows))):
        path = tmp_path / "news.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows([("text", "outlet"), *order])
        done = subprocess.run([sys.executable, "-m", "framing", "themes", str(path), "--themes", "3"],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    lines = outputs[0].splitlines()
    assert lines[0] == "theme,terms,paragraphs" and len(lines) == 4
    assert outputs[0] == outputs[1]
