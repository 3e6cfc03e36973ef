"""Portrayal figures: per outlet, the share of an actor's mentions spoken of negatively, neutrally and positively,
and each outlet minus the rest with 95% intervals bootstrapped by article (as every comparison here)."""
from __future__ import annotations

import pandas as pd

from framing.models.tone_toward import STANCES
from framing.statistics.aggregate import group_intervals
from framing.statistics.compare import Ratio, one_versus_rest

# One ratio per stance: the mentions read as that stance, per 100 mentions (a mention is a sentence naming the actor).
STANCE_RATIOS = [Ratio(f"{s}_toward", f"{s.capitalize()} toward it", f"is_{s}", "sentences", 100.0, "% of mentions", True)
                 for s in STANCES]
COMPARED_STANCES = ("negative", "positive")  # neutral is what is left; charting it too repeats the other two


def _flags(scored: pd.DataFrame) -> pd.DataFrame:
    return scored.assign(**{f"is_{s}": (scored["stance"] == s).astype(int) for s in STANCES})


def stance_shares_by(scored: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Per group (e.g. actor and outlet) and stance: mentions, the group's mentions, its articles, and the stance's
    share of the group's mentions (%) with its 95% interval (share_ci_low, share_ci_high: as every level's, the
    group's articles resampled, its mentions when it is one article, none under MIN_N_FOR_CI mentions; a stance never
    read gets the bound for none seen). Groups in sorted order, stances in the model's order."""
    columns = [*by, "stance", "mentions", "group_mentions", "articles", "share", "share_ci_low", "share_ci_high"]
    if scored.empty:
        return pd.DataFrame(columns=columns)
    flags = [f"is_{s}" for s in STANCES]  # every stance from the same resamples
    intervals = group_intervals(_flags(scored).assign(mention=1), by, flags, "mention", 100.0)
    rows = []
    for key, group in scored.groupby(by, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        for stance, (low, high) in zip(STANCES, intervals[key]):
            n = int((group["stance"] == stance).sum())
            rows.append({**dict(zip(by, key)), "stance": stance, "mentions": n, "group_mentions": len(group),
                         "articles": int(group["article_id"].nunique()), "share": 100.0 * n / len(group),
                         "share_ci_low": float(low), "share_ci_high": float(high)})
    return pd.DataFrame(rows, columns=columns)


def portrayal_versus_rest(scored: pd.DataFrame, stances: tuple[str, ...] = COMPARED_STANCES) -> pd.DataFrame:
    """Each outlet minus all other outlets, per stance: share of its mentions (percentage points), 95% interval
    resampling each side's articles; n_sentences is the outlet's mentions. Columns as ``one_versus_rest``'s, plus
    ``stance``."""
    ratios = [r for r in STANCE_RATIOS if r.numerator.removeprefix("is_") in stances]
    if scored.empty:
        return pd.DataFrame(columns=["outlet_group", "measure", "label", "value", "rest_value", "difference", "ci_low",
                                     "ci_high", "n_articles", "rest_articles", "n_sentences", "rest_sentences", "verdict",
                                     "stance"])
    found = one_versus_rest(_flags(scored), ratios)
    return found.assign(stance=found["measure"].str.removesuffix("_toward"))
