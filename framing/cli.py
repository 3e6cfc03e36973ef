"""Command line: ``python -m framing analyze|summary|score|build-corpus``.

Bad input ends with one line on stderr naming the file and the problem, and exit code 2.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from .aggregate import article_summary, summary_columns
from .corpus import BUNDLED_CORPUS, InputError, clean_bundled_raw, load_bundled, read_paths, write_jsonl
from . import uncertainty
from .lexicon import Lexicons
from .table import cli_columns, score_text, sentence_table, table_to_csv

SUMMARY_IDENTITY = ["article_id", "outlet", "title", "n_sentences", "n_words"]


def _articles(paths: list[str]):
    return read_paths(paths) if paths else load_bundled()


def _write(frame: pd.DataFrame, fmt: str, out: str | None) -> None:
    if fmt == "csv":
        text = table_to_csv(frame)
    else:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in frame.to_dict(orient="records"))
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def cmd_analyze(args) -> None:
    lexicons = Lexicons.load()
    table = sentence_table(_articles(args.paths), lexicons)
    _write(table[cli_columns(lexicons)], args.format, args.out)


def cmd_summary(args) -> None:
    fields = SUMMARY_IDENTITY + summary_columns() + ["hedge_booster_balance"]
    summary = article_summary(sentence_table(_articles(args.paths), Lexicons.load()))[fields]
    with pd.option_context("display.max_columns", None, "display.width", 200, "display.max_colwidth", 40):
        print(summary.round(3).to_string(index=False))


def cmd_score(args) -> None:
    lexicons = Lexicons.load()
    model = uncertainty.load(Path(args.model)) if args.model else None
    for line in sys.stdin:
        # One output line per input line, blank ones included, so outputs stay aligned with inputs.
        sys.stdout.write(json.dumps(score_text(line.rstrip("\r\n"), lexicons, model), ensure_ascii=False) + "\n")


def cmd_build_corpus(args) -> None:
    articles = clean_bundled_raw()
    write_jsonl(articles, BUNDLED_CORPUS)
    print(f"wrote {len(articles)} articles to {BUNDLED_CORPUS.relative_to(BUNDLED_CORPUS.parent.parent)}")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m framing", description="Framing Lens analysis engine")
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyze", help="one row per sentence, with all scores")
    a.add_argument("paths", nargs="*", help=".txt .md .html .csv .jsonl; none = the bundled corpus")
    a.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    a.add_argument("--out", help="write here instead of standard output")
    a.set_defaults(func=cmd_analyze)
    s = sub.add_parser("summary", help="the per-article aggregate table")
    s.add_argument("paths", nargs="*")
    s.set_defaults(func=cmd_summary)
    sc = sub.add_parser("score", help="score each standard-input line as one unit, JSON lines out")
    sc.add_argument("--model", help="a folder with other uncertainty weights (default: data/models)")
    sc.set_defaults(func=cmd_score)
    b = sub.add_parser("build-corpus", help="clean data/raw/*.txt into data/articles.jsonl")
    b.set_defaults(func=cmd_build_corpus)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        args.func(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {getattr(exc, 'filename', '') or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    return 0
