"""What sets an outlet apart: differences from the rest of the corpus, with intervals bootstrapped by article.

Sentences of one article are not independent (one writer, one story), so every interval here resamples
whole *articles*, within the outlet and within the rest separately (2,000 resamples, fixed seed). A
measure is a ratio of sums over articles — mean tone is the sum of sentence tone over the number of
sentences; hedges per 1,000 words is 1,000 × hedges over words — so an article counts by its size, as
in the pooled figure. A difference whose 95% interval includes zero is "no clear difference": it is
drawn, but not ranked. A side with fewer than 2 articles or 5 sentences gets no interval and is
flagged as a small sample.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

RESAMPLES = 2000
MIN_ARTICLES = 2
MIN_SENTENCES = 5
CLEAR, UNCLEAR, SMALL = "clear difference", "no clear difference", "small sample"


@dataclass(frozen=True)
class Ratio:
    """A measure as a ratio of per-article sums: ``scale`` × sum(numerator) / sum(denominator)."""

    name: str  # machine name, in exported data
    label: str  # what a reader sees
    numerator: str  # a column of the sentence table, summed per article
    denominator: str = "sentences"  # "sentences" (count) or a column ("n_words"), summed per article
    scale: float = 1.0
    unit: str = ""


TONE = Ratio("tone", "Tone (mean per sentence)", "tone")
CUE_RATES = [
    Ratio("hedges_per_1k_words", "Epistemic hedges", "hedge_count", "n_words", 1000.0, "per 1,000 words"),
    Ratio("approximators_per_1k_words", "Approximators", "approximator_count", "n_words", 1000.0, "per 1,000 words"),
    Ratio("boosters_per_1k_words", "Boosters", "booster_count", "n_words", 1000.0, "per 1,000 words"),
]


def article_sums(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Per article: its group, its sentence count, and the sum of each column."""
    groups = table.groupby("article_id", sort=False)
    sums = groups[columns].sum()
    sums["sentences"] = groups.size()
    sums["outlet_group"] = groups["outlet_group"].first()
    return sums.reset_index()


def _resampled_sums(columns: list[np.ndarray], rng: np.random.Generator, resamples: int) -> list[np.ndarray]:
    """Each column's sum over ``resamples`` resamples of the articles (with replacement; the same resample for
    every column), drawn 250 at a time so memory stays small however many articles there are."""
    n = len(columns[0])
    out = [np.empty(resamples) for _ in columns]
    for start in range(0, resamples, 250):
        size = min(250, resamples - start)
        idx = rng.integers(0, n, size=(size, n))
        for column, sums in zip(columns, out):
            sums[start:start + size] = column[idx].sum(axis=1)
    return out


def _resampled(numerator: np.ndarray, denominator: np.ndarray, rng: np.random.Generator, resamples: int) -> np.ndarray:
    """The ratio of sums for ``resamples`` resamples of the articles (with replacement)."""
    num, den = _resampled_sums([numerator, denominator], rng, resamples)
    with np.errstate(invalid="ignore", divide="ignore"):
        return num / den


def difference(inside: pd.DataFrame, outside: pd.DataFrame, ratio: Ratio, seed: int = 0,
               resamples: int = RESAMPLES) -> dict:
    """``ratio`` of the inside articles minus that of the outside articles, with a 95% article-bootstrap CI."""
    def parts(frame):
        num = frame[ratio.numerator].to_numpy(dtype=float)
        den = frame[ratio.denominator].to_numpy(dtype=float)
        return num, den

    num_in, den_in = parts(inside)
    num_out, den_out = parts(outside)
    value_in = ratio.scale * num_in.sum() / den_in.sum() if den_in.sum() else float("nan")
    value_out = ratio.scale * num_out.sum() / den_out.sum() if den_out.sum() else float("nan")
    row = {"measure": ratio.name, "label": ratio.label, "value": value_in, "rest_value": value_out,
           "difference": value_in - value_out, "ci_low": float("nan"), "ci_high": float("nan"),
           "n_articles": len(inside), "rest_articles": len(outside),
           "n_sentences": int(inside["sentences"].sum()), "rest_sentences": int(outside["sentences"].sum())}
    small = min(len(inside), len(outside)) < MIN_ARTICLES or min(row["n_sentences"], row["rest_sentences"]) < MIN_SENTENCES
    if small or not den_in.sum() or not den_out.sum():
        row["verdict"] = SMALL
        return row
    rng = np.random.default_rng(seed)
    diffs = ratio.scale * (_resampled(num_in, den_in, rng, resamples) - _resampled(num_out, den_out, rng, resamples))
    low, high = np.nanpercentile(diffs, [2.5, 97.5])
    row.update(ci_low=float(low), ci_high=float(high), verdict=CLEAR if low > 0 or high < 0 else UNCLEAR)
    return row


def one_versus_rest(table: pd.DataFrame, ratios: list[Ratio], groups: list[str] | None = None) -> pd.DataFrame:
    """For every outlet (or those in ``groups``) and every ratio: the outlet minus all other outlets."""
    sums = article_sums(table, sorted({r.numerator for r in ratios} | {r.denominator for r in ratios} - {"sentences"}))
    rows = []
    for group in groups if groups is not None else sorted(sums["outlet_group"].unique()):
        inside = sums[sums["outlet_group"] == group]
        outside = sums[sums["outlet_group"] != group]
        for n, ratio in enumerate(ratios):
            rows.append({"outlet_group": group, **difference(inside, outside, ratio, seed=n)})
    return pd.DataFrame(rows)


def label_versus_rest(table: pd.DataFrame, column: str, labels: list[str], group: str) -> pd.DataFrame:
    """Attention: for one outlet and each theme or actor, the share of the outlet's sentences naming it
    minus the rest's share (percentage points), and how early it first appears (position 0 = top of the
    article, averaged over the articles that name it) minus the rest's."""
    named = {label: table[column].map(lambda names, label=label: label in names) for label in labels}
    position = table["position"]
    rows = []
    for n, label in enumerate(labels):
        flags = table.assign(named=named[label].astype(int), first=np.where(named[label], position, np.nan))
        sums = article_sums(flags, ["named"])
        firsts = flags.groupby("article_id", sort=False)["first"].min()
        sums["first"] = sums["article_id"].map(firsts)
        inside, outside = sums[sums["outlet_group"] == group], sums[sums["outlet_group"] != group]
        share = difference(inside, outside, Ratio("share", "share of sentences", "named", scale=100.0), seed=n)
        mentioned_in, mentioned_out = inside.dropna(subset=["first"]), outside.dropna(subset=["first"])
        lead = difference(mentioned_in.assign(one=1.0), mentioned_out.assign(one=1.0),
                          Ratio("first_mention", "first mention", "first", "one"), seed=n)
        rows.append({"outlet_group": group, "label": label, "share_difference": share["difference"],
                     "share_ci_low": share["ci_low"], "share_ci_high": share["ci_high"], "share_verdict": share["verdict"],
                     "share": share["value"], "rest_share": share["rest_value"],
                     "lead_difference": lead["difference"], "lead_ci_low": lead["ci_low"], "lead_ci_high": lead["ci_high"],
                     "lead_verdict": lead["verdict"], "first_mention": lead["value"], "rest_first_mention": lead["rest_value"],
                     "n_articles": share["n_articles"], "rest_articles": share["rest_articles"],
                     "articles_naming": len(mentioned_in), "rest_articles_naming": len(mentioned_out)})
    return pd.DataFrame(rows)


def paired(table: pd.DataFrame, first: str, second: str, ratio: Ratio = TONE, seed: int = 0,
           resamples: int = RESAMPLES) -> tuple[dict, pd.DataFrame]:
    """Outlet ``first`` against outlet ``second`` on the stories both covered: per story, the difference of
    the ratio; overall, the mean of those differences with a 95% interval bootstrapped over stories, and in
    how many stories ``first`` is lower (for tone: more negative). Stories only one of them covered are left out."""
    columns = sorted({ratio.numerator, ratio.denominator} - {"sentences"})
    sums = article_sums(table, columns).merge(table.groupby("article_id")["story"].first().reset_index(), on="article_id")
    sums = sums[sums["outlet_group"].isin([first, second])]
    totals = sums.groupby(["story", "outlet_group"])[[ratio.numerator, ratio.denominator]].sum()
    values = (ratio.scale * totals[ratio.numerator] / totals[ratio.denominator]).unstack("outlet_group")
    shared = values.dropna(subset=[c for c in (first, second) if c in values.columns]) if {first, second} <= set(values.columns) \
        else values.iloc[0:0]
    per_story = pd.DataFrame({"story": shared.index, "first": first, "second": second,
                              "first_value": shared.get(first, pd.Series(dtype=float)).to_numpy(),
                              "second_value": shared.get(second, pd.Series(dtype=float)).to_numpy()})
    per_story["difference"] = per_story["first_value"] - per_story["second_value"]
    n = len(per_story)
    summary = {"first": first, "second": second, "measure": ratio.name, "stories": n,
               "mean_difference": float(per_story["difference"].mean()) if n else float("nan"),
               "ci_low": float("nan"), "ci_high": float("nan"), "first_lower": int((per_story["difference"] < 0).sum()),
               "verdict": SMALL}
    if n >= MIN_ARTICLES:
        rng = np.random.default_rng(seed)
        diffs = per_story["difference"].to_numpy()
        means = diffs[rng.integers(0, n, size=(resamples, n))].mean(axis=1)
        low, high = np.percentile(means, [2.5, 97.5])
        summary.update(ci_low=float(low), ci_high=float(high), verdict=CLEAR if low > 0 or high < 0 else UNCLEAR)
    return summary, per_story


def group_summary(sums: pd.DataFrame, keys: list[str], ratios: list[Ratio], resamples: int = RESAMPLES) -> pd.DataFrame:
    """One row per group (``keys`` columns of the per-article sums): n, and each ratio with a 95% interval
    bootstrapped by article (none below MIN_ARTICLES articles or MIN_SENTENCES sentences: small_sample)."""
    rows = []
    for n, (key, frame) in enumerate(sums.groupby(keys, sort=True)):
        key = key if isinstance(key, tuple) else (key,)
        row = {**dict(zip(keys, key)), "n_articles": len(frame), "n_sentences": int(frame["sentences"].sum())}
        small = len(frame) < MIN_ARTICLES or row["n_sentences"] < MIN_SENTENCES
        rng = np.random.default_rng(n)
        for ratio in ratios:
            num, den = frame[ratio.numerator].to_numpy(float), frame[ratio.denominator].to_numpy(float)
            row[ratio.name] = ratio.scale * num.sum() / den.sum() if den.sum() else float("nan")
            low = high = float("nan")
            if not small and den.sum():
                low, high = np.nanpercentile(ratio.scale * _resampled(num, den, rng, resamples), [2.5, 97.5])
            row[f"{ratio.name}_ci_low"], row[f"{ratio.name}_ci_high"] = float(low), float(high)
        row["small_sample"] = small
        rows.append(row)
    return pd.DataFrame(rows)


def tone_near(table: pd.DataFrame, column: str, label: str, tone: str = "tone", seed: int = 0,
              resamples: int = RESAMPLES) -> pd.DataFrame:
    """Tone toward an actor (or theme), as the words near it: per outlet, the mean tone of its sentences naming
    ``label`` minus the mean tone of its other sentences, with a 95% interval resampling the outlet's articles
    (both means from the same resampled articles). This is sentence tone near a mention, not stance."""
    named = table[column].map(lambda names: label in names)
    frame = table.assign(tone_named=np.where(named, table[tone], 0.0), named=named.astype(int),
                         tone_other=np.where(named, 0.0, table[tone]), other=(~named).astype(int))
    sums = article_sums(frame, ["tone_named", "named", "tone_other", "other"])
    rows = []
    rng = np.random.default_rng(seed)
    for outlet, group in sums.groupby("outlet_group", sort=True):
        n_named, n_other = int(group["named"].sum()), int(group["other"].sum())
        near = group["tone_named"].sum() / n_named if n_named else float("nan")
        rest = group["tone_other"].sum() / n_other if n_other else float("nan")
        row = {"outlet_group": outlet, "label": label, "tone_near": near, "tone_elsewhere": rest,
               "difference": near - rest, "ci_low": float("nan"), "ci_high": float("nan"), "n_articles": len(group),
               "articles_naming": int((group["named"] > 0).sum()), "sentences_naming": n_named, "verdict": SMALL}
        if (group["named"] > 0).sum() >= MIN_ARTICLES and n_named >= MIN_SENTENCES and n_other >= MIN_SENTENCES:
            tone_named, named_n, tone_other, other_n = _resampled_sums(
                [group[c].to_numpy(float) for c in ("tone_named", "named", "tone_other", "other")], rng, resamples)
            with np.errstate(invalid="ignore", divide="ignore"):
                diffs = tone_named / named_n - tone_other / other_n
            low, high = np.nanpercentile(diffs, [2.5, 97.5])
            row.update(ci_low=float(low), ci_high=float(high), verdict=CLEAR if low > 0 or high < 0 else UNCLEAR)
        rows.append(row)
    return pd.DataFrame(rows)
