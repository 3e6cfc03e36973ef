"""End-to-end in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Skips only when no Chromium exists and CI is unset; under CI a missing browser fails the run.
Screenshots of each view are saved under the folder printed at the start of the run.
"""
import datetime
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REAL_NEWS, ROOT
from playwright.sync_api import expect
from test_app import THEMES

from components.slide import KIND_STYLE

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
SHOTS = Path(os.environ.get("FRAMING_SCREENSHOTS", ROOT / "screenshots"))

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"CI is set but {CHROMIUM} is missing: apt-get install -y chromium")
    pytest.skip("no Chromium at /usr/bin/chromium (and CI unset)", allow_module_level=True)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless=true",
                             f"--server.port={port}", "--server.address=127.0.0.1"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {SHOTS}")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def open_page(browser, url, timeout_ms: int = 60000):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    wait_idle(page, timeout_ms)
    return page, errors


# The script is not running: Streamlit's own state on the page, and no "Running…/Stop" in the corner (which shows
# only after a run has gone on for a while: a first visit to Story on 1,704 articles showed it from 0.6 s to 5.1 s).
IDLE = """() => !document.querySelector('[data-testid="stStatusWidget"]')
  && document.querySelector('[data-testid="stApp"]')?.dataset.testScriptState === 'notRunning'"""


def wait_idle(page, timeout_ms: int = 60000):
    page.wait_for_timeout(400)
    page.wait_for_function(IDLE, timeout=timeout_ms)
    # The main area's heading: the sidebar's comes first in the page and is hidden in presentation mode.
    page.locator("[data-testid='stMain'] [data-testid='stHeading']").first.wait_for(state="visible", timeout=timeout_ms)
    page.wait_for_timeout(600)


def passage_ids(page, index):
    frame = page.locator("[data-testid='stHtml']").filter(has=page.locator(".fl-legend")).nth(index)
    frame.locator("[data-sentence-id]").first.wait_for(timeout=30000)
    return frame.locator("[data-sentence-id]").evaluate_all("els => els.map(e => e.dataset.sentenceId)")


EXPECTED_CHARTS = {"Compare": 5, "Story": 3, "Search": 2, "Overview": 2, "Tone": 2, "Hedging": 4, "Emphasis": 4, "Voices": 2,
                   "Over time": 3, "Articles": 1, "Methodology": 0}


def view_url(server: str, view: str) -> str:
    """A view with something to draw: Search with a query, Story picked on an outlet that shares a story."""
    return f"{server}/?view={view}" + {"Search": "&q=troop*", "Story": "&pick_outlet=unknown+outlet+%28a001%29"}.get(view, "")


@pytest.mark.parametrize("view", list(EXPECTED_CHARTS))
def test_view_loads_without_errors_and_every_chart_renders(server, browser, view):
    page, errors = open_page(browser, view_url(server, view))
    assert page.locator("[data-testid='stException']").count() == 0
    expected = EXPECTED_CHARTS[view]
    page.wait_for_function(f"() => document.querySelectorAll('.vega-embed canvas, .vega-embed svg.marks').length >= {expected}",
                           timeout=30000)
    page.screenshot(path=str(SHOTS / f"{view.lower()}.png"), full_page=False)
    assert not errors, errors
    page.close()


def test_a_dot_charts_row_labels_sit_evenly_beside_their_rows(server, browser):
    # Emphasis's "how early" chart: dots and whiskers by theme. On the band scale the whiskers' rules brought, the
    # browser set the first theme's label 4 px low, nearer the second row than its own (vl-convert drew it right).
    page, errors = open_page(browser, f"{server}/?view=Emphasis")
    chart = page.locator(".vega-embed").nth(1)
    chart.locator("svg.marks").wait_for(timeout=30000)
    labels = chart.locator(".role-axis-label text").evaluate_all(
        "els => els.filter(e => isNaN(parseFloat(e.textContent))).map(e => parseFloat(e.getAttribute('transform').split(',')[1]))")
    steps = [b - a for a, b in zip(labels, labels[1:])]
    assert len(labels) >= 5 and max(steps) - min(steps) < 1, labels
    assert not errors, errors
    page.close()


def test_a_clicked_outlet_bar_in_the_articles_view_lists_its_articles_and_is_in_the_link(server, browser):
    page, errors = open_page(browser, f"{server}/?view=Articles")
    chart = page.locator(".vega-embed").first
    chart.scroll_into_view_if_needed()
    main = page.locator("[data-testid='stMain']")
    # the bar of the three bundled articles that name no outlet, found by its label: a click at a fixed height of
    # the chart once hit the next bar under CI's load (the chart's layout was not yet final when measured)
    bar = chart.locator("path[aria-label*='outlet_group: unknown']").first
    for _ in range(3):
        box = bar.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        wait_idle(page)
        if "Listed: the articles of the clicked bar" in main.inner_text():
            break
    assert "outlet: unknown" in main.inner_text() and "mark=articles_per_outlet" in page.url
    page.screenshot(path=str(SHOTS / "articles-clicked.png"))
    assert not errors, errors
    page.close()


def test_click_bar_filters_passages_and_deep_link_round_trips(server, browser):
    page, errors = open_page(browser, f"{server}/?view=Overview&pick_outlet=PRIO+Blogs")
    before = passage_ids(page, 1)  # Overview's second chart: the articles by length
    assert before and len({i.split("-")[0] for i in before}) > 1  # every article's: the chart draws every article
    chart = page.locator(".vega-embed").nth(1)
    chart.scroll_into_view_if_needed()
    box = chart.locator("canvas, svg.marks").first.bounding_box()
    # Bars (one per article) start at the axis and are all longer than 60% of the plot: click down the rows
    # until a bar of another article is hit.
    for fraction in (0.15, 0.22, 0.29, 0.36, 0.43, 0.5, 0.57):
        page.mouse.click(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * fraction)
        wait_idle(page)
        after = passage_ids(page, 1)
        if after and after != before:
            break
    assert after != before
    prefixes = {i.split("-")[0] for i in after}
    assert len(prefixes) == 1  # one bar = one article's sentences
    assert "mark=articles" in page.url
    page.screenshot(path=str(SHOTS / "overview-clicked.png"))
    deep_link = page.url
    page.close()
    again, errors2 = open_page(browser, deep_link)
    assert passage_ids(again, 1) == after
    assert not errors and not errors2, errors + errors2
    again.close()


def click_until_passages_change(page, chart_index, passages_index, x_fraction=0.3):
    """Click down a chart's rows until the passages beside it change; returns (before, after)."""
    before = passage_ids(page, passages_index)
    chart = page.locator(".vega-embed").nth(chart_index)
    chart.scroll_into_view_if_needed()
    box = chart.locator("canvas, svg.marks").first.bounding_box()
    after = before
    for fraction in (0.12, 0.16, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6):
        page.mouse.click(box["x"] + box["width"] * x_fraction, box["y"] + box["height"] * fraction)
        wait_idle(page)
        after = passage_ids(page, passages_index)
        if after != before:
            break
    return before, after


def test_first_screen_compares_with_four_charts_and_a_clicked_term_shows_in_every_outlet(server, browser):
    page, errors = open_page(browser, server)
    page.wait_for_function("() => document.querySelectorAll('.vega-embed canvas, .vega-embed svg.marks').length >= 5",
                           timeout=30000)
    assert "Compare — outlet PRIO Blogs" in page.locator("[data-testid='stMain'] [data-testid='stHeading']").first.inner_text()
    assert page.locator("[data-testid='stHtml']").filter(has=page.locator(".fl-legend")).count() >= 4
    page.screenshot(path=str(SHOTS / "compare.png"))
    before, after = click_until_passages_change(page, 4, 4)
    assert after != before and "mark=compare_words" in page.url  # the first click that filters is in the URL at once
    term = re.search(r"term%3D([^&|]+)", page.url) or re.search(r"term=([^&|]+)", page.url)
    from urllib.parse import unquote
    word = unquote(unquote(term.group(1))).lower().split()[0]
    frame = page.locator("[data-testid='stHtml']").filter(has=page.locator(".fl-legend")).nth(4)
    texts = frame.locator("[data-sentence-id]").evaluate_all("els => els.map(e => e.innerText.toLowerCase())")
    assert texts and all(word in t for t in texts)
    assert len({i.split("-")[0] for i in after}) >= 1
    page.screenshot(path=str(SHOTS / "compare-term-clicked.png"))
    assert not errors, errors
    page.close()


def eventually(check, timeout: float = 30.0, every: float = 0.25):
    """``check()``'s value once it is truthy, retried until ``timeout`` seconds (for conditions Playwright's
    ``expect`` cannot state, such as where elements stand); the last value if it never is."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(every)


STORY_CARD = re.compile(r"\b\d+ articles?, [\d,]+ sentences")  # a Story card's first line: "CNN · 3 articles, 116 sentences"


def test_story_pick_shows_its_outlets_side_by_side(server, browser):
    page, errors = open_page(browser, f"{server}/?view=Story")
    cards = page.locator("[data-testid='stMarkdownContainer']").filter(has_text=STORY_CARD)
    expect(cards).to_have_count(3, timeout=30000)
    names = [c.split(" · ")[0] for c in cards.all_inner_texts()]
    # side by side: one row, three columns (once the layout has settled)
    assert eventually(lambda: len({round(cards.nth(i).bounding_box()["y"]) for i in range(3)}) == 1)
    assert {"unknown outlet (a001)", "unknown outlet (a003)", "unknown outlet (a004)"} <= {n.strip() for n in names}
    page.screenshot(path=str(SHOTS / "story.png"))
    assert not errors, errors
    page.close()


@pytest.mark.slow  # one of the longest browser tests: CI runs it, the everyday run (under 3 minutes) does not
def test_search_deep_link_reopens_with_the_same_passages(server, browser):
    def both_lists(p):  # the two charts' passage lists draw independently: read the first once both are there
        expect(p.locator("[data-testid='stHtml']").filter(has=p.locator(".fl-legend"))).to_have_count(2, timeout=30000)
        return passage_ids(p, 0)

    page, errors = open_page(browser, f"{server}/?view=Search&q=troop%2A")
    first = both_lists(page)
    assert first and page.locator(".fl-m").count() >= len(first)
    page.screenshot(path=str(SHOTS / "search.png"))
    again, errors2 = open_page(browser, page.url)
    assert both_lists(again) == first
    assert not errors and not errors2
    page.close()
    again.close()


# --- bringing your own articles -----------------------------------------------------------------------

HOSTILE = """<script>alert('t1')</script> Kremlin talks
By <img src=x onerror=alert('t2')>

Officials may say the deal is <script>alert('t3')</script> clearly done, reporters said.

Click [here](javascript:alert('t4')) and see ![pic](https://example.com/p.png) now, a diplomat said.

Prices :red[rose] by $5 and $6 ] as the rouble fell, analysts said on Tuesday.
"""


def go_to(page, view):
    page.locator("[data-testid='stButtonGroup'] button", has_text=view).first.click()
    wait_idle(page)


def upload_files(page, files):
    alerts = page.locator("[data-testid='stAlert']").count()
    page.locator("[data-testid='stFileUploaderDropzoneInput']").first.set_input_files(files)
    page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stAlert\"]').length > 0", timeout=60000)
    wait_idle(page)
    del alerts


def injected(page):
    """Elements that would exist only if user text had become markup."""
    return page.evaluate("""() => [
        ...document.querySelectorAll('img[src="x"], img[src*="example.com"], a[href^="javascript"], [onerror]'),
        ...[...document.querySelectorAll('script')].filter(s => s.textContent.includes('alert('))
    ].map(e => e.outerHTML)""")


@pytest.mark.slow
def test_hostile_upload_stays_text_no_dialog_no_injected_element(server, browser):
    page, errors = open_page(browser, f"{server}/?view=Articles")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.get_by_text("Replace them").click()
    wait_idle(page)
    upload_files(page, [{"name": "<img src=x onerror=alert('t5')>[a](javascript:alert(6)).txt", "mimeType": "text/plain",
                         "buffer": HOSTILE.encode()}])
    assert "[a](javascript:alert(6)).txt: added as" in page.locator("[data-testid='stAlert']").first.inner_text()
    for view in ["Overview", "Hedging", "Tone", "Articles"]:
        go_to(page, view)
        if view != "Articles":
            page.locator("[data-sentence-id]").first.wait_for(timeout=30000)
            text = page.locator("[data-testid='stMain']").inner_text()
            assert "Officials may say the deal is <script>alert('t3')</script> clearly done" in text, view
            if view == "Overview":  # every sentence of the article is listed there
                assert ":red[rose] by $5 and $6 ]" in text and "![pic](https://example.com/p.png)" in text
        assert not injected(page), (view, injected(page))
    page.screenshot(path=str(SHOTS / "hostile-upload.png"))
    assert not dialogs and not errors, (dialogs, errors)
    page.close()


@pytest.mark.slow
def test_csv_upload_shows_progress_then_appears_in_charts_and_passages(server, browser):
    rows = ["title,outlet,text"] + [
        f'Report {i},Test Gazette,"Officials may meet again soon, analysts said. Talks on grain {i} were clearly useful."'
        for i in range(400)]  # enough to be analysed by a pool of processes, behind a progress bar
    page, errors = open_page(browser, f"{server}/?view=Articles")
    # Record whether a progress bar is ever drawn: it is gone again once the analysis is done.
    page.evaluate("""() => { window.sawProgress = false; new MutationObserver(() => {
        if (document.querySelector('[data-testid="stProgress"]')) window.sawProgress = true;
    }).observe(document.body, {childList: true, subtree: true}); }""")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").first.set_input_files(
        [{"name": "gazette.csv", "mimeType": "text/csv", "buffer": "\n".join(rows).encode()}])
    page.wait_for_function("() => window.sawProgress", timeout=60000)
    page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stAlert\"]').length > 0", timeout=60000)
    wait_idle(page)
    assert "gazette.csv: added 400 articles" in page.locator("[data-testid='stAlert']").first.inner_text()
    assert "400 articles" in page.locator("[data-testid='stSidebar']").inner_text()  # the demo's five replaced
    go_to(page, "Hedging")
    page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(has_text="Outlet").click()
    page.get_by_role("option", name="Test Gazette").click()
    wait_idle(page)
    assert "Test Gazette" in page.locator("[data-testid='stMain'] [data-testid='stHeading']").first.inner_text()
    page.wait_for_function("() => document.querySelectorAll('.vega-embed canvas, .vega-embed svg.marks').length >= 2", timeout=30000)
    # The chart draws every outlet, so its passages are every outlet's: the reader finds the upload's among them.
    box = page.get_by_placeholder("a word or phrase").first
    box.fill("may meet again soon")
    box.press("Enter")
    wait_idle(page)
    ids = passage_ids(page, 0)
    assert ids and all(i.startswith("u") for i in ids), ids
    first = page.locator("[data-testid='stHtml']").filter(has=page.locator(".fl-legend")).first
    assert "Test Gazette · Report" in first.inner_text()
    page.screenshot(path=str(SHOTS / "uploaded-gazette.png"))
    assert not errors, errors
    page.close()


@pytest.mark.slow
def test_sessions_are_private_and_a_downloaded_corpus_restores_elsewhere(server, browser, tmp_path):
    owner = browser.new_context(viewport={"width": 1280, "height": 900})
    page = owner.new_page()
    page.goto(f"{server}/?view=Articles")
    wait_idle(page)
    page.get_by_text("Join the loaded articles").click()  # beside the demo's five, so the restored corpus is six
    wait_idle(page)
    upload_files(page, [{"name": "private.txt", "mimeType": "text/plain",
                         "buffer": b"Zebra memo\n\nZEBRA-PRIVATE-7 officials may resign, aides said on Monday."}])
    assert "6 articles" in page.locator("[data-testid='stSidebar']").inner_text()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download corpus (JSONL)").click()
    saved = tmp_path / "corpus.jsonl"
    download.value.save_as(saved)

    visitor = browser.new_context(viewport={"width": 1280, "height": 900})
    other = visitor.new_page()
    other.goto(f"{server}/?view=Hedging")
    wait_idle(other)
    assert "5 articles" in other.locator("[data-testid='stSidebar']").inner_text()
    for view in ["Overview", "Hedging", "Articles"]:
        go_to(other, view)
        assert "ZEBRA-PRIVATE-7" not in other.content() and "Zebra memo" not in other.content()
    upload_files(other, [{"name": "corpus.jsonl", "mimeType": "application/jsonl", "buffer": saved.read_bytes()}])
    assert "restored the saved corpus of 6" in other.locator("[data-testid='stAlert']").first.inner_text()
    assert "6 articles" in other.locator("[data-testid='stSidebar']").inner_text()
    assert saved.read_text("utf-8").count("ZEBRA-PRIVATE-7") == 1
    owner.close()
    visitor.close()


def drag_across_first_chart(page, start: float, end: float) -> None:
    """A drag across the page's first chart, from ``start`` to ``end`` of its width (SVG or canvas)."""
    chart = page.locator(".vega-embed").first
    chart.scroll_into_view_if_needed()
    box = chart.locator("canvas, svg.marks").first.bounding_box()
    y = box["y"] + box["height"] * 0.45
    page.mouse.move(box["x"] + box["width"] * start, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * end, y, steps=8)
    page.mouse.up()


def open_with_corpus(browser, server, name: str, csv_bytes: bytes, view: str):
    """A new page whose session's articles are replaced by the CSV ``csv_bytes`` (uploaded as ``name``), on ``view``."""
    page, errors = open_page(browser, f"{server}/?view=Articles")
    page.get_by_text("Replace them").click()
    wait_idle(page)
    upload_files(page, [{"name": name, "mimeType": "text/csv", "buffer": csv_bytes}])
    go_to(page, view)
    return page, errors


@pytest.mark.slow  # an upload: CI runs it, the everyday run does not
def test_nine_outlets_legend_leaves_each_time_chart_its_whole_plot_and_names_them_whole(server, browser):
    # The legend of nine outlets (the dev corpus has nine) took the plot's height: charts shaped 240 px high were drawn
    # 119 px high, 233 px with three outlets. Streamlit's legend symbols stood 30 px an entry; the height gave 11.
    import csv
    import io

    from test_periods import SENTENCES

    # Longer than the dev corpus's longest name, "Christian Science Monitor", as its n "9,094" is longer than these;
    # 43 characters, one house's desks that differ only at the end
    outlets = [f"The Christian Science Monitor Weekly Desk {k}" for k in range(9)]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(("text", "outlet", "date"))
    for k, outlet in enumerate(outlets):
        for month in (1, 2, 3):
            # a court's ruling: the Policy Frames Codebook's longest frame name, "Legality, constitutionality and
            # jurisprudence", is a row of the Emphasis chart, whose legend starts right of the rows' names
            text = " ".join(SENTENCES[(k + month + j) % 4] for j in range(3)) + f" Desk {k} filed in month {month}." \
                + " The court ruled that the law was unconstitutional, the judge said."
            writer.writerow((text, outlet, f"2024-0{month}-1{k}"))
    page, errors = open_with_corpus(browser, server, "nine.csv", buffer.getvalue().encode(), "Over time")
    page.wait_for_function("() => document.querySelectorAll('.vega-embed svg.marks').length >= 3", timeout=30000)
    wait_idle(page)
    legends, plots = zip(*page.locator(".vega-embed svg.marks").evaluate_all(
        "els => els.map(e => [e.querySelectorAll('.role-legend-label text').length, "
        "e.querySelector('.role-frame path.background').getBBox().height])"))
    assert legends == (9,) * len(legends) and len(plots) >= 3
    assert min(plots) >= 240, plots  # the height each time chart is shaped with (components.charts)
    # Each legend label gave its n and unit, "Christian Science Monitor Weekly 8 (n = 15 sentences)": under a chart of
    # long row names (themes) it ran past the chart's edge; the unit is in the legend's title now. A chart whose rows
    # name the outlets (Hedging's uncertainty, Tone's bars) had a legend naming them again, cut the same way: none now.
    # Names of 35–43 characters still ran past the edge of a legend under long rows (Overview's stories, Story's
    # "term · outlet") and squeezed Voices' bars until their figures ran out of the chart: a name is shortened about
    # a gap, its last words kept so that each stays its own.
    legend_texts = page.locator(".vega-embed svg.marks").first.locator(".role-legend-label text").all_text_contents()
    assert len(set(legend_texts)) == 9 and all(t.endswith(f"Desk {k}") for k, t in enumerate(legend_texts)), legend_texts
    for view in ("Emphasis", "Hedging", "Tone", "Voices", "Overview", "Story", "Compare"):
        go_to(page, view)
        # Story has one chart here (no story two desks share), Overview two
        page.wait_for_function("() => document.querySelectorAll('.vega-embed svg.marks').length >= 1", timeout=30000)
        wait_idle(page)
        assert label_problems(page) == (0, []), view
    # Presentation mode's larger type: Compare's two-line row labels ran into the next row's at 34 px a row
    page.locator("[data-testid='stSidebar']").get_by_text("Presentation mode").click()
    wait_idle(page)
    page.wait_for_function("() => document.querySelectorAll('.vega-embed svg.marks').length >= 1", timeout=30000)
    assert label_problems(page) == (0, []), "Compare in presentation mode"
    assert not errors, errors
    page.close()


@pytest.mark.slow  # one of the longest browser tests: CI runs it, the everyday run (under 3 minutes) does not
def test_a_period_dragged_on_the_time_chart_is_compared_everywhere_and_kept_in_the_url(server, browser):
    from test_periods import dated_csv

    page, errors = open_with_corpus(browser, server, "dated.csv", dated_csv().encode(), "Over time")
    page.wait_for_function("() => document.querySelectorAll('.vega-embed svg.marks, .vega-embed canvas').length >= 3",
                           timeout=30000)
    assert "18 of 19 articles are dated" in page.locator("[data-testid='stMain']").inner_text()
    drag_across_first_chart(page, 0.45, 0.85)
    expect(page).to_have_url(re.compile(r"period=2024-\d\d-\d\d\.\.2024-\d\d-\d\d"), timeout=30000)
    wait_idle(page)
    page.screenshot(path=str(SHOTS / "over-time-brushed.png"))
    sidebar = page.locator("[data-testid='stSidebar']").inner_text()
    within = re.search(r"Compared within .*?: (\d+) articles", sidebar)
    assert within and 0 < int(within.group(1)) < 19, sidebar
    go_to(page, "Tone")
    assert " · dated " in page.locator("[data-testid='stMain'] [data-testid='stHeading']").first.inner_text()
    assert "period=" in page.url  # the view switch keeps it: a copied link reopens the same period
    assert not errors, errors
    page.close()


@pytest.mark.slow  # an upload, the everyday run's longest test (12-14 s): CI runs it, the everyday run stays under 3 minutes
def test_years_of_dates_are_not_offered_by_week_and_a_period_dragged_on_a_long_monthly_chart_drawn_on_canvas_is_kept(
        server, browser):
    # Eight years of six outlets: 426 weeks, too many for a chart (periods.ChartSize.fits), so Weekly is not offered, even
    # to a session that was shown weeks before; by month they are 600 outlet-months, drawn on canvas (faster to
    # redraw), where a drag must still set the period. The dates are UTC midnights, so any time zone reads the same days.
    import csv
    import io

    from test_periods import SENTENCES

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(("text", "outlet", "date"))
    for n, date in enumerate(["2012-05-28", "2013-09-16", "2015-05-04", "2017-02-06", "2018-11-19", "2020-07-21"]):
        text = " ".join(SENTENCES[(n + k) % 4] for k in range(3)) + f" Item {n} closed."  # no two alike
        writer.writerow((text, f"Outlet {n}", date))
    page, errors = open_page(browser, f"{server}/?view=Over+time&every=Weekly")  # the bundled corpus: one week
    units = page.locator("[data-testid='stMain'] [data-testid='stButtonGroup']").filter(has_text="Quarterly")
    expect(units.locator("button[aria-checked='true']")).to_have_text("Weekly")
    go_to(page, "Articles")
    page.get_by_text("Replace them").click()
    wait_idle(page)
    upload_files(page, [{"name": "years.csv", "mimeType": "text/csv", "buffer": buffer.getvalue().encode()}])
    go_to(page, "Over time")
    expect(units.locator("button")).to_have_text(["Monthly", "Quarterly"])
    expect(units.locator("button[aria-checked='true']")).to_have_text("Quarterly")  # this span's default
    expect(page.locator("[data-testid='stCaptionContainer']").filter(has_text="are dated")).to_contain_text(
        "Not by week: 426 weeks, more than a chart has room for (150).")
    assert "every=Weekly" not in page.url
    units.locator("button", has_text="Monthly").click()
    wait_idle(page)
    page.wait_for_function("() => document.querySelectorAll('.vega-embed canvas').length >= 3", timeout=30000)
    assert "every=Monthly" in page.url
    drag_across_first_chart(page, 0.3, 0.7)
    expect(page).to_have_url(re.compile(r"period=201[45]-\d\d-\d\d\.\.201[78]-\d\d-\d\d"), timeout=30000)
    wait_idle(page)
    sidebar = page.locator("[data-testid='stSidebar']").inner_text()
    within = re.search(r"Compared within .*?: (\d+) articles", sidebar)
    assert within and 0 < int(within.group(1)) < 6, sidebar
    assert not errors, errors
    page.close()


@pytest.mark.slow  # 510 articles uploaded: CI runs it, the everyday run does not
def test_a_click_on_a_chart_of_decades_picks_that_quarter_and_lists_every_outlets_sentences_of_it(server, browser):
    # 170 quarters (an archive from 1980) of three outlets: on screen the quarters stand 2-3 px apart, too close for a
    # point each to be clicked, so the chart takes the click in a column per quarter; every outlet's sentences of that
    # quarter are its passages.
    import csv
    import io

    from test_periods import SENTENCES

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(("text", "outlet", "date"))
    for quarter in range(170):
        day = datetime.date(1980 + quarter // 4, 3 * (quarter % 4) + 1, 15).isoformat()
        for k, outlet in enumerate(("Daily Ledger", "Evening Post", "Wire Service")):
            text = " ".join(SENTENCES[(quarter + k + j) % 4].replace(".", f" in quarter {quarter}.") for j in range(3))
            writer.writerow((text, outlet, day))
    page, errors = open_with_corpus(browser, server, "quarters.csv", buffer.getvalue().encode(), "Over time")
    units = page.locator("[data-testid='stMain'] [data-testid='stButtonGroup']").filter(has_text="Quarterly")
    expect(units.locator("button")).to_have_text(["Quarterly"])  # 511 months, 2,214 weeks
    page.wait_for_function("() => document.querySelectorAll('.vega-embed canvas').length >= 3", timeout=30000)
    chart = page.locator(".vega-embed").nth(1)  # mean tone
    chart.scroll_into_view_if_needed()
    box = chart.locator("canvas").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.4)
    expect(page).to_have_url(re.compile(r"mark=tone_over_time"), timeout=30000)
    wait_idle(page)
    picked = re.search(r"period(?:=|%3D)(\d{4})-Q(\d)", page.url)
    assert picked, page.url
    quarter = (int(picked.group(1)) - 1980) * 4 + int(picked.group(2)) - 1
    frame = page.locator("[data-testid='stHtml']").filter(has=page.locator(".fl-legend")).nth(1)
    frame.locator("[data-sentence-id]").first.wait_for(timeout=30000)
    texts = frame.locator("[data-sentence-id]").all_inner_texts()
    assert len(texts) == 9 and all(f"in quarter {quarter}." in t for t in texts), (quarter, texts)
    assert sorted(set(passage_outlets(page, 1))) == ["Daily Ledger", "Evening Post", "Wire Service"]
    assert not errors, errors
    page.close()


def test_an_outlet_pick_on_over_time_redraws_its_charts_in_place_with_the_new_outlet_standing_out(server, browser):
    # A time chart's shape is kept and only its rows are sent on a pick (components.redraw.ShapedChart): the browser
    # must swap them into the chart it has, and the picked outlet's line must be the one drawn strong.
    from test_periods import dated_csv

    page, errors = open_with_corpus(browser, server, "dated.csv", dated_csv().encode(), "Over time")
    page.wait_for_function("() => document.querySelectorAll('.vega-embed svg.marks').length >= 3", timeout=30000)
    tone = page.locator(".vega-embed").nth(1)  # mean tone: one line per outlet, in the outlets' order
    lines = "els => els.map(e => Number(e.getAttribute('stroke-opacity') || e.getAttribute('opacity') || 1))"

    def strong() -> list[int]:
        return [i for i, o in enumerate(tone.locator("g.mark-line path").evaluate_all(lines)) if o > 0.5]

    pick_in_sidebar(page, "Outlet", "Daily Ledger")
    assert eventually(lambda: strong() == [0])
    tone.locator("svg.marks").evaluate("svg => { svg.dataset.drawnBefore = 'yes'; }")  # gone if built anew
    pick_in_sidebar(page, "Outlet", "Evening Post")
    assert eventually(lambda: strong() == [1])
    assert tone.locator("svg.marks[data-drawn-before='yes']").count() == 1  # the same chart, its rows swapped
    assert not errors, errors
    page.close()


# --- slide-ready screens (both sizes a presenter uses) -----------------------------------------------------

SIZES = [(1280, 720), (1600, 1000)]
ALL_VIEWS = ["Compare", "Story", "Search", "Overview", "Tone", "Hedging", "Emphasis", "Voices", "Over time", "Articles",
             "Lexicons", "Methodology"]


# Text a reader cannot read whole: any text of a chart (labels, legends, axis titles) reaching past what its chart
# shows, and any select box or table cell whose text overflows its box.
OVERFLOWING_TEXT = """() => {
  const cut = [];
  document.querySelectorAll('[data-testid="stVegaLiteChart"]').forEach(holder => {
    const shown = holder.getBoundingClientRect();
    holder.querySelectorAll('svg.marks text').forEach(t => {
      const r = t.getBoundingClientRect();
      if (r.width > 0 && t.getAttribute('opacity') !== '0' && (r.right > shown.right + 2 || r.left < shown.left - 2))
        cut.push('chart: ' + t.textContent);
    });
  });
  document.querySelectorAll('[data-testid="stSelectbox"] [data-baseweb="select"] div').forEach(d => {
    if (d.children.length === 0 && d.textContent && d.scrollWidth > d.clientWidth + 1) cut.push('select box: ' + d.textContent);
  });
  return cut;
}"""


# Category labels Vega hid to avoid overlaps (opacity 0) and chart titles it cut with "…".
HIDDEN_AND_CUT_LABELS = """() => {
  let hidden = 0; const cut = [];
  document.querySelectorAll('[data-testid="stVegaLiteChart"]').forEach(chart => {
    chart.querySelectorAll('g.role-axis').forEach(axis => {
      if ((axis.getAttribute('aria-label') || '').includes('discrete scale'))
        hidden += axis.querySelectorAll("g.role-axis-label text[opacity='0']").length;
    });
    chart.querySelectorAll('g.role-title text').forEach(t => { if (t.textContent.trimEnd().endsWith('…')) cut.push(t.textContent); });
  });
  return [hidden, cut];
}"""


# Axis labels drawn over one another: in presentation mode (16 px type) a two-line row label ran 3 px into the next
# row's on Compare and Story with nine outlets, though none was hidden or cut.
OVERLAPPING_LABELS = """() => {
  const found = [];
  document.querySelectorAll('[data-testid="stVegaLiteChart"] g.role-axis').forEach(axis => {
    const boxes = [...axis.querySelectorAll("g.role-axis-label text")].filter(t => t.getAttribute('opacity') !== '0')
      .map(t => [t.getBoundingClientRect(), t.textContent]).filter(([r]) => r.height > 0);
    boxes.forEach(([a, first], i) => boxes.slice(i + 1).forEach(([b, second]) => {
      const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (across > 1 && down > 1) found.push('overlap: ' + first + ' / ' + second);
    }));
  });
  return found;
}"""


def label_problems(page):
    """Category labels Vega hid (opacity 0), titles it cut with "…", text cut by its box and axis labels over one
    another, over the page (read in the page at once: a round trip per axis cost seconds a view)."""
    hidden, cut = page.evaluate(HIDDEN_AND_CUT_LABELS)
    return hidden, cut + page.evaluate(OVERFLOWING_TEXT) + page.evaluate(OVERLAPPING_LABELS)


@pytest.mark.slow
@pytest.mark.parametrize("width, height, present", [(w, h, False) for w, h in SIZES] + [(1280, 720, True)])
def test_every_view_shows_every_label_and_whole_titles(server, browser, width, height, present):
    """No hidden category label, cut title, or text past its chart's edge or its select box, in any view, at both
    sizes and in presentation mode."""
    page = browser.new_page(viewport={"width": width, "height": height})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for view in ALL_VIEWS:
        page.goto(view_url(server, view) + ("&present=true" if present else ""))
        wait_idle(page)
        if EXPECTED_CHARTS.get(view):
            page.wait_for_function(f"() => document.querySelectorAll('.vega-embed svg.marks').length >= {EXPECTED_CHARTS[view]}",
                                   timeout=30000)
        page.screenshot(path=str(SHOTS / f"{view.lower()}-{width}x{height}{'-presentation' if present else ''}.png"),
                        full_page=False)
        hidden, cut = label_problems(page)
        assert (view, hidden, cut) == (view, 0, []), (width, height)
    assert not errors, errors
    page.close()


def test_presentation_mode_can_be_left_by_clicking(server, browser):
    page, errors = open_page(browser, f"{server}/?view=Tone&present=true")
    sidebar = page.locator("[data-testid='stSidebar']")
    expect(sidebar).to_be_hidden(timeout=30000)
    page.screenshot(path=str(SHOTS / "tone-presentation.png"))
    page.get_by_role("button", name="Exit presentation").click()
    expect(sidebar).to_be_visible(timeout=30000)
    expect(page).not_to_have_url(re.compile("present=true"), timeout=30000)
    assert not errors, errors
    page.close()


def test_clicking_the_active_view_changes_nothing(server, browser):
    page, errors = open_page(browser, f"{server}/?view=Hedging")
    heading = page.locator("[data-testid='stMain'] [data-testid='stHeading']").first
    text = heading.inner_text()
    page.locator("[data-testid='stButtonGroup'] button", has_text="Hedging").first.click()
    wait_idle(page)
    expect(heading).to_have_text(text)
    expect(page).to_have_url(re.compile("view=Hedging"))
    assert not errors, errors
    page.close()


BARS = "g.mark-rect path:not([fill='transparent'])"  # a chart's bars, not the unfilled rects outlining their intervals


def test_the_first_click_filters_highlights_and_is_in_the_url(server, browser):
    page, errors = open_page(browser, f"{server}/?view=Hedging&pick_outlet=PRIO+Blogs")
    chart = page.locator(".vega-embed").nth(0)
    page.wait_for_function("() => document.querySelectorAll('.vega-embed svg.marks').length >= 4", timeout=30000)
    opacities = "els => els.map(e => e.getAttribute('fill-opacity') || e.getAttribute('opacity') || '1')"
    before = chart.locator(BARS).evaluate_all(opacities)
    assert sum(float(o) == 1.0 for o in before) > 1  # before a click: all the picked outlet's bars stand out
    ids_before, ids_after = click_until_passages_change(page, 0, 0, x_fraction=0.35)
    after = chart.locator(BARS).evaluate_all(opacities)
    assert ids_after != ids_before and "mark=hedges_by_category" in page.url  # filtered, and in the URL at once
    assert sum(float(o) == 1.0 for o in after) == 1  # exactly the clicked bar stands out
    page.screenshot(path=str(SHOTS / "hedging-clicked.png"))
    assert not errors, errors
    page.close()


def pick_in_sidebar(page, box_label: str, option: str) -> None:
    """Choose ``option`` in the sidebar's select box labelled ``box_label`` ("Outlet", "Theme", "Actor")."""
    box = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(
        has=page.get_by_text(box_label, exact=True))
    box.click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_idle(page)


def test_a_pick_redraws_each_chart_in_place_with_its_new_title_and_highlight(server, browser):
    page, errors = open_page(browser, f"{server}/?view=Tone&pick_outlet=PRIO+Blogs")
    page.wait_for_function("() => document.querySelectorAll('.vega-embed svg.marks').length >= 2", timeout=30000)
    chart = page.locator(".vega-embed").nth(0)
    chart.locator("svg.marks").evaluate("svg => { svg.dataset.drawnBefore = 'yes'; }")  # gone if the chart is built anew

    def standing_out():
        return set(bars_standing_out(chart))

    assert all("PRIO Blogs" in label for label in standing_out())
    pick_in_sidebar(page, "Outlet", "Washington Times")
    assert eventually(lambda: standing_out() and all("Washington Times" in label for label in standing_out()))
    assert chart.locator("svg.marks[data-drawn-before='yes']").count() == 1  # redrawn in place, not built again
    page.locator("[data-testid='stSidebar'] [data-testid='stRadio'] label", has_text="Theme").first.click()
    wait_idle(page)
    title = "els => els.map(e => [...e.querySelectorAll('tspan')].map(t => t.textContent).join(' ') || e.textContent).join(' ')"
    first = chart.locator("g.role-title text").evaluate_all(title)
    theme = next(t for t in THEMES if t not in first)
    chart.locator("svg.marks").evaluate("svg => { svg.dataset.drawnBefore = 'yes'; }")
    pick_in_sidebar(page, "Theme", theme)
    assert eventually(lambda: theme in chart.locator("g.role-title-text text").evaluate_all(title))  # the new title
    assert "95% CI" in chart.locator("g.role-title-subtitle text").evaluate_all(title)  # and its subtitle, read as data too
    assert chart.locator("svg.marks[data-drawn-before='yes']").count() == 1  # on the chart drawn before
    assert not errors, errors
    page.close()


def click_a_bar(page, chart_index: int, bar: int = 0) -> None:
    """Click the middle of one bar of a chart drawn as SVG."""
    chart = page.locator(".vega-embed").nth(chart_index)
    chart.scroll_into_view_if_needed()
    # bars wide enough to click: a category an outlet never uses is a bar of no width (its interval outlined beside it)
    boxes = [b for b in (e.bounding_box() for e in chart.locator(BARS).all()) if b and b["width"] > 2]
    box = boxes[bar]
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_idle(page)


def bars_standing_out(chart) -> list[str]:
    """The labels of a chart's bars drawn at full opacity (drawn as SVG)."""
    bars = "els => els.map(e => [e.getAttribute('aria-label') || '', e.getAttribute('fill-opacity') || e.getAttribute('opacity') || '1'])"
    return [label for label, o in chart.locator(BARS).evaluate_all(bars) if float(o) == 1.0]


def test_a_click_stands_out_in_the_chart_drawn_before_and_a_copied_link_then_another_click_shows_that_one(server, browser):
    page, errors = open_page(browser, f"{server}/?view=Hedging&pick_outlet=PRIO+Blogs")
    page.wait_for_function("() => document.querySelectorAll('.vega-embed svg.marks').length >= 4", timeout=30000)
    chart = page.locator(".vega-embed").nth(0)
    chart.locator("svg.marks").evaluate("svg => { svg.dataset.drawnBefore = 'yes'; }")  # gone if the chart is built anew
    before = passage_ids(page, 0)
    click_a_bar(page, 0, bar=1)
    assert eventually(lambda: passage_ids(page, 0) != before) and "mark=hedges_by_category" in page.url
    clicked = eventually(lambda: bars_standing_out(chart) if len(bars_standing_out(chart)) == 1 else [])
    assert len(clicked) == 1  # the clicked bar alone stands out
    assert chart.locator("svg.marks[data-drawn-before='yes']").count() == 1  # in the chart drawn before, not a new one
    link = page.url
    page.close()
    # A copied link draws its mark from the URL; a click on another bar of that chart then moves it there.
    again, errors_again = open_page(browser, link)
    again.wait_for_function("() => document.querySelectorAll('.vega-embed svg.marks').length >= 4", timeout=30000)
    chart = again.locator(".vega-embed").nth(0)
    assert eventually(lambda: bars_standing_out(chart) == clicked)
    click_a_bar(again, 0, bar=2)
    other = eventually(lambda: bars_standing_out(chart) if bars_standing_out(chart) != clicked else [])
    assert len(other) == 1 and other != clicked and again.url != link
    # A chart built anew (presentation mode draws it larger) still shows the mark the URL holds.
    shown = passage_ids(again, 0)
    again.locator("[data-testid='stSidebar'] [data-testid='stCheckbox']").filter(has_text="Presentation mode").click()
    wait_idle(again)
    again.wait_for_function("() => document.querySelectorAll('.vega-embed svg.marks').length >= 4", timeout=30000)
    chart = again.locator(".vega-embed").nth(0)
    assert eventually(lambda: bars_standing_out(chart) == other), (bars_standing_out(chart), other)
    assert passage_ids(again, 0) == shown
    assert not errors and not errors_again, errors + errors_again
    again.close()


# Ways a click is undone other than the chart's own double-click. Streamlit puts a chart widget's last selection back
# into the chart it draws, so each once left the clicked bar standing out while the URL and the passages let it go.
UNDO_A_CLICK = {"the Clear selection button": lambda page: page.get_by_role("button", name="Clear selection").first.click(),
                "the browser's Back button": lambda page: page.go_back()}


@pytest.mark.slow  # CI runs it; the everyday run stays near 3 minutes
@pytest.mark.parametrize("undo", list(UNDO_A_CLICK))
def test_a_click_undone_shows_the_chart_the_passages_and_the_url_as_before_it(server, browser, undo):
    page, errors = open_page(browser, f"{server}/?view=Hedging&pick_outlet=PRIO+Blogs")
    page.wait_for_function("() => document.querySelectorAll('.vega-embed svg.marks').length >= 4", timeout=30000)
    chart = page.locator(".vega-embed").nth(0)
    before, ids_before = sorted(bars_standing_out(chart)), passage_ids(page, 0)
    click_a_bar(page, 0, bar=1)
    assert eventually(lambda: len(bars_standing_out(chart)) == 1) and "mark=" in page.url
    UNDO_A_CLICK[undo](page)
    wait_idle(page)
    assert eventually(lambda: "mark=" not in page.url)
    assert eventually(lambda: passage_ids(page, 0) == ids_before)
    assert eventually(lambda: sorted(bars_standing_out(chart)) == before), (bars_standing_out(chart), before)
    assert not errors, errors
    page.close()


@pytest.mark.slow
def test_a_click_on_a_second_chart_clears_the_first_so_the_link_reproduces_the_screen(server, browser):
    page, errors = open_page(browser, f"{server}/?view=Hedging&pick_outlet=PRIO+Blogs")
    page.wait_for_function("() => document.querySelectorAll('.vega-embed svg.marks').length >= 4", timeout=30000)
    first_before, second_before = passage_ids(page, 0), passage_ids(page, 1)
    click_a_bar(page, 0, bar=1)
    assert eventually(lambda: passage_ids(page, 0) != first_before) and "mark=hedges_by_category" in page.url
    click_a_bar(page, 1, bar=1)
    assert eventually(lambda: "mark=approximators_by_category" in page.url)  # the URL holds the second click only
    assert eventually(lambda: passage_ids(page, 1) != second_before)
    assert eventually(lambda: passage_ids(page, 0) == first_before)  # and the first chart shows no click either
    # said beside the second chart's passages, once (a toast covered their first controls)
    said = page.locator("[data-testid='stCaptionContainer']").filter(has_text="The chart clicked before was cleared")
    assert said.count() == 1
    y, charts = said.first.bounding_box()["y"], [page.locator(".vega-embed").nth(k).bounding_box()["y"] for k in (0, 1)]
    assert abs(y - charts[1]) < abs(y - charts[0])  # beside the second chart, not the first
    link, shown = page.url, [passage_ids(page, 0), passage_ids(page, 1)]
    page.screenshot(path=str(SHOTS / "hedging-second-click.png"))
    page.close()
    again, errors_again = open_page(browser, link)
    again.wait_for_function("() => document.querySelectorAll('.vega-embed svg.marks').length >= 4", timeout=30000)
    # the copied link opens the same screen (once every chart's passages are drawn)
    assert eventually(lambda: [passage_ids(again, 0), passage_ids(again, 1)] == shown), \
        ([passage_ids(again, 0), passage_ids(again, 1)], shown)
    assert not errors and not errors_again, errors + errors_again
    again.close()


@pytest.mark.slow
def test_at_1280_by_720_the_first_chart_starts_in_the_upper_half_of_the_window(server, browser):
    """A presenter opening a view sees a chart without scrolling: its top is above the middle of a 720 px window."""
    page, errors = open_page(browser, f"{server}/?view=Compare")
    for view in ["Compare", "Tone", "Hedging", "Emphasis", "Voices"]:
        page.goto(view_url(server, view))
        wait_idle(page)
        page.wait_for_function(f"() => document.querySelectorAll('.vega-embed svg.marks').length >= {EXPECTED_CHARTS[view]}",
                               timeout=60000)
        tops = [c.bounding_box()["y"] for c in page.locator("[data-testid='stVegaLiteChart']").all()]
        assert min(tops) < 360, (view, tops)
    assert not errors, errors
    page.close()


# --- real news: 300 articles of three outlets -----------------------------------------------------------------

# The views a presenter opens first, whose first chart must start in the upper half of a 720 px window.
CHART_FIRST = ["Compare", "Tone", "Hedging", "Emphasis", "Voices"]


def passage_outlets(page, index):
    frame = page.locator("[data-testid='stHtml']").filter(has=page.locator(".fl-legend")).nth(index)
    frame.locator("[data-sentence-id]").first.wait_for(timeout=30000)
    return frame.locator("[data-sentence-id]").evaluate_all("els => els.map(e => e.dataset.outlet)")


@pytest.mark.slow
@pytest.mark.skipif(not REAL_NEWS.exists(), reason=f"the team's development corpus is not at {REAL_NEWS}")
def test_on_300_real_articles_every_view_is_whole_at_both_sizes_and_lists_its_charts_evidence(server, browser):
    """#23 on real news: nothing cut at 1280×720 or 1600×1000, the first chart high on the screen, passages that are
    every outlet's with the chart's count, outlets told apart by colour, and Story on a story several outlets covered."""
    # The suite's last test often: once, under CI's parallel load, this first page took over 60 s to show its heading
    # (the test alone passed in 56 s); the figures checked below do not depend on how long it took.
    page, errors = open_page(browser, f"{server}/?view=Articles", timeout_ms=180000)
    page.get_by_text("Replace them").click()
    wait_idle(page)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").first.set_input_files(str(REAL_NEWS))
    page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stAlert\"]').length > 0", timeout=120000)
    wait_idle(page)
    told = " ".join(page.locator("[data-testid='stAlert']").all_inner_texts())
    assert "added 300 articles" in told and "dateline" not in told, told  # the file's own outlets, not a note each
    problems = {}
    for view in ALL_VIEWS:
        go_to(page, view)
        if view == "Search":
            box = page.get_by_placeholder("a word or phrase").first
            box.fill("illegal")
            box.press("Enter")
            wait_idle(page)
        if EXPECTED_CHARTS.get(view):
            page.wait_for_function(f"() => document.querySelectorAll('.vega-embed svg.marks').length >= {EXPECTED_CHARTS[view]}",
                                   timeout=60000)
        for width, height in SIZES:  # the same screen resized: no second upload
            page.set_viewport_size({"width": width, "height": height})
            page.wait_for_timeout(500)  # Vega redraws a chart to its new width
            # a screen still running showed "Stop" in its corner on the slide-sized screenshot (Story, under CI)
            page.wait_for_function(IDLE, timeout=60000)
            page.screenshot(path=str(SHOTS / f"real-{view.lower().replace(' ', '-')}-{width}x{height}.png"))
            hidden, cut = label_problems(page)
            if hidden or cut:
                problems[(view, width)] = (hidden, cut)
            if view in CHART_FIRST and width == 1280:
                # once the page is idle: under CI a chart still being drawn again had no box yet (bounding_box None)
                wait_idle(page)
                tops = [c.bounding_box()["y"] for c in page.locator("[data-testid='stVegaLiteChart']").all()]
                assert min(tops) < height / 2, (view, tops)
        page.set_viewport_size({"width": 1280, "height": 720})
        if view == "Search":  # the chart's count and the passages' are the same sentences, every outlet's
            main = page.locator("[data-testid='stMain']").inner_text()
            in_chart = re.search(r"occurrences in ([\d,]+) sentences", main).group(1)
            assert f"All {in_chart} sentences with “illegal”" in main, main
            assert len(set(passage_outlets(page, 0))) > 1
        if view == "Compare":  # the distinctive-words slide quotes sentences holding its terms, the terms marked
            with page.expect_download() as download:
                page.get_by_role("button", name="Slide SVG").last.click()
            slide = Path(download.value.path()).read_text("utf-8")
            assert slide.startswith("<svg") and 'width="1920"' in slide[:300]
            term_colour = KIND_STYLE["match"][0]  # a listed term, as the passages mark it (not a cue or a theme word)
            assert slide.count(f'<tspan fill="{term_colour}"') >= 3, "the slide's passages show no marked term"
        if view == "Story":  # it opens on a story several outlets covered, each in a card of its own
            cards = page.locator("[data-testid='stMarkdownContainer']").filter(has_text=STORY_CARD)
            assert cards.count() >= 2, cards.all_inner_texts()
        if view == "Voices":  # three outlets in three colours, none passing for another
            fills = page.locator(".vega-embed").first.locator(BARS).evaluate_all(
                "els => els.map(e => e.getAttribute('fill'))")
            assert len(set(fills)) == 3, fills
            assert len(set(passage_outlets(page, 0))) == 3  # the chart draws every outlet: so do its passages
    assert problems == {}
    assert not errors, errors
    page.close()
