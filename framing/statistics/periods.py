"""Time: which week, month or quarter an article falls in, and each outlet's figures period by period.

A week is labelled by its Monday ("2024-06-17"), a month by its year and month ("2024-06"), a quarter by its year and
number ("2024-Q2": April to June). An article's date is the
date the outlet gave it (framing.reading.dates); articles without one are in no period: time charts leave them out
and say how many, and a period filter (framing.reading.dates.Period) leaves them out too.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from framing.reading.dates import Period, day_of
from framing.scoring.measures import MEASURES
from framing.statistics.aggregate import BOOTSTRAP_RESAMPLES, MIN_N_FOR_CI, SMALL_SAMPLE, percentile_interval, unseen_upper
from framing.statistics.compare import MIN_ARTICLES, FreshResampler, ratio_of

UNITS = ("week", "month", "quarter")
WEEKS_UP_TO = 26 * 7  # a corpus spanning at most this many days is shown by week,
MONTHS_UP_TO = 3 * 365  # one of up to three years by month (most outlet-months of a longer one hold a handful of
# articles, so their points are mostly hollow and their intervals wide), a longer one by quarter
# A time chart is offered by a unit only when its dates span at most MOST_PERIODS of its periods (150 weeks, about
# three years, or 150 months) and its articles fall in at most MOST_DRAWN outlet-periods; quarters are always offered.
# More periods stand under 3 px apart on a 1280 px screen, too close to read or click one by one. The browser's cost
# follows what it draws, a point, a line's vertex and an interval's per outlet-period with articles, and past about
# 700 a pick redrew in about 1 s or more at 10,000 articles (#24, theme picks' p95: 891 outlet-months, 0.96-1.03 s;
# 891 outlet-weeks, 0.91-1.26 s; 1,287 outlet-weeks, 1.16-1.24 s; 693, 0.82-0.91 s; 444, 0.77-0.88 s).
MOST_PERIODS = 150
MOST_DRAWN = 700


def label(day: date, unit: str) -> str:
    if unit == "week":
        return (day - timedelta(days=day.weekday())).isoformat()
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    raise ValueError(f"unit must be one of {UNITS}")


def start(period: str, unit: str) -> date:
    """The first day of a period label."""
    if unit == "week":
        return date.fromisoformat(period)
    if unit == "quarter":
        year, quarter = period.split("-Q")
        if quarter not in ("1", "2", "3", "4"):
            raise ValueError(f"not a quarter: {period!r}")
        return date(int(year), 3 * int(quarter) - 2, 1)
    return date.fromisoformat(f"{period}-01")


def end(period: str, unit: str) -> date:
    """The last day of a period label."""
    first = start(period, unit)
    if unit == "week":
        return first + timedelta(days=6)
    months = 3 if unit == "quarter" else 1
    after = first.month - 1 + months  # months from January to the month after the period
    return date(first.year + after // 12, after % 12 + 1, 1) - timedelta(days=1)


def labels_between(first: date, last: date, unit: str) -> list[str]:
    """Every period label from the one holding ``first`` to the one holding ``last``, in order."""
    out, day = [], start(label(first, unit), unit)
    while day <= last:
        out.append(label(day, unit))
        day = end(label(day, unit), unit) + timedelta(days=1)
    return out


def how_many(first: date, last: date, unit: str) -> int:
    """How many periods of ``unit`` the days from ``first`` to ``last`` fall in."""
    return len(labels_between(first, last, unit))


def unit_of_label(text: str) -> str:
    return "quarter" if "-Q" in text else "week" if len(text) == 10 else "month"


def period_of_label(text: str) -> Period | None:
    """The days of a week, month or quarter label, or None for anything else."""
    unit = unit_of_label(text)
    try:
        return Period(start(text, unit).isoformat(), end(text, unit).isoformat())
    except ValueError:
        return None


def _per_distinct(dates: pd.Series, read, dtype) -> np.ndarray:
    """``read(value)`` for each row's date, called once per distinct date."""
    codes, distinct = pd.factorize(dates, use_na_sentinel=False)
    return np.array([read(value) for value in distinct], dtype=dtype)[codes]


def periods_of(dates: pd.Series, unit: str) -> pd.Series:
    """Each row's period label ("" for a row without a date), computed once per distinct date."""
    labels = _per_distinct(dates, lambda value: label(day, unit) if (day := day_of(value)) else "", object)
    return pd.Series(labels, index=dates.index, name=dates.name, dtype=object)


PASSAGE_ORDER = ["date", "article_id", "position"]  # time charts' passages: oldest first, then as the article runs


def is_dated(dates: pd.Series) -> np.ndarray:
    """Whether each row has a date (and so a period of every unit), read once per distinct date."""
    return _per_distinct(dates, lambda value: day_of(value) is not None, bool)


def oldest_first(table: pd.DataFrame) -> np.ndarray:
    """The positions of ``table``'s dated rows, sorted by PASSAGE_ORDER, ties kept in table order (the same for
    weeks, months and quarters)."""
    dated = table[PASSAGE_ORDER].reset_index(drop=True)[is_dated(table["date"])]
    return dated.sort_values(PASSAGE_ORDER, kind="stable").index.to_numpy()


def oldest_first_within(order: np.ndarray, picked: np.ndarray) -> np.ndarray:
    """``oldest_first`` for the rows ``picked`` (one bool per row of the table), from the table's ``order``: the
    positions in the table of the picked dated rows, oldest first, found without sorting them again."""
    return order if picked.all() else order[picked[order]]


def span(dates: pd.Series) -> tuple[date, date] | None:
    """The first and last date among ``dates``, or None when none is a date."""
    days = [d for value in pd.unique(dates) if (d := day_of(value))]
    return (min(days), max(days)) if days else None


def default_unit(table: pd.DataFrame, sizes: list[ChartSize] | None = None) -> str:
    """Weeks for a corpus of up to half a year, months for one of up to three years, quarters for a longer one, or
    the next longer unit its chart is offered by (``units_offered``; ``sizes``: ``chart_sizes(table)`` if known)."""
    first_last = span(table["date"])
    days = (first_last[1] - first_last[0]).days if first_last else 0
    by_span = "week" if days <= WEEKS_UP_TO else "month" if days <= MONTHS_UP_TO else "quarter"
    offered = units_offered(table, sizes)
    return next(unit for unit in UNITS[UNITS.index(by_span):] if unit in offered)


@dataclass(frozen=True)
class ChartSize:
    """How much a time chart by ``unit`` would draw: the periods its dates span, and the outlet-periods with articles."""
    unit: str
    periods: int
    drawn: int

    @property
    def fits(self) -> bool:
        return self.periods <= MOST_PERIODS and self.drawn <= MOST_DRAWN


def chart_sizes(table: pd.DataFrame) -> list[ChartSize]:
    """The size of a time chart of ``table``'s articles by each unit (none when no article has a date)."""
    articles = table.drop_duplicates("article_id")[["outlet_group", "date"]]
    articles = articles[is_dated(articles["date"])]
    first_last = span(articles["date"])
    if first_last is None:
        return []
    return [ChartSize(unit, how_many(*first_last, unit),
                      len(set(zip(articles["outlet_group"], periods_of(articles["date"], unit))))) for unit in UNITS]


def units_offered(table: pd.DataFrame, sizes: list[ChartSize] | None = None) -> tuple[str, ...]:
    """The units a time chart of ``table`` can be shown by: those whose chart ``fits``, and quarters whatever the span
    (``sizes``: ``chart_sizes(table)`` if known)."""
    by_unit = {size.unit: size for size in (chart_sizes(table) if sizes is None else sizes)}
    return tuple(unit for unit in UNITS if unit == UNITS[-1] or unit not in by_unit or by_unit[unit].fits)


def undated_articles(table: pd.DataFrame) -> int:
    dates = table.groupby("article_id", sort=False)["date"].first()
    return int(sum(day_of(d) is None for d in dates))


OVER_TIME_COLUMNS = ["outlet_group", "period", "start", "end", "articles", "articles_compared", "sentences", "share",
                     "share_ci_low", "share_ci_high", "n_sentences", "mean_tone", "mean_tone_ci_low", "mean_tone_ci_high",
                     "hedges_per_1k_words", "hedges_per_1k_words_ci_low", "hedges_per_1k_words_ci_high", "small_sample",
                     "share_small_sample"]
MEASURES_OVER_TIME = ("tone", "hedge_count")  # declared measures drawn over time (framing.scoring.measures)
PERCENTILES_AT_ONCE = 128  # groups whose intervals are taken together: 2,000 resamples × 3 figures × 128 = 6 MB


@dataclass(frozen=True, eq=False)
class TimeGrid:
    """What ``over_time`` needs of a table and a unit whatever the pick, made once per table and unit (a pick then sums
    only its own sentences): which rows are dated, each dated row's article, which articles each outlet group has in
    each period, and the grid of every outlet group in every period of the span."""
    dated: np.ndarray  # (rows,) bool: the table's rows with a date
    codes: np.ndarray  # each dated row's article, numbered in table order
    order: np.ndarray  # dated rows by article: the rows of article a are order[bounds[a]:bounds[a + 1]]
    bounds: np.ndarray
    groups: dict  # (outlet group, period label) -> the articles (codes) of that outlet group in that period, sorted
    cells: pd.MultiIndex | None  # every outlet group × every period of the span (None: no dated row)
    days: dict  # period label -> (its first day, its last day) as ISO dates


def time_grid(table: pd.DataFrame, unit: str) -> TimeGrid:
    period = periods_of(table["date"], unit).to_numpy()
    dated = period != ""
    codes = pd.factorize(table["article_id"].to_numpy()[dated])[0]
    first_row = np.unique(codes, return_index=True)[1]
    articles = pd.DataFrame({"outlet_group": table["outlet_group"].to_numpy()[dated][first_row],
                             "period": period[dated][first_row]})
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(first_row) + 1))
    groups = articles.groupby(["outlet_group", "period"], sort=True).indices
    first_last = span(table["date"][dated])
    cells = pd.MultiIndex.from_product([sorted(articles["outlet_group"].unique()), labels_between(*first_last, unit)],
                                       names=["outlet_group", "period"]) if first_last else None
    labels = cells.get_level_values("period").unique() if cells is not None else []
    days = {p: (start(p, unit).isoformat(), end(p, unit).isoformat()) for p in labels}
    return TimeGrid(dated, codes, order, bounds, groups, cells, days)


def over_time(table: pd.DataFrame, picked: np.ndarray, unit: str, tone_column: str = "tone",
              grid: TimeGrid | None = None) -> pd.DataFrame:
    """Per outlet group × period: its articles (all of them, and those with a compared sentence), the share of its
    sentences that are compared, and the compared sentences' mean tone (``tone_column``: the engine picked) and
    epistemic hedges per 1,000 words, each a ratio of per-article sums as its measure declares (compare.ratio_of),
    with a 95% interval resampling the group's articles (its sentences when it has one article; none below
    MIN_N_FOR_CI compared sentences, for the share below MIN_N_FOR_CI sentences of the group's, as
    ``label_summary``'s share): the same figures as ``summarise`` and ``summary --by outlet,month``.
    ``picked``: one bool per row of ``table``, the rows compared (the pick's sentences, or all of them for an outlet
    pick); rows without a date are left out. Every outlet has a row for every period of the span (no articles: 0 articles, no
    figures). ``small_sample`` flags groups of fewer than SMALL_SAMPLE compared sentences (their tone and hedging),
    ``share_small_sample`` those of fewer than SMALL_SAMPLE sentences (their share, which rests on all of them)."""
    keys = ["outlet_group", "period"]
    grid = grid if grid is not None else time_grid(table, unit)
    measures = [next(m for m in MEASURES if m.column == c) for c in MEASURES_OVER_TIME]
    ratios = [ratio_of(m) for m in measures]
    dated = grid.dated
    on_pick = np.asarray(picked, dtype=bool)[dated].astype(float)  # per dated sentence: 1.0 if compared

    def column(name: str) -> np.ndarray:  # the tone measure is the engine picked
        return table[tone_column if name == "tone" else name].to_numpy(dtype=float)[dated]

    # Per sentence: [picked, each ratio's numerator on picked sentences] over [1, each denominator on picked sentences]
    numerators = np.column_stack([on_pick] + [on_pick * column(r.numerator) for r in ratios])
    denominators = np.column_stack([np.ones(len(on_pick))] + [on_pick if r.denominator == "sentences" else
                                                             on_pick * column(r.denominator) for r in ratios])
    scale = np.array([1.0] + [r.scale for r in ratios])
    # Per article (in corpus order, as summarise resamples them): its sums.
    stacked = np.column_stack([numerators, denominators])  # numerators beside denominators, as resampling takes them
    by_article = pd.DataFrame(stacked).groupby(grid.codes, sort=True).sum().to_numpy()
    k = len(scale)
    article_num = by_article[:, :k]
    order, bounds = grid.order, grid.bounds
    counts, values = [], np.full((len(grid.groups), k), np.nan)
    lows, highs = np.full_like(values, np.nan), np.full_like(values, np.nan)
    totals = np.zeros((len(grid.groups), 2 * k))  # each group's numerator and denominator sums
    by_size: dict[tuple[int, int], list[tuple[int, np.ndarray]]] = {}  # groups with intervals, by rows and figures
    for g, ((outlet, label_), members) in enumerate(grid.groups.items()):
        group = by_article[members]
        sums_num, sums_den = group[:, :k].sum(axis=0), group[:, k:].sum(axis=0)
        totals[g] = np.concatenate([sums_num, sums_den])
        with np.errstate(invalid="ignore", divide="ignore"):
            values[g] = np.where(sums_den > 0, scale * sums_num / sums_den, np.nan)
        # The share's interval rests on all the outlet's sentences that period, as label_summary's share does: 0 of
        # 200 is a 0 with the bound for none seen, not a figure without an interval.
        if sums_den[0] >= MIN_N_FOR_CI:
            if sums_num[0] == 0:  # nothing on the pick: every resample's share is 0 (the upper end: unseen_upper)
                lows[g, 0] = highs[g, 0] = 0.0
            else:
                if len(members) < MIN_ARTICLES:  # one article: resample its sentences
                    group = stacked[order[bounds[members[0]]:bounds[members[0] + 1]]]
                # The pick's tone and hedging rest on its own sentences: under MIN_N_FOR_CI of them, the share's alone.
                width = k if sums_num[0] >= MIN_N_FOR_CI else 1
                by_size.setdefault((len(group), width), []).append((g, group if width == k else group[:, [0, k]]))
        counts.append((outlet, label_, len(members), int((article_num[members, 0] > 0).sum()), int(sums_den[0]),
                       int(sums_den[1])))
    # Groups of the same size draw the same resamples (each as by a fresh default_rng(0)): resampled together, one
    # product, and their percentiles taken together (one call per group cost as much as the resampling), but not all
    # at once: a weekly chart of years stacked 2,000 resamples of 1,287 groups into 62 MB, fresh memory every pick.
    resampler = FreshResampler(0, BOOTSTRAP_RESAMPLES)
    for (_, width), same_size in by_size.items():
        for first in range(0, len(same_size), PERCENTILES_AT_ONCE):
            at, matrices = zip(*same_size[first:first + PERCENTILES_AT_ONCE])
            resampled = scale[:width, None] * resampler.stacked_ratios(list(matrices))  # (groups × width × resamples)
            low, high = percentile_interval(resampled.reshape(-1, resampled.shape[-1]), axis=1)
            lows[list(at), :width], highs[list(at), :width] = low.reshape(len(at), width), high.reshape(len(at), width)
    counted = np.array([True] + [m.counts_events for m in measures])  # the share counts sentences on the pick
    highs = unseen_upper(highs, totals[:, :k], totals[:, k:], scale, counted)
    result = pd.DataFrame(counts, columns=keys + ["articles", "articles_compared", "sentences", "n_sentences"])
    for j, name in enumerate(("share", "mean_tone", "hedges_per_1k_words")):
        result[name], result[f"{name}_ci_low"], result[f"{name}_ci_high"] = values[:, j], lows[:, j], highs[:, j]
    # Every outlet in every period of the span: a period without articles is a 0 in attention and a gap (not a line
    # drawn across it) in the other figures.
    if grid.cells is not None:
        result = result.set_index(keys).reindex(grid.cells).reset_index()
        for count in ("articles", "articles_compared", "sentences", "n_sentences"):
            result[count] = result[count].fillna(0).astype(int)
    result["small_sample"] = result["n_sentences"] < SMALL_SAMPLE
    result["share_small_sample"] = result["sentences"] < SMALL_SAMPLE
    result["start"] = [grid.days[p][0] for p in result["period"]]
    result["end"] = [grid.days[p][1] for p in result["period"]]
    return result[OVER_TIME_COLUMNS]
