"""When one machine is not enough: the same per-article analysis on a Dask cluster, written as Parquet partitions.

    python -m framing analyze --engine dask --scheduler local PATH... --out DIR/           # a cluster on this machine
    python -m framing analyze --engine dask --scheduler tcp://host:8786 PATH... --out DIR/  # an existing cluster
    python -m framing summary DIR/ --by outlet                                               # from the partitions

The input is read here, ``CHUNK_ARTICLES`` articles at a time — the same chunks ``analyze`` makes on one machine,
so speaker aliases and stories are merged within the same groups and the rows are the same — and each chunk is
one partition of a ``dask.bag``. A worker analyses it with ``framing.scoring.table.sentence_table`` (what ``--jobs`` runs
in its processes) and writes it as one Parquet file, ``DIR/part-000000.parquet``, … in input order, every column
of the sentence table. Workers must be able to write to DIR: on a real cluster, a shared or network file system.
At most ``WAVE`` partitions are read ahead of the workers, so this process's memory stays bounded.

``summary DIR/`` reads the partitions one at a time, keeping only a few numbers per article.
Dask is an optional extra (``requirements-scale.txt``); nothing else in Framing Lens imports it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from framing.language.lexicon import Lexicons, theme_set_column
from framing.language.term_match import TermMatch
from framing.reading.corpus import Article, InputError
from framing.scoring.measures import MEASURES
from framing.scoring.parts import chunks, usable_cores, worker_lexicons
from framing.scoring.table import sentence_columns, sentence_table

PARTITION = "part-{:06d}.parquet"
WAVE = 16  # partitions read ahead of the workers
INSTALL = "--engine dask needs Dask: pip install -r requirements-scale.txt"


def _arrow_types(lexicons: Lexicons) -> dict:
    """The Parquet types of the sentence table's measure and list columns (the rest are inferred: numbers, text)."""
    import pyarrow as pa

    cue = pa.list_(pa.struct([("cue", pa.string()), ("category", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                              ("negated", pa.bool_())]))
    match = [("term", pa.string()), ("label", pa.string()), ("start", pa.int64()), ("end", pa.int64())]
    labels = pa.list_(pa.string())
    kinds = {"number": pa.float64(), "count": pa.int64(), "flag": pa.bool_(), "labels": labels}
    return {**{m.column: kinds[m.value_kind] for m in MEASURES},  # every declared measure, typed as it declares
            "hedges": cue, "approximators": cue, "boosters": cue, "hedge_categories": labels, "actors": labels,
            "actor_matches": pa.list_(pa.struct(match)),
            "theme_matches": pa.list_(pa.struct(match + [("theme_set", pa.string())])),
            **{theme_set_column(name): labels for name in lexicons.theme_sets}}


def write_partition(index: int, articles: list[Article], lexicons: Lexicons, out: str) -> tuple[str, int]:
    """On a worker: one chunk's sentence table as DIR/part-<index>.parquet; returns (file name, rows)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = sentence_table(articles, worker_lexicons(lexicons))[sentence_columns(lexicons)]
    types = _arrow_types(lexicons)
    arrays = []
    for column in table.columns:
        matches = column in ("theme_matches", "actor_matches")  # plain tuples in TermMatch's order
        listed = column in types and pa.types.is_list(types[column])
        values = [[TermMatch(*m)._asdict() if matches else m for m in v] for v in table[column]] if listed \
            else table[column].to_numpy()
        array = pa.array(values, type=types.get(column))
        arrays.append(array.cast(pa.string()) if pa.types.is_null(array.type) else array)
    name = PARTITION.format(index)
    pq.write_table(pa.Table.from_arrays(arrays, names=list(table.columns)), Path(out) / name)
    return name, len(table)


def _client(scheduler: str):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise InputError("--engine dask", INSTALL) from exc
    if scheduler == "local":
        cluster = LocalCluster(n_workers=usable_cores(), threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    return Client(scheduler), None


def analyse_on_cluster(articles: Iterable[Article], lexicons: Lexicons, out: str | Path, scheduler: str = "local",
            chunk_articles: int = 200) -> list[tuple[str, int]]:
    """Analyse ``articles`` on Dask into Parquet partitions under ``out``; returns each partition's (file, rows)."""
    import dask.bag as db

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("part-*.parquet"):  # a folder written before holds this run's partitions only
        old.unlink()
    client, cluster = _client(scheduler)
    written: list[tuple[str, int]] = []
    try:
        wave: list[tuple[int, list[Article]]] = []
        for index, chunk in enumerate(chunks(articles, chunk_articles)):
            wave.append((index, chunk))
            if len(wave) == WAVE:
                written += _run_wave(db, wave, lexicons, out)
                wave = []
        if wave:
            written += _run_wave(db, wave, lexicons, out)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return written


def _run_wave(db, wave: list[tuple[int, list[Article]]], lexicons: Lexicons, out: Path) -> list[tuple[str, int]]:
    bag = db.from_sequence(wave, npartitions=len(wave))
    return bag.map(lambda item: write_partition(item[0], item[1], lexicons, str(out))).compute()


def is_partitions(path: str | Path) -> bool:
    return Path(path).is_dir() and any(Path(path).glob("part-*.parquet"))


def read_partitions(folder: str | Path) -> Iterator[pd.DataFrame]:
    """The sentence table of a folder that ``analyze --engine dask`` wrote, one partition at a time, in input order,
    without its list columns (cues, themes, actors: summaries need only numbers, flags and text)."""
    import pyarrow.parquet as pq

    for path in sorted(Path(folder).glob("part-*.parquet")):
        schema = pq.read_schema(path)
        scalar = [f.name for f in schema if not str(f.type).startswith("list")]
        yield pq.read_table(path, columns=scalar).to_pandas()
