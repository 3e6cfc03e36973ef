from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent  # on sys.path through pyproject.toml's pytest pythonpath
# The team's 300 real articles: development data only (its README: never committed, never shipped), so the tests that
# use it read it where the team keeps it, and skip where it is not
REAL_NEWS = ROOT.parent / "shared" / "corpora" / "allsides_dev_small.csv"


def pytest_addoption(parser):
    parser.addoption("--run-slow", action="store_true",
                     help="also run the tests marked slow (benchmark smokes, streaming and cluster runs); CI always does")


# The longest tests (minutes each in a parallel run, none with a module-scoped fixture to keep together). xdist's
# "worksteal" gives each of the two workers one half of the tests in order, and a worker that runs out takes from
# the end of the other's: so half of these open each half, and neither worker is left with them at the end.
LONGEST_FIRST = ("test_bench_smoke.py::test_load", "test_bench_smoke.py::test_app_latency",
                 "test_robustness.py::test_the_command_line_streams", "test_bench_smoke.py::test_throughput")


def longest_first_in_each_half(items: list) -> list:
    rank = {i: next((k for k, name in enumerate(LONGEST_FIRST) if name in i.nodeid), None) for i in items}
    longest = sorted((i for i in items if rank[i] is not None), key=rank.get)  # longest first, as listed
    rest = [i for i in items if i not in longest]
    first, second = longest[0::2], longest[1::2]
    middle = len(items) // 2 - len(first)
    return first + rest[:middle] + second + rest[middle:]


def pytest_collection_modifyitems(config, items):
    """The everyday run skips the slow tests; ``--run-slow`` or a set ``CI`` (as .ci/run has) runs everything, the
    longest first."""
    import os

    if config.getoption("--run-slow") or os.environ.get("CI"):
        items[:] = longest_first_in_each_half(items)
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow (CI runs it)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def lexicons():
    from framing.language.lexicon import Lexicons

    return Lexicons.load()


@pytest.fixture(scope="session")
def bundled():
    from framing.reading.corpus import load_bundled

    return load_bundled()


@pytest.fixture(scope="session")
def table(bundled, lexicons):
    from framing.scoring.table import sentence_table

    return sentence_table(bundled, lexicons)


def pytest_terminal_summary(terminalreporter):
    """Say where the browser tests left their screenshots (pytest's capture hides prints made during tests)."""
    import os

    shots = Path(os.environ.get("FRAMING_SCREENSHOTS", ROOT / "screenshots"))
    pngs = sorted(shots.glob("*.png")) if shots.is_dir() else []
    if pngs:
        terminalreporter.write_line(f"screenshots of the views ({len(pngs)} PNG files): {shots}")
