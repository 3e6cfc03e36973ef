import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def lexicons():
    from framing.lexicon import Lexicons

    return Lexicons.load()


@pytest.fixture(scope="session")
def bundled():
    from framing.corpus import load_bundled

    return load_bundled()


@pytest.fixture(scope="session")
def table(bundled, lexicons):
    from framing.table import sentence_table

    return sentence_table(bundled, lexicons)


def pytest_terminal_summary(terminalreporter):
    """Say where the browser tests left their screenshots (pytest's capture hides prints made during tests)."""
    import os

    shots = Path(os.environ.get("FRAMING_SCREENSHOTS", ROOT / "screenshots"))
    pngs = sorted(shots.glob("*.png")) if shots.is_dir() else []
    if pngs:
        terminalreporter.write_line(f"screenshots of the views ({len(pngs)} PNG files): {shots}")
