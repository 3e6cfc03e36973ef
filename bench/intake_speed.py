"""How long does a large upload take? Builds a CSV of N articles from the bundled paragraphs,
then times reading it and scoring it (the engine only; the app adds caching and drawing).

    python -m bench.intake_speed            # 1,000 articles
    python -m bench.intake_speed --n 200
"""
from __future__ import annotations

import argparse
import csv
import io
import random
import time

from framing.language.lexicon import Lexicons
from framing.reading.corpus import articles_from_bytes, load_bundled
from framing.scoring.table import sentence_table


def synthetic_csv(n: int, paragraphs_per_article: int = 12, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    paragraphs = [b.text for a in load_bundled() for b in a.blocks if b.kind == "paragraph"]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["title", "outlet", "text"])
    for i in range(n):
        writer.writerow([f"Story {i}", f"Outlet {i % 7}", "\n\n".join(rng.sample(paragraphs, paragraphs_per_article))])
    return buffer.getvalue().encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    data = synthetic_csv(args.n)
    lexicons = Lexicons.load()
    start = time.perf_counter()
    articles = articles_from_bytes("synthetic.csv", data)
    read = time.perf_counter() - start
    start = time.perf_counter()
    table = sentence_table(articles, lexicons)
    scored = time.perf_counter() - start
    print(f"{len(articles):,} articles, {len(data) / 2**20:.1f} MB, {len(table):,} sentences")
    print(f"read and clean: {read:.1f} s; score: {scored:.1f} s ({1000 * scored / len(table):.2f} ms per sentence)")


if __name__ == "__main__":
    main()
