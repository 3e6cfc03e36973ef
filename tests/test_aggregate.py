"""Aggregates: rates per 1,000 words, shares, balance, bootstrap intervals, small samples."""
import math
import warnings

import numpy as np
import pandas as pd
import pytest

from framing.statistics.aggregate import (
    MIN_N_FOR_CI,
    actor_mentions,
    article_summary,
    bootstrap_ci,
    cue_rates_by_category,
    label_summary,
    outlet_summary,
    percentile_interval,
    sorted_percentiles,
    story_coverage,
)


def test_bootstrap_ci_brackets_the_mean_and_needs_n():
    values = np.linspace(-1, 1, 50)
    low, high = bootstrap_ci(values)
    assert low < values.mean() < high
    assert all(math.isnan(v) for v in bootstrap_ci([0.1, 0.2]))


def test_intervals_are_numpys_percentiles_to_the_last_bit_whichever_axis_holds_the_resamples():
    """Every interval's ends are numpy's linear percentiles, found by sorting instead of numpy's partition: a chart,
    its CSV and the command line must give the same digits as before and as each other."""
    rng = np.random.default_rng(7)
    for trial in range(200):
        n, columns, axis = int(rng.integers(1, 2500)) if trial % 4 else int(rng.integers(1, 6)), int(rng.integers(1, 30)), trial % 2
        shape = (n, columns) if axis == 0 else (columns, n)
        # continuous values, and ratios of small counts, which tie often
        values = rng.normal(size=shape) * 100 if trial % 3 else rng.integers(0, 7, shape) / rng.integers(1, 9, shape)
        expected = np.percentile(values, [2.5, 97.5], axis=axis)
        found = sorted_percentiles(values.copy(), axis)
        assert np.array_equal(found, expected), (shape, axis)
    # resamples with no denominator are left out of their column's interval; a column with none at all has none
    ratios = rng.normal(size=(2000, 3))
    ratios[:100, 1], ratios[:, 2] = np.nan, np.nan
    low, high = percentile_interval(ratios.copy())
    assert (low[0], high[0]) == tuple(np.percentile(ratios[:, 0], [2.5, 97.5]))
    assert (low[1], high[1]) == tuple(np.percentile(ratios[100:, 1], [2.5, 97.5]))
    assert np.isnan(low[2]) and np.isnan(high[2])
    # many columns, each missing some resamples (a weekly pick's small outlet-weeks): numpy's nanpercentile, bit for bit
    for axis in (0, 1):
        for trial in range(30):
            n, columns = int(rng.integers(1, 2500)), int(rng.integers(1, 40))
            shape = (n, columns) if axis == 0 else (columns, n)
            ratios = rng.normal(size=shape) if trial % 2 else rng.integers(0, 7, shape) / rng.integers(1, 9, shape)
            ratios[rng.random(shape) < rng.random()] = np.nan
            with np.errstate(invalid="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # numpy warns of the all-NaN columns
                expected = np.nanpercentile(ratios, [2.5, 97.5], axis=axis)
            assert np.array_equal(np.array(percentile_interval(ratios.copy(), axis)), expected, equal_nan=True), (shape, axis)


def test_article_summary_matches_hand_counts(table):
    summary = article_summary(table).set_index("article_id")
    a000 = table[table["article_id"] == "a000"]
    hedges = sum(len(h) for h in a000["hedges"])
    boosters = sum(len(b) for b in a000["boosters"])
    words = a000["n_words"].sum()
    row = summary.loc["a000"]
    assert row["n_sentences"] == 36
    assert row["hedges_per_1k_words"] == 1000 * hedges / words
    assert row["hedge_booster_balance"] == (hedges - boosters) / (hedges + boosters)
    # No per-article intervals: no view shows them, and they cost most of a 400,000-article file's memory.
    assert math.isnan(row["mean_tone_ci_low"]) and math.isnan(row["mean_tone_ci_high"])
    outlet = outlet_summary(table).set_index("outlet_group").loc["PRIO Blogs"]
    assert outlet["mean_tone_ci_low"] <= outlet["mean_tone"] <= outlet["mean_tone_ci_high"]


def test_outlets_and_categories(table):
    outlets = outlet_summary(table)
    assert len(outlets) == 5 and outlets["n_sentences"].sum() == len(table)
    rates = cue_rates_by_category(table, "outlet_group", "approximators")
    prio = rates[(rates["outlet_group"] == "PRIO Blogs") & (rates["category"] == "approximator")].iloc[0]
    # a000 approximators, checked by hand: more than 60, about 19, around half, some 1,500, around 10,000, hundreds of
    assert prio["count"] == 6


def test_each_cue_categorys_rate_has_an_interval_around_it_and_a_tiny_outlet_none(table):
    rates = cue_rates_by_category(table, "outlet_group", "hedges")
    assert rates["per_1k_words_ci_low"].notna().all()  # every outlet of the bundled corpus has 30+ sentences
    # every outlet × every category: one that an outlet never uses is a 0 with an upper end above it, not a gap
    assert len(rates) == rates["outlet_group"].nunique() * rates["category"].nunique()
    never = rates[rates["count"] == 0]
    assert len(never) and (never["per_1k_words"] == 0).all() and (never["per_1k_words_ci_high"] > 0).all()
    assert (rates["per_1k_words_ci_low"] <= rates["per_1k_words"]).all()
    assert (rates["per_1k_words"] <= rates["per_1k_words_ci_high"]).all()
    # An outlet of one article resamples its sentences: a rate read from one article is not certain.
    one = rates[rates["outlet_group"] == "PRIO Blogs"]
    assert (one["per_1k_words_ci_high"] > one["per_1k_words_ci_low"]).any()
    tiny = table[table["outlet_group"] == "PRIO Blogs"].head(4)  # under MIN_N_FOR_CI sentences: no interval
    hedged = cue_rates_by_category(pd.concat([tiny, table[table["outlet_group"] != "PRIO Blogs"]]), "outlet_group", "hedges")
    tiny_rates = hedged[hedged["outlet_group"] == "PRIO Blogs"]
    assert len(tiny_rates) and tiny_rates["per_1k_words_ci_low"].isna().all()


def test_theme_and_actor_summaries(table):
    themes = label_summary(table, "outlet_group", "themes")
    assert {"share_of_sentences", "lead_weighted_share", "first_mention_position", "mean_tone"} <= set(themes.columns)
    assert themes["share_of_sentences"].between(0, 1).all()
    # each share with its interval around it (every outlet of the bundled corpus has 30+ sentences)
    assert (themes["share_ci_low"] <= themes["share_of_sentences"]).all()
    assert (themes["share_of_sentences"] <= themes["share_ci_high"]).all()
    assert (themes["share_ci_high"] > themes["share_ci_low"]).any()
    # every outlet × theme: one an outlet never names is a 0 with an upper end above it, and no placement or tone
    assert len(themes) == themes["outlet_group"].nunique() * themes["label"].nunique()
    never = themes[themes["n_sentences"] == 0]
    assert len(never) and (never["share_of_sentences"] == 0).all() and (never["share_ci_high"] > 0).all()
    assert never["mean_first_mention_position"].isna().all() and never["mean_tone"].isna().all()
    actors = actor_mentions(table, "outlet_group")
    prio_russia = actors[(actors["outlet_group"] == "PRIO Blogs") & (actors["label"] == "Russia")].iloc[0]
    assert prio_russia["mentions"] >= prio_russia["n_sentences"] > 0
    assert prio_russia["first_mention_position"] <= 0.03  # "Even in Russia, …" is the second sentence


def test_how_early_a_label_comes_is_a_mean_over_articles_with_its_interval(table):
    # The earliest mention in any article is nearly always 0 once an outlet has many articles; the mean over the
    # articles naming a label is what the chart shows, with an interval where at least two articles name it.
    one_outlet = table.assign(outlet_group="All five")
    themes = label_summary(one_outlet, "outlet_group", "themes")
    per_article = one_outlet.explode("themes").dropna(subset=["themes"]).groupby(["themes", "article_id"])["position"].min()
    means = per_article.groupby(level="themes").mean()
    articles = per_article.groupby(level="themes").size()
    for row in themes.itertuples():
        assert row.mean_first_mention_position == pytest.approx(means[row.label])
        if articles[row.label] >= 2:
            assert row.first_ci_low <= row.mean_first_mention_position <= row.first_ci_high
        else:
            assert math.isnan(row.first_ci_low)
    assert (articles >= 2).any() and (themes["first_ci_high"] > themes["first_ci_low"]).any()


def test_in_whose_voice_a_label_comes_is_the_quoted_share_of_its_sentences_with_its_interval(table):
    # Emphasis's "in whose voice": of the sentences naming a theme, the share quoted (the rest in the outlet's own
    # voice), each with an interval from the same articles resampled; none where under MIN_N_FOR_CI sentences name it.
    themes = label_summary(table, "outlet_group", "themes")
    named = table.explode("themes").dropna(subset=["themes"])
    quoted = named.groupby(["outlet_group", "themes"])["quoted"].mean()
    counted = themes[themes["n_sentences"] > 0]
    assert len(counted) == len(quoted)
    for row in counted.itertuples():
        assert row.quoted_share == pytest.approx(quoted[(row.outlet_group, row.label)])
        if row.n_sentences < MIN_N_FOR_CI:
            assert math.isnan(row.quoted_ci_low) and math.isnan(row.quoted_ci_high)
        else:
            assert row.quoted_ci_low <= row.quoted_share <= row.quoted_ci_high
    wide = counted[counted["n_sentences"] >= MIN_N_FOR_CI]
    assert (wide["quoted_ci_high"] > wide["quoted_ci_low"]).any()
    # a theme an outlet names but never quotes: 0, with an upper end above it (unseen is not never)
    unquoted = wide[wide["quoted_share"] == 0]
    assert (unquoted["quoted_ci_high"] > 0).all()


def test_small_samples_carry_their_n():
    tiny = pd.DataFrame({
        "article_id": ["x"] * 3, "outlet_group": ["o"] * 3, "outlet": ["o"] * 3, "title": ["t"] * 3, "date": ["d"] * 3,
        "n_words": [10, 10, 10], "hedge_count": [1, 0, 0], "booster_count": [0, 0, 0], "hedged": [True, False, False],
        "boosted": [False] * 3, "quoted": [False] * 3, "polarity": [0.1, 0.2, 0.3], "subjectivity": [0.5] * 3,
        "tone": [0.1, 0.2, 0.3], "uncertainty": [0.9, 0.1, 0.2], "uncertain": [True, False, False],
    })
    row = outlet_summary(tiny).iloc[0]
    assert row["n_sentences"] == 3 and row["small_sample"]
    assert math.isnan(row["mean_tone_ci_low"])
    assert row["hedges_per_1k_words"] == 1000 / 30
    assert row["uncertain_sentence_share"] == 1 / 3 and row["mean_uncertainty"] == pytest.approx(0.4)


def test_outlet_by_theme_has_every_measure(table):
    from framing.statistics.aggregate import outlet_theme_summary

    summary = outlet_theme_summary(table).set_index(["outlet_group", "theme"])
    china = table[(table["outlet_group"] == "PRIO Blogs") & table["themes"].map(lambda t: "China's role" in t)]
    row = summary.loc[("PRIO Blogs", "China's role")]
    assert row["n_sentences"] == len(china) and row["n_words"] == china["n_words"].sum()
    assert {"mean_polarity", "mean_subjectivity_ci_low", "mean_tone_ci_high", "hedges_per_1k_words", "quoted_share"} <= set(summary.columns)


def test_an_outlet_that_never_quotes_or_boosts_is_not_read_as_certainly_never(table):
    """Resampling a group with none gives 0 to 0; its upper end is the exact 95% bound for none seen in its n."""
    never = table["outlet_group"] == "PRIO Blogs"
    silent = table.assign(booster_count=table["booster_count"].where(~never, 0),
                          quoted=table["quoted"].where(~never, False))
    outlets = outlet_summary(silent).set_index("outlet_group")
    prio = outlets.loc["PRIO Blogs"]
    words, sentences = prio["n_words"], prio["n_sentences"]
    assert prio["boosters_per_1k_words"] == 0 and prio["boosters_per_1k_words_ci_low"] == 0
    assert prio["boosters_per_1k_words_ci_high"] == pytest.approx(1000 * (1 - 0.025 ** (1 / words)))
    assert prio["quoted_share"] == 0 and prio["quoted_share_ci_high"] == pytest.approx(1 - 0.025 ** (1 / sentences))
    assert 0.5 < prio["quoted_share_ci_high"] * sentences < 3.7  # about 3.7 / n: rare, not never
    # where a cue is seen, the interval is the resampled one, as before, and a mean (tone) is never bounded this way
    seen = outlets.drop(index="PRIO Blogs")
    assert (seen["boosters_per_1k_words_ci_low"] <= seen["boosters_per_1k_words"]).all()
    assert (seen["boosters_per_1k_words"] <= seen["boosters_per_1k_words_ci_high"]).all()
    flat = outlet_summary(silent.assign(tone=0.0)).set_index("outlet_group").loc["PRIO Blogs"]
    assert flat["mean_tone_ci_low"] == flat["mean_tone_ci_high"] == 0


def test_speaker_shares_give_every_outlet_each_speakers_share_of_its_sentences(table):
    from framing.statistics.aggregate import speaker_shares

    named = table.loc[table["speaker"] != "", "speaker"].value_counts()
    speakers = list(named.index[:3])
    shares = speaker_shares(table, "outlet_group", speakers)
    outlets = sorted(table["outlet_group"].unique())
    assert len(shares) == len(outlets) * 3  # every outlet × speaker, the outlets that never name one included
    for row in shares.itertuples():
        mine = table[table["outlet_group"] == row.outlet_group]
        said = mine["speaker"] == row.speaker
        assert (row.sentences, row.quoted, row.group_sentences) == (said.sum(), (said & mine["quoted"]).sum(), len(mine))
        assert row.share == pytest.approx(said.mean())
        if not np.isnan(row.share_ci_low):
            assert row.share_ci_low <= row.share <= row.share_ci_high
            if row.sentences == 0:  # never named by this outlet: rare, not never
                assert row.share_ci_high == pytest.approx(1 - 0.025 ** (1 / len(mine)))
    assert (shares["sentences"] == 0).any()


def test_tone_through_the_article_is_each_fifths_mean_with_its_interval(table):
    from framing.statistics.aggregate import ARTICLE_PARTS, article_part, through_the_article
    from framing.statistics.filters import apply

    parts = through_the_article(table, "outlet_group", intervals=["tone"])
    assert list(parts.loc[parts["outlet_group"] == "PRIO Blogs", "part"]) == list(ARTICLE_PARTS)  # in article order
    for row in parts.itertuples():
        mine = table[(table["outlet_group"] == row.outlet_group) & (article_part(table["position"]) == row.part)]
        assert row.n_sentences == len(mine) and row.mean_tone == pytest.approx(mine["tone"].mean())
        # a click on the point brings those very sentences
        clicked = apply(table, {"outlet_group": row.outlet_group, "part": row.part})
        assert set(clicked["sentence_id"]) == set(mine["sentence_id"])
    first = table.sort_values("position").groupby("article_id").head(1)  # each article's first sentence: the lead
    assert (article_part(first["position"]) == "opening fifth").all()
    assert (article_part(pd.Series([1.0, 0.999, 0.8, 0.2, 0.0])) ==
            ["closing fifth", "closing fifth", "closing fifth", "second fifth", "opening fifth"]).all()
    shown = parts.dropna(subset=["mean_tone_ci_low"])
    assert len(shown) and ((shown["mean_tone_ci_low"] <= shown["mean_tone"]) & (shown["mean_tone"] <= shown["mean_tone_ci_high"])).all()


def test_story_coverage_counts_each_outlets_articles_and_puts_shared_stories_first():
    """Overview's coverage chart: per story and outlet its articles and sentences; a story more outlets covered comes
    first, whatever its size (a story one outlet covered compares nothing on the same events)."""
    rows = [("big", "A", "a1"), ("big", "A", "a1"), ("big", "A", "a2"), ("big", "A", "a3"), ("big", "A", "a4"),
            ("shared", "A", "a5"), ("shared", "B", "b1"), ("shared", "B", "b1"), ("shared", "C", "c1"),
            ("pair", "B", "b2"), ("pair", "C", "c2")]
    table = pd.DataFrame(rows, columns=["story", "outlet_group", "article_id"]).assign(
        sentence_id=lambda t: [f"s{i}" for i in range(len(t))])
    coverage = story_coverage(table)
    assert list(coverage["story"].drop_duplicates()) == ["shared", "pair", "big"]
    by = coverage.set_index(["story", "outlet_group"])
    assert by.loc[("big", "A"), "articles"] == 4 and by.loc[("big", "A"), "sentences"] == 5
    assert by.loc[("shared", "B"), "articles"] == 1 and by.loc[("shared", "B"), "sentences"] == 2
    assert by.loc[("shared", "A"), "story_outlets"] == 3 and by.loc[("shared", "A"), "story_articles"] == 3
    assert story_coverage(table.iloc[:0]).empty
