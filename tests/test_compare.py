"""One outlet against the rest: article-bootstrap differences and distinctive words, on toy corpora with known answers."""
import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from framing.statistics import compare
from framing.statistics.compare import (
    CLEAR,
    SMALL,
    TONE,
    UNCLEAR,
    Ratio,
    article_sums,
    difference,
    label_counts,
    label_versus_rest,
    one_versus_rest,
    paired,
)
from framing.statistics.distinctive import distinctive, log_odds, term_pattern, terms


def toy(outlets):
    """outlets: {outlet: [[tone of each sentence] for each article]} → a sentence table."""
    rows = []
    for outlet, articles in outlets.items():
        for a, tones in enumerate(articles):
            for s, tone in enumerate(tones):
                rows.append({"article_id": f"{outlet}-{a}", "outlet_group": outlet, "tone": tone, "n_words": 10,
                             "hedge_count": 1 if tone > 0 else 0, "position": s / max(len(tones) - 1, 1),
                             "themes": ["Sanctions"] if tone < 0 else []})
    return pd.DataFrame(rows)


def test_a_clear_difference_has_the_known_value_and_an_interval_away_from_zero():
    table = toy({"A": [[0.5] * 5] * 4, "B": [[0.0] * 5] * 4})
    (row,) = one_versus_rest(table, [TONE], ["A"]).to_dict(orient="records")
    assert row["difference"] == pytest.approx(0.5) and row["ci_low"] == pytest.approx(0.5) and row["verdict"] == CLEAR
    assert (row["n_articles"], row["rest_articles"], row["n_sentences"]) == (4, 4, 20)


def test_an_outlet_that_never_hedged_is_not_clearly_below_a_rest_that_hedges_rarely():
    # A: 150 words, no hedge; B: one hedge per 100 words in every article. Resampled, A is 0 every time, so the
    # difference read as −10 per 1,000 words, exactly; but a rate of 10 gives no hedge in 150 words one time in five.
    hedges = compare.ratio_of(compare.measure("hedge_count"))
    assert hedges.counts and not TONE.counts
    table = toy({"A": [[0.0] * 5] * 3, "B": [[0.5] + [0.0] * 9] * 3})
    (row,) = one_versus_rest(table, [hedges], ["A"]).to_dict(orient="records")
    bound = 1000 * (1 - 0.025 ** (1 / 150))  # A's upper end for none seen in its 150 words: 24.3 per 1,000
    assert row["difference"] == pytest.approx(-10) and row["ci_low"] == pytest.approx(-10)
    assert row["ci_high"] == pytest.approx(bound - 10) and row["verdict"] == UNCLEAR
    # against a rest that hedges in every sentence (100 per 1,000), the same 150 words without one is clearly below
    (row,) = one_versus_rest(toy({"A": [[0.0] * 5] * 3, "B": [[0.5] * 10] * 3}), [hedges], ["A"]).to_dict(orient="records")
    assert row["ci_high"] == pytest.approx(bound - 100) and row["verdict"] == CLEAR
    # and seen from B, the same bound on the other side
    (row,) = one_versus_rest(table, [hedges], ["B"]).to_dict(orient="records")
    assert row["ci_low"] == pytest.approx(10 - bound) and row["verdict"] == UNCLEAR


def test_intervals_resample_articles_not_sentences():
    # Each article is uniform inside but articles differ: 3 articles of 50 sentences per outlet, same mix in both.
    articles = [[-1.0] * 50, [0.0] * 50, [1.0] * 50]
    table = toy({"A": articles, "B": articles})
    (row,) = one_versus_rest(table, [TONE], ["A"]).to_dict(orient="records")
    assert row["difference"] == pytest.approx(0.0) and row["verdict"] == UNCLEAR
    # With only 3 independent articles a side the interval is wide; 150 "independent" sentences would give ±0.2.
    assert row["ci_high"] - row["ci_low"] > 1.0


def test_one_article_is_a_small_sample_with_no_interval():
    table = toy({"A": [[0.9, 0.8, 0.7, 0.9, 0.8]], "B": [[0.0] * 5] * 3})
    (row,) = one_versus_rest(table, [TONE], ["A"]).to_dict(orient="records")
    assert row["verdict"] == SMALL and math.isnan(row["ci_low"])


def test_rates_are_ratios_of_sums_so_long_articles_weigh_more():
    table = toy({"A": [[1.0] * 9 + [-1.0], [-1.0]], "B": [[-1.0] * 5] * 2})
    rate = Ratio("hedges_per_1k_words", "Epistemic hedges", "hedge_count", "n_words", 1000.0)
    sums = article_sums(table, ["hedge_count", "n_words"])
    row = difference(sums[sums["outlet_group"] == "A"], sums[sums["outlet_group"] == "B"], rate)
    assert row["value"] == pytest.approx(1000 * 9 / 110)  # 9 hedges in 11 sentences of 10 words, not the mean of 90% and 0%
    assert row["rest_value"] == 0


def test_attention_and_lead_position_against_the_rest():
    # A names Sanctions in the first sentence of each article, B in the last (negative tone marks the theme here).
    table = toy({"A": [[-1.0, 1.0, 1.0, 1.0]] * 3, "B": [[1.0, 1.0, 1.0, -1.0]] * 3})
    (row,) = label_versus_rest(table, "themes", ["Sanctions"], "A").to_dict(orient="records")
    assert row["share_difference"] == pytest.approx(0.0)  # one sentence in four on both sides
    assert row["first_mention"] == 0.0 and row["rest_first_mention"] == 1.0 and row["lead_difference"] == -1.0
    assert row["lead_verdict"] == CLEAR



def test_attention_counted_once_gives_every_outlet_the_same_figures():
    """The app counts theme mentions once per corpus and reuses them for every pick: same rows as counting afresh."""
    table = toy({"A": [[-1.0, 1.0, 1.0, 1.0]] * 3, "B": [[1.0, 1.0, -1.0, 1.0]] * 4, "C": [[1.0, 1.0, 1.0, -1.0]] * 3})
    counts = label_counts(table, "themes", ["Sanctions"])
    for outlet in "ABC":
        fresh = label_versus_rest(table, "themes", ["Sanctions"], outlet)
        pd.testing.assert_frame_equal(label_versus_rest(table, "themes", ["Sanctions"], outlet, counts=counts), fresh)
    assert list(fresh["rest_articles"]) == [7]

def test_log_odds_with_informative_prior_matches_a_hand_computation():
    group, rest = Counter({"x": 3, "y": 1}), Counter({"x": 1, "y": 3})
    scored = log_odds(group, rest, group + rest, prior_weight=8.0).set_index("term")
    # α_x = 8 × 4/8 = 4; n_i = n_j = 4; δ_x = log(7 / (4 + 8 − 3 − 4)) − log(5 / (4 + 8 − 1 − 4)) = 2 log(7/5)
    assert scored.loc["x", "log_odds"] == pytest.approx(2 * math.log(7 / 5))
    assert scored.loc["x", "z"] == pytest.approx(2 * math.log(7 / 5) / math.sqrt(1 / 7 + 1 / 5))
    assert scored.loc["y", "log_odds"] == pytest.approx(-2 * math.log(7 / 5))
    # The prior shrinks: with a weaker prior the same counts give a larger log-odds.
    weak = log_odds(group, rest, group + rest, prior_weight=0.8).set_index("term")
    assert weak.loc["x", "log_odds"] > scored.loc["x", "log_odds"]
    # Without ``rest``, the rest is the prior minus the group: the same figures.
    pd.testing.assert_frame_equal(log_odds(group, None, group + rest, prior_weight=8.0).set_index("term"), scored)


def test_distinctive_words_need_only_the_sentences_and_match_the_scored_table(bundled, lexicons):
    """distinctive reads the words alone (no tone, cues or voice), from the very sentences the analysis has."""
    from framing.scoring.table import sentence_table, words_table

    words, scored = words_table(bundled), sentence_table(bundled, lexicons)
    assert list(words["text"]) == list(scored["text"]) and list(words["story"]) == list(scored["story"])
    for by in ("outlet_group", "story"):
        pd.testing.assert_frame_equal(distinctive(words, by=by), distinctive(scored, by=by))


def test_distinctive_terms_per_outlet_keep_stop_words_out_of_the_list():
    table = pd.DataFrame({"outlet_group": ["A"] * 4 + ["B"] * 4, "text": [
        "The sanctions regime tightened again.", "Sanctions regime critics spoke.", "The sanctions regime held.",
        "Sanctions regime talks stalled.", "The summit went well.", "Summit talks went well.", "The summit ended.",
        "A summit was held."]})
    top = distinctive(table, top=3, min_count=2)
    assert set(top[top["group"] == "A"]["term"]) == {"sanctions", "regime", "sanctions regime"}
    assert list(top[top["group"] == "B"]["term"])[0] == "summit"
    assert (top["z"] > 0).all() and not set(top["term"]) & {"the", "a", "was"}
    assert {"group", "term", "count", "rest_count", "log_odds", "z"} == set(top.columns)


def test_terms_and_their_spans():
    assert terms("Kim’s 2024 visit, the visit") == ["kim's", "visit", "the", "visit", "kim's visit", "visit the", "the visit"]
    text = "The Sanctions regime, and sanctions-regime talk."
    assert [m.group() for m in term_pattern("sanctions regime").finditer(text)] == ["Sanctions regime"]


def test_paired_differences_on_shared_stories_only():
    rows = []
    # A is 0.2 more negative than B on stories s1..s4; s5 only A covered (left out).
    for story, (a, b) in {"s1": (-0.3, -0.1), "s2": (0.0, 0.2), "s3": (0.1, 0.3), "s4": (-0.5, -0.3), "s5": (0.9, None)}.items():
        for outlet, tone in (("A", a), ("B", b)):
            if tone is not None:
                rows += [{"article_id": f"{outlet}{story}", "outlet_group": outlet, "story": story, "tone": tone, "n_words": 5}] * 3
    summary, per_story = paired(pd.DataFrame(rows), "A", "B")
    assert summary["stories"] == 4 and summary["first_lower"] == 4
    assert summary["mean_difference"] == pytest.approx(-0.2) and summary["ci_high"] == pytest.approx(-0.2)
    assert summary["verdict"] == CLEAR and set(per_story["story"]) == {"s1", "s2", "s3", "s4"}


def test_stories_stated_or_grouped_by_shared_rare_names_and_dates():
    from framing.reading.corpus import article_from_text
    from framing.reading.stories import AUTO, group

    def article(i, text, date="unknown", story=""):
        a = article_from_text(f"Title {i}\n\n{text}", "t", article_id=f"x{i}")
        a.date, a.story = date, story
        return a

    summit = "Leaders met at the Vostochny Cosmodrome, where Sergei Shoigu joined them. Analysts in Seoul and Washington watched."
    vote = "Lawmakers in Washington debated the Farm Bill as Chuck Grassley pressed the Senate Agriculture Committee."
    articles = [article(1, summit, "2023-09-13"), article(2, "Reporters saw the Vostochny Cosmodrome. " + summit, "2023-09-14"),
                article(3, vote, "2023-09-13"), article(4, summit, "2024-06-19"), article(5, vote, story="farm-bill")]
    stories = group(articles)
    assert stories["x1"] == stories["x2"] and stories["x1"].startswith(AUTO)  # shared rare names, dates a day apart
    assert stories["x3"] != stories["x1"]  # other names
    assert stories["x4"] != stories["x1"]  # the same names nine months later: another event
    assert stories["x5"] == "farm-bill"  # a stated story is kept as stated


def test_an_automatic_storys_label_names_its_event_not_a_title_a_date_or_a_cut_name():
    """Overview's coverage chart and Story's picker show automatic stories by their shared names. The name pattern
    reads "Republican Sen." (before "Joe Manchin"), "Jan." (of "Jan. 6") and "Mitch Mc" (of "Mitch McConnell") as
    names; a label shows "Republican", the event's names, and never "Jan" or "Mc"."""
    from framing.reading.corpus import article_from_text
    from framing.reading.stories import AUTO, group

    text = ("Senators spoke on Jan. 6, and Republican Sen. Pat Toomey on Jan. 7, while Leader Mitch McConnell waited; "
            "then Leader Mitch McConnell voted, and Republican Sen. Ted Cruz left on Jan. 8 as Leader Mitch McConnell "
            "said no to Manchin-Toomey.")
    articles = []
    for i in (1, 2):
        a = article_from_text(f"Title {i}\n\n{text}", "t", article_id=f"y{i}")
        a.date = "2013-04-11"
        articles.append(a)
    articles.append(article_from_text("Title 3\n\nA quiet day in Paris for the Louvre and its curators.", "t",
                                      article_id="y3"))
    stories = group(articles)
    label = stories["y1"]
    assert stories["y2"] == label and label.startswith(AUTO) and label.endswith("(2013-04-11)")
    names = label[len(AUTO):].rsplit(" (", 1)[0].split(", ")
    assert len(names) == 2 and all(n and n[0].isupper() for n in names)
    assert not {"Jan", "Sen", "Mc"} & {w for n in names for w in n.split()}, label


def test_articles_sharing_only_names_every_article_gives_are_not_grouped_and_do_not_fail():
    from framing.reading.corpus import article_from_text
    from framing.reading.stories import group

    # Every article names "Ann Lee" (so the name says nothing): it was a division by zero when uploaded.
    articles = [article_from_text(f"T{i}\n\nTalks went on as Senator Ann Lee spoke again.", "t", article_id=f"y{i}")
                for i in range(4)]
    assert len(set(group(articles).values())) == 4


def test_bundled_corpus_groups_the_vostochny_summit_articles():
    from framing.reading.corpus import load_bundled
    from framing.reading.stories import group

    stories = group(load_bundled())
    assert stories["a001"] == stories["a003"] == stories["a004"]  # the September 2023 summit at Vostochny
    assert stories["a000"] != stories["a001"] and stories["a002"] != stories["a001"]


def test_search_queries_with_wildcards_and_their_spans():
    from framing.statistics.distinctive import QueryError, query_pattern

    text = "Troops and troop numbers; the troopship sailed, not Troop’s."
    assert [m.group() for m in query_pattern("troop").finditer(text)] == ["troop", "Troop"]  # a possessive is the word
    assert [m.group() for m in query_pattern("troop*").finditer(text)] == ["Troops", "troop", "troopship", "Troop’s"]
    assert [(m.start(), m.end()) for m in query_pattern("troop numbers").finditer(text)] == [(11, 24)]
    for bad in ("*", " ** * ", ""):
        with pytest.raises(QueryError):
            query_pattern(bad)


def test_actors_found_in_the_text_merge_aliases_and_skip_listed_ones(lexicons):
    from framing.language.actors import found_in_text

    table = pd.DataFrame({
        "text": ["Sen. Marco Rubio said the vote would fail.", "“It is over,” Rubio said.", "The Kremlin said nothing.",
                 "Foreign Minister Penny Wong met Jenny Town."],
        "speaker": ["Marco Rubio", "Rubio", "Kremlin", ""], "article_id": ["a", "a", "b", "b"],
        "outlet_group": ["X", "X", "Y", "Y"]})
    found = found_in_text(table, lexicons).set_index("name")
    assert "Rubio" not in found.index and found.loc["Marco Rubio", "as_speaker"] == 2
    assert found.loc["Marco Rubio", "aliases"] == "Marco Rubio|Rubio"  # added to the actor list together
    assert found.loc["Marco Rubio", "mentions"] >= 3  # named with a title once, as a speaker twice
    assert "Kremlin" not in found.index  # the actor list has it (→ Russia)
    assert {"Penny Wong", "Jenny Town"} <= set(found.index) and "Foreign Minister" not in found.index


def test_house_style_never_ranks_but_framing_words_do():
    """An outlet's own name, its titles, state tags, page furniture and tokenising leftovers say how it writes, not
    how it frames: they are left out of its distinctive words, unless the raw list is asked for."""
    from framing.statistics.distinctive import HouseStyle

    planet = ["Daily Planet reports Mr. Lee (R-Calif.) called the raid illegal. Hide caption",
              "Mr. Lee told the Daily Planet's reporter the raid was illegal and the U.S. must act.",
              "Sen. Lee said the illegal raid shamed the U.S., Daily Planet has learned. Click here."] * 3
    ledger = ["Officials said the operation followed the law.", "The operation, officials said, was lawful.",
              "Officials defended the lawful operation on Tuesday."] * 3
    table = pd.DataFrame({"outlet_group": ["Daily Planet"] * 9 + ["Ledger"] * 9, "text": planet + ledger})
    style = HouseStyle.of(["Daily Planet", "Ledger"], ["https://www.dailyplanet.com/a/1"], ["Lois Lane"])
    kept = set(distinctive(table, top=30, min_count=2, house_style=style).query("group == 'Daily Planet'")["term"])
    raw = set(distinctive(table, top=30, min_count=2).query("group == 'Daily Planet'")["term"])
    assert {"illegal", "raid"} <= kept and {"mr", "daily planet", "hide", "caption", "calif", "u", "s"} & raw
    for term in ["mr", "sen", "mr lee", "daily", "planet", "daily planet", "planet's", "hide caption", "click", "calif",
                 "r calif", "u", "u s", "ledger"]:
        assert term not in kept
        assert style.reason(term), term
    assert style.reason("dailyplanet") and style.reason("lois") and style.reason("told the ledger")
    assert style.reason("illegal raid") is None and style.reason("washington") is None


def test_a_sentence_repeated_word_for_word_in_several_articles_is_furniture_and_its_words_never_rank():
    from framing.statistics.distinctive import FURNITURE_ARTICLES, HouseStyle

    furniture = "By signing up, you agree to our Privacy Policy."
    rows = [("Monitor", f"m{i}", text) for i in range(FURNITURE_ARTICLES)
            for text in (furniture, f"Tariffs on steel rose in round {i}.", "Tariffs hurt steel towns.")]
    rows += [("Ledger", f"l{i}", text) for i in range(FURNITURE_ARTICLES)
             for text in (f"Officials defended the budget in round {i}.", "The budget passed.")]
    table = pd.DataFrame(rows, columns=["outlet_group", "article_id", "text"])
    style = HouseStyle.of(["Monitor", "Ledger"])
    kept = set(distinctive(table, top=30, min_count=2, house_style=style).query("group == 'Monitor'")["term"])
    raw = set(distinctive(table, top=30, min_count=2).query("group == 'Monitor'")["term"])
    assert {"privacy", "signing"} <= raw and not {"privacy", "signing", "agree"} & kept
    assert "tariffs" in kept and {"steel", "steel rose"} & kept  # its one use left is "steel rose": listed so


def test_a_byline_word_the_articles_also_write_in_lower_case_is_a_word_not_a_name():
    from framing.reading.corpus import article_from_text
    from framing.statistics.distinctive import HouseStyle

    article = article_from_text("Ruling\n\nThe court ruled on Monday, and the supreme judges agreed.", "t",
                                author="Joan Biskupic, Legal Analyst, Supreme Court Biographer", outlet="Ledger")
    style = HouseStyle.of_articles([article])
    assert style.reason("court") is None and style.reason("supreme court") is None
    assert style.reason("biskupic") and style.reason("joan biskupic")


@pytest.mark.parametrize("n", [1, 7, 150, 1_500])  # one draw; 250 resamples at a time; too big to keep
def test_a_time_charts_intervals_are_those_of_a_fresh_bootstrap_of_each_group_however_often_asked(n):
    # Groups of the same size share their draws (kept per process); each must still be a fresh default_rng(0).
    rng = np.random.default_rng(n)
    numerator, denominator = rng.normal(size=(n, 2)), rng.integers(1, 30, size=(n, 2)).astype(float)
    expected = compare.resampled_ratio(numerator, denominator, np.random.default_rng(0), 2000)
    for _ in range(2):
        assert np.array_equal(compare.FreshResampler(0, 2000).ratio(numerator, denominator), expected, equal_nan=True)


@pytest.mark.parametrize("n", [1, 7, 150, 1_500])
def test_groups_of_one_size_resampled_together_get_each_groups_own_fresh_bootstrap(n):
    # A weekly chart resamples its outlet-weeks of one size with one product; each is still its own fresh bootstrap.
    rng = np.random.default_rng(n)
    matrices = [np.column_stack([rng.normal(size=(n, 2)), rng.integers(0, 30, size=(n, 2))]).astype(float) for _ in range(5)]
    together = compare.FreshResampler(0, 2000).stacked_ratios(matrices)
    assert together.shape == (5, 2, 2000) and all(a.flags.c_contiguous for a in together[:, 0])
    for group, matrix in zip(together, matrices):
        alone = compare.resampled_ratio(matrix[:, :2], matrix[:, 2:], np.random.default_rng(0), 2000)
        # BLAS may sum a wider product in another order: relative to the figures (about 1e-2), not to a ratio near 0
        # (once, under CI, -3.84125632083e-07 against ...081e-07: 2e-18 apart, 6e-12 of it)
        np.testing.assert_allclose(group.T, alone, rtol=1e-12, atol=1e-15)


def test_the_tense_of_attribution_is_house_style_and_the_words_chosen_for_the_same_people_are_not():
    """One outlet writes "says", the other "said" (AP style): that is how each writes. "Undocumented" against
    "illegal" is how each frames the same people, and it still ranks."""
    from framing.statistics.distinctive import HouseStyle

    monitor = ["Undocumented immigrants crossed the river, the sheriff says.", "Undocumented families wait, she says.",
               "Lawyers for undocumented workers object, he says."] * 3
    herald = ["Illegal immigrants crossed the river, the sheriff said.", "Illegal aliens wait, she said.",
              "Lawyers for illegal workers objected, he said."] * 3
    table = pd.DataFrame({"outlet_group": ["Monitor"] * 9 + ["Herald"] * 9, "text": monitor + herald})
    ranked = distinctive(table, top=30, min_count=2, house_style=HouseStyle.of(["Monitor", "Herald"]))
    words = {group: set(rows["term"]) for group, rows in ranked.groupby("group")}
    assert "undocumented" in words["Monitor"] and "illegal" in words["Herald"]
    assert not {"says", "she says", "he says", "said", "she said", "he said"} & (words["Monitor"] | words["Herald"])
    raw = set(distinctive(table, top=30, min_count=2)["term"])
    assert {"says", "said"} <= raw  # the raw list still has them


def test_a_word_and_the_same_word_beside_a_stop_word_are_listed_once():
    """Real news: the Monitor's list read "the university", "university of", "professor at", "a professor"; Story's
    for the Kavanaugh hearing "the judge" beside "judge", and "new yorker" beside "yorker". The word is listed once,
    and the rows go to other words."""
    from framing.statistics.distinctive import HouseStyle

    monitor = ["The judge spoke to the university.", "A professor of the university asked the judge.",
               "The judge left the university early.", "The coal plant closed.", "The New Yorker reported it."] * 3
    herald = ["The senator spoke to the voters.", "A voter asked the senator.", "The senator left early.",
              "Voters went home."] * 3
    table = pd.DataFrame({"outlet_group": ["Monitor"] * 15 + ["Herald"] * 12, "text": monitor + herald})
    kept = list(distinctive(table, top=30, min_count=2, house_style=HouseStyle.of(["Monitor", "Herald"]))
                .query("group == 'Monitor'")["term"])
    assert {"judge", "university", "coal plant", "new yorker"} <= set(kept)
    # and a word nearly always within a listed phrase is listed as the phrase: "yorker" only in "new yorker"
    assert not {"the judge", "the university", "a professor", "professor of", "yorker", "coal"} & set(kept)
    raw = set(distinctive(table, top=30, min_count=2).query("group == 'Monitor'")["term"])
    assert {"the judge", "the university"} <= raw  # the raw list keeps every form
