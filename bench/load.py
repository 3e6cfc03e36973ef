"""Many visitors at once: does the shared server stay up, within memory, and does everyone get an answer?

    python -m bench.load --visitors 10 --articles 1000     # the issue's figure (takes minutes)
    python -m bench.load --visitors 2 --articles 50        # the smoke run CI does

Starts the app (``streamlit run app.py``) and drives N browser visitors at once in headless Chromium
(Debian's /usr/bin/chromium via Playwright). Each visitor uploads its own distinct corpus from
bench.make_corpus, then clicks through every view. Prints the server's peak memory (RSS), click
latency (p50, p95), how many visitors got results, were told the server was busy, errored, or lost
their articles, and the CPU time the server (with its analysis processes) took beside the rest of the
machine's: here the visitors' N browsers share the server's cores, as they would not in use.
``--nice-browsers`` runs them at the lowest priority, so the server's work comes first (as if the
browsers were on the visitors' own machines; a browser still shows results only when it gets a turn, so answers
that the server finished early may show late). Until the twenty-third stop this niced each browser process alone,
which changed nothing: Playwright starts the browser in a session of its own, Linux shares the CPU fairly between
sessions (autogroup) whatever a process's nice value, and Chromium, run as root, sets its processes' own. The
browsers took about half the machine. Now the browser's whole session is niced (``/proc/self/autogroup``).
Figures only; no goal is asserted here.
"""
from __future__ import annotations

import argparse
import asyncio
import csv
import io
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np

from bench.make_corpus import make_rows

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
VIEWS = ["Overview", "Tone", "Hedging", "Emphasis", "Voices", "Articles"]
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"


def start_server(script: Path = ROOT / "app.py", env: dict | None = None, *options: str) -> tuple[subprocess.Popen, str]:
    """``streamlit run`` on a free port; returns the process and its address once it accepts connections."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(script), "--server.headless=true",
                             f"--server.port={port}", "--server.address=127.0.0.1", *options], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    return proc, f"http://127.0.0.1:{port}"


def rss_mb(pid: int) -> int:
    """Resident memory of a process and its children (the analysis pool's worker processes count too)."""
    total = 0
    for p in [pid, *children(pid)]:
        try:
            total += next(int(line.split()[1]) // 1024 for line in Path(f"/proc/{p}/status").read_text().splitlines()
                          if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            pass
    return total


def children(pid: int) -> list[int]:
    """Every process under ``pid``, at any depth."""
    found = _direct_children(pid)
    return found + [g for c in found for g in children(c)]


def cpu_seconds(pid: int) -> float:
    """CPU time of a process and of all its children: those still running (the server's worker processes, kept
    between uploads) and those it has waited for."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # ended meanwhile (its time is in its parent's count of waited-for children)
        return 0.0
    own = sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    return own + sum(cpu_seconds(child) for child in _direct_children(pid))


def _direct_children(pid: int) -> list[int]:
    """The processes ``pid`` started, from any of its threads (the app starts its workers from a visitor's)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def busy_seconds() -> float:
    """CPU time the whole machine has spent busy (every core, every process), from /proc/stat."""
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in Path("/proc/stat").read_text().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def niced_chromium(folder: Path) -> str:
    """A Chromium that runs at the lowest priority, with every process it starts."""
    script = folder / "chromium-niced"
    # Playwright starts the browser in a session of its own, and Linux (autogroup) shares the CPU fairly between
    # sessions whatever a process's nice value: the session's own nice value is what puts it behind the server.
    script.write_text(f'#!/bin/sh\necho 19 > /proc/self/autogroup 2>/dev/null\nexec nice -n 19 {CHROMIUM} "$@"\n')
    script.chmod(0o755)
    return str(script)


class RssWatch(threading.Thread):
    """The peak of the server's memory, its worker processes included."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, False

    def run(self):
        while not self.stop:
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(0.1)


def corpus_csv(articles: int, seed: int, days: int | None = None, outlets: int = 3) -> bytes:
    """A synthetic corpus (bench.make_corpus): a story every 3 days, ten articles a story, or as many stories as
    ``days`` holds."""
    out = io.StringIO()
    writer = csv.DictWriter(out, ["text", "title", "outlet", "date", "story"])
    writer.writeheader()
    writer.writerows(make_rows(articles, outlets, max(days // 3 if days else articles // 10, 1), seed))
    return out.getvalue().encode()


async def visitor(browser, url: str, n: int, data: bytes, articles: int, timeout_ms: int) -> dict:
    context = await browser.new_context(viewport={"width": 1280, "height": 720})
    context.set_default_timeout(timeout_ms)  # every step, not only the waits: a niced browser may wait its turn long
    page = await context.new_page()
    result = {"visitor": n, "outcome": "error", "clicks": [], "detail": ""}
    try:
        await page.goto(f"{url}/?view=Articles")
        await page.wait_for_selector("[data-testid='stFileUploaderDropzoneInput']", state="attached", timeout=timeout_ms)
        uploaded = time.perf_counter()
        await page.locator("[data-testid='stFileUploaderDropzoneInput']").first.set_input_files(
            [{"name": f"visitor{n}.csv", "mimeType": "text/csv", "buffer": data}])
        await page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stAlert\"]').length > 0",
                                     timeout=timeout_ms)
        await page.wait_for_function(IDLE, timeout=timeout_ms)
        alert = await page.locator("[data-testid='stAlert']").first.inner_text()
        sidebar = await page.locator("[data-testid='stSidebar']").inner_text()
        result["answered"] = time.perf_counter() - uploaded  # upload → results (or "busy")
        if "busy" in alert:
            result["outcome"] = "busy"
        elif f"{articles:,} articles" in sidebar or f"{articles} articles" in sidebar:  # the demo's five replaced
            result["outcome"] = "results"
        else:
            result["detail"] = alert[:120]
            return result
        for view in VIEWS:
            started = time.perf_counter()
            await page.locator("[data-testid='stButtonGroup'] button", has_text=view).first.click()
            await page.wait_for_timeout(100)
            await page.wait_for_function(IDLE, timeout=timeout_ms)
            result["clicks"].append(time.perf_counter() - started)
        sidebar = await page.locator("[data-testid='stSidebar']").inner_text()
        expected = 5 if result["outcome"] == "busy" else articles
        if f"{expected:,} articles" not in sidebar and f"{expected} articles" not in sidebar:
            result["outcome"], result["detail"] = "lost articles", sidebar[:120]
    except Exception as exc:  # noqa: BLE001 — a bench reports failures, it does not stop at the first
        result["detail"] = f"{type(exc).__name__}: {str(exc)[:120]}"
    finally:
        await context.close()
    return result


async def run(visitors: int, articles: int, timeout_ms: int, nice_browsers: bool = False) -> list[dict]:
    import tempfile

    from playwright.async_api import async_playwright

    proc, url = start_server()
    watch = RssWatch(proc.pid)
    watch.start()
    try:
        corpora = [corpus_csv(articles, seed=n + 1) for n in range(visitors)]
        async with async_playwright() as p:
            with tempfile.TemporaryDirectory() as folder:
                chromium = niced_chromium(Path(folder)) if nice_browsers else CHROMIUM
                browser = await p.chromium.launch(executable_path=chromium, args=ARGS, headless=True)
                started, server_cpu, machine_cpu = time.perf_counter(), cpu_seconds(proc.pid), busy_seconds()
                results = await asyncio.gather(*(visitor(browser, url, n, corpora[n], articles, timeout_ms)
                                                 for n in range(visitors)))
                elapsed = time.perf_counter() - started
                server_cpu, machine_cpu = cpu_seconds(proc.pid) - server_cpu, busy_seconds() - machine_cpu
                await browser.close()
        server_alive = proc.poll() is None
    finally:
        watch.stop = True
        proc.terminate()
        proc.wait(timeout=20)
    clicks = [c for r in results for c in r["clicks"]]
    outcomes = {k: sum(r["outcome"] == k for r in results) for k in ("results", "busy", "error", "lost articles")}
    print(f"visitors {visitors}, {articles} articles each, {os.cpu_count()} cores: {elapsed:.1f} s in all")
    print(f"server peak RSS {watch.peak} MB (its analysis worker processes included); "
          f"server still running: {'yes' if server_alive else 'NO'}")
    print(f"CPU: the server and its analysis processes {server_cpu:.0f} core-s ({server_cpu / visitors:.1f} per visitor; "
          f"on {os.cpu_count()} cores at least {server_cpu / os.cpu_count():.0f} s), the rest of the machine (the "
          f"{visitors} browsers{', niced' if nice_browsers else ''}, mostly) {machine_cpu - server_cpu:.0f} core-s")
    if clicks:
        print(f"view click → idle: p50 {np.percentile(clicks, 50) * 1000:.0f} ms, p95 {np.percentile(clicks, 95) * 1000:.0f} ms "
              f"({len(clicks)} clicks)")
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in outcomes.items()))
    served = sorted(r["answered"] for r in results if r["outcome"] == "results")
    if served:
        print(f"upload → results: median {np.median(served):.1f} s, slowest {served[-1]:.1f} s "
              f"({sum(t <= 60 for t in served)} of {visitors} within 60 s); each: {', '.join(f'{t:.0f}' for t in served)} s")
    for r in results:
        if r["outcome"] in ("error", "lost articles"):
            print(f"  visitor {r['visitor']}: {r['outcome']}: {r['detail']}")
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--visitors", type=int, default=10)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--timeout", type=float, default=900, help="seconds a visitor waits for any one step")
    parser.add_argument("--nice-browsers", action="store_true",
                        help="run the browsers at the lowest priority (as if on the visitors' own machines)")
    args = parser.parse_args()
    results = asyncio.run(run(args.visitors, args.articles, int(args.timeout * 1000), args.nice_browsers))
    return 0 if all(r["outcome"] in ("results", "busy") for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
