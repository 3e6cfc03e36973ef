"""How fast is the engine, against the irreducible cost of TextBlob on the same sentences?

    python -m bench.throughput                        # 1,000 and 10,000 articles (takes a few minutes)
    python -m bench.throughput --articles 50          # the smoke run CI does

For each size it writes a corpus with bench.make_corpus, then prints:
- the whole `python -m framing analyze` process (start-up, reading, analysis, writing JSON lines), with
  --jobs 1 and --jobs 2: seconds, sentences per second, peak memory (RSS, the pool's processes included);
- the stages in one process: load, segment, each scorer on the pre-split sentences, the sentence table,
  the aggregates;
- TextBlob polarity alone on the same pre-split sentences (PatternAnalyzer.analyze, as TextBlob's users
  call it), and the whole process as a multiple of it.
Figures only; no goal is asserted.
"""
from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.make_corpus import make_rows

ROOT = Path(__file__).resolve().parent.parent

PEAK = """import resource, sys
from framing.cli import main
code = main(sys.argv[1:])
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(peak // 1024, file=sys.stderr)
sys.exit(code)
"""


def whole_process(path: Path, jobs: int) -> tuple[float, int]:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", PEAK, "analyze", str(path), "--jobs", str(jobs), "--out", "/dev/null"],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    return time.perf_counter() - started, int(result.stderr.strip().splitlines()[-1])


def timed(label: str, work, n: int, rows: list) -> float:
    started = time.perf_counter()
    work()
    seconds = time.perf_counter() - started
    rows.append((label, seconds, n / seconds if seconds else float("inf")))
    return seconds


def run(articles: int, stages: bool = True) -> None:
    from textblob.en.sentiments import PatternAnalyzer

    from framing.language.lexicon import Lexicons
    from framing.language.voice import attribution
    from framing.models.tone import tone_scores
    from framing.reading.corpus import paragraphs, read_paths
    from framing.reading.segment import sentence_spans
    from framing.scoring.measures import Sentence
    from framing.scoring.parts import cue_part, text_part
    from framing.scoring.table import sentence_table
    from framing.statistics.aggregate import article_summary
    from framing.statistics.compare import TONE, compared_ratios, one_versus_rest

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, ["text", "title", "outlet", "date", "story"])
            writer.writeheader()
            writer.writerows(make_rows(articles, 3, max(articles // 10, 1), seed=1))
        # The whole process first, while this process is small: a child forked from a large parent starts with
        # the parent's resident pages counted in its peak RSS.
        whole = [(jobs, *whole_process(path, jobs)) for jobs in (1, 2)]
        rows: list = []
        loaded: list = []
        if not stages:
            print(f"\n{articles:,} articles")
            for jobs, seconds, peak in whole:
                print(f"  whole `analyze` process, --jobs {jobs}: {seconds:7.2f} s  peak RSS {peak:,} MB")
            return
        timed("load (read and clean the CSV)", lambda: loaded.extend(read_paths([path])), articles, rows)
        texts: list[str] = []
        timed("segment", lambda: texts.extend(p[s:e] for a in loaded for _, _, p in paragraphs(a) for s, e in sentence_spans(p)),
              articles, rows)
        n = len(texts)
        lexicons = Lexicons.load()
        lexicons.check()
        analyser = PatternAnalyzer()
        textblob_alone = timed("TextBlob polarity alone (PatternAnalyzer.analyze)", lambda: [analyser.analyze(t) for t in texts], n, rows)
        timed("tone (TextBlob + VADER)", lambda: [tone_scores(t) for t in texts], n, rows)
        scanned = [Sentence(t, lexicons) for t in texts]
        timed(f"lexicons: one scan for all {len(lexicons.matchers)} lists", lambda: [s.matches for s in scanned], n, rows)
        timed("uncertainty model (on the scan's hedges)", lambda: [s.uncertainty for s in scanned], n, rows)
        timed("speaker attribution", lambda: [attribution(t) for t in texts], n, rows)
        parts = []
        timed("text parts (segment, tone, voice), per article", lambda: parts.extend(text_part(a) for a in loaded), n, rows)
        timed("cue parts (lexicons, uncertainty), per article", lambda: [cue_part(p["text"], lexicons) for p in parts], n, rows)
        table = []
        timed("sentence table (everything above, per article)", lambda: table.append(sentence_table(loaded, lexicons)), n, rows)
        timed("aggregates (per article; one outlet vs rest with CIs)",
              lambda: (article_summary(table[0]), one_versus_rest(table[0], [TONE, *compared_ratios("cues")])), n, rows)
        print(f"\n{articles:,} articles, {n:,} sentences")
        for label, seconds, rate in rows:
            print(f"  {label:58s} {seconds:8.2f} s  {rate:12,.0f} /s")
        for jobs, seconds, peak in whole:
            print(f"  whole `analyze` process, --jobs {jobs}: {seconds:7.2f} s  {n / seconds:9,.0f} sentences/s  "
                  f"{seconds / textblob_alone:4.1f}× TextBlob alone  peak RSS {peak:,} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--whole-only", action="store_true", help="only the whole process (no stages, no TextBlob baseline)")
    args = parser.parse_args()
    for articles in args.articles:
        run(articles, stages=not args.whole_only)


if __name__ == "__main__":
    main()
