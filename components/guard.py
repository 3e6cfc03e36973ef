"""The last line of "no traceback ever reaches a user": a failure nothing foresaw, while a page or a chart is drawn,
is one clear message where it happened. The visitor's articles, lists and picks are in the session and the URL, so
nothing is lost; the traceback goes to the server's log, not to the page. Expected problems (a bad file, a busy
server) have their own messages before it comes to this."""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import streamlit as st

from .text import literal

LOG = logging.getLogger("framing")
# Not "reload the page": a reloaded page is a new session, without the articles this one holds.
MESSAGE = ("Something went wrong while drawing {what} ({kind}). Your articles, lists and picks are kept: try another "
           "pick or view. The details are in the server's log.")
F = TypeVar("F", bound=Callable)


@contextmanager
def one_message(what: str, retry: bool = False) -> Iterator[None]:
    """Runs the block; an exception in it becomes ``MESSAGE`` on the page (Streamlit's own reruns and stops pass),
    with a button to run it again when ``retry`` (the whole page: when it fails, the sidebar may not be there to click)."""
    try:
        yield
    except Exception as error:  # noqa: BLE001 — the point: whatever it is, the visitor gets a sentence, not a trace
        LOG.exception("drawing %s failed", what)
        st.error(literal(MESSAGE.format(what=what, kind=type(error).__name__)))
        if retry:
            st.button("Try again", key="guard_try_again")  # a click reruns the page


def guarded(what: str) -> Callable[[F], F]:
    """``one_message`` around a function (a chart's fragment, which Streamlit also reruns on its own)."""
    def wrap(draw: F) -> F:
        @functools.wraps(draw)
        def drawn(*args, **kwargs):
            with one_message(what):
                return draw(*args, **kwargs)
        return drawn  # type: ignore[return-value]
    return wrap
