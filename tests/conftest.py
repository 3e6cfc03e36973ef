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
