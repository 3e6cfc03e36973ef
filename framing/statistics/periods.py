"""Time: which week or month an article falls in, and each outlet's figures week by week or month by month.

A week is labelled by its Monday ("2024-06-17"), a month by its year and month ("2024-06"). An article's date is the
date the outlet gave it (framing.reading.dates); articles without one are in no period: time charts leave them out
and say how many, and a period filter (framing.reading.dates.Period) leaves them out too.
"""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from framing.reading.dates import Period, day_of
from framing.statistics.aggregate import BOOTSTRAP_RESAMPLES, MIN_N_FOR_CI, SMALL_SAMPLE, summarise
from framing.statistics.compare import MIN_ARTICLES, resampled_ratio

UNITS = ("week", "month")
WEEKS_UP_TO = 26 * 7  # a corpus spanning at most this many days is shown by week, a longer one by month


def label(day: date, unit: str) -> str:
    if unit == "week":
        return (day - timedelta(days=day.weekday())).isoformat()
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    raise ValueError(f"unit must be one of {UNITS}")


def start(period: str, unit: str) -> date:
    """The first day of a period label."""
    return date.fromisoformat(period if unit == "week" else f"{period}-01")


def end(period: str, unit: str) -> date:
    """The last day of a period label."""
    first = start(period, unit)
    if unit == "week":
        return first + timedelta(days=6)
    return date(first.year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)


def labels_between(first: date, last: date, unit: str) -> list[str]:
    """Every period label from the one holding ``first`` to the one holding ``last``, in order."""
    out, day = [], start(label(first, unit), unit)
    while day <= last:
        out.append(label(day, unit))
        day = day + timedelta(days=7) if unit == "week" else end(label(day, unit), unit) + timedelta(days=1)
    return out


def period_of_label(text: str) -> Period | None:
    """The days of a week or month label, or None for anything else."""
    unit = "week" if len(text) == 10 else "month"
    try:
        return Period(start(text, unit).isoformat(), end(text, unit).isoformat())
    except ValueError:
        return None


def periods_of(dates: pd.Series, unit: str) -> pd.Series:
    """Each row's period label ("" for a row without a date), computed once per distinct date."""
    labels = {value: label(day, unit) if (day := day_of(value)) else "" for value in pd.unique(dates)}
    return dates.map(labels)


def span(dates: pd.Series) -> tuple[date, date] | None:
    """The first and last date among ``dates``, or None when none is a date."""
    days = [d for value in pd.unique(dates) if (d := day_of(value))]
    return (min(days), max(days)) if days else None


def default_unit(dates: pd.Series) -> str:
    """Weeks for a corpus of up to half a year, months for a longer one."""
    first_last = span(dates)
    return "week" if first_last and (first_last[1] - first_last[0]).days <= WEEKS_UP_TO else "month"


def undated_articles(table: pd.DataFrame) -> int:
    dates = table.groupby("article_id", sort=False)["date"].first()
    return int(sum(day_of(d) is None for d in dates))


OVER_TIME_COLUMNS = ["outlet_group", "period", "start", "end", "articles", "articles_compared", "sentences", "share",
                     "share_ci_low", "share_ci_high", "n_sentences", "mean_tone", "mean_tone_ci_low", "mean_tone_ci_high",
                     "hedges_per_1k_words", "hedges_per_1k_words_ci_low", "hedges_per_1k_words_ci_high", "small_sample"]


def over_time(table: pd.DataFrame, compared: pd.DataFrame, unit: str, tone_column: str = "tone") -> pd.DataFrame:
    """Per outlet group × period: its articles (all of them, and those with a compared sentence), the share of its
    sentences that are compared (with a 95% interval resampling its articles), and the compared sentences' mean tone
    and epistemic hedges per 1,000 words with their intervals (framing.statistics.aggregate.summarise, so the figures
    are those of ``summary --by outlet,month``). ``compared`` is a subset of ``table``'s rows (the pick's sentences,
    or all of them for an outlet pick); rows without a date are left out. ``small_sample`` flags groups of fewer than
    SMALL_SAMPLE compared sentences."""
    keys = ["outlet_group", "period"]
    dated = table.assign(period=periods_of(table["date"], unit))
    dated = dated[dated["period"] != ""]
    picked = dated.index.isin(compared.index)
    per_article = pd.DataFrame({"article_id": dated["article_id"].to_numpy(), "outlet_group": dated["outlet_group"].to_numpy(),
                                "period": dated["period"].to_numpy(), "picked": picked.astype(float), "sentences": 1.0}) \
        .groupby(["outlet_group", "period", "article_id"], sort=False)[["picked", "sentences"]].sum().reset_index()
    rows = []
    for (outlet, period), group in per_article.groupby(keys, sort=True):
        low = high = np.nan
        if len(group) >= MIN_ARTICLES and group["sentences"].sum() >= MIN_N_FOR_CI:
            resampled = resampled_ratio(group["picked"].to_numpy(), group["sentences"].to_numpy(),
                                        np.random.default_rng(0), BOOTSTRAP_RESAMPLES)
            low, high = np.nanpercentile(resampled, [2.5, 97.5])
        rows.append({"outlet_group": outlet, "period": period, "articles": len(group),
                     "articles_compared": int((group["picked"] > 0).sum()), "sentences": int(group["sentences"].sum()),
                     "share": group["picked"].sum() / group["sentences"].sum(), "share_ci_low": low, "share_ci_high": high})
    counts = pd.DataFrame(rows, columns=keys + ["articles", "articles_compared", "sentences", "share", "share_ci_low",
                                                "share_ci_high"])
    # Every outlet in every period of the corpus's span: a period without articles is a 0 in attention and a gap
    # (not a line drawn across it) in the other figures.
    first_last = span(dated["date"])
    if first_last:
        grid = pd.MultiIndex.from_product([sorted(dated["outlet_group"].unique()), labels_between(*first_last, unit)],
                                          names=keys)
        counts = counts.set_index(keys).reindex(grid).reset_index()
        for column in ("articles", "articles_compared", "sentences"):
            counts[column] = counts[column].fillna(0).astype(int)
    inside = dated[picked]
    measures = summarise(inside.assign(tone=inside[tone_column]), keys, intervals=["tone", "hedge_count"]) \
        if len(inside) else pd.DataFrame(columns=keys)
    out = counts.merge(measures.reindex(columns=keys + [c for c in OVER_TIME_COLUMNS if c in MEASURE_COLUMNS]),
                       on=keys, how="left")
    out["n_sentences"] = out["n_sentences"].fillna(0).astype(int)
    out["small_sample"] = out["n_sentences"] < SMALL_SAMPLE
    out["start"] = [start(p, unit).isoformat() for p in out["period"]]
    out["end"] = [end(p, unit).isoformat() for p in out["period"]]
    return out[OVER_TIME_COLUMNS]


MEASURE_COLUMNS = {"n_sentences", "mean_tone", "mean_tone_ci_low", "mean_tone_ci_high", "hedges_per_1k_words",
                   "hedges_per_1k_words_ci_low", "hedges_per_1k_words_ci_high"}
