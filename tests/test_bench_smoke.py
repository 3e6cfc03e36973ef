"""The benchmarks run from a fresh clone: small smoke runs only (the long ones print figures, never assert times)."""
import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

CHROMIUM = "/usr/bin/chromium"


def needs_chromium() -> None:
    """Browser benches skip only when no Chromium exists and CI is unset; under CI a missing browser fails."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            raise RuntimeError(f"CI is set but {CHROMIUM} is missing: apt-get install -y chromium")
        pytest.skip("no Chromium at /usr/bin/chromium (and CI unset)")


def test_make_corpus_is_deterministic_and_every_text_distinct():
    command = [sys.executable, "-m", "bench.make_corpus", "--articles", "60", "--outlets", "4", "--stories", "15", "--seed", "7"]
    first = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True).stdout
    again = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True).stdout
    rows = list(csv.DictReader(io.StringIO(first)))
    assert first == again and len(rows) == 60 and len({r["text"] for r in rows}) == 60
    assert len({r["outlet"] for r in rows}) == 4 and len({r["story"] for r in rows}) == 15
    # each story is covered by more than one outlet: the same events, several outlets
    assert all(len({r["outlet"] for r in rows if r["story"] == s}) > 1 for s in {r["story"] for r in rows})


@pytest.mark.slow
@pytest.mark.browser
def test_load_bench_smoke_two_visitors():
    needs_chromium()
    result = subprocess.run([sys.executable, "-m", "bench.load", "--visitors", "2", "--articles", "50", "--timeout", "120",
                             "--nice-browsers"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "server still running: yes" in result.stdout
    assert "outcomes: results 2, busy 0, error 0, lost articles 0" in result.stdout
    server, rest = (float(x) for x in re.search(r"processes (\d+) core-s .* browsers, niced, mostly\) (\d+) core-s",
                                                  result.stdout).groups())
    assert server > 0 and rest > 0  # both the server's CPU and the browsers' are counted


@pytest.mark.slow
def test_throughput_bench_smoke():
    result = subprocess.run([sys.executable, "-m", "bench.throughput", "--articles", "50"], capture_output=True, text=True,
                            cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "TextBlob polarity alone" in result.stdout and "whole `analyze` process, --jobs 2" in result.stdout


@pytest.mark.slow
@pytest.mark.browser
def test_app_latency_bench_smoke():
    needs_chromium()
    result = subprocess.run([sys.executable, "-m", "bench.app_latency", "--articles", "50", "--samples", "2",
                             "--views", "Compare", "Search", "Over time", "--unit", "Weekly"],
                            capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "bundled corpus: first chart" in out and "50 articles uploaded" in out
    for figure in ("click → passages updated: p50", "outlet pick → charts and passages redrawn (Compare): p50",
                   "theme pick → charts and passages redrawn (Over time): p50",
                   "actor pick → charts and passages redrawn (Over time, Weekly): p50", "view switch: p50", "server RSS: steady"):
        assert out.count(figure) == 2, (figure, out)  # for the bundled corpus and for the upload


@pytest.mark.slow
@pytest.mark.browser
def test_chart_drawing_bench_smoke():
    needs_chromium()
    result = subprocess.run([sys.executable, "-m", "bench.chart_drawing", "--periods", "20", "--samples", "2",
                             "--without-points"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if "20 periods (60 rows a chart)" in line]
    assert [line.split("chart), ")[1].split(" p50")[0].strip() for line in lines] == ["floor", "as drawn", "without points"]
    assert all("above the floor" in line for line in lines[1:])


@pytest.mark.slow  # as every other benchmark's smoke: CI runs it (10 s, a model loaded in a fresh process)
def test_portrayal_bench_smoke_on_the_bundled_corpus():
    result = subprocess.run([sys.executable, "-m", "bench.portrayal", "--corpus", "data/articles.jsonl", "--articles", "5",
                             "--actors", "2", "--picks", "2"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("5 articles") and len(lines) == 3 and all("a pick once read" in line for line in lines[1:])
