"""How quickly does the app answer a person, and how much memory does its server hold?

    python -m bench.app_latency                           # bundled corpus, then 1,000 articles (a few minutes)
    python -m bench.app_latency --articles 1000 10000     # also 10,000 (the upload limits are raised for it)
    python -m bench.app_latency --articles 50 --samples 2 --views Compare Search "Over time"  # CI's smoke run
    python -m bench.app_latency --csv ../shared/corpora/allsides_dev.csv --articles 1000   # real news: its first rows
    python -m bench.app_latency --articles 10000 --samples 10 --views "Over time" --unit Monthly   # #24: 8 years by month
    python -m bench.app_latency --articles 10000 --samples 10 --views "Over time" --unit Weekly --days 1036  # 148 weeks

The corpus uploaded is synthetic (bench.make_corpus: the bundled articles' paragraphs resampled, about 15 sentences
an article) unless ``--csv`` names a file of real articles, whose first rows are uploaded as they are (real news
runs to about 48 sentences an article, so it costs about three times as much to analyse).

In headless Chromium (Debian's /usr/bin/chromium via Playwright), against a server started here, it prints:
- time to first chart on the bundled corpus, against a bare one-chart Streamlit app started in the same run;
- for each corpus size: the upload until the analysis is done, and until Compare's first chart is drawn. The page
  opens at ``/?view=Articles`` (a link straight to the upload), so the browser loads its chart library (Vega, about
  half a second) only for that first chart; with ``--landing`` it opens at the app's first page, as a visitor
  arrives, draws Compare on the bundled corpus, and goes to Articles to upload;
- click on a chart mark until its passages have changed and the rerun is over (p50, p95);
- outlet pick in the sidebar until every chart and passage list is redrawn (p50, p95), on Compare and Over time;
  theme and actor picks on Over time (and, with ``--unit``, each kind of pick by that unit);
- view switch until the new view is drawn (p50, p95);
- the server's resident memory (RSS): steady, after visiting every view, its peak, and (when Story was visited)
  once the tone-toward model has been let go after its idle time.
Each latency is measured in the browser, from the input event to the page being settled: no stale element
left, no "running" indicator, the expected change visible. Figures only; no goal is asserted here.
"""
from __future__ import annotations

import argparse
import csv
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.load import ARGS, CHROMIUM, corpus_csv, rss_mb, start_server
from bench.load import RssWatch as Peak
from components.lens import MODES
from framing.models import tone_toward

ROOT = Path(__file__).resolve().parent.parent

BARE_APP = """import altair as alt, pandas as pd, streamlit as st
st.title("Bare")
st.altair_chart(alt.Chart(pd.DataFrame({"x": list("abc"), "y": [1, 2, 3]})).mark_bar().encode(x="x", y="y"))
"""
CHARTS = "document.querySelectorAll('.vega-embed canvas, .vega-embed svg.marks').length"
SETTLED = ("() => !document.querySelector('[data-testid=\"stStatusWidget\"]') && "
           "!document.querySelector('[data-stale=\"true\"]')")
VIEWS = ["Compare", "Story", "Search", "Overview", "Tone", "Hedging", "Emphasis", "Voices", "Over time", "Articles", "Lexicons",
         "Methodology"]
PICKED_ON = ("Compare", "Over time")  # the view with the most charts, and the time view (#24: within 1 s of a pick)
PICKED_ON_TIME = ("theme", "actor")  # on Over time, theme and actor picks are timed too (they redraw every aggregate)


def start(script: Path, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    return start_server(script, env, "--server.maxUploadSize=200")  # the 10,000-article CSV is 27 MB


# A pick is timed from the click the page receives, not from asking Playwright to click: an option far down the
# sidebar's list (a virtualised menu) is scrolled to first, which took Playwright 0.36-0.88 s before the click (the
# "one slow actor pick of ten" at 1,000 articles until the thirteenth stop; from the click on, those picks took as
# long as the others).
PICK_TIMEOUT_MS = 120_000  # a pick took at most a few seconds at 10,000 articles; one run hung 10 minutes at 1,000
CLICKS_NOTED = "() => document.addEventListener('click', () => { window.__clicked = performance.now(); }, true)"
SINCE_CLICK = "() => performance.now() - window.__clicked"
# Messages the page has sent its server (an init script counts them on every page that picks: ``new_page``)
COUNT_SENT = ("(() => { const send = WebSocket.prototype.send; window.__sent = 0; "
              "WebSocket.prototype.send = function (...a) { window.__sent += 1; return send.apply(this, a); }; })()")
SENT = "window.__sent || 0"


def new_page(browser):
    """A 1280×720 page that counts the messages it sends (``COUNT_SENT``)."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.add_init_script(COUNT_SENT)
    return page


def settle(page, timeout_ms: int = 600_000) -> None:
    page.wait_for_timeout(50)
    page.wait_for_function(SETTLED, timeout=timeout_ms, polling=20)


def first_chart_seconds(browser, url: str, timeout_ms: int = 120_000) -> float:
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(f"() => {CHARTS} >= 1", timeout=timeout_ms, polling=20)
    seconds = time.perf_counter() - started
    page.close()
    return seconds


def passages_text(page, index: int) -> str:
    return page.evaluate(f"""() => {{
        const frames = [...document.querySelectorAll('[data-testid="stHtml"]')].filter(f => f.querySelector('.fl-legend'));
        const f = frames[{index}];
        return f ? [...f.querySelectorAll('[data-sentence-id]')].map(e => e.dataset.sentenceId).join(' ') : '';
    }}""")


def changed(page, index: int, before: str, timeout_ms: int = 600_000) -> None:
    page.wait_for_function(f"""() => {{
        const frames = [...document.querySelectorAll('[data-testid="stHtml"]')].filter(f => f.querySelector('.fl-legend'));
        const f = frames[{index}];
        const now = f ? [...f.querySelectorAll('[data-sentence-id]')].map(e => e.dataset.sentenceId).join(' ') : '';
        return now !== {before!r} && now !== '';
    }}""", timeout=timeout_ms, polling=20)


def clicks(page, samples: int) -> list[float]:
    """Click bars of the Overview's article chart (one bar per article), alternating rows, each click timed until
    the passages beside the chart are that article's and the rerun is over."""
    page.locator("[data-testid='stButtonGroup'] button", has_text="Overview").first.click()
    settle(page)
    page.wait_for_function(f"() => {CHARTS} >= 1", timeout=120_000)
    chart = page.locator(".vega-embed").first
    for attempt in range(5):  # a rerun may replace the chart between finding and scrolling: find it again
        try:
            chart.scroll_into_view_if_needed(timeout=10_000)
            break
        except Exception:
            if attempt == 4:
                raise
            settle(page)
    settle(page)
    box = chart.locator("canvas, svg.marks").first.bounding_box()
    times, rows = [], [0.15, 0.22, 0.29, 0.36, 0.43, 0.5, 0.57]
    for n in range(samples * 3):
        if len(times) >= samples:
            break
        before = passages_text(page, 0)
        started = time.perf_counter()
        page.mouse.click(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * rows[n % len(rows)])
        try:
            changed(page, 0, before, timeout_ms=5_000)
        except Exception:  # noqa: BLE001 — no change within 5 s: a slow rerun on a busy machine, or a click between bars
            settle(page)
            if passages_text(page, 0) == before:  # between bars: nothing changed; try the next row
                continue
        settle(page)
        times.append(time.perf_counter() - started)
    return times


def picks(page, samples: int, view: str, mode: str = "outlet", unit: str | None = None) -> list[float]:
    """Pick another outlet, theme or actor (``mode``) in the sidebar on ``view`` (on Over time, shown by ``unit``
    when given: "Weekly", "Monthly" or "Quarterly"); each pick timed from its click (``CLICKS_NOTED``) until the
    header names it and the rerun is over (every chart drawn again). Leaves the sidebar comparing by outlet."""
    page.locator("[data-testid='stButtonGroup'] button", has_text=view).first.click()
    settle(page)
    if unit:
        button = page.locator("[data-testid='stMain'] [data-testid='stButtonGroup'] button", has_text=unit)
        if not button.count():  # periods.ChartSize.fits: 10,000 articles span 8 years unless --days says less
            raise RuntimeError(f"{view} does not offer {unit} for this corpus's span (a shorter one: --days)")
        button.first.click()
        settle(page)
        # Until the twentieth stop a second click on the unit shown unselected it, so theme picks were timed by quarter.
        shown = page.locator("[data-testid='stButtonGroup'] button[aria-checked='true']")
        if shown.filter(has_text=unit).count() != 1:
            raise RuntimeError(f"asked for {unit} on {view}, but the page shows {shown.all_inner_texts()}")
    compare_by(page, MODES[mode])
    box = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(
        has=page.get_by_text(MODES[mode], exact=True))  # not "Theme set"
    times = []
    page.evaluate(CLICKS_NOTED)
    for n in range(samples):
        box.click()
        options = page.get_by_role("option")
        options.first.wait_for()
        page.get_by_role("listbox").first.evaluate(STILL)  # it scrolls its picked option into view as it opens
        count = options.count()
        current = page.locator("[data-testid='stMain'] [data-testid='stHeading']").first.inner_text()
        target = next(i for i in range(count) if options.nth((n + 1 + i) % count).inner_text() not in current)
        name = options.nth((n + 1 + target) % count).inner_text()
        sent = page.evaluate(SENT)
        # By its name: the list draws only the options in view, so the nth drawn is another option once it scrolls
        page.get_by_role("option", name=name, exact=True).first.click()
        chosen(page, box, name, sent)
        try:
            page.wait_for_function(f"() => [...document.querySelectorAll('[data-testid=\"stMain\"] [data-testid=\"stHeading\"]')]"
                                   f".some(h => h.innerText.includes({name!r}))", timeout=PICK_TIMEOUT_MS, polling=20)
            settle(page, PICK_TIMEOUT_MS)
        except Exception as error:  # noqa: BLE001 — say what the page shows instead of waiting out the 10-minute default
            heading = page.locator("[data-testid='stMain'] [data-testid='stHeading']").first.inner_text()
            raise RuntimeError(f"picked {name!r} on {view}; {PICK_TIMEOUT_MS // 1000} s later the page's heading reads "
                               f"{heading!r} and {'it is still running' if not page.evaluate(SETTLED) else 'it is idle'}"
                               ) from error
        times.append(page.evaluate(SINCE_CLICK) / 1000)
    compare_by(page, MODES["outlet"])
    return times


def chosen(page, box, name: str, sent_before: int, tries: int = 3) -> None:
    """Make sure the click on the option ``name`` in the sidebar's ``box`` picked it, else pick it again by typing its
    name; after ``tries`` attempts, fail saying so. A click that takes writes the option in the box and sends the pick
    at once, so the page is given a second for both (the box's text, and a message sent: ``SENT``). Until the
    twenty-fifth stop about one pick in 300 was lost (``STILL`` says why) and the run failed two minutes later.
    Each click restarts the timing (``CLICKS_NOTED``): a pick is timed from the click that took."""
    field = box.locator("input").first
    for attempt in range(tries):
        try:
            page.wait_for_function(f"([field, name]) => field.value === name && ({SENT}) > {sent_before}",
                                   arg=[field.element_handle(), name], timeout=1000, polling=20)
            return
        except Exception:  # noqa: BLE001 — the click did not take: pick it again
            if attempt == tries - 1:
                break
            REPEATED_CLICKS.append(name)
            sent_before = page.evaluate(SENT)
            # The list may be open, closing or closed, and scrolled anywhere: close it, then type the name (as a
            # person does in a long list), which leaves its option alone in the list
            page.keyboard.press("Escape")
            page.get_by_role("listbox").first.wait_for(state="detached", timeout=5000)
            field.fill(name)
            page.get_by_role("option", name=name, exact=True).first.click(timeout=5000)
    raise RuntimeError(f"tried {tries} times to pick {name!r} in the sidebar's list (a click, then typing the name); "
                       f"the box still reads {field.input_value()!r}")


# Resolves once a list has not scrolled for three frames in a row. The sidebar's list scrolls its picked option into
# view as it opens and draws only the options in view. Until the twenty-fifth stop the option to pick was found by
# its place among those drawn before the list had scrolled, so the click landed on another option: the one picked
# before, or its neighbour (seen in the messages the page sent). These were the lost picks ``chosen`` names.
STILL = ("(list) => new Promise(done => { let last = list.scrollTop, same = 0; const look = () => { "
         "if (list.scrollTop === last) { if (++same >= 3) return done(true); } else { same = 0; last = list.scrollTop; } "
         "requestAnimationFrame(look); }; requestAnimationFrame(look); })")


REPEATED_CLICKS: list[str] = []  # options picked again (``chosen``), reported with the figures


def compare_by(page, label: str) -> None:
    radio = page.locator("[data-testid='stSidebar'] [data-testid='stRadio'] label", has_text=label).first
    if not radio.locator("input").is_checked():
        radio.click()
        settle(page)


def view_switches(page, views: list[str]) -> dict[str, float]:
    """Each of ``views`` in turn, from the one shown, ending where it began (Compare)."""
    times = {}
    for view in views[1:] + views[:1]:
        started = time.perf_counter()
        page.locator("[data-testid='stButtonGroup'] button", has_text=view).first.click()
        page.wait_for_function(f"() => [...document.querySelectorAll('[data-testid=\"stMain\"] [data-testid=\"stHeading\"]')]"
                               f".some(h => h.innerText.startsWith({view!r}))", timeout=600_000, polling=20)
        settle(page)
        times[view] = time.perf_counter() - started
    return times


def percentiles(label: str, seconds: list[float]) -> str:
    if not seconds:
        return f"  {label}: no samples"
    ms = np.asarray(seconds) * 1000
    return f"  {label}: p50 {np.percentile(ms, 50):,.0f} ms, p95 {np.percentile(ms, 95):,.0f} ms ({len(ms)} samples)"


LIMITS_RAISED = {"FRAMING_MAX_ARTICLES": "20000", "FRAMING_MAX_SENTENCES": "1000000", "FRAMING_MAX_CHARACTERS": "200000000",
                 "FRAMING_MAX_CORPUS_ARTICLES": "20000", "FRAMING_MAX_CORPUS_SENTENCES": "1000000",
                 "FRAMING_MAX_BYTES": str(200 * 1024 * 1024)}


def first_rows_csv(path: Path, rows: int) -> tuple[bytes, int]:
    """The first ``rows`` rows of a CSV of articles, and how many articles the app will keep of them (it drops
    repeated texts and rows without one), as its own reader counts them."""
    from framing.reading import intake
    from framing.reading.budget import Budget
    from framing.reading.corpus import load_bundled

    csv.field_size_limit(sys.maxsize)
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        out = io.StringIO()
        writer = csv.DictWriter(out, reader.fieldnames)
        writer.writeheader()
        writer.writerows(row for _, row in zip(range(rows), reader))
    data = out.getvalue().encode()
    budget, bundled = Budget.from_mapping(LIMITS_RAISED), load_bundled()
    kept = intake.add(bundled, [(path.name, intake.read_upload(path.name, data, budget), False)], False, budget)
    return data, len(kept.articles) - len(bundled)


def run(sizes: list[int], samples: int, views: list[str], real: Path | None = None, unit: str | None = None,
        landing: bool = False, days: int | None = None, outlets: int = 3) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        bare_script = Path(folder) / "bare.py"
        bare_script.write_text(BARE_APP)
        bare, bare_url = start(bare_script)
        app, url = start(ROOT / "app.py", LIMITS_RAISED)
        try:
            first_chart_seconds(browser, bare_url), first_chart_seconds(browser, url)  # warm both (imports, caches)
            bare_times = [first_chart_seconds(browser, bare_url) for _ in range(max(samples // 2, 3))]
            app_times = [first_chart_seconds(browser, url) for _ in range(max(samples // 2, 3))]
            print(f"{os.cpu_count()} cores")
            print(f"bundled corpus: first chart {np.median(app_times):.2f} s, bare one-chart app {np.median(bare_times):.2f} s: "
                  f"{np.median(app_times) / np.median(bare_times):.2f}× (medians of {len(app_times)})")
        finally:
            bare.terminate()
        try:
            page = new_page(browser)
            page.goto(url)
            page.wait_for_function(f"() => {CHARTS} >= 1", timeout=120_000, polling=20)  # the first run is over
            settle(page)
            report(page, app.pid, "bundled corpus (5 articles)", samples, views, unit=unit)
            page.close()
            for articles in sizes:
                page = new_page(browser)
                peak = Peak(app.pid)
                peak.start()
                if landing:  # the first page, as a visitor arrives, then Articles to upload
                    page.goto(url)
                    page.wait_for_function(f"() => {CHARTS} >= 1", timeout=120_000, polling=20)
                    settle(page)
                    page.locator("[data-testid='stButtonGroup'] button", has_text="Articles").first.click()
                else:
                    page.goto(f"{url}/?view=Articles")
                page.locator("[data-testid='stFileUploaderDropzoneInput']").first.wait_for(state="attached", timeout=120_000)
                settle(page)
                data, kept = first_rows_csv(real, articles) if real else (corpus_csv(articles, seed=articles, days=days, outlets=outlets), articles)
                started = time.perf_counter()
                page.locator("[data-testid='stFileUploaderDropzoneInput']").first.set_input_files(
                    [{"name": f"corpus{articles}.csv", "mimeType": "text/csv", "buffer": data}])
                # the sidebar is briefly absent while the page redraws after the upload
                page.wait_for_function(f"() => (document.querySelector('[data-testid=\"stSidebar\"]')?.innerText || '')"
                                       f".includes('{kept:,} articles')", timeout=1_800_000, polling=50)
                analysed = time.perf_counter() - started
                page.locator("[data-testid='stButtonGroup'] button", has_text="Compare").first.click()
                page.wait_for_function(f"() => {CHARTS} >= 1", timeout=600_000, polling=20)
                first_chart = time.perf_counter() - started
                settle(page)
                print(f"\n{kept:,} {'real ' if real else ''}articles uploaded ({len(data) / 1e6:.1f} MB CSV): analysed in {analysed:.1f} s, "
                      f"first chart on Compare at {first_chart:.1f} s"
                      + (" (arrived at the first page)" if landing else " (arrived at /?view=Articles)"))
                report(page, app.pid, f"{kept:,} articles (the bundled five replaced)", samples, views, peak, unit)
                page.close()
        finally:
            app.terminate()
            app.wait(timeout=30)
            browser.close()


def report(page, pid: int, label: str, samples: int, views: list[str], peak: Peak | None = None,
           unit: str | None = None) -> None:
    peak = peak or Peak(pid)
    if not peak.is_alive():
        peak.start()
    switches = view_switches(page, views)
    time.sleep(2)
    steady = rss_mb(pid)
    picked = {f"outlet pick ({view})": picks(page, samples, view) for view in PICKED_ON}
    picked |= {f"{mode} pick (Over time)": picks(page, samples, "Over time", mode) for mode in PICKED_ON_TIME}
    if unit:
        picked |= {f"{mode} pick (Over time, {unit})": picks(page, samples, "Over time", mode, unit)
                   for mode in ("outlet", *PICKED_ON_TIME)}
    click_times = clicks(page, samples)
    idle = None
    if "Story" in views:  # the Story view loads the tone-toward model, which is let go once unread for a while
        time.sleep(tone_toward.IDLE_SECONDS + 3)
        idle = rss_mb(pid)
    peak.stop = True
    print(f"{label}:")
    print(percentiles("click → passages updated", click_times))
    for what, seconds in picked.items():
        kind, _, where = what.partition(" (")
        print(percentiles(f"{kind} → charts and passages redrawn ({where}", seconds))
    print(percentiles("view switch", list(switches.values())))
    print("    " + ", ".join(f"{view} {seconds * 1000:,.0f}" for view, seconds in switches.items()) + " ms")
    if REPEATED_CLICKS:
        print(f"  picks whose click on the option did not take, picked again by typing the name: {len(REPEATED_CLICKS)}")
        REPEATED_CLICKS.clear()
    print(f"  server RSS: steady {steady:,} MB after visiting {'every view' if views == VIEWS else ', '.join(views)}, peak {max(peak.peak, steady):,} MB"
          + (f"; {idle:,} MB once idle for {tone_toward.IDLE_SECONDS + 3:.0f} s" if idle is not None else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="*", default=[1000], help="corpus sizes to upload (0 or none: bundled only)")
    parser.add_argument("--samples", type=int, default=20, help="clicks and picks timed per corpus")
    parser.add_argument("--views", nargs="+", default=VIEWS, choices=VIEWS, metavar="VIEW",
                        help="views to switch to, Compare first (default: all); picks are timed on " + " and ".join(PICKED_ON))
    parser.add_argument("--landing", action="store_true",
                        help="open the app's first page, then go to Articles to upload (default: open /?view=Articles)")
    parser.add_argument("--csv", type=Path, help="upload the first rows of this CSV of real articles instead of synthetic ones")
    parser.add_argument("--unit", choices=["Weekly", "Monthly", "Quarterly"],
                        help="also time Over time's picks shown by this unit (by default only the corpus's default unit)")
    parser.add_argument("--days", type=int,
                        help="the synthetic corpus's span in days (default: a story every 3 days, ten articles a story, so "
                             "10,000 articles span about 8 years)")
    parser.add_argument("--outlets", type=int, default=3, help="the synthetic corpus's outlets")
    args = parser.parse_args()
    views = ["Compare", *(v for v in args.views if v != "Compare")]
    missing = [v for v in PICKED_ON if v not in views]
    if missing:
        parser.error(f"--views must include {', '.join(missing)} (picks are timed there)")
    run([a for a in args.articles if a > 0], args.samples, views, args.csv, args.unit, args.landing, args.days, args.outlets)


if __name__ == "__main__":
    main()
