"""Write a deterministic multi-outlet, same-events corpus as one CSV, for benchmarks and trying the app.

    python -m bench.make_corpus --articles 1000 --outlets 3 --stories 100 --seed 0 > corpus.csv

Each article is made by resampling *paragraphs* of the bundled corpus: every text is distinct (so no
cache can shortcut the work), each article belongs to a story (an event covered by several outlets) and
an outlet. Columns: text, title, outlet, date, story. The prose is the bundled articles', so figures
drawn from it say nothing about real outlets; it is for speed and load, and for trying the app.
"""
from __future__ import annotations

import argparse
import csv
import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from framing.reading.corpus import load_bundled, paragraphs

ROOT = Path(__file__).resolve().parent.parent

OUTLET_NAMES = ["Daily Ledger", "Morning Courier", "Evening Standard-Post", "The Continental", "Harbor Times",
                "Northern Gazette", "Capital Review", "Pacific Wire", "Metro Tribune", "Union Herald"]


def outlet_name(k: int) -> str:
    return OUTLET_NAMES[k] if k < len(OUTLET_NAMES) else f"Outlet {k + 1}"


def make_rows(articles: int, outlets: int, stories: int, seed: int) -> list[dict]:
    rng = np.random.default_rng(seed)
    pool = [text for article in load_bundled() for _, _, text in paragraphs(article)]
    start = date(2024, 1, 1)
    rows, seen = [], set()
    for i in range(articles):
        story = i % max(stories, 1)
        outlet = (i // max(stories, 1) + story) % max(outlets, 1)
        chosen = rng.choice(len(pool), size=int(rng.integers(4, 12)), replace=False)
        text = "\n\n".join(pool[j] for j in chosen)
        while text in seen:  # distinct texts only
            text += "\n\n" + pool[int(rng.integers(len(pool)))]
        seen.add(text)
        rows.append({"text": text, "title": f"Story {story + 1}: report {i + 1}", "outlet": outlet_name(outlet),
                     "date": (start + timedelta(days=story * 3 + int(rng.integers(0, 2)))).isoformat(),
                     "story": f"story-{story + 1:04d}"})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--outlets", type=int, default=3)
    parser.add_argument("--stories", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="write here instead of standard output")
    args = parser.parse_args()
    out = args.out.open("w", newline="", encoding="utf-8") if args.out else sys.stdout
    writer = csv.DictWriter(out, ["text", "title", "outlet", "date", "story"])
    writer.writeheader()
    writer.writerows(make_rows(args.articles, args.outlets, args.stories, args.seed))


if __name__ == "__main__":
    main()
