"""Stories: the articles about one event, so that outlets are compared on the same events.

A ``story`` (or ``event``) column in a CSV or JSONL file says which story an article belongs to. Where
it is missing or empty, articles are grouped automatically: two articles are in the same story when the
names they give most (capitalised words and phrases that are not at the start of a sentence) overlap
enough — each shared name weighted by how rare it is in the corpus, so "Putin" in every article counts
for little and "Vostochny" for much — and, where both articles state a date, the dates are at most
``MAX_DAYS`` apart. Linked articles form one story (connected groups). An automatic story is named
"auto: " and its two most telling shared names; a story covered by one outlet only is said to be so,
never pooled with another.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Iterable
from datetime import date

from framing.reading.clean import UNKNOWN
from framing.reading.corpus import Article

MIN_SIMILARITY = 0.12  # set on the bundled five articles (a001, a003 and a004 cover one summit): weak evidence; edit stories in the Articles view
MAX_DAYS = 7
MAX_SHARING = 300  # a name more articles give than this does not by itself make two articles candidates
TOP_NAMES = 25
AUTO = "auto: "
_NAME = re.compile(r"(?<=[a-z,;:’'”\"]\s)([A-Z][a-z]+(?:[\s-][A-Z][a-z]+)*)")
_NOT_NAMES = {"the", "a", "an", "he", "she", "it", "they", "we", "i", "this", "that", "but", "and", "in", "on", "at",
              "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "mr", "ms", "mrs", "dr"}


def names(article: Article) -> Counter:
    """How often the article gives each name (a capitalised word or run of words not opening a sentence)."""
    found: Counter = Counter()
    for block in article.blocks:
        if block.kind != "paragraph":
            continue
        for match in _NAME.finditer(block.text):
            name = match.group(1).lower()
            if name.split()[0] not in _NOT_NAMES:
                found[name] += 1
    return Counter(dict(found.most_common(TOP_NAMES)))


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except (TypeError, ValueError):
        return None


def group(articles: Iterable[Article]) -> dict[str, str]:
    """article_id → story: the story the article states, or an automatic one (see the module docstring).

    ``articles`` is read once and only each article's id, stated story, date and names are kept, so the command line
    can group a whole input it streams. Only articles that share a telling name are compared (see MAX_SHARING), so the
    cost follows the pairs that could be one story, not every pair."""
    stated: dict[str, str] = {}
    loose: list[str] = []
    profiles: dict[str, tuple[str, ...]] = {}  # names only, most given first: no counts are needed, memory stays small
    dates: dict[str, date | None] = {}
    for a in articles:
        if a.story not in ("", UNKNOWN):
            stated[a.article_id] = a.story
        elif a.article_id not in profiles:
            loose.append(a.article_id)
            profiles[a.article_id], dates[a.article_id] = tuple(names(a)), _date(a.date)
    document_frequency = Counter(n for p in profiles.values() for n in p)
    idf = {n: math.log((1 + len(loose)) / (1 + df)) for n, df in document_frequency.items()}  # 0 for names every article gives
    parent = {a: a for a in loose}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # Candidate pairs share a name that carries weight (idf > 0) and that at most MAX_SHARING articles give: a pair
    # sharing nothing has similarity 0, and a name in hundreds of articles says little about one event.
    holders: dict[str, list[int]] = {}
    for k, a in enumerate(loose):
        for n in profiles[a]:
            if idf[n] > 0 and document_frequency[n] <= MAX_SHARING:
                holders.setdefault(n, []).append(k)
    pairs = sorted({(i, j) for ks in holders.values() for x, i in enumerate(ks) for j in ks[x + 1:]})
    for i, j in pairs:
        a, b = loose[i], loose[j]
        if dates[a] and dates[b] and abs((dates[a] - dates[b]).days) > MAX_DAYS:
            continue
        if similarity(profiles[a], profiles[b], idf) >= MIN_SIMILARITY:
            parent[root(a)] = root(b)
    members: dict[str, list[str]] = {}
    for a in loose:
        members.setdefault(root(a), []).append(a)
    result = dict(stated)
    for ids in members.values():
        shared = Counter()
        for article_id in ids:
            shared.update({n: idf[n] for n in profiles[article_id]})
        if len(ids) > 1:
            shared = Counter({n: w for n, w in shared.items() if sum(n in profiles[i] for i in ids) > 1})
        telling = list(dict.fromkeys(kept for n, _ in shared.most_common() if (kept := _label_name(n))))[:2]
        label = AUTO + ", ".join(telling) if telling else AUTO + ids[0]
        known = sorted(d for i in ids if (d := dates[i]))
        label += f" ({known[0].isoformat()})" if known else ""
        taken, n = set(result.values()), 1
        unique = label
        while unique in taken:  # two events with the same names stay two stories
            n += 1
            unique = f"{label} #{n}"
        for article_id in ids:
            result[article_id] = unique
    return result


# Words a name run picks up that name no event: a title's abbreviation before its full stop ("Sen." in "Republican Sen.
# Joe Manchin" ends the run "Republican Sen"), a month's or a weekday's ("Jan. 6").
_TITLE_ABBREVIATIONS = {"sen", "sens", "gov", "govs", "rep", "reps", "gen", "lt", "col", "capt", "sgt", "adm", "atty",
                        "supt", "st", "mt", "ft", "no", "vs"}  # not "Jr": "Trump Jr" is a name
_DATE_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
                       "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}


def _label_name(name: str) -> str:
    """A shared name as a story's label shows it: title-cased, without a title's abbreviation or a fragment of one or
    two letters at its end ("Mitch Mc" of "Mitch McConnell", which the name pattern cuts), and "" for such a word alone
    or a month's or a weekday's abbreviation ("Jan" of "Jan. 6"). The label only: stories are grouped on the names as
    found."""
    words = name.split()
    while len(words) > 1 and (words[-1] in _TITLE_ABBREVIATIONS or len(words[-1]) <= 2 and words[-1] not in ("jr", "sr")):
        words = words[:-1]
    if len(words) == 1 and (words[0] in _DATE_ABBREVIATIONS or words[0] in _TITLE_ABBREVIATIONS or words[0] == "mc"):
        return ""  # "Xi" alone stays a name
    return " ".join(words).title()


def similarity(a: Collection[str], b: Collection[str], idf: dict[str, float]) -> float:
    """Rarity-weighted overlap of two articles' names: shared weight over the weight of either's names."""
    weight = sum(idf.get(n, 1.0) for n in set(a) | set(b))
    if not weight:  # no names, or only names every article gives (weight 0): nothing says they are one story
        return 0.0
    return sum(idf.get(n, 1.0) for n in set(a) & set(b)) / weight
