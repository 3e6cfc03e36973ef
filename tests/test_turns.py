"""Analyses take turns, first come first served: the first upload of a burst is not held back by the ones after it."""
from __future__ import annotations

import os
import threading
import time

from framing.scoring.turns import AnalysisQueue


def test_analyses_run_in_the_order_they_came_one_at_a_time_and_the_waiting_are_told_how_many_are_ahead():
    line = AnalysisQueue(1)
    ran, told, running = [], {}, []
    first_in, all_waiting = threading.Event(), threading.Event()

    def visitor(n: int) -> None:
        with line.turn(told=lambda ahead: told.setdefault(n, []).append(ahead)) as got:
            assert got
            running.append(n)
            assert len(running) == 1  # nobody else analyses meanwhile
            ran.append(n)
            if n == 0:
                first_in.set()
                all_waiting.wait(5)  # the first holds its turn until the others are in line (not for a fixed time)
            time.sleep(0.05)
            running.remove(n)

    threads = [threading.Thread(target=visitor, args=(0,))]
    threads[0].start()
    first_in.wait(5)
    for n in (1, 2, 3):  # they come while the first is analysed, one after another
        threads.append(threading.Thread(target=visitor, args=(n,)))
        threads[-1].start()
        for _ in range(500):  # until it is in line and told so
            if n in told:
                break
            time.sleep(0.01)
    all_waiting.set()
    for t in threads:
        t.join(10)
    assert ran == [0, 1, 2, 3]
    assert 0 not in told and told[3][0] == 3 and told[3] == sorted(told[3], reverse=True)


def test_a_wait_that_runs_out_gives_up_its_place_and_a_turn_held_already_is_not_waited_for():
    line = AnalysisQueue(1)
    holding, done = threading.Event(), threading.Event()

    def other() -> None:
        with line.turn():
            holding.set()
            done.wait(10)

    threading.Thread(target=other, daemon=True).start()
    holding.wait(5)
    with line.turn(timeout=0.05) as got:
        assert not got
    done.set()
    with line.turn(timeout=5) as got, line.turn(timeout=0) as again:  # the page's later step, in its own turn
        assert got and again


def test_the_worker_processes_stay_ready_between_analyses_and_are_let_go_once_unused():
    from framing.scoring import parts

    warm = parts.WarmPool(1, idle_seconds=0.5)
    with warm.lend() as pool:
        first = pool.submit(os.getpid).result(timeout=60)
    with warm.lend() as pool:  # the next analysis finds the same process, started
        assert pool.submit(os.getpid).result(timeout=60) == first
    time.sleep(1.5)
    assert not warm.started
    with warm.lend() as pool:  # and a new one is started when asked again
        assert pool.submit(os.getpid).result(timeout=60) != first


def test_after_a_large_analysis_the_workers_are_let_go_as_soon_as_they_are_given_back():
    from framing.scoring import parts

    warm = parts.WarmPool(1, idle_seconds=600)
    warm.let_go_when_returned()  # nothing started: nothing to let go, and the next analysis keeps its workers warm
    with warm.lend() as pool:
        pool.submit(os.getpid).result(timeout=60)
    assert warm.started
    with warm.lend() as pool, warm.lend():  # two analyses hold them: the workers stay until both give them back
        warm.let_go_when_returned()
        assert pool.submit(os.getpid).result(timeout=60)
        time.sleep(0.3)
        assert warm.started
    deadline = time.monotonic() + 5
    while warm.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not warm.started
    with warm.lend() as pool:  # a later analysis starts new ones, kept warm again
        assert pool.submit(os.getpid).result(timeout=60)
    time.sleep(0.3)
    assert warm.started


def test_work_an_analysis_left_queued_is_cancelled_when_it_gives_the_workers_back():
    from framing.scoring import parts

    warm = parts.WarmPool(1, idle_seconds=5)
    with warm.lend() as pool:
        running = pool.submit(time.sleep, 1.0)
        while not running.running():
            time.sleep(0.01)
        queued = [pool.submit(os.getpid) for _ in range(5)]
    # the pool hands a worker one call beyond the one it runs, which can no longer be cancelled; the rest are
    assert sum(f.cancelled() for f in queued) >= len(queued) - 1 and not running.cancelled()
    with warm.lend() as pool:  # the next one's work is done
        assert pool.submit(os.getpid).result(timeout=60)
