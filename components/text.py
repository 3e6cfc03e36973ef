"""User text shown through Streamlit's Markdown (headers, captions, messages) must stay literal."""
from __future__ import annotations

import re

# CommonMark lets any ASCII punctuation be backslash-escaped; escaping all of it also disarms
# Streamlit's own syntax (":red[...]" directives, "$" maths) and raw HTML.
_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def literal(text: object) -> str:
    """``text`` as Markdown that renders exactly as written, on one line."""
    return _ASCII_PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))
