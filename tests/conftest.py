from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent  # on sys.path through pyproject.toml's pytest pythonpath


def pytest_addoption(parser):
    parser.addoption("--run-slow", action="store_true",
                     help="also run the tests marked slow (benchmark smokes, streaming and cluster runs); CI always does")


def pytest_collection_modifyitems(config, items):
    """The everyday run skips the slow tests; ``--run-slow`` or a set ``CI`` (as .ci/run has) runs everything."""
    import os

    if config.getoption("--run-slow") or os.environ.get("CI"):
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
