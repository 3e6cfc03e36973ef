"""The methodology panel: the README's Methodology section (one text, kept next to the code)."""
from __future__ import annotations

import re
from pathlib import Path

import streamlit as st

from framing.analysis import Analysis
from framing.tone import DEFAULT_TONE_ENGINE, TONE_ENGINES

from ..lens import Lens

TITLE = "Methodology"
README = Path(__file__).resolve().parents[2] / "README.md"


def methodology_markdown() -> str:
    text = README.read_text("utf-8")
    match = re.search(r"^## Methodology\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    return match.group(1).strip() if match else "The README has no Methodology section."


def draw(analysis: Analysis, lens: Lens) -> None:
    st.subheader("How each number is made, and how far to trust it")
    st.info(f"Tone engine by default: **{DEFAULT_TONE_ENGINE}** — {TONE_ENGINES[DEFAULT_TONE_ENGINE]}. "
            "Switch engines in the sidebar; every tone chart says which engine it shows.")
    st.markdown(methodology_markdown())
