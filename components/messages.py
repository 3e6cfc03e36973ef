"""Messages from a change to the corpus or the lexicons, shown in the view that made the change."""
from __future__ import annotations

import streamlit as st

from framing.reading.intake import Message

from .text import literal

_SHOW = {"error": st.error, "warning": st.warning, "info": st.info, "success": st.success}


def show(items: list[Message]) -> None:
    for message in items:
        _SHOW[message.level](literal(str(message)))
