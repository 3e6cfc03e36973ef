"""Aggregates of the sentence table: per article, per outlet, per outlet × theme and per actor.

Every aggregate carries its n. Means carry 95% percentile-bootstrap confidence intervals (2,000 resamples,
fixed seed so a figure does not change between runs) that resample whole **articles** when the group spans
two or more — sentences of one article are not independent — and the sentences of its one article otherwise.
With fewer than ``MIN_N_FOR_CI`` sentences no interval is given and the row is flagged ``small_sample``.
Intervals cost time, so a caller asks for those it shows (``intervals``).
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from framing.language.term_match import TermMatch
from framing.reading.corpus import Article
from framing.reading.dates import day_of
from framing.scoring.measures import MEASURES, Measure
from framing.statistics.compare import MIN_ARTICLES, label_masks, ratio_of, resampled_ratio, unseen_upper

BOOTSTRAP_RESAMPLES = 2000
MIN_N_FOR_CI = 5
SMALL_SAMPLE = 30  # below this many sentences a group's rates are shown but flagged
CI_METHOD = "resampling articles (sentences, for an outlet of one article)"  # how to say it under a chart
Intervals = bool | Iterable[str]  # True: every mean; False: none; or the columns whose means get one


def bootstrap_ci(values, resamples: int = BOOTSTRAP_RESAMPLES, seed: int = 0) -> tuple[float, float]:
    """95% percentile-bootstrap interval of the mean of independent values (resampled 250 at a time)."""
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    if len(values) < MIN_N_FOR_CI:
        return (float("nan"), float("nan"))
    low, high = np.percentile(resampled_ratio(values, np.ones(len(values)), np.random.default_rng(seed), resamples), [2.5, 97.5])
    return (float(low), float(high))


def mean_ci(group: pd.DataFrame, column: str, seed: int = 0) -> tuple[float, float]:
    """95% interval of a group's mean of ``column``: its articles resampled when there are two or more, the sentences of
    its one article otherwise (none below MIN_N_FOR_CI sentences)."""
    values = group[column].to_numpy(dtype=float)
    if len(values) < MIN_N_FOR_CI:
        return (float("nan"), float("nan"))
    if group["article_id"].nunique() < MIN_ARTICLES:
        return bootstrap_ci(values, seed=seed)
    sums = pd.DataFrame({"article_id": group["article_id"].to_numpy(), "value": values}).groupby("article_id", sort=False)["value"]
    ratios = resampled_ratio(sums.sum().to_numpy(), sums.count().to_numpy(dtype=float), np.random.default_rng(seed),
                             BOOTSTRAP_RESAMPLES)
    low, high = np.nanpercentile(ratios, [2.5, 97.5])
    return (float(low), float(high))


def _wanted(intervals: Intervals, column: str) -> bool:
    return intervals if isinstance(intervals, bool) else column in set(intervals)


def _per_1k(count: float, words: float) -> float:
    return 1000.0 * count / words if words else float("nan")


def summarised_measures(rows: pd.DataFrame | None = None) -> list[Measure]:
    """The declared measures a summary aggregates (those with an aggregate; with ``rows``, those it has a column for)."""
    return [m for m in MEASURES if m.aggregate and (rows is None or m.column in rows)]


def summary_columns() -> list[str]:
    """The measure columns of a summary, in declaration order (for the CLI and exports)."""
    return [c for m in summarised_measures() for c in m.summary_columns]


def summarise(rows: pd.DataFrame, by: str | list[str], intervals: Intervals = True, sort: bool = True) -> pd.DataFrame:
    """One row per group: its n (articles, sentences, words) and every declared measure aggregated as it declares,
    each with a 95% interval: the one summary behind every chart, export and ``summary --by``.

    ``rows`` is the sentence table (one row a sentence) or per-article sums (one row an article with a ``sentences``
    count, as ``framing.statistics.compare.article_sums`` makes them, so the command line keeps a few numbers per
    article). Every value is a ratio of sums: a mean is the sum over sentences / sentences, a rate 1,000 × count /
    words, a share flagged sentences / sentences. Its interval resamples the group's articles (2,000 resamples, seed 0);
    a group of one article resamples its sentences (not possible from per-article sums); none below ``MIN_N_FOR_CI``
    sentences. ``intervals``: which measures (columns) get one (the others get NaN): per article they are shown
    nowhere, and for a file of 400,000 one-line articles they would cost most of the time and memory."""
    keys = [by] if isinstance(by, str) else list(by)
    measures = summarised_measures(rows)
    per_sentence = "sentences" not in rows
    weight = np.ones(len(rows)) if per_sentence else rows["sentences"].to_numpy(dtype=float)
    words = rows["n_words"].to_numpy(dtype=float)
    numerators = np.column_stack([rows[m.column].to_numpy(dtype=float) for m in measures]) if measures \
        else np.zeros((len(rows), 0))
    ratios = [ratio_of(m) for m in measures]  # what each aggregate means as a ratio of sums, said once (compare.py)
    denominators = np.column_stack([weight if r.denominator == "sentences" else rows[r.denominator].to_numpy(dtype=float)
                                    for r in ratios]) if measures else np.zeros((len(rows), 0))
    scale = np.array([r.scale for r in ratios])
    wanted = [j for j, m in enumerate(measures) if _wanted(intervals, m.column)]
    counted = np.array([m.counts_events for m in measures], dtype=bool)
    articles = pd.factorize(rows["article_id"])[0]
    k = len(measures)
    # Values for every group at once (a Python loop per group cost most of the time of a file of 400,000 one-line
    # articles); only the intervals asked for loop over groups.
    frame = pd.DataFrame(np.column_stack([numerators, denominators, weight, words]),
                         columns=[f"n{j}" for j in range(k)] + [f"d{j}" for j in range(k)] + ["_weight", "_words"])
    frame[keys] = rows[keys].to_numpy()
    frame["_article"] = articles
    grouped = frame.groupby(keys, sort=sort)
    sums = grouped[list(frame.columns[:2 * k + 2])].sum()
    num, den = sums.iloc[:, :k].to_numpy(), sums.iloc[:, k:2 * k].to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        values = np.where(den > 0, scale * num / den, np.nan)
    out = sums.index.to_frame(index=False)
    out["n_articles"] = grouped["_article"].nunique().to_numpy()
    out["n_sentences"] = sums["_weight"].to_numpy().astype(int)
    out["n_words"] = sums["_words"].to_numpy().astype(int)
    lows, highs = np.full(values.shape, np.nan), np.full(values.shape, np.nan)
    if wanted:
        position = {key if isinstance(key, tuple) else (key,): i for i, key in enumerate(sums.index)}
        for key, index in grouped.indices.items():  # ``frame`` has ``rows``' order: the same positions
            i = position[key if isinstance(key, tuple) else (key,)]
            if out["n_sentences"].iat[i] < MIN_N_FOR_CI:
                continue
            lows[i, wanted], highs[i, wanted] = _interval(numerators[np.ix_(index, wanted)],
                                                          denominators[np.ix_(index, wanted)], articles[index],
                                                          scale[wanted], per_sentence, counted[wanted])
    for j, m in enumerate(measures):
        if m.aggregate == "per_1k_words":
            out[m.total or m.column] = num[:, j].astype(int)
        value = m.summary_column
        out[value], out[f"{value}_ci_low"], out[f"{value}_ci_high"] = values[:, j], lows[:, j], highs[:, j]
    hedges, boosters = (out.get(c, 0) for c in ("hedges", "boosters"))
    with np.errstate(invalid="ignore", divide="ignore"):  # +1: only hedges, −1: only boosters, 0: as many of each
        out["hedge_booster_balance"] = np.where(hedges + boosters > 0, (hedges - boosters) / (hedges + boosters), np.nan)
    out["small_sample"] = out["n_sentences"] < SMALL_SAMPLE
    columns = keys + ["n_articles", "n_sentences", "n_words"] + [c for m in measures for c in m.summary_columns] \
        + ["hedge_booster_balance", "small_sample"]
    return out[columns]


def ratio_intervals(table: pd.DataFrame, by: str | list[str], numerator: str, denominator: str,
                    scale: float = 1.0) -> pd.DataFrame:
    """Per group, the 95% interval of ``scale`` × sum(numerator) / sum(denominator) over its sentences (columns of
    ``table``, a sentence table), as ``group_intervals`` makes it. Columns: the ``by`` columns, ci_low, ci_high."""
    keys = [by] if isinstance(by, str) else list(by)
    found = group_intervals(table, keys, [numerator], denominator, scale)
    return pd.DataFrame([(*key, float(bounds[0, 0]), float(bounds[0, 1])) for key, bounds in found.items()],
                        columns=keys + ["ci_low", "ci_high"])


def group_intervals(table: pd.DataFrame, by: list[str], numerators: list[str], denominator: str,
                    scale: float = 1.0) -> dict[tuple, np.ndarray]:
    """Per group (its ``by`` values, as a tuple), the 95% interval of ``scale`` × sum(numerator) / sum(denominator) of
    each of ``numerators`` (columns of ``table``, a sentence table; rows: numerators, columns: low, high), all from one
    resampling, as ``summarise`` makes intervals: the group's articles resampled, its sentences when it is one
    article, none under MIN_N_FOR_CI sentences. The numerators count events (a search's hits, flagged sentences): a
    group with none gets ``unseen_upper``."""
    values = table[list(numerators)].to_numpy(dtype=float)
    denominators = table[[denominator]].to_numpy(dtype=float)
    articles = pd.factorize(table["article_id"])[0]
    scale_of = np.full(len(numerators), scale)
    none = np.full((len(numerators), 2), np.nan)
    found = {}
    for key, index in table.groupby(by).indices.items():
        key = key if isinstance(key, tuple) else (key,)
        found[key] = np.column_stack(_interval(values[index], denominators[index], articles[index], scale_of, True, True)) \
            if len(index) >= MIN_N_FOR_CI else none
    return found


def _interval(numerators: np.ndarray, denominators: np.ndarray, articles: np.ndarray, scale: np.ndarray,
              per_sentence: bool, counts: np.ndarray | bool = False) -> tuple[np.ndarray, np.ndarray]:
    """One group's 95% intervals of its ratios (columns): its articles resampled when it has MIN_ARTICLES or more,
    its sentences when it is one article (only from sentence rows), NaN otherwise. ``denominators``: one column per
    numerator, or a single column all of them share (summed once, not once per numerator). ``counts``: the columns
    whose numerators count events (cues, flagged sentences), which get ``unseen_upper`` where the group has none."""
    low, high = _resampled_interval(numerators, denominators, articles, scale, per_sentence)
    return low, unseen_upper(high, numerators.sum(axis=0), denominators.sum(axis=0), scale, counts)


def _resampled_interval(numerators: np.ndarray, denominators: np.ndarray, articles: np.ndarray, scale: np.ndarray,
                        per_sentence: bool) -> tuple[np.ndarray, np.ndarray]:
    nan = np.full(numerators.shape[1], np.nan)
    codes = np.unique(articles, return_inverse=True)[1]
    n_articles = int(codes.max() + 1) if len(codes) else 0
    if n_articles >= MIN_ARTICLES:
        by_article = np.zeros((n_articles, numerators.shape[1])), np.zeros((n_articles, denominators.shape[1]))
        np.add.at(by_article[0], codes, numerators)
        np.add.at(by_article[1], codes, denominators)
        resampled = by_article
    elif per_sentence:
        resampled = numerators, denominators
    else:
        return nan, nan
    ratios = scale * resampled_ratio(*resampled, np.random.default_rng(0), BOOTSTRAP_RESAMPLES)
    return percentile_interval(ratios)


def percentile_interval(ratios: np.ndarray, axis: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The 2.5th and 97.5th percentiles of resampled ratios (resamples along ``axis``: the first, or the last of a 2-D
    array, where each column's resamples are contiguous and sorted twice as fast), ignoring resamples with no
    denominator (nanpercentile is several times slower, so only the columns with one go through it). ``ratios`` is
    sorted in place (each column keeps its values, in another order): a copy of a weekly chart's resamples was
    62 MB of fresh memory a pick, and on this machine touching fresh memory cost more than the percentiles."""
    gaps = np.isnan(ratios)
    valid = ratios.shape[axis] - gaps.sum(axis=axis)
    low, high = sorted_percentiles(ratios, axis)
    some = (valid < ratios.shape[axis]) & (valid > 0)  # a column with no resample at all (a label no article names) stays NaN
    if some.any():
        # sorting put each column's NaNs last: its valid resamples are its first ``valid``
        columns = ratios[:, some].T if axis == 0 else ratios[some]
        low[some], high[some] = _first_percentiles(columns, valid[some])
    low[valid == 0], high[valid == 0] = np.nan, np.nan
    return low, high


def _first_percentiles(rows: np.ndarray, counts: np.ndarray, q: tuple[float, float] = (2.5, 97.5)) -> np.ndarray:
    """Each row's percentiles ``q`` of its first ``counts`` values, sorted: ``np.nanpercentile`` to the last bit for
    a row sorted with its NaNs last (numpy's linear method on the values that are not NaN). numpy goes through such
    rows one by one in Python: a weekly pick of a broad theme at 10,000 articles has a few hundred of them."""
    below, above, gamma = _linear_positions(counts[:, None], q)
    lower = np.take_along_axis(rows, below, axis=1)
    upper = np.take_along_axis(rows, above, axis=1)
    return _interpolated(lower, upper, gamma).T


def sorted_percentiles(values: np.ndarray, axis: int, q: tuple[float, float] = (2.5, 97.5)) -> np.ndarray:
    """``np.percentile(values, q, axis=axis)`` to the last bit for values without NaN (numpy's linear method: its
    virtual index, bounds and interpolation), by sorting ``values`` in place. numpy partitions at six positions per
    column; on this machine sorting 2,000 resamples is about twice as fast (a weekly Over time pick at 10,000 articles
    took its percentiles in 120 ms). A column with a NaN gets a number here, not NaN: the caller decides."""
    values.sort(axis=axis)
    below, above, gamma = _linear_positions(values.shape[axis], q)
    lower = np.moveaxis(np.take(values, below, axis=axis), axis, 0)
    upper = np.moveaxis(np.take(values, above, axis=axis), axis, 0)
    return _interpolated(lower, upper, gamma.reshape(-1, *([1] * (values.ndim - 1))))


def _linear_positions(counts, q: tuple[float, float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where numpy's linear method takes each percentile ``q`` among ``counts`` sorted values (a number, or a column
    of them, one per row): the positions below and above it and the weight of the one above. Past the last value
    both are the last (numpy's -1)."""
    virtual = (np.asarray(counts) - 1) * np.true_divide(np.asarray(q, dtype=float), 100)
    below = np.floor(virtual)
    last_value = np.broadcast_to(np.asarray(counts) - 1, virtual.shape)
    past = virtual >= last_value
    below[past] = last_value[past]
    above = np.where(past, below, below + 1)
    return below.astype(np.intp), above.astype(np.intp), virtual - below


def _interpolated(lower: np.ndarray, upper: np.ndarray, gamma: np.ndarray) -> np.ndarray:
    """numpy's linear interpolation between ``lower`` and ``upper``, as numpy computes it (from the nearer end)."""
    step = upper - lower
    result = np.add(lower, step * gamma)
    np.subtract(upper, step * (1 - gamma), out=result, where=np.broadcast_to(gamma >= 0.5, result.shape))
    return result


ARTICLE_PARTS = ("opening fifth", "second fifth", "middle fifth", "fourth fifth", "closing fifth")


def article_part(position: pd.Series) -> pd.Series:
    """Which fifth of its article each sentence is in (``position``: 0 = first sentence, 1 = last), by name; the opening
    fifth is the lead (framing.scoring.parts.LEAD_POSITION)."""
    index = np.clip((position.to_numpy(dtype=float) * len(ARTICLE_PARTS)).astype(int), 0, len(ARTICLE_PARTS) - 1)
    return pd.Series(np.array(ARTICLE_PARTS, dtype=object)[index], index=position.index, dtype=object)


def through_the_article(table: pd.DataFrame, by: str, intervals: Intervals) -> pd.DataFrame:
    """``summarise`` per group × fifth of the article (``article_part``; a ``part`` column), parts in article order."""
    summary = summarise(table.assign(part=article_part(table["position"])), [by, "part"], intervals)
    order = {name: k for k, name in enumerate(ARTICLE_PARTS)}
    return summary.sort_values([by, "part"], key=lambda c: c.map(order) if c.name == "part" else c, ignore_index=True)


def article_summary(table: pd.DataFrame) -> pd.DataFrame:
    """One row per article, in corpus order, with its metadata: ``summarise`` by article, without intervals (no view
    shows them per article)."""
    meta = table.groupby("article_id", sort=False)[["outlet", "outlet_group", "title", "date"]].first()
    summary = summarise(table, "article_id", intervals=False, sort=False)
    return meta.reset_index().merge(summary, on="article_id", how="left")


def story_coverage(table: pd.DataFrame) -> pd.DataFrame:
    """Which outlets covered which story: one row per story and outlet with its ``articles`` and ``sentences``, and
    the story's ``story_outlets`` (how many outlets have an article on it) and ``story_articles``; the stories the most
    outlets covered first, then the most articles, then by name. Only a story several outlets covered compares them
    on the same events."""
    columns = ["story", "outlet_group", "articles", "sentences", "story_outlets", "story_articles"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    grouped = table.groupby(["story", "outlet_group"], sort=False, observed=True)
    per = grouped["article_id"].nunique().to_frame("articles").assign(sentences=grouped.size()).reset_index()  # a row a sentence
    per["story_outlets"] = per.groupby("story")["outlet_group"].transform("size")
    per["story_articles"] = per.groupby("story")["articles"].transform("sum")
    return per.sort_values(["story_outlets", "story_articles", "story", "outlet_group"],
                           ascending=[False, False, True, True], ignore_index=True)[columns]


def articles_per_outlet(articles: Iterable[Article]) -> pd.DataFrame:
    """How many articles each outlet has, and how many of them have a date, as the articles give them: outlet_group,
    articles, dated, undated; most articles first. Articles that name no outlet are one row, "unknown" (the charts
    keep each apart; this counts what was read)."""
    frame = pd.DataFrame([(a.outlet, day_of(a.date) is not None) for a in articles], columns=["outlet_group", "dated"])
    counts = frame.groupby("outlet_group").agg(articles=("dated", "size"), dated=("dated", "sum")).reset_index()
    counts["undated"] = counts["articles"] - counts["dated"]
    return counts.sort_values(["articles", "outlet_group"], ascending=[False, True], ignore_index=True)


def outlet_summary(table: pd.DataFrame, intervals: Intervals = True) -> pd.DataFrame:
    return summarise(table, "outlet_group", intervals)


def cue_rates_by_category(table: pd.DataFrame, by: str, kind: str = "hedges") -> pd.DataFrame:
    """Per group × cue category (every pair of a group and a category found in any group: a group that never uses
    one has a 0): count, per 1,000 words with its 95% interval (per_1k_words_ci_low, _high: as ``summarise`` makes
    them, none under MIN_N_FOR_CI sentences; a 0 gets the bound for none seen), and share of sentences with that
    category."""
    words = table.groupby(by)["n_words"].sum()
    sentences = table.groupby(by).size()
    cues = table[[by, "sentence_id", kind]].explode(kind).dropna(subset=[kind])
    cues = cues.assign(category=cues[kind].map(lambda c: c["category"]))
    counts = cues.groupby([by, "category"]).agg(count=("sentence_id", "size"), sentences=("sentence_id", "nunique"))
    # every group × every category seen anywhere: a group that never uses one is a 0 with its bound, not a gap
    every = pd.MultiIndex.from_product([sorted(words.index), sorted(counts.index.get_level_values("category").unique())],
                                       names=[by, "category"])
    counts = counts.reindex(every, fill_value=0).reset_index()
    counts["per_1k_words"] = [_per_1k(c, words[g]) for g, c in zip(counts[by], counts["count"])]
    counts["sentence_share"] = [s / sentences[g] for g, s in zip(counts[by], counts["sentences"])]
    counts["n_words"] = counts[by].map(words)
    counts["n_sentences"] = counts[by].map(sentences)
    counts["per_1k_words_ci_low"], counts["per_1k_words_ci_high"] = _category_rate_intervals(table, by, kind, counts)
    return counts


def _category_rate_intervals(table: pd.DataFrame, by: str, kind: str, counts: pd.DataFrame) -> tuple[list, list]:
    """The 95% interval of each row of ``counts`` (a group × a cue category): per 1,000 words, the group's articles
    resampled (its sentences when it is one article), all of a group's categories from the same resamples."""
    categories = sorted(counts["category"].unique())
    column = {c: j for j, c in enumerate(categories)}
    per_sentence = np.zeros((len(table), len(categories)))  # each sentence's cues of each category
    found = table[kind].to_numpy()
    rows = np.repeat(np.arange(len(table)), [len(cues) for cues in found])
    np.add.at(per_sentence, (rows, [column[c["category"]] for cues in found for c in cues]), 1)
    words = table[["n_words"]].to_numpy(dtype=float)  # one column, every category's denominator
    articles = pd.factorize(table["article_id"])[0]
    scale = np.full(len(categories), 1000.0)
    interval = {}
    for group, index in table.groupby(by).indices.items():
        if len(index) >= MIN_N_FOR_CI:
            low, high = _interval(per_sentence[index], words[index], articles[index], scale, True, True)
            interval |= {(group, c): (low[j], high[j]) for c, j in column.items()}
    nan = (float("nan"), float("nan"))
    both = [interval.get((g, c), nan) for g, c in zip(counts[by], counts["category"])]
    return [low for low, _ in both], [high for _, high in both]


def label_summary(table: pd.DataFrame, by: str, label_column: str, intervals: bool = False,
                  voice: bool = True) -> pd.DataFrame:
    """Per group × label (theme, policy frame or actor): attention, placement, tone and hedging, every label at once;
    every pair, a label a group never names as a share of 0 (its interval up to the bound for none seen) and no tone,
    hedging or placement.

    share_of_sentences: sentences naming the label / all sentences of the group, with its 95% interval (share_ci_low,
    share_ci_high: the group's articles resampled, its sentences when it is one article; none under MIN_N_FOR_CI
    sentences).
    lead_weighted_share: the same with sentences near the top weighted more: a weight falling linearly from 1 at the
    top of an article to 0.25 at its end, so a label in the opening counts up to 4× one in the last paragraph.
    first_mention_position: earliest relative position (0 = first sentence) in any article of the group (with many
    articles nearly always 0: some article opens with it);
    mean_first_mention_position: its mean over the group's articles that name the label, with its 95% interval
    (first_ci_low, first_ci_high: those articles resampled; none when fewer than MIN_ARTICLES name it).
    quoted_share: the share of the sentences naming the label that are quoted (in whose voice the label comes), with
    its 95% interval (quoted_ci_low, quoted_ci_high: resampled as share_of_sentences; none under MIN_N_FOR_CI
    sentences naming it).
    ``intervals``: a 95% interval for the mean tone of each group × label (no chart shows one; off by default).
    ``voice``: False leaves quoted_ci_low and quoted_ci_high empty (the actor summary charts no voice; a fifth of its
    time on the dev corpus).
    """
    labels = sorted({label for names in table[label_column] for label in names})
    columns = [by, "label", "n_sentences", "group_sentences", "share_of_sentences", "lead_weighted_share",
               "first_mention_position", "mean_first_mention_position", "hedged_sentence_share", "quoted_share",
               "small_sample", "mean_tone", "tone_ci_low", "tone_ci_high", "share_ci_low", "share_ci_high",
               "first_ci_low", "first_ci_high", "quoted_ci_low", "quoted_ci_high"]
    if not labels or table.empty:
        return pd.DataFrame(columns=columns)
    masks = label_masks(table[label_column], labels)
    position = table["position"].to_numpy(dtype=float)
    weights = 1.0 - 0.75 * position
    tone, hedged, quoted = (table[c].to_numpy(dtype=float) for c in ("tone", "hedged", "quoted"))
    articles = pd.factorize(table["article_id"])[0]
    rows = []
    for group_key, index in table.groupby(by, sort=True).indices.items():
        named = masks[index]  # (group's sentences × every label, those it never names too: a 0 with its bound)
        counts = named.sum(axis=0)
        share = counts / len(index)
        lead = (weights[index, None] * named).sum(axis=0) / weights[index].sum()
        with np.errstate(invalid="ignore", divide="ignore"):  # a label never named: no tone, no hedging, no position
            hedged_share, quoted_share, mean_tone = ((values[index, None] * named).sum(axis=0) / counts
                                                     for values in (hedged, quoted, tone))
            first = pd.DataFrame(np.where(named, position[index, None], np.inf)).groupby(articles[index]).min().to_numpy()
            earliest = first.min(axis=0)
            earliest[~np.isfinite(earliest)] = np.nan
            mean_first = np.where(np.isfinite(first), first, 0.0).sum(axis=0) / np.isfinite(first).sum(axis=0)
        share_low, share_high = _share_interval(named, articles[index])
        first_low, first_high = _mean_first_interval(first)
        quoted_low, quoted_high = _quoted_interval(named, quoted[index], articles[index]) if voice else (
            np.full(len(labels), np.nan), np.full(len(labels), np.nan))
        for k, label in enumerate(labels):
            low, high = mean_ci(table.iloc[index[named[:, k]]], "tone") if intervals else (float("nan"), float("nan"))
            rows.append({by: group_key, "label": label, "n_sentences": int(counts[k]), "group_sentences": len(index),
                         "share_of_sentences": float(share[k]), "lead_weighted_share": float(lead[k]),
                         "first_mention_position": float(earliest[k]), "mean_first_mention_position": float(mean_first[k]),
                         "hedged_sentence_share": float(hedged_share[k]), "quoted_share": float(quoted_share[k]),
                         "small_sample": int(counts[k]) < MIN_N_FOR_CI, "mean_tone": float(mean_tone[k]),
                         "tone_ci_low": low, "tone_ci_high": high, "share_ci_low": float(share_low[k]),
                         "share_ci_high": float(share_high[k]), "first_ci_low": float(first_low[k]),
                         "first_ci_high": float(first_high[k]), "quoted_ci_low": float(quoted_low[k]),
                         "quoted_ci_high": float(quoted_high[k])})
    return pd.DataFrame(rows, columns=columns)


def _mean_first_interval(first: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """95% intervals of the mean first-mention position of each label over the articles naming it (``first``:
    articles × labels, inf where an article does not name it), the articles resampled; none where fewer than
    MIN_ARTICLES articles name it."""
    named = np.isfinite(first)
    low, high = _interval(np.where(named, first, 0.0), named.astype(float), np.arange(len(first)),
                          np.ones(first.shape[1]), False)
    few = named.sum(axis=0) < MIN_ARTICLES
    low[few], high[few] = np.nan, np.nan
    return low, high


def _quoted_interval(named: np.ndarray, quoted: np.ndarray, articles: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """95% intervals of the share of the sentences naming each label that are quoted (``named``: sentences × labels;
    ``quoted``: 1 for a quoted sentence), the group's articles resampled (its sentences when it is one article); none
    where fewer than MIN_N_FOR_CI sentences name the label."""
    denominators = named.astype(float)
    low, high = _interval(denominators * quoted[:, None], denominators, articles, np.ones(named.shape[1]), True, True)
    few = named.sum(axis=0) < MIN_N_FOR_CI
    low[few], high[few] = np.nan, np.nan
    return low, high


def _share_interval(named: np.ndarray, articles: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """95% intervals of the share of a group's sentences naming each label (``named``: sentences × labels), every
    label from the same resamples of the group's articles (of its sentences when it is one article)."""
    labels = named.shape[1]
    if len(named) < MIN_N_FOR_CI or not labels:
        return np.full(labels, np.nan), np.full(labels, np.nan)
    return _interval(named.astype(float), np.ones((len(named), 1)), articles, np.ones(labels), True, True)


def actor_mentions(table: pd.DataFrame, by: str) -> pd.DataFrame:
    """Per group × actor: number of mentions (every alias occurrence), plus label_summary's columns."""
    summary = label_summary(table, by, "actors", voice=False)
    if summary.empty:
        return summary
    mentions = table[[by, "actor_matches"]].explode("actor_matches").dropna()
    mentions = mentions.assign(label=mentions["actor_matches"].map(lambda m: TermMatch(*m).label)).groupby([by, "label"]).size()
    summary["mentions"] = [int(mentions.get((g, a), 0)) for g, a in zip(summary[by], summary["label"])]
    return summary


def speaker_counts(table: pd.DataFrame, by: str) -> pd.DataFrame:
    named = table[table["speaker"] != ""]
    return named.groupby([by, "speaker"]).agg(sentences=("sentence_id", "size"), quoted=("quoted", "sum")).reset_index()


def speaker_shares(table: pd.DataFrame, by: str, speakers: list[str]) -> pd.DataFrame:
    """Per group × speaker (every pair, none left out for naming them nowhere): the sentences naming them as speaker,
    how many of those are direct quotes, the group's sentences, and the share of them naming the speaker with its 95%
    interval (share_ci_low, share_ci_high: as every share's, the group's articles resampled, all speakers from the same
    resamples; a speaker a group never names gets the bound for none seen). Groups sorted, speakers in the given order."""
    columns = [by, "speaker", "sentences", "quoted", "group_sentences", "share", "share_ci_low", "share_ci_high"]
    if table.empty or not speakers:
        return pd.DataFrame(columns=columns)
    flags = [f"_speaker_{j}" for j in range(len(speakers))]
    said = table["speaker"].to_numpy()
    framed = pd.DataFrame({by: table[by].to_numpy(), "article_id": table["article_id"].to_numpy(), "_sentence": 1.0,
                           **{f: (said == name).astype(float) for f, name in zip(flags, speakers)}})
    quotes = table["quoted"].to_numpy(dtype=float)
    sums = framed.assign(**{f"{f}_quoted": framed[f] * quotes for f in flags}).groupby(by, sort=True).sum(numeric_only=True)
    bounds = group_intervals(framed, [by], flags, "_sentence")
    rows = []
    for group, totals in zip(sums.index, sums.to_dict("records")):
        for flag, name, (low, high) in zip(flags, speakers, bounds[(group,)]):
            rows.append((group, name, int(totals[flag]), int(totals[f"{flag}_quoted"]), int(totals["_sentence"]),
                         totals[flag] / totals["_sentence"], float(low), float(high)))
    return pd.DataFrame(rows, columns=columns)


def outlet_theme_summary(table: pd.DataFrame, theme_column: str = "themes") -> pd.DataFrame:
    """summarise() for every outlet × theme: the sentences of that outlet that name that theme."""
    exploded = table.explode(theme_column).dropna(subset=[theme_column]).rename(columns={theme_column: "theme"})
    return summarise(exploded, ["outlet_group", "theme"])


LOW_FIT = 0.10  # a list whose terms are in fewer of the corpus's sentences than this says so where it is picked


def list_fit(table: pd.DataFrame, label_column: str) -> float:
    """A list's fit to the loaded corpus: the share of its sentences where the list finds anything (a theme set's
    column, or "actors"); 0 for an empty table or a column the table lacks."""
    if table.empty or label_column not in table:
        return 0.0
    return float(table[label_column].map(bool).mean())
