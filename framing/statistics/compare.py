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

import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from framing.scoring.measures import MEASURES, Measure, measure

RESAMPLES = 2000
MIN_ARTICLES = 2
MIN_SENTENCES = 5
CLEAR, UNCLEAR, SMALL = "clear difference", "no clear difference", "small sample"
UNSEEN_CHANCE = 0.025  # a count of zero: its upper end is the rate at which seeing none has this chance (unseen_upper)


@dataclass(frozen=True)
class Ratio:
    """A measure as a ratio of per-article sums: ``scale`` × sum(numerator) / sum(denominator)."""

    name: str  # machine name, in exported data
    label: str  # what a reader sees
    numerator: str  # a column of the sentence table, summed per article
    denominator: str = "sentences"  # "sentences" (count) or a column ("n_words"), summed per article
    scale: float = 1.0
    unit: str = ""
    counts: bool = False  # the numerator counts events (cues, flagged sentences): none seen is not certainly none


def ratio_of(measure: Measure) -> Ratio:
    """A declared measure as the ratio of per-article sums its aggregate means (framing.scoring.measures)."""
    if measure.aggregate == "per_1k_words":
        return Ratio(measure.summary_column, measure.title, measure.column, "n_words", 1000.0, "per 1,000 words",
                     measure.counts_events)
    unit = {"mean": "mean per sentence", "share": "share of sentences"}[measure.aggregate]
    return Ratio(measure.summary_column, measure.title, measure.column, unit=unit, counts=measure.counts_events)


def compared_ratios(chart: str) -> list[Ratio]:
    """The ratios of the measures declared for one of Compare's charts ("tone", "cues", or a title of its own)."""
    return [ratio_of(m) for m in MEASURES if m.compare == chart]


def compare_charts() -> list[str]:
    """Compare's charts beyond tone and cues: one per title a measure declares, in declaration order."""
    return list(dict.fromkeys(m.compare for m in MEASURES if m.compare not in ("", "tone", "cues")))


TONE = ratio_of(measure("tone"))  # the recommended tone engine's ratio


def article_sums(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Per article: its group, its sentence count, and the sum of each column."""
    groups = table.groupby("article_id", sort=False)
    sums = groups[columns].sum()
    sums["sentences"] = groups.size()
    sums["outlet_group"] = groups["outlet_group"].first()
    return sums.reset_index()


SMALL_DRAW = 200_000  # resamples × articles up to which all resamples are drawn at once


def resample_counts(n: int, rng: np.random.Generator, resamples: int) -> np.ndarray:
    """How often each of ``resamples`` resamples (with replacement) of ``n`` rows takes each row: (resamples × n)."""
    idx = rng.integers(0, n, size=(resamples, n))
    return np.bincount((idx + n * np.arange(resamples)[:, None]).ravel(), minlength=resamples * n).reshape(resamples, n)


def resampled_totals(matrix: np.ndarray, rng: np.random.Generator, resamples: int) -> np.ndarray:
    """Each column's sum over ``resamples`` resamples of the rows (articles, with replacement; the same resample for
    every column): a (resamples × columns) array. Drawn 250 resamples at a time, each as how often it takes each
    article (so memory stays small however many articles and columns there are)."""
    matrix = np.asarray(matrix, dtype=float)
    matrix = matrix.reshape(len(matrix), -1)
    return _summed_by_draw(matrix, resamples, lambda start, size: resample_counts(len(matrix), rng, size))


def _summed_by_draw(matrix: np.ndarray, resamples: int, counts_of) -> np.ndarray:
    """Each column's sum over the resamples, one product per draw (``draws``): ``counts_of(start, size)`` gives that
    draw's counts, drawn now or kept. The products have the same shapes either way, so BLAS sums in the same order
    and the figures are identical (one 2,000-row product summed in another order than eight 250-row ones)."""
    out = np.empty((resamples, matrix.shape[1]))
    for start, size in draws(len(matrix), resamples):
        out[start:start + size] = counts_of(start, size) @ matrix
    return out


def draws(n: int, resamples: int) -> list[tuple[int, int]]:
    """(first resample, how many) of each draw of resamples of ``n`` articles: all at once for a few articles (a
    group of a time chart), else 250 at a time. A generator's integers come as one stream, so the resamples are the
    same either way."""
    step = resamples if n * resamples <= SMALL_DRAW else 250
    return [(start, min(step, resamples - start)) for start in range(0, resamples, step)]


def _stacked(numerator: np.ndarray, denominator: np.ndarray) -> tuple[np.ndarray, int, bool]:
    """Numerators beside denominators as one (rows × 2k) float matrix; k; and whether the inputs were single columns."""
    numerator, denominator = np.asarray(numerator, dtype=float), np.asarray(denominator, dtype=float)
    k = 1 if numerator.ndim == 1 else numerator.shape[1]
    return (np.column_stack([numerator.reshape(len(numerator), -1), denominator.reshape(len(denominator), -1)]), k,
            numerator.ndim == 1)


def _ratios(totals: np.ndarray, k: int, one: bool) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        ratios = totals[:, :k] / totals[:, k:]
    return ratios[:, 0] if one else ratios


def resampled_ratio(numerator: np.ndarray, denominator: np.ndarray, rng: np.random.Generator, resamples: int) -> np.ndarray:
    """The ratio of sums for ``resamples`` resamples of the articles (with replacement); with (articles × k) arrays,
    k ratios from the same resamples, as a (resamples × k) array."""
    matrix, k, one = _stacked(numerator, denominator)
    return _ratios(resampled_totals(matrix, rng, resamples), k, one)


FRESH_COUNTS_UP_TO = 1_000  # groups of up to this many articles have their fresh resamples kept (2,000 × n small ints)
FRESH_COUNTS_BYTES = 32 * 1024 * 1024  # what the kept resamples may hold in all; least recently used dropped first


class _FreshCounts:
    """``resample_counts`` of a fresh ``default_rng(seed)`` by (seed, resamples, n): the same for every group of n
    articles, in every chart and session, so drawn once per process. Counts never exceed n, so they are kept in the
    smallest unsigned type that holds n. Thread-safe (sessions run in threads)."""

    def __init__(self, max_bytes: int = FRESH_COUNTS_BYTES):
        self.max_bytes, self._kept, self._bytes = max_bytes, OrderedDict(), 0
        self._lock = threading.Lock()

    def get(self, n: int, seed: int, resamples: int) -> np.ndarray:
        key = (n, seed, resamples)
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                return found
        rng = np.random.default_rng(seed)
        counts = np.empty((resamples, n), dtype=np.min_scalar_type(n))
        for start, size in draws(n, resamples):  # the draws resampled_totals makes
            counts[start:start + size] = resample_counts(n, rng, size)
        with self._lock:
            if key not in self._kept:
                self._kept[key] = counts
                self._bytes += counts.nbytes
                while self._bytes > self.max_bytes and len(self._kept) > 1:
                    self._bytes -= self._kept.popitem(last=False)[1].nbytes
        return counts


FRESH_COUNTS = _FreshCounts()


class FreshResampler:
    """``resampled_ratio`` with a fresh ``default_rng(seed)`` for each call, for many small groups (a time chart's
    outlet-weeks): every group of n rows draws the very same resamples, so they are drawn once per n per process
    (``FRESH_COUNTS``; a pick's groups are the same sizes as the last pick's) and each group costs one product.
    Figures identical to ``resampled_ratio``'s."""

    def __init__(self, seed: int, resamples: int):
        self.seed, self.resamples = seed, resamples

    def ratio(self, numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
        matrix, k, one = _stacked(numerator, denominator)
        return _ratios(self.totals(matrix), k, one)

    def stacked_ratio(self, stacked: np.ndarray) -> np.ndarray:
        """``ratio`` of numerators already beside their denominators: (rows × 2k) floats -> (resamples × k)."""
        return _ratios(self.totals(stacked), stacked.shape[1] // 2, False)

    def totals(self, matrix: np.ndarray) -> np.ndarray:
        n = len(matrix)
        if n > FRESH_COUNTS_UP_TO:
            return resampled_totals(matrix, np.random.default_rng(self.seed), self.resamples)
        counts = FRESH_COUNTS.get(n, self.seed, self.resamples)
        return _summed_by_draw(matrix, self.resamples, lambda start, size: counts[start:start + size])

    def stacked_ratios(self, matrices: list[np.ndarray]) -> np.ndarray:
        """``stacked_ratio`` of each of several (n × 2k) matrices of the same n rows, as one (matrices × k ×
        resamples) array, each group's resamples contiguous (where percentiles take them fastest): the same resamples,
        their sums made by one product for all the groups. BLAS does not promise to sum a wider product in the same
        order, so a figure might differ from ``stacked_ratio``'s in the last bit; none did over a weekly, monthly and
        quarterly view of 10,000 synthetic articles and of the dev corpus (166,740 figures)."""
        n, k = len(matrices[0]), matrices[0].shape[1] // 2
        if n > FRESH_COUNTS_UP_TO:
            return np.ascontiguousarray(np.stack([self.stacked_ratio(m).T for m in matrices]))
        drawn = FRESH_COUNTS.get(n, self.seed, self.resamples).T.astype(float)  # (n × resamples)
        # (groups · 2k × n) @ (n × resamples): each row a group's numerator or denominator sums, resample by resample
        totals = (np.stack(matrices).transpose(0, 2, 1).reshape(-1, n) @ drawn).reshape(len(matrices), 2 * k, -1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return totals[:, :k] / totals[:, k:]


def difference(inside: pd.DataFrame, outside: pd.DataFrame, ratio: Ratio, seed: int = 0,
               resamples: int = RESAMPLES) -> dict:
    """``ratio`` of the inside articles minus that of the outside articles, with a 95% article-bootstrap CI."""
    return ratio_differences(inside, outside, [ratio], seed, resamples)[0]


def unseen_upper(high: np.ndarray, numerator_sums: np.ndarray, denominator_sums: np.ndarray, scale: np.ndarray,
                 counts: np.ndarray | bool) -> np.ndarray:
    """``high`` where a counted event (``counts``: which columns count events) was seen; where it was never seen,
    the exact (Clopper–Pearson) 95% upper bound for none in the group's ``denominator_sums`` (sentences for a share,
    words for a rate per word): 1 − 0.025^(1/n), about 3.7/n. Resampling a group with none gives 0 to 0, which
    says nothing of how rare an unseen thing may be: 0 hedges in 500 words may still be a rate of 7 per 1,000."""
    unseen = np.asarray(counts) & (numerator_sums == 0) & (denominator_sums > 0) & ~np.isnan(high)
    if not unseen.any():
        return high
    high = np.array(high, dtype=float)
    high[unseen] = none_seen_bound(np.broadcast_to(denominator_sums, high.shape)[unseen],
                                   np.broadcast_to(scale, high.shape)[unseen])
    return high


def none_seen_bound(units: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """``scale`` × the exact 95% upper bound of a rate per unit when none was seen in ``units``: 1 − 0.025^(1/n)."""
    with np.errstate(divide="ignore"):
        return scale * -np.expm1(np.log(UNSEEN_CHANCE) / units)


def ratio_differences(inside: pd.DataFrame, outside: pd.DataFrame, ratios: list[Ratio], seed: int = 0,
                      resamples: int = RESAMPLES) -> list[dict]:
    """``difference`` for each ratio, all from the same resamples of the inside and of the outside articles."""
    def matrix(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
        return np.column_stack([frame[c].to_numpy(dtype=float) for c in columns]) if len(frame) else np.zeros((0, len(columns)))

    sides = [(matrix(f, [r.numerator for r in ratios]), matrix(f, [r.denominator for r in ratios]), len(f),
              int(f["sentences"].sum())) for f in (inside, outside)]
    found = _differences(*sides[0], *sides[1], np.array([r.scale for r in ratios]), seed, resamples,
                         np.array([r.counts for r in ratios], dtype=bool))
    return [{"measure": r.name, "label": r.label, **row} for r, row in zip(ratios, found)]


def _differences(num_in: np.ndarray, den_in: np.ndarray, articles_in, sentences_in, num_out: np.ndarray, den_out: np.ndarray,
                 articles_out, sentences_out, scale: np.ndarray, seed: int, resamples: int,
                 counts: np.ndarray | bool = False) -> list[dict]:
    """k ratios of sums (the columns of the (articles × k) matrices), inside minus outside, with their 95% intervals
    from one set of resamples per side. ``articles_*`` and ``sentences_*``: a side's n, one number or one per ratio.
    ``counts``: the ratios that count events. A side that never saw one resamples to 0 every time, so the interval
    would carry only the other side's uncertainty (an outlet's 0 boosters in 500 words against the rest's 2 per 1,000
    read as a clear difference, though a rate of 2 gives none in 500 words once in three); there the interval's end
    on that side reaches its bound for none seen (``unseen_upper``) less the other side's 2.5th percentile."""
    k = num_in.shape[1]
    articles_in, articles_out = np.broadcast_to(articles_in, k), np.broadcast_to(articles_out, k)
    sentences_in, sentences_out = np.broadcast_to(sentences_in, k), np.broadcast_to(sentences_out, k)
    d_in, d_out = den_in.sum(axis=0), den_out.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        value_in = np.where(d_in > 0, scale * num_in.sum(axis=0) / d_in, np.nan)
        value_out = np.where(d_out > 0, scale * num_out.sum(axis=0) / d_out, np.nan)
    rows = [{"value": float(value_in[j]), "rest_value": float(value_out[j]), "difference": float(value_in[j] - value_out[j]),
             "ci_low": float("nan"), "ci_high": float("nan"), "n_articles": int(articles_in[j]),
             "rest_articles": int(articles_out[j]), "n_sentences": int(sentences_in[j]), "rest_sentences": int(sentences_out[j]),
             "verdict": SMALL} for j in range(k)]
    measured = [j for j in range(k) if min(articles_in[j], articles_out[j]) >= MIN_ARTICLES
                and min(sentences_in[j], sentences_out[j]) >= MIN_SENTENCES and d_in[j] and d_out[j]]
    if measured:
        rng = np.random.default_rng(seed)
        inside = scale[measured] * resampled_ratio(num_in[:, measured], den_in[:, measured], rng, resamples)
        outside = scale[measured] * resampled_ratio(num_out[:, measured], den_out[:, measured], rng, resamples)
        lows, highs = np.nanpercentile(inside - outside, [2.5, 97.5], axis=0)
        unseen = np.broadcast_to(np.asarray(counts, dtype=bool), (k,))[measured]
        for sums, dens, ends, other, sign in ((num_in, d_in, highs, outside, 1), (num_out, d_out, lows, inside, -1)):
            none = unseen & (sums[:, measured].sum(axis=0) == 0)
            if none.any():  # that side's bound for none seen, less the other side's low end (its sign flipped)
                reach = sign * (none_seen_bound(dens[measured], scale[measured]) - np.nanpercentile(other, 2.5, axis=0))
                ends[none] = (np.maximum if sign > 0 else np.minimum)(ends[none], reach[none])
        for j, low, high in zip(measured, lows, highs):
            rows[j].update(ci_low=float(low), ci_high=float(high), verdict=CLEAR if low > 0 or high < 0 else UNCLEAR)
    return rows


def one_versus_rest(table: pd.DataFrame, ratios: list[Ratio], groups: list[str] | None = None) -> pd.DataFrame:
    """For every outlet (or those in ``groups``) and every ratio: the outlet minus all other outlets (the ratios of one
    outlet from the same resamples)."""
    sums = article_sums(table, sorted({r.numerator for r in ratios} | {r.denominator for r in ratios} - {"sentences"}))
    rows = []
    for group in groups if groups is not None else sorted(sums["outlet_group"].unique()):
        inside = sums["outlet_group"] == group
        rows.extend({"outlet_group": group, **row} for row in ratio_differences(sums[inside], sums[~inside], ratios))
    return pd.DataFrame(rows)


def label_masks(labels: pd.Series, wanted: list[str]) -> np.ndarray:
    """(sentences × labels) booleans: which sentences' label lists (a themes or actors column) hold each wanted label."""
    exploded = labels.explode()
    rows = np.flatnonzero(exploded.notna().to_numpy())
    values = exploded.to_numpy()[rows]
    positions = np.repeat(np.arange(len(labels)), labels.map(lambda names: max(len(names), 1)).to_numpy())[rows]
    masks = np.zeros((len(labels), len(wanted)), dtype=bool)
    column = pd.Index(wanted).get_indexer(values)  # each named label's column, -1 where not wanted (one pass, not one per label)
    found = column >= 0
    masks[positions[found], column[found]] = True
    return masks


@dataclass(frozen=True)
class LabelCounts:
    """Per article (in order of first appearance): how many sentences name each label, the first position naming
    it, whether it is named, the article's sentence count and outlet. The part of ``label_versus_rest`` that no
    pick changes, so an app can make it once per corpus."""

    labels: tuple[str, ...]
    named: np.ndarray  # (articles × labels)
    first: np.ndarray  # (articles × labels), 0 where not named
    mentioned: np.ndarray  # (articles × labels) booleans
    sentences: np.ndarray  # (articles,)
    outlet_group: np.ndarray  # (articles,)


def label_counts(table: pd.DataFrame, column: str, labels: list[str]) -> LabelCounts:
    masks = label_masks(table[column], labels)
    codes, _ = pd.factorize(table["article_id"], sort=False)
    named = pd.DataFrame(masks.astype(float)).groupby(codes, sort=True).sum().to_numpy()
    first = pd.DataFrame(np.where(masks, table["position"].to_numpy()[:, None], np.inf)).groupby(codes, sort=True).min().to_numpy()
    mentioned = np.isfinite(first)
    return LabelCounts(tuple(labels), named, np.where(mentioned, first, 0.0), mentioned, np.bincount(codes).astype(float),
                       table["outlet_group"].to_numpy()[np.unique(codes, return_index=True)[1]])


def label_versus_rest(table: pd.DataFrame, column: str, labels: list[str], group: str, seed: int = 0,
                      resamples: int = RESAMPLES, counts: LabelCounts | None = None) -> pd.DataFrame:
    """Attention: for one outlet and each theme or actor, the share of the outlet's sentences naming it minus the rest's
    share (percentage points), and how early it first appears (position 0 = top of the article, averaged over the
    articles that name it) minus the rest's. Every label's interval comes from the same resamples of the articles.
    ``counts``: ``label_counts(table, column, labels)``, when already made."""
    counts = counts or label_counts(table, column, labels)
    named, first, mentioned, sentences = counts.named, counts.first, counts.mentioned, counts.sentences
    inside = counts.outlet_group == group
    labels = counts.labels
    k = len(labels)
    naming_in, naming_out = mentioned[inside].sum(axis=0), mentioned[~inside].sum(axis=0)
    # Share (sentences naming it / sentences) and how early (the first position over the articles naming it; articles
    # not naming it weigh 0 in both sums) as 2k ratios of one set of resamples per side.
    def side(chosen: np.ndarray, naming: np.ndarray):
        return (np.hstack([named[chosen], first[chosen]]),
                np.hstack([np.repeat(sentences[chosen, None], k, axis=1), mentioned[chosen].astype(float)]),
                np.concatenate([np.full(k, int(chosen.sum())), naming]),
                np.concatenate([np.full(k, int(sentences[chosen].sum())), (mentioned[chosen] * sentences[chosen, None]).sum(axis=0)]))

    found = _differences(*side(inside, naming_in), *side(~inside, naming_out), np.concatenate([np.full(k, 100.0), np.ones(k)]),
                         seed, resamples, np.arange(2 * k) < k)  # shares count sentences naming it; positions do not
    share, lead = found[:k], found[k:]
    rows = []
    for j, label in enumerate(labels):
        s, f = share[j], lead[j]
        rows.append({"outlet_group": group, "label": label, "share_difference": s["difference"],
                     "share_ci_low": s["ci_low"], "share_ci_high": s["ci_high"], "share_verdict": s["verdict"],
                     "share": s["value"], "rest_share": s["rest_value"],
                     "lead_difference": f["difference"], "lead_ci_low": f["ci_low"], "lead_ci_high": f["ci_high"],
                     "lead_verdict": f["verdict"], "first_mention": f["value"], "rest_first_mention": f["rest_value"],
                     "n_articles": s["n_articles"], "rest_articles": s["rest_articles"],
                     "articles_naming": int(naming_in[j]), "rest_articles_naming": int(naming_out[j])})
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
