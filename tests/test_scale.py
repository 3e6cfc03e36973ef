"""The Dask engine: on a two-worker cluster, the same rows as one process, and the same summaries from its Parquet."""
import csv
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest
from dask.distributed import LocalCluster

from bench.make_corpus import make_rows
from framing.scoring.table import cli_columns


@pytest.mark.slow
def test_dask_on_a_two_worker_cluster_writes_what_one_process_writes(tmp_path, monkeypatch, capsys):
    from framing import cli

    monkeypatch.setattr(cli, "CHUNK_ARTICLES", 20)  # partitions of 20, 20 and 10 articles
    corpus = tmp_path / "corpus.csv"
    with corpus.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, ["text", "title", "outlet", "date", "story"])
        writer.writeheader()
        writer.writerows(make_rows(50, 3, 8, seed=4))
    parts = tmp_path / "parts"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert len(cluster.workers) == 2
        assert cli.main(["analyze", str(corpus), "--engine", "dask", "--scheduler", cluster.scheduler_address, "--out", str(parts)]) == 0
    files = sorted(parts.glob("part-*.parquet"))
    assert [f.name for f in files] == ["part-000000.parquet", "part-000001.parquet", "part-000002.parquet"]
    capsys.readouterr()
    assert cli.main(["analyze", str(corpus), "--jobs", "1"]) == 0
    expected = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    written = pd.concat([pd.DataFrame(pq.read_table(f).to_pylist()) for f in files], ignore_index=True)
    assert len(written) == len(expected) > 300
    assert written[cli_columns()].to_dict(orient="records") == expected
    for by in ("outlet", "article"):
        assert cli.main(["summary", str(parts), "--by", by, "--format", "csv"]) == 0
        from_parts = capsys.readouterr().out
        assert cli.main(["summary", str(corpus), "--by", by, "--format", "csv"]) == 0
        assert from_parts == capsys.readouterr().out and from_parts.count("\n") > 3, by


def test_dask_without_an_output_folder_is_one_line(capsys):
    from framing import cli

    assert cli.main(["analyze", "--engine", "dask"]) == 2
    error = capsys.readouterr().err
    assert "needs --out DIR" in error and len(error.strip().splitlines()) == 1
