"""How long does the browser take to redraw Over time's four charts after a pick, by how many periods they draw?

    python -m bench.chart_drawing                              # 33, 99 and 429 periods (8 years by quarter, month, week)
    python -m bench.chart_drawing --periods 429 --without-points   # also what the points layer costs
    python -m bench.chart_drawing --periods 20 --samples 2     # the smoke run

A page of four time charts, each built as the Over time view builds its charts (``components.charts.over_time``,
drawn by ``components.panel.clickable_chart``) from synthetic figures for 3 outlets, is served by ``streamlit run``;
a button swaps in a second pick's figures and titles, as a theme or actor pick does. Each swap is timed in headless
Chromium from the click until the page is settled (as ``bench.app_latency`` settles), against the same page with
nothing to redraw: the floor, Streamlit's round trip and the 50 ms guard. The server's share is small here (four
charts' rows made Arrow), so what is left above the floor is the browser's: decoding the rows and Vega drawing them.
Streamlit draws Vega-Lite with Vega's expression interpreter (no code built at run time), which evaluates every
mark's encodings item by item, so this grows with the items drawn (a point, and a line's and a band's vertex, per
outlet-period). ``--without-points`` drops what a click picks: each chart's points layer (hollow for a small
sample) or, on a chart of more than 150 periods, its columns (one per period), to measure what they cost. Figures only; no goal is asserted. Goal (#24): a pick within 1 s at 10,000
articles, timed in the app by ``bench.app_latency``.
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.app_latency import CHARTS, settle
from bench.load import ARGS, CHROMIUM, start_server

ROOT = Path(__file__).resolve().parent.parent

PAGE = '''
import numpy as np
import pandas as pd
import streamlit as st
from components.charts import over_time
from components.panel import clickable_chart
from components.redraw import words_as_data

PERIODS, MODE = {periods}, {mode!r}
OUTLETS = ["Daily Ledger", "Morning Post", "Evening Star"]
MEASURES = [("articles", None, ",", "Articles"), ("share_pct", 100, ".1f", "% of sentences"),
            ("mean_tone", 1, "+.3f", "Mean tone"), ("hedges", 10, ".1f", "Hedges per 1,000 words")]


@st.cache_data
def figures(pick: int) -> pd.DataFrame:
    """A pick's figures for every outlet-period, as periods.over_time gives them (the columns the charts read)."""
    rng = np.random.default_rng(pick)
    starts = pd.date_range("2012-01-02", periods=PERIODS, freq="7D").strftime("%Y-%m-%d")
    rows = pd.DataFrame({{"outlet_group": np.repeat(OUTLETS, PERIODS), "period": np.tile(starts, 3),
                         "start": np.tile(starts, 3)}})
    rows["n_sentences"] = rng.integers(5, 120, len(rows))
    rows["articles"] = rng.integers(1, 12, len(rows))
    rows["small_sample"] = rows["n_sentences"] < 30
    for name, scale, _, _ in MEASURES[1:]:
        value = rng.normal(0, 0.3, len(rows)) * scale
        rows[name], rows[name + "_low"], rows[name + "_high"] = value, value - 0.1 * scale, value + 0.1 * scale
    return rows


pick = st.session_state.setdefault("pick", 0)
if st.button("swap"):
    pick = st.session_state["pick"] = 1 - pick if MODE != "floor" else pick
st.write(f"swapped {{st.session_state.setdefault('swaps', 0)}}")
st.session_state["swaps"] += 1
data = figures(pick)
for i, (value, scale, fmt, title) in enumerate(MEASURES):
    interval = (value + "_low", value + "_high") if scale else (None, None)
    chart = over_time(data, value, *interval, f"{{title}}, pick {{pick}}", "synthetic figures", title, OUTLETS, fmt=fmt,
                      brush=not i, zero=value == "mean_tone")
    spec = chart.screen_spec()
    if MODE == "without points":  # nor its columns; and so without the click selection, which they carry
        spec["layer"] = [layer for layer in spec["layer"] if layer.get("name") not in ("points", "periods")]
        spec["params"] = [p for p in spec.get("params", []) if p["name"] != "pick"]
        st.vega_lite_chart(words_as_data(spec), key=f"chart{{i}}", width="stretch", height=400,
                           **({{"on_select": "rerun", "selection_mode": "period"}} if not i else {{}}))
    else:
        clickable_chart(f"chart{{i}}", spec, {{}}, 400, ["pick", "period"] if not i else "pick")
'''


def swaps(browser, url: str, samples: int) -> list[float]:
    """Seconds from each click on "swap" until the page is settled, after two swaps not timed (the charts' code and
    first views made)."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(url)
    page.wait_for_function(f"() => {CHARTS} >= 4", timeout=120_000, polling=20)
    settle(page)
    button, times = page.get_by_role("button", name="swap"), []
    for n in range(samples + 2):
        started = time.perf_counter()
        button.click()
        page.wait_for_function(f"() => [...document.querySelectorAll('p')].some(p => p.innerText === 'swapped {n + 1}')",
                               timeout=120_000, polling=20)
        settle(page)
        if n >= 2:
            times.append(time.perf_counter() - started)
    page.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--periods", type=int, nargs="+", default=[33, 99, 429], help="periods per outlet (3 outlets)")
    parser.add_argument("--samples", type=int, default=20, help="swaps timed per page")
    parser.add_argument("--without-points", action="store_true", help="also time the charts without their points (or columns)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    modes = ["floor", "as drawn", *(["without points"] if args.without_points else [])]
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        print(f"{os.cpu_count()} cores; four charts, 3 outlets; p50 / p95 of {args.samples} swaps")
        for periods in args.periods:
            medians = {}
            for mode in modes:
                script = Path(folder) / f"page_{periods}_{mode.replace(' ', '_')}.py"
                script.write_text(PAGE.format(periods=periods, mode=mode))
                server, url = start_server(script, {"PYTHONPATH": str(ROOT)})  # the page imports the app's components
                try:
                    seconds = np.array(swaps(browser, url, args.samples)) * 1000
                finally:
                    server.terminate()
                    server.wait(timeout=30)
                medians[mode] = np.median(seconds)
                above = f", {medians[mode] - medians['floor']:,.0f} ms above the floor" if mode != "floor" else ""
                print(f"  {periods:>4} periods ({3 * periods:,} rows a chart), {mode:14s} p50 {np.median(seconds):6,.0f} / "
                      f"p95 {np.percentile(seconds, 95):6,.0f} ms{above}")
        browser.close()


if __name__ == "__main__":
    main()
