"""What portrayal costs: reading an actor's mentions the first time, and a pick once they are read.

    python -m bench.portrayal                                   # 1,000 articles of the dev corpus, its 3 most named actors
    python -m bench.portrayal --corpus FILE --articles 300      # any corpus file the app reads

Analyses the first ``--articles`` articles once (2 processes), then for each of the most named actors: the first
reading of its mentions by the tone-toward model (``with_stances`` with an empty cache: seconds, and ms a mention),
the same by two worker processes on one thread each (as the app reads 500 mentions or more), and then ``--picks``
picks of it as the app makes them once read: a new Analysis (nothing memoised), the actor's mentions found, their
stances from the cache, each outlet against the rest with intervals, and the chart as the browser receives it. Prints the median and 95th percentile of the picks. Goal (#25): a pick at 1,000 articles
within 1 s at p95 once read. Figures only; no goal is asserted.
"""
from __future__ import annotations

import argparse
import logging
import statistics
import time
from collections import Counter
from pathlib import Path

import numpy as np

from components.lens import Lens
from components.views import compare
from framing.language.lexicon import Lexicons
from framing.reading.corpus import articles_from_bytes
from framing.scoring import parts, portrayal
from framing.scoring.analysis import Analysis
from framing.scoring.table import paragraph_texts, sentence_table

DEV_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "allsides_dev.jsonl"


def analysed(path: Path, n: int) -> Analysis:
    articles = articles_from_bytes(path.name, path.read_bytes())[:n]
    lexicons = Lexicons.load()
    pool = parts.process_pool(2)
    try:
        table = sentence_table(articles, lexicons, pool=pool)
    finally:
        pool.shutdown()
    return Analysis(articles, lexicons, table, paragraph_texts(articles))


def main() -> None:
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEV_CORPUS)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--actors", type=int, default=3)
    ap.add_argument("--picks", type=int, default=20)
    args = ap.parse_args()
    analysis = analysed(args.corpus, args.articles)
    print(f"{len(analysis.articles):,} articles, {len(analysis.table):,} sentences, {len(analysis.outlets)} outlets")
    named = Counter(a for actors in analysis.table["actors"] for a in actors).most_common(args.actors)
    pool = parts.process_pool(2)  # as the app's worker processes: started, the engine imported, the model not yet loaded
    parts.start_workers(pool, 2)
    for actor, _ in named:
        mentions = portrayal.mentions_of(analysis.table, actor)
        started = time.perf_counter()
        portrayal.with_stances(mentions, cache=portrayal.StanceCache())
        first = time.perf_counter() - started
        started = time.perf_counter()
        portrayal.with_stances(mentions, cache=portrayal.CACHE, pool=pool)
        by_workers = time.perf_counter() - started
        picks = []
        for _ in range(args.picks):
            started = time.perf_counter()
            fresh = Analysis(analysis.articles, analysis.lexicons, analysis.table, analysis.paragraphs)
            lens = Lens("actor", actor, outlets=fresh.outlets)
            compare._portrayal(fresh, lens).spec()
            picks.append(time.perf_counter() - started)
        n = max(len(mentions), 1)
        print(f"{actor}: {len(mentions):,} mentions; first reading {first:.1f} s ({1000 * first / n:.1f} ms a mention) in this "
              f"process, {by_workers:.1f} s ({1000 * by_workers / n:.1f} ms) by two worker processes; a pick once read: "
              f"median {statistics.median(picks):.2f} s, p95 {np.percentile(picks, 95):.2f} s")
    pool.shutdown()


if __name__ == "__main__":
    main()
