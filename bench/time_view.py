"""How long does the Over time view take after a pick, at 10,000 articles?

    python -m bench.time_view                      # 10,000 articles over ~8 years (analysing them takes a minute or two)
    python -m bench.time_view --articles 300       # the smoke run

Writes a corpus with bench.make_corpus (one story every 3 days, so 10,000 articles in 1,000 stories span 8 years),
analyses it once, then times what the view costs: its aggregates (framing.statistics.periods.over_time), its
passages' order and its charts as the browser receives them (Vega-Lite specs), for an outlet pick and for theme and
actor picks, by week, month and quarter (the default for this span): on the view's first visit (nothing kept) and on a
pick after another of the same kind (what the view keeps kept, as in the app: an outlet pick only changes the
highlight). Prints the median of three runs and the rows sent to the browser. Goal (#24): within 1 s of a pick.
Figures only; no goal is asserted. The browser's drawing is timed by bench.app_latency (a pick on Over time).
"""
from __future__ import annotations

import argparse
import logging
import statistics
import time

from bench.make_corpus import make_rows
from components.lens import Lens
from components.views import over_time
from framing.language.lexicon import Lexicons
from framing.reading.corpus import article_from_text
from framing.scoring import parts
from framing.scoring.analysis import Analysis
from framing.scoring.table import paragraph_texts, sentence_table
from framing.statistics import periods


def corpus(n: int, jobs: int):
    rows = make_rows(n, 3, max(n // 10, 1), 0)
    articles = [article_from_text(r["text"], f"row {i}", **{k: r[k] for k in ("title", "outlet", "date", "story")})
                for i, r in enumerate(rows)]
    lexicons = Lexicons.load()
    pool = parts.process_pool(jobs) if jobs > 1 else None
    try:
        table = sentence_table(articles, lexicons, pool=pool)
    finally:
        if pool is not None:
            pool.shutdown()
    return Analysis(articles, lexicons, table, paragraph_texts(articles))


def timed(analysis: Analysis, lens: Lens, unit: str, before: Lens | None = None) -> tuple[float, int]:
    """Seconds to make the view's panels and specs for ``lens``: on a fresh analysis (the view's first visit), or
    after ``before`` was drawn on it (a pick: what the view keeps is kept, as in the app)."""
    fresh = Analysis(analysis.articles, analysis.lexicons, analysis.table, analysis.paragraphs)  # nothing cached
    if before is not None:
        for panel in over_time.panels(fresh, before, unit):
            panel.screen_spec()
    started = time.perf_counter()
    panels = over_time.panels(fresh, lens, unit)
    for panel in panels:
        panel.screen_spec()  # what the screen draws: a time chart's kept shape with its rows
    return time.perf_counter() - started, max(len(p.data) for p in panels)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    # The view reads the URL's period through Streamlit, which warns on every read outside a running app.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
    started = time.perf_counter()
    analysis = corpus(args.articles, args.jobs)
    print(f"{args.articles:,} articles, {len(analysis.table):,} sentences, analysed in {time.perf_counter() - started:.0f} s")
    actors = analysis.table["actors"].explode().value_counts()
    themes = analysis.table["themes"].explode().value_counts()
    picks = [(Lens("outlet", analysis.outlets[0], outlets=analysis.outlets),
              Lens("outlet", analysis.outlets[1 % len(analysis.outlets)], outlets=analysis.outlets)),
             (Lens("theme", str(themes.index[0]), outlets=analysis.outlets),
              Lens("theme", str(themes.index[1 % len(themes)]), outlets=analysis.outlets)),
             (Lens("actor", str(actors.index[0]), outlets=analysis.outlets),
              Lens("actor", str(actors.index[1 % len(actors)]), outlets=analysis.outlets))]
    print(f"{'':>7}  {'':<48} {'first visit':>11}  {'pick':>6}")
    for unit in periods.UNITS:
        for before, lens in picks:
            first = [timed(analysis, lens, unit) for _ in range(3)]
            picked = [timed(analysis, lens, unit, before) for _ in range(3)]
            print(f"{unit:>7}  {lens.describe():<48} {statistics.median(r[0] for r in first):9.2f} s "
                  f"{statistics.median(r[0] for r in picked):5.2f} s   {first[0][1]:,} rows to the browser per chart")


if __name__ == "__main__":
    main()
