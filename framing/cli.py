"""Command line: ``python -m framing analyze|summary|distinctive|actors|themes|score|tone-toward|build-corpus``.

Bad input ends with one line on stderr naming the file and the problem, and exit code 2.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import deque
from pathlib import Path

import pandas as pd

from framing.language.actors import actors_from_text
from framing.language.lexicon import Lexicons
from framing.language.term_match import RECORD_FIELDS
from framing.models import tone_toward, uncertainty
from framing.reading import stories
from framing.reading.corpus import (
    BUNDLED_CORPUS,
    InputError,
    articles_counted,
    clean_bundled_raw,
    distinct,
    iter_paths,
    load_bundled,
    write_jsonl,
)
from framing.reading.spreadsheet import table_to_csv
from framing.scoring import dask_cluster, parts
from framing.scoring.table import cli_columns, score_text, sentence_table, words_table
from framing.statistics import periods
from framing.statistics.aggregate import article_summary, summarise, summarised_measures
from framing.statistics.compare import article_sums
from framing.statistics.distinctive import HouseStyle, distinctive
from framing.statistics.found_themes import themes_from_text

SUMMARY_IDENTITY = ["article_id", "outlet", "title"]


CHUNK_ARTICLES = 200  # the command line analyses and writes this many articles at a time, so memory stays bounded


def _articles(paths: list[str], say: bool = True):
    """The input's articles, each once (``corpus.distinct``: wire copy from two outlets counts for both). How many
    repeats were left out is said on standard error once they are all read (``say``: by the pass that analyses them,
    not by the stories' first pass)."""
    repeats: list = []
    yield from distinct(iter_paths(paths) if paths else iter(load_bundled()), repeats=repeats)
    if say and repeats:
        first, same = repeats[0]
        print(f"{articles_counted(len(repeats))} {'repeats' if len(repeats) == 1 else 'repeat'} the text and outlet of "
              f"one before and {'is' if len(repeats) == 1 else 'are'} left out "
              f"(the first: {first.source_file}, the same as {same})", file=sys.stderr)


def _are_partitions(paths: list[str]) -> bool:
    """Whether the input is folders of Parquet partitions ``analyze --engine dask`` wrote (read as they are)."""
    return bool(paths) and all(dask_cluster.is_partitions(p) for p in paths)


def _tables(paths: list[str], lexicons: Lexicons):
    """The sentence table, a chunk of articles at a time (speaker aliases are merged within each chunk, stories
    grouped over the whole input); from a folder ``analyze --engine dask`` wrote, its partitions as they are."""
    if _are_partitions(paths):
        for folder in paths:
            yield from dask_cluster.read_partitions(folder)
        return
    story_of = _stories(paths)
    for chunk in parts.chunks(_articles(paths), CHUNK_ARTICLES):
        yield _with_stories(sentence_table(chunk, lexicons), story_of)


def _stories(paths: list[str]) -> dict[str, str]:
    """Stories over the whole input, not within a chunk (the same events may be hundreds of rows apart): a first pass
    keeps each article's id, stated story, date and names only."""
    return stories.group(_articles(paths, say=False))


def _written_by_pool(paths: list[str], lexicons: Lexicons, jobs: int, columns: list[str], fmt: str):
    """What ``analyze`` writes, a chunk at a time, in input order: each chunk analysed, assembled and formatted by one
    of ``jobs`` worker processes (``_chunk_written``), so this process only reads and writes. One chunk more than
    the workers is in flight, so memory stays bounded. The same text as ``_tables`` formatted here."""
    pending: deque = deque()
    with parts.process_pool(jobs) as pool:
        parts.start_workers(pool, jobs)  # they start and load the models while this process finds the stories
        story_of = _stories(paths)
        for n, chunk in enumerate(parts.chunks(_articles(paths), CHUNK_ARTICLES)):
            chunk_stories = {a.article_id: story_of[a.article_id] for a in chunk}
            pending.append(pool.submit(_chunk_written, chunk, lexicons, chunk_stories, columns, fmt, n == 0))
            if len(pending) > jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _chunk_written(chunk: list, lexicons: Lexicons, story_of: dict[str, str], columns: list[str], fmt: str,
                   first: bool) -> str:
    """In a worker process: one chunk's sentence table, as ``analyze`` writes it."""
    table = sentence_table(chunk, parts.worker_lexicons(lexicons))
    return _format(_with_stories(table, story_of)[columns], fmt, first)


def _with_stories(table: pd.DataFrame, story_of: dict[str, str]) -> pd.DataFrame:
    return table.assign(story=table["article_id"].map(story_of).astype(object)) if len(table) else table


def _format(frame: pd.DataFrame, fmt: str, first: bool) -> str:
    if fmt == "csv":
        return table_to_csv(frame, header=first, record_fields=RECORD_FIELDS)
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in frame.to_dict(orient="records"))


def cmd_analyze(args) -> None:
    lexicons = Lexicons.load()
    if args.engine == "dask":
        if not args.out:
            raise InputError("--engine dask", "needs --out DIR: the folder the Parquet partitions are written to")
        written = dask_cluster.analyse_on_cluster(_articles(args.paths), lexicons, args.out, args.scheduler, CHUNK_ARTICLES)
        print(f"wrote {sum(n for _, n in written):,} sentences in {len(written)} Parquet partitions to {args.out}",
              file=sys.stderr)
        return
    columns = cli_columns(lexicons)
    out = Path(args.out).open("w", encoding="utf-8", newline="") if args.out else sys.stdout
    try:
        if args.jobs > 1 and not _are_partitions(args.paths):
            for text in _written_by_pool(args.paths, lexicons, args.jobs, columns, args.format):
                out.write(text)
            return
        for n, table in enumerate(_tables(args.paths, lexicons)):
            out.write(_format(table[columns], args.format, n == 0))
    finally:
        if args.out:
            out.close()


def _table_lines(frame: pd.DataFrame, first: bool) -> str:
    """Fixed-width text rows, one per article, each column as wide as its name (at least 10): the table
    can be written a chunk at a time, so a file of any size prints in bounded memory."""
    widths = [{"title": 40, "outlet": 20}.get(c, max(len(c), 10)) for c in frame.columns]
    lines = ["  ".join(c.rjust(w) for c, w in zip(frame.columns, widths))] if first else []
    for row in frame.itertuples(index=False):
        cells = []
        for value, w in zip(row, widths):
            text = f"{value:.3f}" if isinstance(value, float) else str(value)
            cells.append((text if len(text) <= w else text[: w - 1] + "…").rjust(w))
        lines.append("  ".join(cells))
    return "".join(line + "\n" for line in lines)


SUMMARY_GROUPS = ("outlet", "story", *periods.UNITS)


def summary_grouping(text: str) -> str:
    """``summary --by``: "article", or distinct groups from SUMMARY_GROUPS (at most one of week, month and quarter)."""
    keys = [k.strip() for k in text.split(",")]
    if keys == ["article"]:
        return "article"
    if not all(k in SUMMARY_GROUPS for k in keys) or len(set(keys)) < len(keys) or len(set(keys) & set(periods.UNITS)) > 1:
        raise argparse.ArgumentTypeError(f"{text!r}: use article, or a comma-separated list of {', '.join(SUMMARY_GROUPS)} "
                                         "(at most one of week, month and quarter), e.g. outlet,month")
    return ",".join(keys)


def cmd_summary(args) -> None:
    """Every declared measure, summarised (framing.statistics.aggregate.summarise). --by article streams, without
    intervals. Any other grouping needs its groups whole: the per-article sums are kept (a few numbers per article),
    and each group's intervals are bootstrapped by article."""
    lexicons = Lexicons.load()
    if args.by == "article":
        for n, table in enumerate(_tables(args.paths, lexicons)):
            summary = article_summary(table)
            summary = summary[SUMMARY_IDENTITY + [c for c in summary.columns if c not in SUMMARY_IDENTITY + ["outlet_group", "date"]
                                                  and c != "n_articles" and not c.endswith(("_ci_low", "_ci_high"))]]
            sys.stdout.write(_table_lines(summary, n == 0) if args.format == "table" else _format(summary, args.format, n == 0))
        return
    keys = ["outlet_group" if k == "outlet" else k for k in args.by.split(",")]
    columns = [m.column for m in summarised_measures()] + ["n_words"]
    units = sorted(set(keys) & set(periods.UNITS))
    chunks, alone = [], _AloneInGroup(keys, columns)
    for table in _tables(args.paths, lexicons):
        sums = article_sums(table, columns).merge(
            table.groupby("article_id", sort=False)[["story", "date"]].first().reset_index(), on="article_id")
        for unit in units:
            sums[unit] = periods.periods_of(sums["date"], unit)
        chunks.append(sums)
        alone.add(table, sums)
    sums = pd.concat(chunks, ignore_index=True)
    for unit in units:
        undated = int((sums[unit] == "").sum())
        if undated:
            print(f"{articles_counted(undated)} {'has' if undated == 1 else 'have'} no date and {'is' if undated == 1 else 'are'} "
                  f"left out of the {unit}s", file=sys.stderr)
        sums = sums[sums[unit] != ""]
    summary = alone.with_intervals(summarise(sums, keys)).rename(columns={"outlet_group": "outlet"})
    sys.stdout.write(_table_lines(summary, True) if args.format == "table" else _format(summary, args.format, True))


class _AloneInGroup:
    """The sentences of each article that is, so far, the only one in its group (``keys``: an outlet's week, say): a
    group of one article gets its interval by resampling its sentences, as every view does, and per-article sums
    cannot give that. An article's sentences are let go once a second article joins its group, so only the groups
    of one article keep theirs (by week most groups have several; each kept sentence is a few numbers)."""

    def __init__(self, keys: list[str], columns: list[str]):
        self.keys, self.columns = keys, columns
        self.articles: dict[tuple, int] = {}
        self.sentences: dict[tuple, pd.DataFrame] = {}

    def add(self, table: pd.DataFrame, sums: pd.DataFrame) -> None:
        group_of = dict(zip(sums["article_id"], zip(*(sums[k] for k in self.keys))))
        for group in group_of.values():
            self.articles[group] = self.articles.get(group, 0) + 1
            self.sentences.pop(group, None)  # a second article: the group's interval resamples articles
        lone = [a for a, g in group_of.items() if self.articles[g] == 1 and "" not in g]
        if lone:
            rows = table.loc[table["article_id"].isin(lone), ["article_id", "outlet_group", "story", "date", *self.columns]]
            rows = rows.assign(**{k: rows["article_id"].map(lambda a, k=k: group_of[a][self.keys.index(k)])
                                  for k in self.keys if k not in rows})
            for group, sentences in rows.groupby(self.keys, sort=False):
                self.sentences[group if isinstance(group, tuple) else (group,)] = sentences

    def with_intervals(self, summary: pd.DataFrame) -> pd.DataFrame:
        """``summary`` (of per-article sums) with each group of one article's intervals from its sentences."""
        if not self.sentences:
            return summary
        alone = summarise(pd.concat(self.sentences.values(), ignore_index=True), self.keys).set_index(self.keys)
        bounds = [c for c in alone.columns if c.endswith(("_ci_low", "_ci_high"))]
        summary = summary.set_index(self.keys)
        shared = alone.index.intersection(summary.index)
        summary.loc[shared, bounds] = alone.loc[shared, bounds]
        return summary.reset_index()


def cmd_distinctive(args) -> None:
    if _are_partitions(args.paths):
        table = pd.concat(list(_tables(args.paths, Lexicons.load())), ignore_index=True)
        house_style = HouseStyle.of(table["outlet"]) if not args.raw else None
    else:  # words only: nothing is scored, and stories are grouped over the whole input
        articles = list(_articles(args.paths))
        table = words_table(articles)
        house_style = None if args.raw else HouseStyle.of_articles(articles)
    by = {"outlet": "outlet_group", "story": "story"}[args.by]
    words = distinctive(table, by=by, top=args.top, house_style=house_style)
    sys.stdout.write(_format(words[["group", "term", "count", "log_odds", "z"]], args.format, True))


def cmd_score(args) -> None:
    lexicons = Lexicons.load()
    model = (uncertainty.load(Path(args.model)) if args.model else uncertainty.shipped_model()).for_genre(args.genre)
    for line in sys.stdin:
        # One output line per input line, blank ones included, so outputs stay aligned with inputs.
        scored = score_text(line.rstrip("\r\n"), lexicons, model, args.tone_model)
        sys.stdout.write(json.dumps(scored, ensure_ascii=False) + "\n")


def tone_toward_line(line: str, model) -> tuple[dict, str]:
    """One input line of ``tone-toward`` -> (its output object, the problem or "")."""
    if not line.strip():
        return {}, ""  # a blank line stays a line, so outputs stay aligned with inputs
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"error": "not JSON"}, f"not JSON ({exc.msg})"
    if not isinstance(row, dict) or not isinstance(row.get("text"), str) \
            or not all(isinstance(row.get(k), int) and not isinstance(row.get(k), bool) for k in ("start", "end")):
        return {"error": "needs text, start, end"}, "needs \"text\" (a string) and \"start\", \"end\" (whole numbers)"
    kept = {"id": row["id"]} if "id" in row else {}
    try:
        (p,) = model.probabilities([(row["text"], row["start"], row["end"])])
    except tone_toward.MentionError as exc:
        return {**kept, "error": str(exc)}, str(exc)
    return {**kept, "stance": tone_toward.stance_of(p[None, :])[0],
            **{f"p_{s}": round(float(v), 4) for s, v in zip(tone_toward.STANCES, p)}}, ""


def cmd_tone_toward(args) -> None:
    if not tone_toward.available(Path(args.model) if args.model else tone_toward.MODEL_DIR):
        raise InputError(args.model or "data/models", "no tone-toward model there (tone_toward.onnx, its tokenizer and card)")
    model = tone_toward.model_in(str(args.model or tone_toward.MODEL_DIR))
    source = sys.stdin if args.path in (None, "-") else open(args.path, encoding="utf-8", errors="replace")
    name, bad = ("standard input" if source is sys.stdin else args.path), []
    with source, model.loaded():
        for number, line in enumerate(source, 1):
            found, problem = tone_toward_line(line.rstrip("\r\n"), model)
            if problem:
                bad.append(number)
                print(f"error: {name}, line {number}: {problem}", file=sys.stderr)
            sys.stdout.write(json.dumps(found, ensure_ascii=False) + "\n")
    if bad:
        raise InputError(name, f"{len(bad):,} line(s) not scored (each written as an \"error\" line, in place)")


def cmd_actors(args) -> None:
    found = actors_from_text(_articles(args.paths), top=args.top)
    sys.stdout.write(_format(found[["actor", "aliases", "mentions", "kind", "articles", "outlets"]], args.format, True))


def cmd_themes(args) -> None:
    found = themes_from_text(_articles(args.paths), n_themes=args.themes)
    sys.stdout.write(_format(found[["theme", "terms", "paragraphs"]], args.format, True))


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
    a.add_argument("--jobs", type=int, default=1, help="analyse with this many processes (same output whatever the number)")
    a.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="dask: on a Dask cluster, writing Parquet partitions to --out DIR (pip install -r requirements-scale.txt)")
    a.add_argument("--scheduler", default="local", help="with --engine dask: a scheduler address (tcp://host:8786), or local")
    a.set_defaults(func=cmd_analyze)
    s = sub.add_parser("summary", help="the per-article aggregate table")
    s.add_argument("paths", nargs="*", help="files, or a folder written by analyze --engine dask")
    s.add_argument("--by", type=summary_grouping, default="article", metavar="article|GROUPS",
                   help="one row per article (streamed), or per group: a comma-separated list of outlet, story, week "
                        "(labelled by its Monday) and month, e.g. outlet,month; 95%% CIs by article")
    s.add_argument("--format", choices=["table", "csv", "jsonl"], default="table")
    d = sub.add_parser("distinctive", help="each group's distinctive words against the rest (Monroe et al. 2008)")
    d.add_argument("paths", nargs="*")
    d.add_argument("--by", choices=["outlet", "story"], default="outlet")
    d.add_argument("--top", type=int, default=20)
    d.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    d.add_argument("--raw", action="store_true",
                   help="keep house style: outlet names, bylines, titles, state tags, page furniture, single letters")
    d.set_defaults(func=cmd_distinctive)
    s.set_defaults(func=cmd_summary)
    sc = sub.add_parser("score", help="score each standard-input line as one unit, JSON lines out")
    sc.add_argument("--model", help="a folder with other uncertainty weights (default: data/models)")
    sc.add_argument("--tone-model", help="a folder with another news tone model (default: data/models)")
    sc.add_argument("--genre", choices=uncertainty.GENRES, default="news",
                    help="which uncertainty model: news (default), or encyclopedic for prose that is not news "
                         "(Wikipedia-like; it runs the context reader)")
    sc.set_defaults(func=cmd_score)
    ac = sub.add_parser("actors", help="the people the articles name most, aliases merged: the app's actor list for them")
    ac.add_argument("paths", nargs="*", help="files; none = the bundled corpus")
    ac.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    ac.add_argument("--top", type=int, default=40)
    ac.set_defaults(func=cmd_actors)
    th = sub.add_parser("themes", help="themes found in the articles' own paragraphs (NMF): the app's third theme set")
    th.add_argument("paths", nargs="*", help="files; none = the bundled corpus")
    th.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    th.add_argument("--themes", type=int, default=None, help="how many (default: from the number of articles, 3 to 12)")
    th.set_defaults(func=cmd_themes)
    tt = sub.add_parser("tone-toward", help="stance toward a mention: JSON lines with text, start, end in; "
                                            "stance and p_negative, p_neutral, p_positive out, one line per line")
    tt.add_argument("path", nargs="?", help="a JSON-lines file; - or none = standard input")
    tt.add_argument("--format", choices=["jsonl"], default="jsonl")
    tt.add_argument("--model", help="a folder with another tone-toward model (default: data/models)")
    tt.set_defaults(func=cmd_tone_toward)
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
    except BrokenPipeError:
        return 0
    except OSError as exc:
        print(f"error: {getattr(exc, 'filename', '') or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except (RecursionError, MemoryError) as exc:  # a reader that escaped its own guard: still one line
        print(f"error: the input could not be read ({type(exc).__name__})", file=sys.stderr)
        return 2
    return 0
