"""Turns at analysing: a server's analyses run first come, first served, a few at a time.

An analysis of a large upload already uses every core (a pool of processes), so two run side by side only share
them: ten 1,000-article uploads at once all finished near the end (a median of 120 s in ``bench.load``, the first
as late as the rest). Taken in turn, the first is done in seconds and each waits only for those ahead of it, and
its visitor can be told how many those are.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class AnalysisQueue:
    """A line of analyses: the first ``slots`` in it run, the rest wait in the order they came. The app keeps a second
    line of one slot for reading uploads, so the next upload is read while the one ahead is analysed.

    A turn belongs to the thread that took it (the app runs each visitor's page in a thread of its own), and that
    thread asking again, as a page's later step does, is in its turn already."""

    def __init__(self, slots: int):
        self.slots = max(1, slots)
        self._line: list[int] = []  # the threads holding or waiting for a turn, in the order they came
        self._changed = threading.Condition()

    @contextmanager
    def turn(self, timeout: float | None = None, told: Callable[[int], None] | None = None) -> Iterator[bool]:
        """Waits for this thread's turn and holds it until the block ends: yields True once it is its turn, or
        False if ``timeout`` seconds pass first (its place is then given up). ``told(ahead)`` is called, outside
        any lock, each time the number of analyses ahead changes while it waits."""
        me = threading.get_ident()
        with self._changed:
            if me in self._line:  # a turn this thread holds already
                yield True
                return
            self._line.append(me)
        try:
            yield self._wait(me, None if timeout is None else time.monotonic() + timeout, told)
        finally:
            with self._changed:
                self._line.remove(me)
                self._changed.notify_all()

    def _wait(self, me: int, deadline: float | None, told: Callable[[int], None] | None) -> bool:
        last = None  # how many were ahead when last told
        while True:
            with self._changed:
                ahead = max(0, self._line.index(me) - self.slots + 1)  # 0: among the first ``slots``
                if ahead and ahead == last:  # nothing new to tell: wait for the line to move, or the deadline
                    left = None if deadline is None else deadline - time.monotonic()
                    if left is not None and left <= 0:
                        return False
                    self._changed.wait(timeout=left)
                    continue
            if not ahead:
                return True
            if deadline is not None and time.monotonic() >= deadline:
                return False
            if told is not None:
                told(ahead)
            last = ahead
