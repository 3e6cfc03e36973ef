"""Pure parts of the app: click → passages, mark encoding, escaping of article text, exports."""
import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET

import altair as alt
import pandas as pd
import pytest
from conftest import ROOT

from components.export import chart_png, chart_svg, rows_csv, vega_spec
from components.lens import Lens
from components.passages import marked_html
from components.selection import decode_mark, encode_mark
from components.theme import style
from components.views import compare, emphasis, hedging, overview, search, tone, voices
from framing.scoring.analysis import Analysis
from framing.statistics.filters import apply as filter_passages


def test_click_on_outlet_and_category_gives_its_sentences(table):
    passages = filter_passages(table, {"outlet_group": "PRIO Blogs", "hedge_category": "approximator"})
    assert set(passages["article_id"]) == {"a000"}
    assert all("approximator" in cats for cats in passages["hedge_categories"])
    assert len(passages) == 5  # s002, s003, s004, s010 (two approximators), s012


def test_click_on_theme_actor_sentence_and_speaker(table):
    assert len(filter_passages(table, {"sentence_id": "a002-s018"})) == 1
    china = filter_passages(table, {"theme": "China's role"})
    assert len(china) and all("China's role" in t for t in china["themes"])
    frames = filter_passages(table, {"theme": "Morality"}, theme_column="policy_frames")
    assert all("Morality" in t for t in frames["policy_frames"])
    assert set(filter_passages(table, {"speaker": "Jenny Town"})["article_id"]) == {"a002"}
    assert filter_passages(table, {"voice": "quoted"})["quoted"].all()
    assert len(filter_passages(table, {})) == len(table)


def test_passages_sorted_searched_or_clicked_are_those_the_rows_themselves_give(table):
    # Passages move positions and take rows only to show them (components.passages.Passages): every sort a reader
    # picks, a search and a click must give the very rows, in the very order, that sorting the rows does.
    import numpy as np

    from components.panel import passage_sorts
    from components.passages import Passages
    from framing.statistics import filters

    table = table.assign(tone=table["tone"].where(table.index % 7 != 3))  # missing scores go last, either way
    positions = np.random.default_rng(0).permutation(len(table))[: len(table) * 2 // 3]
    rows = table.iloc[positions]
    passages = Passages.of(table, positions)
    sorts = [([column, "position"], [ascending, True]) for column, ascending in filter(None, passage_sorts().values())
             if column != "position"]  # each measure's sort, as the panel asks for it
    assert len(sorts) >= 2
    for columns, ascending in sorts + [(["article_id", "position"], True), (["hedge_count", "booster_count"], False)]:
        expected = rows.sort_values(columns, ascending=ascending, kind="stable")
        assert passages.sorted_by(columns, ascending).rows().index.tolist() == expected.index.tolist(), columns
        assert passages.sorted_by(columns, ascending).head(5).index.tolist() == expected.index[:5].tolist()
    word = rows["text"].str.split().str[0].value_counts().index[0]
    found = rows[rows["text"].str.contains(word.upper(), case=False, regex=False)]
    assert 0 < len(passages.containing(word.upper())) == len(found) < len(rows)
    assert passages.containing(word.upper()).rows().index.tolist() == found.index.tolist()
    outlet = rows["outlet_group"].iloc[0]
    clicked = passages.where(filters.mask(table, {"outlet_group": outlet}))
    assert clicked.rows().index.tolist() == filters.apply(rows, {"outlet_group": outlet}).index.tolist()


@pytest.mark.parametrize("selection", [{"outlet_group": "unknown outlet (a001)", "theme": "China's role"},
                                       {"speaker": "Ms. A|B=C~D"}])
def test_mark_round_trips_through_the_url(selection):
    assert decode_mark(encode_mark("theme_share", selection)) == ("theme_share", selection)


def test_malformed_marks_are_ignored():
    assert decode_mark("nonsense") == ("", {})
    assert decode_mark("chart~evil=1") == ("", {})


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
                                  "![i](http://x/i.png)", ":red[alarm] and $x$ and ]unbalanced", "a & b < c"])
def test_article_text_is_escaped(text):
    out = marked_html(text, [(0, 1, "hedge", "hedge: <b>")])
    assert "<script" not in out and "<img" not in out and 'title="hedge: &lt;b&gt;"' in out
    import html
    assert html.unescape(out.replace('<span class="fl-h" title="hedge: &lt;b&gt;">', "").replace("</span>", "")) == text


def test_overlapping_marks_keep_the_first():
    assert marked_html("not clear", [(0, 9, "hedge", "h"), (4, 9, "booster", "b")]).count("<span") == 1


def all_panels(table, bundled, lexicons, lens):
    analysis = Analysis(bundled, lexicons, table)
    lens = Lens(lens.mode, lens.value, outlets=analysis.outlets)
    return [p for view in (overview, tone, hedging, emphasis, voices) for p in view.panels(analysis, lens)]


def test_every_chart_exports_svg_png_and_csv(table, bundled, lexicons):
    for panel in all_panels(table, bundled, lexicons, Lens("outlet", "Washington Times")):
        svg = chart_svg(panel.spec())
        assert ET.fromstring(svg).tag.endswith("svg"), panel.key
        png = chart_png(panel.spec())
        assert png.startswith(b"\x89PNG\r\n\x1a\n"), panel.key
        rows = list(csv.DictReader(io.StringIO(rows_csv(panel.data).decode("utf-8"))))
        assert len(rows) == len(panel.data) > 0, panel.key


@pytest.mark.parametrize("mode,value", [("outlet", "PRIO Blogs"), ("theme", "China's role"), ("actor", "Russia")])
def test_every_views_charts_are_valid_vega_lite(table, bundled, lexicons, mode, value):
    """The screen draws specs unvalidated (export.vega_spec, debug mode off): here every view's charts are checked
    whole against the Vega-Lite schema, and the screen's spec is the validated one without Altair's default view."""
    from components import views

    analysis = Analysis(bundled, lexicons, table)
    lens = Lens(mode, value, outlets=analysis.outlets, query="troop*")
    panels = [p for m in views.registry().values() if hasattr(m, "panels") for p in m.panels(analysis, lens)]
    assert len(panels) >= 15
    for panel in panels:
        checked = style(panel.altair()).to_dict(validate=True)  # raises on a spec the schema does not allow
        checked["config"]["view"].pop("continuousWidth", None), checked["config"]["view"].pop("continuousHeight", None)
        assert panel.spec() == checked, panel.key
        projected = style(panel.altair(), presentation=True).to_dict(validate=False)  # presentation mode: larger type
        projected["config"]["view"].pop("continuousWidth", None), projected["config"]["view"].pop("continuousHeight", None)
        assert panel.spec(presentation=True) == projected, panel.key


def assert_screen_draws_the_export(panel, presentation: bool = False) -> int:
    """A ShapedChart panel's screen spec (its kept shape, its rows as Arrow) is its exported spec (the chart built
    through Altair, rows written in), row for row; returns how many rows."""
    import pyarrow as pa

    from components.redraw import ROWS

    screen, exported = panel.screen_spec(presentation), panel.spec(presentation)
    sent = pa.ipc.open_stream(screen["datasets"].pop(ROWS)).read_all().to_pylist()
    rows = exported["datasets"].pop(exported.pop("data")["name"])
    assert sent == rows, panel.key
    assert screen.pop("data") == {"name": ROWS}, panel.key
    assert screen == exported, panel.key

    def fields(node) -> set[str]:  # every field a layer reading the rows encodes, tooltips and selections included
        if isinstance(node, dict):
            found = {node["field"]} if isinstance(node.get("field"), str) else set()
            found |= set(node.get("fields", [])) if isinstance(node.get("fields"), list) else set()
            return found.union(*(fields(v) for k, v in node.items() if k != "data"))
        return set().union(*(fields(v) for v in node)) if isinstance(node, list) else set()

    def read_by(layer: dict) -> set[str]:  # a pivot reads its own fields; what it makes are named by the rows' values
        pivot = next((t for t in layer.get("transform", []) if "pivot" in t), None)
        if pivot is None:
            return fields(layer)
        made = {str(row[pivot["pivot"]]) for row in rows}
        encoded = fields(layer["encoding"]) - set(pivot["groupby"])
        assert encoded <= made, (panel.key, encoded - made)  # every column it draws is one the pivot makes
        return {pivot["pivot"], pivot["value"], *pivot["groupby"]}

    read = set().union(*(read_by(layer) for layer in screen["layer"] if "data" not in layer))
    assert read and read <= set(rows[0]), (panel.key, read - set(rows[0]))  # nothing drawn from a column not sent
    return len(rows)


@pytest.mark.parametrize("mode,value", [("outlet", "PRIO Blogs"), ("theme", "China's role"), ("actor", "Russia")])
def test_every_chart_kept_as_a_shape_draws_on_screen_what_its_exports_show(table, bundled, lexicons, mode, value):
    # A pick sends a kept chart's shape and its rows as Arrow (components.redraw.ShapedChart), not a chart built
    # through Altair: the screen must show what the SVG, PNG and slide show.
    from components import views
    from components.redraw import ShapedChart

    analysis = Analysis(bundled, lexicons, table)
    lens = Lens(mode, value, outlets=analysis.outlets, query="troop*")
    panels = [p for m in views.registry().values() if hasattr(m, "panels") for p in m.panels(analysis, lens)
              if isinstance(p.chart, ShapedChart)]
    assert {"compare_tone", "compare_cues", "compare_attention", "compare_lead", "tone_over_time"} <= {p.key for p in panels}
    for panel in panels:
        assert assert_screen_draws_the_export(panel) > 0 and assert_screen_draws_the_export(panel, presentation=True)


def test_charts_carry_the_same_data_as_altairs_own_transformer(table, bundled, lexicons):
    """The screen's data transformer (components.charts.chart_values) is Altair's default made faster: every view's
    specs, datasets included (named by a hash of their values), are what Altair's own would give."""
    from components import views

    analysis = Analysis(bundled, lexicons, table)
    for mode, value in [("outlet", "PRIO Blogs"), ("theme", "China's role")]:
        lens = Lens(mode, value, outlets=analysis.outlets, query="troop*")
        panels = [p for m in views.registry().values() if hasattr(m, "panels") for p in m.panels(analysis, lens)]
        assert len(panels) >= 15
        for panel in panels:
            with alt.data_transformers.enable("default"):
                own = style(panel.altair()).to_dict(validate=False)
            assert style(panel.altair()).to_dict(validate=False) == own, panel.key
            assert any(own["datasets"].values()), panel.key


@pytest.mark.parametrize("mode", ["theme", "actor"])
def test_a_compare_pick_drawn_again_makes_none_of_its_figures_again(table, bundled, lexicons, monkeypatch, mode):
    # A rerun with the same pick (another outlet to stand out, a view visited again) made the attention, first-mention
    # and distinctive-words figures of a theme or actor pick again: 1 s a run at 10,000 articles.
    from components.views import compare as view

    analysis = Analysis(bundled, lexicons, table)
    column = "actors" if mode == "actor" else Lens("theme", "").theme_column
    lens = Lens(mode, table[column].explode().dropna().value_counts().index[0], outlets=analysis.outlets)
    figures = lambda: {p.key: p.data for p in view.panels(analysis, lens) if isinstance(p, view.Panel)}  # noqa: E731
    first = figures()
    for name in ("one_versus_rest", "label_counts", "label_versus_rest", "distinctive", "holding"):
        monkeypatch.setattr(view, name, lambda *a, _name=name, **k: pytest.fail(f"{_name} made again"))
    again = figures()
    assert first.keys() == again.keys() and {"compare_attention", "compare_lead", "compare_words"} <= first.keys()
    for key in first:
        pd.testing.assert_frame_equal(first[key], again[key])


def test_theme_pick_charts_cover_only_that_theme(table, bundled, lexicons):
    lens = Lens("theme", "China's role")
    panels = {p.key: p for p in all_panels(table, bundled, lexicons, lens)}
    assert set(panels["theme_share"].data["theme"]) == {"China's role"}
    assert all("China's role" in t for t in lens.scope(panels["tone_by_outlet"].rows)["themes"])


def test_outlet_colours_belong_to_names_stay_when_another_is_renamed_and_stay_distinct_to_20():
    from components.theme import outlet_colours

    bundled = ["PRIO Blogs", "Washington Times", "unknown outlet (a001)", "unknown outlet (a003)", "unknown outlet (a004)"]
    before = outlet_colours(bundled)
    assert before["PRIO Blogs"] == "#0072B2" and before["Washington Times"] == "#D55E00"  # the configured colours
    after = outlet_colours(["Daily Planet" if o == "unknown outlet (a001)" else o for o in bundled])
    assert all(after[o] == before[o] for o in bundled if o != "unknown outlet (a001)")
    twenty = [f"Outlet {i}" for i in range(20)]
    assert len(set(outlet_colours(twenty).values())) == 20
    assert outlet_colours(twenty)["Outlet 7"] == outlet_colours(twenty[::-1])["Outlet 7"]  # order of arrival does not matter


def _lab(hex_colour: str) -> tuple[float, float, float]:
    """sRGB (D65) to CIELAB."""
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    xyz = ((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
    fx, fy, fz = [t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116 for t in xyz]
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(lab1, lab2) -> float:
    """Colour difference CIEDE2000 (Sharma, Wu & Dalal 2005)."""
    from math import atan2, cos, degrees, exp, hypot, radians, sin, sqrt

    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_mean = (hypot(a1, b1) + hypot(a2, b2)) / 2
    g = 0.5 * (1 - sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = hypot(a1, b1), hypot(a2, b2)
    h1, h2 = degrees(atan2(b1, a1)) % 360, degrees(atan2(b2, a2)) % 360
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    d_l, d_c, d_h = l2 - l1, c2 - c1, 2 * sqrt(c1 * c2) * sin(radians(dh / 2))
    l_mean, c_mean = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        h_mean = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_mean = (h1 + h2) / 2
    else:
        h_mean = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (1 - 0.17 * cos(radians(h_mean - 30)) + 0.24 * cos(radians(2 * h_mean)) + 0.32 * cos(radians(3 * h_mean + 6))
         - 0.20 * cos(radians(4 * h_mean - 63)))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / sqrt(20 + (l_mean - 50) ** 2)
    s_c, s_h = 1 + 0.045 * c_mean, 1 + 0.015 * c_mean * t
    r_t = -2 * sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7)) * sin(radians(60 * exp(-(((h_mean - 275) / 25) ** 2))))
    return sqrt((d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (d_c / s_c) * (d_h / s_h))


def test_any_two_of_the_first_eight_outlets_differ_clearly():
    """On a projector two outlets must not look alike: the colours of the first eight differ by CIEDE2000 >= 20."""
    from itertools import combinations

    from components.theme import outlet_colours

    # the formula, against Sharma et al.'s published test pairs
    assert abs(ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) - 2.0425) < 1e-4
    assert abs(ciede2000((50, 2.5, 0), (73, 25, -18)) - 27.1492) < 1e-4
    assert abs(ciede2000((2.0776, 0.0795, -1.135), (0.9033, -0.0636, -0.5514)) - 0.9082) < 1e-4
    for outlets in (["Fox News", "HuffPost", "New York Times"], [f"Outlet {i}" for i in range(8)],
                    ["PRIO Blogs", "Washington Times", "unknown outlet (a001)", "Daily Planet", "Gazette", "Ledger",
                     "Courier", "Herald"]):
        colours = outlet_colours(outlets)
        worst = min(ciede2000(_lab(colours[x]), _lab(colours[y])) for x, y in combinations(outlets, 2))
        assert worst >= 20, (outlets, worst)


def test_emphasis_in_theme_mode_each_chart_has_its_own_sentences_and_actors_follow_the_theme(table, bundled, lexicons):
    analysis = Analysis(bundled, lexicons, table)
    lens = Lens("theme", "Economy, food and energy", outlets=analysis.outlets)
    panels = {p.key: p for p in emphasis.panels(analysis, lens)}
    actor_rows = lens.scope(panels["actor_share"].rows)
    assert len(actor_rows) and all(lens.value in t and a for t, a in zip(actor_rows["themes"], actor_rows["actors"]))
    theme_rows = lens.scope(panels["theme_share"].rows)
    assert set(actor_rows["sentence_id"]) < set(theme_rows["sentence_id"])  # a different list: only those naming an actor
    assert "in sentences naming theme “Economy, food and energy”" in str(panels["actor_share"].chart.to_dict()["title"])
    # the one theme's first mention and voice: a row per outlet (on one row, three outlets' dots and whiskers overlapped)
    for key in ("theme_first_mention", "theme_voice"):
        spec = panels[key].chart.to_dict()
        rows = [layer["encoding"]["y"]["field"] for layer in spec["layer"]]
        assert rows == ["outlet_group", "outlet_group"], key


def test_small_samples_are_flagged_beside_their_n(table, bundled, lexicons):
    analysis = Analysis(bundled, lexicons, table)
    (bar, _) = tone.panels(analysis, Lens("theme", "China's role", outlets=analysis.outlets))
    labels = [d["n_label"] for d in bar.chart.to_dict()["datasets"].popitem()[1]]
    assert labels and all(label.startswith("n = ") and label.endswith(" · small sample") for label in labels)


def test_slide_export_is_a_1920_by_1080_png_with_the_passages_their_sources_and_the_selection(table, bundled, lexicons):
    import struct

    from components.panel import slide_parts
    from components.slide import slide_png, slide_svg, with_selection
    from framing.statistics import filters

    analysis = Analysis(bundled, lexicons, table)
    lens = Lens("outlet", "PRIO Blogs", outlets=analysis.outlets)
    panel = hedging.panels(analysis, lens)[0]
    active = {"outlet_group": "PRIO Blogs", "hedge_category": "modal"}
    passages = filters.apply(panel.rows, active).sort_values("position")
    title, footer = slide_parts(panel, passages, active, analysis, lens)
    svg = slide_svg(panel.chart, title, passages, footer, active)
    first = passages.iloc[0]
    words = [w.strip(",.;:()“”") for w in first["text"].split()]
    assert all(w in svg for w in words[:12]) and "— PRIO Blogs · no date" in svg and "Putin and Kim Look for" in svg
    assert "hedge category: modal" in title and "corpus: 5 articles, 187 sentences" in footer
    assert '"value": [{"outlet_group": "PRIO Blogs", "hedge_category": "modal"}]' in json.dumps(
        with_selection(panel.chart.to_dict(), active))  # the clicked mark is the one highlighted
    assert 'fill="#b45309"' in svg  # cue words marked
    assert ET.fromstring(svg).tag.endswith("svg")
    png = slide_png(svg)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and struct.unpack(">II", png[16:24]) == (1920, 1080)


def test_a_slide_has_one_title_and_its_chart_fills_sixty_percent_of_it(table, bundled, lexicons):
    import re

    from components.panel import slide_parts
    from components.slide import CHART_BOX, HEIGHT, WIDTH, _chart_svg, slide_svg

    analysis = Analysis(bundled, lexicons, table)
    lens = Lens("outlet", "PRIO Blogs", outlets=analysis.outlets)
    for panel in list(compare.panels(analysis, lens))[:4] + hedging.panels(analysis, lens):
        title, footer = slide_parts(panel, panel.evidence(), {}, analysis, lens)
        svg = slide_svg(panel.altair(), title, panel.evidence().head(3), footer)
        assert svg.count(html.escape(title)) == 1, panel.key  # the chart's own title is not drawn again under it
        width, height = map(float, re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', _chart_svg(style(panel.altair(), presentation=True).to_dict(), {})).groups())
        scale = min(CHART_BOX[2] / width, CHART_BOX[3] / height)
        assert width * height * scale ** 2 >= 0.6 * WIDTH * HEIGHT * 0.99, panel.key


def test_a_distinctive_words_slide_shows_sentences_with_its_terms_marked(table, bundled, lexicons):
    from components.panel import slide_parts
    from components.slide import slide_svg

    analysis = Analysis(bundled, lexicons, table)
    lens = Lens("outlet", "PRIO Blogs", outlets=analysis.outlets)
    words = next(p for p in compare.panels(analysis, lens) if p.key == "compare_words")
    passages = lens.scope(words.rows)
    assert len(passages) and all(any(t in text.lower() for t in words.terms) for text in passages["text"])
    title, footer = slide_parts(words, passages, {}, analysis, lens)
    svg = slide_svg(words.chart, title, passages, footer, terms=words.terms)
    marked = re.findall(r'<tspan fill="#0f172a" font-weight="700"[^>]*>([^<]+)</tspan>', svg)
    assert marked and all(m.lower() in " ".join(words.terms) for m in marked)


def test_slide_text_is_escaped():
    import pandas as pd

    from components.slide import slide_svg
    from components.views import overview

    row = {"text": "<script>alert(1)</script> & may", "outlet_group": "<b>X</b>", "title": "T", "date": "unknown",
           "hedges": [], "approximators": [], "boosters": [], "theme_matches": []}
    chart = overview.ranked_bars(pd.DataFrame({"label": ["a"], "n": [1], "outlet_group": ["X"], "article_id": ["a"]}),
                                 "label", "n", "article_id", "t", "s", "x", ["X"], [])
    svg = slide_svg(chart, "Title <i>", pd.DataFrame([row]), "footer")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&lt;b&gt;X&lt;/b&gt;" in svg
    ET.fromstring(svg)


def test_presentation_details_of_the_charts(table, bundled, lexicons):
    analysis = Analysis(bundled, lexicons, table)
    lens = Lens("outlet", "PRIO Blogs", outlets=analysis.outlets)
    balance = hedging.panels(analysis, lens)[2].chart.to_dict()
    layers = balance["layer"]
    assert layers[0]["mark"]["type"] == "line"  # the diagonal is drawn
    dots = layers[-1]  # over the diagonal and the whiskers
    assert dots["mark"]["clip"] is False and dots["encoding"]["x"]["scale"]["domain"] == dots["encoding"]["y"]["scale"]["domain"]
    categories = hedging.panels(analysis, lens)[0].chart.to_dict()
    assert "replace(datum.label, /_/g, ' ')" in json.dumps(categories)  # "epistemic_verb" reads "epistemic verb"
    quoted = voices.panels(analysis, lens)[0]
    title = json.dumps(quoted.chart.to_dict()["title"])
    assert "PRIO Blogs quotes no one directly" in title
    assert len(quoted.data) == 5 and (quoted.data["quoted_share"] == 0).sum() == 2  # one bar per outlet, zeros included
    # its axis runs from 0 past the highest interval, not to 100%: shares of 20–35% filled a third of the chart
    (top,) = {json.dumps(layer["encoding"]["x"].get("scale", {}).get("domain")) for layer in quoted.chart.to_dict()["layer"]
              if "scale" in layer["encoding"].get("x", {})}
    end = json.loads(top)[1]
    assert quoted.data["quoted_share_ci_high"].max() < end <= min(1.0, 1.5 * quoted.data["quoted_share_ci_high"].max() + 0.1)
    words = [p for p in __import__("components.views.compare", fromlist=["panels"]).panels(analysis, lens)][-1]
    legend = json.dumps(words.chart.to_dict()["encoding"]["color"]["legend"])
    assert "PRIO Blogs" in legend and "Washington Times" not in legend  # the legend lists only what is drawn


def test_the_voices_bars_give_each_outlets_sentences_with_thousands_separated(table, bundled, lexicons):
    import pandas as pd

    many = pd.concat([table] * 40, ignore_index=True)  # the bundled outlets' sentences, 40 times over
    analysis = Analysis(bundled, lexicons, many)
    drawn = json.dumps(voices.panels(analysis, Lens("outlet", "PRIO Blogs", outlets=analysis.outlets))[0].chart.to_dict())
    largest = many["outlet_group"].value_counts()
    assert largest.iloc[0] >= 1_000 and f"{largest.index[0]} (n = {largest.iloc[0]:,})" in drawn


def _panel(panels, key: str):
    return next(p for p in panels if p.key == key)


def test_level_charts_draw_each_outlets_level_with_its_interval(table, bundled, lexicons):
    # Hedging's categories, Emphasis's shares, Voices's quoted share and a search's rates: each bar's 95% interval is drawn (an outlined
    # bar from its low to its high end) and brackets the bar; hedges against boosters, a whisker on each axis.
    analysis = Analysis(bundled, lexicons, table)
    lens = Lens("outlet", "PRIO Blogs", outlets=analysis.outlets)
    searched = search.panels(analysis, Lens("outlet", "PRIO Blogs", outlets=analysis.outlets, query="troop*"))[0]
    drawn = [(hedging.panels(analysis, lens)[0], "per_1k_words"), (emphasis.panels(analysis, lens)[0], "share_of_sentences"),
             (_panel(emphasis.panels(analysis, lens), "actor_share"), "share_of_sentences"), (voices.panels(analysis, lens)[0], "quoted_share"),
             (searched, "per_1k_words")]
    for panel, value in drawn:
        spec = json.dumps(panel.chart.to_dict())
        low, high = (c for c in panel.data.columns if c.startswith(value.removesuffix("_of_sentences")) and "_ci_" in c)
        assert f'"x": {{"field": "{low}"' in spec and f'"x2": {{"field": "{high}"' in spec, panel.key
        data = panel.data.dropna(subset=[low])
        assert len(data) and ((data[low] <= data[value]) & (data[value] <= data[high])).all(), panel.key
    # Hedges against boosters: a whisker on each axis through each outlet's dot
    balance = json.dumps(hedging.panels(analysis, lens)[2].chart.to_dict())
    for kind, (first, second) in {"hedges": ("x", "x2"), "boosters": ("y", "y2")}.items():
        assert f'"{first}": {{"field": "{kind}_per_1k_words_ci_low"' in balance
        assert f'"{second}": {{"field": "{kind}_per_1k_words_ci_high"' in balance


def test_bars_with_intervals_still_rank_their_rows_largest_first(table, bundled, lexicons):
    # With a layer of intervals (or labels) over the bars, a sort given in the spec was dropped: rows fell into
    # alphabetical order.
    analysis = Analysis(bundled, lexicons, table)
    lens = Lens("outlet", "PRIO Blogs", outlets=analysis.outlets)
    searched = search.panels(analysis, Lens("outlet", "PRIO Blogs", outlets=analysis.outlets, query="the"))[0]
    for panel, row, value in [(hedging.panels(analysis, lens)[0], "hedge_category", "per_1k_words"),
                              (emphasis.panels(analysis, lens)[0], "theme", "share_of_sentences"),
                              (searched, "outlet_group", "per_1k_words"),
                              (voices.panels(analysis, lens)[0], "outlet_group", "quoted_share")]:
        svg = ET.fromstring(chart_svg(vega_spec(panel.chart)))
        axis = next(g for g in svg.iter() if (g.get("aria-label") or "").startswith("Y-axis")).get("aria-label")
        totals = panel.data.groupby(row)[value].sum()
        wanted = sorted(totals.index, key=lambda name: (-totals[name], name))  # ties: by name
        first, _, last = axis.partition(", ending with ")  # a long axis names its first values and its last
        where = [first.find(f" {name}") for name in wanted]  # in order (a name may hold a comma)
        named = [w for w in where if w > 0]
        assert where[0] > 0 and len(named) >= 3 and named == sorted(named), (panel.key, axis, wanted)
        assert all(w < 0 for w in where[len(named):]) and (not last or wanted[-1] in last), (panel.key, axis, wanted)


def test_with_many_outlets_grouped_charts_are_rows_of_dots_that_fit_a_slide(table, bundled, lexicons):
    # 9 themes × 9 outlets as bars were 81 bars, 1,600 px tall (15 × 9: 2,600 px); a row of dots per theme fits 720 px.
    many = table.assign(outlet_group=[f"Outlet {k % 9}" for k in range(len(table))])
    outlets = sorted(many["outlet_group"].unique())
    panels = emphasis.panels(Analysis(bundled, lexicons, many), Lens("outlet", "Outlet 3", outlets=outlets))
    shares, early = panels[0], panels[1]
    svg = ET.fromstring(chart_svg(vega_spec(shares.chart)))
    assert float(svg.get("height")) <= 720
    spec = json.dumps(shares.chart.to_dict())
    assert '"type": "circle"' in spec and '"x2": {"field": "share_ci_high"' in spec
    totals = shares.data.groupby("theme")["share_of_sentences"].sum()
    wanted = sorted(totals.index, key=lambda name: (-totals[name], name))
    for panel in (shares, early):  # one row per theme, the most named first, in both theme charts
        axis = next(g for g in ET.fromstring(chart_svg(vega_spec(panel.chart))).iter()
                    if (g.get("aria-label") or "").startswith("Y-axis")).get("aria-label")
        where = [axis.find(name) for name in wanted if axis.find(name) > 0]
        assert len(where) >= 3 and where == sorted(where), (panel.key, axis)
    three = table.assign(outlet_group=[f"Outlet {k % 3}" for k in range(len(table))])
    few = emphasis.panels(Analysis(bundled, lexicons, three), Lens("outlet", "Outlet 1", outlets=["Outlet 0", "Outlet 1", "Outlet 2"]))
    assert '"type": "bar"' in json.dumps(few[0].chart.to_dict())  # 3 outlets × 9 themes, 27 bars: bars
    # the same rule for every grouped chart: Hedging's categories (7 × 9 = 63 bars), their names read as words
    categories = hedging.panels(Analysis(bundled, lexicons, many), Lens("outlet", "Outlet 3", outlets=outlets))[0]
    spec = json.dumps(categories.chart.to_dict())
    assert '"type": "circle"' in spec and "replace(datum.label, /_/g, ' ')" in spec
    assert float(ET.fromstring(chart_svg(vega_spec(categories.chart))).get("height")) <= 720


def test_who_is_quoted_is_each_outlets_share_of_its_own_sentences_with_intervals(table, bundled, lexicons):
    # Raw counts stacked by outlet favoured the outlets that publish most; a share of each outlet's sentences does not.
    analysis = Analysis(bundled, lexicons, table)
    panel = voices.panels(analysis, Lens("outlet", "PRIO Blogs", outlets=analysis.outlets))[1]
    most = table.loc[table["speaker"] != "", "speaker"].value_counts()
    charted = list(dict.fromkeys(panel.data["speaker"]))
    assert len(charted) == min(voices.MOST_SPEAKERS, len(most))
    assert min(most[c] for c in charted) >= max([most[o] for o in most.index if o not in charted], default=0)
    assert charted == sorted(charted, key=lambda name: (-most[name], name))  # the most named first
    assert len(panel.data) == len(charted) * len(analysis.outlets)  # an outlet that never names one is a 0, not missing
    sizes = table.groupby("outlet_group").size()
    assert (panel.data["share"] == panel.data["sentences"] / panel.data["outlet_group"].map(sizes)).all()
    spec = json.dumps(panel.chart.to_dict())
    assert '"x2": {"field": "share_ci_high"' in spec and "of each outlet's sentences" in spec
    assert set(panel.rows["speaker"]) == set(charted)  # its evidence: the sentences naming a charted speaker


def test_tone_through_the_article_compares_every_outlets_fifths(table, bundled, lexicons):
    # A strip of every sentence of the picked outlet was a cloud; the fifths of every outlet's articles compare.
    analysis = Analysis(bundled, lexicons, table)
    through = tone.panels(analysis, Lens("outlet", "PRIO Blogs", outlets=analysis.outlets))[1]
    assert set(through.data["outlet_group"]) == set(analysis.outlets) and through.data["part"].nunique() == 5
    assert len(through.rows) == len(table) and "part" in through.rows  # its evidence: every sentence, clickable by part
    spec = json.dumps(through.chart.to_dict())
    assert '"y2": {"field": "mean_tone_ci_high"' in spec and "opening fifth" in spec


def test_the_actor_chart_shows_the_most_named_actors_and_says_how_many_it_leaves_out(table, bundled, lexicons):
    analysis = Analysis(bundled, lexicons, table)
    panel = _panel(emphasis.panels(analysis, Lens("outlet", "PRIO Blogs", outlets=analysis.outlets)), "actor_share")
    every = table["actors"].explode().dropna()
    most = every.value_counts()  # sentences naming each actor (a sentence names an actor once in its list)
    drawn = emphasis.MOST_NAMED
    assert len(most) > drawn
    shown = set(panel.data["actor"])
    assert len(shown) == drawn
    assert min(most[a] for a in shown) >= max(most[a] for a in set(most.index) - shown)  # the most named (ties either way)
    assert f"the {drawn} most named of {len(most)} actors" in json.dumps(panel.chart.to_dict()["title"])
    named = table["actors"].map(lambda names: bool(shown & set(names)))
    assert set(panel.rows["sentence_id"]) == set(table.loc[named, "sentence_id"])  # its evidence: those actors' sentences


def test_grouped_bars_give_each_outlets_n_in_the_legend(table, bundled, lexicons):
    analysis = Analysis(bundled, lexicons, table)
    lens = Lens("outlet", "PRIO Blogs", outlets=analysis.outlets)
    legend = json.dumps(hedging.panels(analysis, lens)[0].chart.to_dict())  # a layer: the bars and their intervals
    words = int(table.loc[table["outlet_group"] == "PRIO Blogs", "n_words"].sum())
    assert f"PRIO Blogs ({words:,})" in legend and '"Outlet (n words)"' in legend
    # the legend's colours are solid, though the marks of outlets not picked are dimmed
    assert '"symbolOpacity": 1' in legend
    themes = json.dumps(emphasis.panels(analysis, lens)[0].chart.to_dict())
    assert f"PRIO Blogs ({(table['outlet_group'] == 'PRIO Blogs').sum()})" in themes and '"Outlet (n sentences)"' in themes


def test_beyond_twenty_outlets_each_bar_carries_its_outlets_name():
    import pandas as pd

    from components.charts import grouped_bars

    outlets = [f"Outlet {i:02d}" for i in range(25)]
    data = pd.DataFrame({"outlet_group": outlets, "hedge_category": "modal", "per_1k_words": range(25)})
    spec = grouped_bars(data, "hedge_category", "per_1k_words", "t", "s", "x", outlets).to_dict()
    texts = [layer for layer in spec.get("layer", []) if layer["mark"]["type"] == "text"]
    assert texts and texts[0]["encoding"]["text"]["field"] == "outlet_group"
    few = grouped_bars(data.head(5), "hedge_category", "per_1k_words", "t", "s", "x", outlets[:5]).to_dict()
    assert "layer" not in few  # up to 20 outlets, colour alone tells them apart


def test_a_difference_without_an_interval_says_why_in_its_tooltip(table, bundled, lexicons):
    from components.views import compare

    analysis = Analysis(bundled, lexicons, table)
    tone = next(iter(compare.panels(analysis, Lens("outlet", "PRIO Blogs", outlets=analysis.outlets))))
    rows = next(d for d in tone.spec()["datasets"].values() if d and "interval" in d[0])
    assert len(rows) == 5 and {r["interval"] for r in rows} == {"none: sample too small"}  # one article an outlet: no interval, not "null"
    assert '"title": "95% CI"' in json.dumps(tone.spec())


def test_story_portrayal_gives_each_outlet_its_own_shares_of_each_main_actor(table, bundled, lexicons):
    from components.views import story

    analysis = Analysis(bundled, lexicons, table)
    lens = Lens("outlet", "unknown outlet (a001)", outlets=analysis.outlets)
    name = story.stories(table)["story"].iloc[0]  # the story the most outlets cover
    rows = table[table["story"] == name]
    panel = story._portrayal(analysis, rows, name, lens, story.main_actors_of(rows))
    assert panel is not None and len(set(panel.data["outlet_group"])) > 1
    for (actor, outlet), group in panel.data.groupby(["actor", "outlet_group"]):
        assert list(group["stance"]) == ["negative", "neutral", "positive"] and abs(group["share"].sum() - 100) < 1e-9
        mine = panel.rows[(panel.rows["mention_of"] == actor) & (panel.rows["outlet_group"] == outlet)]
        assert len(mine) == group["group_mentions"].iloc[0]  # the passages are the chart's mentions
        assert set(mine["story"]) == {name}
    # each share with its interval, drawn as a line at the edge the share moves; a stance never read is not "never"
    shown = panel.data.dropna(subset=["share_ci_low"])
    assert len(shown) >= 6 and (shown["share_ci_low"] <= shown["share"]).all() and (shown["share"] <= shown["share_ci_high"]).all()
    unseen = shown[shown["mentions"] == 0]
    assert len(unseen) and (unseen["share_ci_high"] > 10).all()
    # a row per actor and outlet: with many outlets, fewer actors (the most named), and the title says how many
    assert (story.main_actors(3), story.main_actors(5), story.main_actors(9), story.main_actors(30)) == (4, 4, 2, 1)
    actors = panel.data["actor"].nunique()
    assert f"the story's {actors} most named actors" in json.dumps(panel.spec()["title"])
    lines = [layer for layer in panel.spec()["layer"] if layer["mark"]["type"] == "rule"]
    assert [line["transform"][0]["filter"] for line in lines] == ["datum.stance == 'negative'", "datum.stance == 'positive'"]


def test_a_slide_keeps_a_word_whole_where_a_mark_ends_inside_it():
    from components.slide import _lines, _segments

    row = {"text": "Putin’s contempt may grow.", "hedges": [{"start": 17, "end": 20, "category": "modal"}], "boosters": [],
           "theme_matches": (), "stance": "negative", "mention_start": 0, "mention_end": 5, "mention": "Putin",
           "p_negative": 0.9}
    (line,) = _lines(_segments(row, "corpus", ""), 80)
    assert ["".join(piece for piece, _ in word) for word in line] == ["Putin’s", "contempt", "may", "grow."]
    assert line[0] == [("Putin", "negative"), ("’s", None)] and line[2] == [("may", "hedge")]


def test_a_time_chart_of_years_of_weeks_is_on_canvas_without_aria_labels_with_bands_and_a_short_one_keeps_them():
    # Vega formats an ARIA label for every point on every redraw; on 1,287 points that was a sixth of a pick's
    # browser work, and nobody can listen to 1,287 labels. The chart's own description stays. Such a chart is
    # redrawn faster on canvas, where Streamlit put only those of more than 2,000 data points.
    import pandas as pd

    from components import charts

    def spec(periods: int) -> dict:
        starts = pd.date_range("2020-01-06", periods=periods, freq="7D").strftime("%Y-%m-%d")
        data = pd.DataFrame({"outlet_group": "Daily Ledger", "period": list(starts), "start": list(starts),
                             "mean_tone": 0.1, "low": 0.0, "high": 0.2, "n_sentences": 40, "articles": 3,
                             "small_sample": False})
        return charts.over_time(data, "mean_tone", "low", "high", "Tone", "sub", "Mean tone", ["Daily Ledger"]).altair().to_dict()

    def marks(s: dict) -> list[dict]:
        return [layer["mark"] for layer in s["layer"] if layer["mark"]["type"] in ("line", "point", "rule", "area")]

    def intervals(s: dict) -> list[tuple[str, str, str]]:
        return [(layer["mark"]["type"], layer["encoding"]["y"]["field"], layer["encoding"]["y2"]["field"])
                for layer in s["layer"] if "y2" in layer.get("encoding", {})]

    short, long = spec(charts.LONG_CHART_ROWS), spec(charts.LONG_CHART_ROWS + 1)
    assert all("aria" not in m for m in marks(short)) and "usermeta" not in short  # Streamlit's SVG
    assert all(m.get("aria") is False for m in marks(long))
    assert long["usermeta"]["embedOptions"]["renderer"] == "canvas"
    # each period's interval: a whisker on a short chart; on a long one, whose whiskers sit 2-3 px apart, a band per
    # outlet through them (a third of the items the browser redrew on every pick)
    assert intervals(short) == [("rule", "low", "high")] and intervals(long) == [("area", "low", "high")]


@pytest.mark.parametrize("first,periods", [("2012-01-02", 429), ("2012-05-28", 410), ("2024-01-01", 100), ("2024-01-01", 26),
                                           ("2024-01-01", 8)])
def test_every_label_of_a_time_axis_says_its_year_at_every_width(first, periods):
    # Vega's own labels name the year only at January and drop every other label where they overlap: eight years of
    # weeks 700-1,200 px wide (a slide, presentation mode) read "April October April October", no year at all.
    import pandas as pd

    from components import charts

    starts = pd.date_range(first, periods=periods, freq="7D").strftime("%Y-%m-%d")
    data = pd.DataFrame({"outlet_group": "Daily Ledger", "period": list(starts), "start": list(starts), "mean_tone": 0.1,
                         "low": 0.0, "high": 0.2, "n_sentences": 40, "articles": 3, "small_sample": False})
    spec = style(charts.over_time(data, "mean_tone", "low", "high", "Tone", "sub", "Mean tone", ["Daily Ledger"]).altair()).to_dict()
    for width in (420, 900, 1600):
        svg = ET.fromstring(chart_svg({**spec, "width": width}))
        axis = next(g for g in svg.iter() if (g.get("aria-label") or "").startswith("X-axis"))
        shown = [t.text for t in axis.iter() if t.tag.endswith("text") and t.get("opacity") != "0"]
        assert len(shown) >= 2 or periods < 10, (width, shown)
        assert all(re.search(r"\b(19|20)\d\d\b", label) for label in shown), (first, periods, width, shown)


DRAWN_IN_TIME_ZONE = """
import json, re, sys
import pandas as pd
from components import charts
from components.export import chart_svg, vega_spec
days = ["2024-06-03", "2024-06-04", "2024-06-05"]
data = pd.DataFrame({"outlet_group": "Daily Ledger", "period": days, "start": days, "mean_tone": [0.1, 0.2, 0.3],
                     "n_sentences": 40, "articles": 3, "small_sample": False})
svg = chart_svg({**vega_spec(charts.over_time(data, "mean_tone", None, None, "Tone", "", "Mean tone", ["Daily Ledger"]).altair()),
                 "width": 600}).decode()
ticks = re.findall(r'<text[^>]*transform="translate\\(([\\d.]+),[^>]*>(\\d+ Jun 2024)</text>', svg)
points = re.findall(r'aria-label="start: (\\d+ Jun 2024);[^"]*"[^>]*transform="translate\\(([\\d.]+),', svg)
print(json.dumps({"ticks": {label: float(x) for x, label in ticks}, "points": {day: float(x) for day, x in points}}))
"""


@pytest.mark.parametrize("zone", ["America/Los_Angeles", "Asia/Tokyo"])
def test_a_dated_point_sits_on_its_days_tick_in_any_time_zone(zone):
    # ISO dates are UTC midnight: on a local time scale, west of UTC each point sat hours before its tick and was
    # named the day before; east of UTC a brush read the day before the one under the pointer.
    import os
    import subprocess
    import sys

    drawn = subprocess.run([sys.executable, "-c", DRAWN_IN_TIME_ZONE], capture_output=True, text=True, check=True,
                           cwd=ROOT, env={**os.environ, "TZ": zone, "PYTHONPATH": str(ROOT)})
    found = json.loads(drawn.stdout)
    assert sorted(found["points"]) == ["3 Jun 2024", "4 Jun 2024", "5 Jun 2024"], found
    assert found["ticks"] and all(found["points"][day] == x for day, x in found["ticks"].items()), found


def test_the_articles_views_chart_is_valid_vega_lite_and_counts_what_was_read(bundled, lexicons, table):
    from components.views import articles

    analysis = Analysis(bundled, lexicons, table)
    chart = articles.per_outlet_chart(analysis, Lens("outlet", "PRIO Blogs", outlets=analysis.outlets))
    spec = style(chart).to_dict(validate=True)
    rows = next(iter(spec["datasets"].values()))
    assert [(r["outlet_group"], r["articles"]) for r in rows] == [("unknown", 3), ("PRIO Blogs", 1), ("Washington Times", 1)]
    assert "1 of 5 articles dated" in json.dumps(spec["title"])


def drawn_but_data(spec: dict) -> str:
    """A spec as the browser decides whether to build its chart again: everything but the datasets, which it swaps
    into the chart it has, named by their place (Streamlit's frontend does the same)."""
    text = json.dumps({k: v for k, v in spec.items() if k != "datasets"}, sort_keys=True)
    for place, name in enumerate(spec.get("datasets", {})):
        text = text.replace(json.dumps(name), f'"dataset {place}"')
    return text


@pytest.mark.parametrize("first,second", [(("outlet", "PRIO Blogs"), ("outlet", "Washington Times")),
                                          (("theme", "China's role"), ("theme", "Diplomacy and summitry")),
                                          (("actor", "Russia"), ("actor", "Vladimir Putin"))])
def test_another_pick_of_the_same_kind_changes_only_the_data_and_words_of_compare_and_time_charts(
        table, bundled, lexicons, first, second):
    """So the browser redraws those charts in place instead of building them again (components.redraw): their
    titles, the picked outlet's highlight and their rows' order travel as data."""
    from components.redraw import TEXT, words_as_data
    from components.views import compare, over_time

    analysis = Analysis(bundled, lexicons, table)

    def drawn(mode, value):
        lens = Lens(mode, value, outlets=analysis.outlets)
        return {p.key: words_as_data(p.screen_spec()) for view in (compare, over_time) for p in view.panels(analysis, lens)}

    before, after = drawn(*first), drawn(*second)
    assert before.keys() == after.keys() and len(before) >= 6
    for key in before.keys() - {"compare_words"}:  # the distinctive words: how many, and whose, change with a pick
        assert drawn_but_data(before[key]) == drawn_but_data(after[key]), key
    if first[0] != "outlet":  # the titles name the pick: the words differ, as data
        assert before["tone_over_time"]["datasets"][TEXT] != after["tone_over_time"]["datasets"][TEXT]


def test_a_title_read_from_data_is_drawn_whole_in_its_lines():
    from components.redraw import TEXT, words_as_data

    spec = {"title": {"text": ["Mean tone per week — about", "“Vladimir Putin”"], "subtitle": "whiskers: 95% CI"},
            "data": {"values": [{"a": 1}]}, "mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}}}
    drawn = words_as_data(spec)
    assert "text" not in drawn["layer"][0]["encoding"] and drawn["datasets"][TEXT][0]["text"].count("\n") == 1
    svg = ET.fromstring(chart_svg(drawn))
    texts = ["".join(t.itertext()) for t in svg.iter() if t.tag.endswith("tspan") or t.tag.endswith("text")]
    assert "Mean tone per week — about" in texts and "“Vladimir Putin”" in texts and "whiskers: 95% CI" in texts


def test_a_slow_panel_is_made_after_the_panels_below_it_are_drawn_and_keeps_its_place(bundled, lexicons, table,
                                                                                        monkeypatch):
    # An actor's first pick on 1,704 real articles: the tone-toward model read its mentions for 10-20 s, and the
    # charts below the portrayal waited for it. Now they are drawn first; the portrayal fills its place after.
    import streamlit as st

    from components import panel

    analysis = Analysis(bundled, lexicons, table)
    lens = Lens("actor", "Russia", outlets=analysis.outlets)
    made = list(compare.panels(analysis, lens, read_later=True))
    later = [p for p in made if isinstance(p, panel.Later)]
    assert len(later) == 1 and made.index(later[0]) == 2  # after tone and hedging, as on the page
    events = []
    monkeypatch.setattr(panel, "draw", lambda p, analysis, lens: events.append(("drawn", p.key)))
    monkeypatch.setattr(st, "fragment", lambda f: f)
    make = later[0].make
    made[2] = panel.Later(lambda: events.append(("made", "later")) or make())
    panel.draw_all(made, analysis, lens)
    keys = [p.key for p in made if not isinstance(p, panel.Later)]
    assert events == [("drawn", k) for k in keys] + [("made", "later"), ("drawn", "compare_portrayal")]


def test_mentions_a_dying_worker_process_left_unread_are_read_in_the_server(bundled, lexicons, table, monkeypatch):
    # Many mentions go to the worker processes; if one dies (out of memory), the pick still gets its portrayal.
    from concurrent.futures import Executor, Future
    from concurrent.futures.process import BrokenProcessPool
    from contextlib import contextmanager

    from components import stances, state
    from framing.scoring import portrayal

    class Dying(Executor):
        def submit(self, fn, /, *args, **kwargs):
            future = Future()
            future.set_exception(BrokenProcessPool("a worker process died"))
            return future

    @contextmanager
    def dying_pool(mentions):
        yield Dying()

    empty = portrayal.StanceCache()  # nothing read yet, so the workers are asked
    monkeypatch.setattr(portrayal.unscored, "__defaults__", (None, empty))
    monkeypatch.setattr(portrayal.with_stances, "__defaults__", (None, empty, None, None))
    monkeypatch.setattr(state, "pool_for_reading", dying_pool)
    scored = stances.scored_mentions(Analysis(bundled, lexicons, table), "Russia")
    assert len(scored) > 5 and set(scored["stance"]) <= {"negative", "neutral", "positive"}
    assert portrayal.unscored(scored) == 0


def _drawn_marks(chart: alt.TopLevelMixin, field: str) -> list[tuple[str, str, str, str]]:
    """Each drawn mark whose screen-reader label names ``field``: (its label, fill, stroke, path)."""
    svg = ET.fromstring(chart_svg(vega_spec(chart)))
    return [(g.get("aria-label"), g.get("fill"), g.get("stroke"), g.get("d")) for g in svg.iter()
            if g.tag.endswith("path") and f"{field}: " in (g.get("aria-label") or "")]


def test_a_row_of_several_outlets_dots_says_whose_each_dot_is_clear_or_not():
    # Compare's hedging-and-boosting chart has a dot per outlet in each row. A grey dot of "no clear difference" could
    # be any outlet's, and the chart had no legend: on a slide nobody could tell NPR's dot from the Washington Times'.
    import pandas as pd

    from components.charts import differences, outlet_colour_scale

    outlets = ["Outlet A", "Outlet B", "Outlet C"]
    data = pd.DataFrame([{"outlet_group": o, "row": kind, "difference": d, "ci_low": d - 1, "ci_high": d + 1,
                          "verdict": "clear difference" if abs(d) > 1 else "no clear difference"}
                         for kind in ("Epistemic hedges", "Boosters") for o, d in zip(outlets, (3.0, 0.2, -2.5))])
    chart = differences(data, "row", "difference", "ci_low", "ci_high", "verdict", "t", "one dot per outlet", "x", outlets,
                        ["outlet_group", "row"], "Outlet A", offset="outlet_group").altair()
    svg = ET.fromstring(chart_svg(vega_spec(chart)))
    legend = next(g.get("aria-label") for g in svg.iter() if (g.get("aria-label") or "").startswith("Symbol legend"))
    assert all(o in legend for o in outlets), legend
    colours = dict(zip(outlets, outlet_colour_scale(outlets).range))
    dots = _drawn_marks(chart, "verdict")
    assert len(dots) == len(data)
    for label, fill, stroke, _ in dots:
        outlet = re.search(r"outlet_group: ([^;]+)", label).group(1)
        assert stroke == colours[outlet], label  # every dot in its outlet's colour
        assert fill == (colours[outlet] if "verdict: clear difference" in label else "white"), label  # hollow: none clear
    assert "hollow: none clear" in json.dumps(chart.to_dict()["title"])


def test_a_portrayal_bar_of_too_few_mentions_for_an_interval_is_thin_and_says_so():
    # 3 of 3 mentions read as negative drew a bar as firm as 30 of 30; and "Actor · Outlet (n mentions)" on one line
    # took half the chart's width on a 1280-px screen.
    import pandas as pd

    from components.charts import stance_bars

    rows = [{"row": row, "actor": "Russia", "outlet_group": outlet, "stance": stance, "share": share, "mentions": 1,
             "share_ci_low": low, "share_ci_high": low + 20}
            for row, outlet, low in [("Russia · Outlet A (30 mentions)", "Outlet A", 10.0),
                                     ("Russia · Outlet B (3 mentions, no interval)", "Outlet B", float("nan"))]
            for stance, share in [("negative", 50.0), ("neutral", 30.0), ("positive", 20.0)]]
    chart = stance_bars(pd.DataFrame(rows), "row", "t", "s", ["actor", "outlet_group", "stance"])
    heights = {}
    for label, _, _, path in _drawn_marks(chart, "Toward the actor"):
        heights.setdefault("Outlet B" in label, set()).add(float(re.search(r"v([\d.]+)h", path).group(1)))
    assert max(heights[True]) * 2 < min(heights[False])  # the bar without an interval is under half as thick
    svg = ET.fromstring(chart_svg(vega_spec(chart)))
    labels = [[t.text for t in text] for text in svg.iter() if text.tag.endswith("text") and len(text)]
    assert ["Russia", "Outlet B (3 mentions, no interval)"] in labels  # actor above, outlet and n below


def test_emphasis_says_in_whose_voice_each_theme_comes(table, bundled, lexicons):
    analysis = Analysis(bundled, lexicons, table)
    panel = _panel(emphasis.panels(analysis, Lens("outlet", "PRIO Blogs", outlets=analysis.outlets)), "theme_voice")
    shown = panel.data[panel.data["n_sentences"] > 0]
    named = table.explode("themes").dropna(subset=["themes"])
    assert (shown["quoted_share"].round(6) == [round(named.loc[(named["outlet_group"] == o) & (named["themes"] == t),
                                                                "quoted"].mean(), 6)
                                                for o, t in zip(shown["outlet_group"], shown["theme"])]).all()
    assert set(panel.rows["sentence_id"]) == set(table.loc[table["themes"].map(len) > 0, "sentence_id"])
    spec = json.dumps(panel.chart.to_dict())
    assert '"x2": {"field": "quoted_ci_high"' in spec and "own voice" in spec


def test_an_actor_pick_gives_the_themes_an_outlet_speaks_of_it_with(table, bundled, lexicons):
    # With an actor picked, Emphasis's theme charts drew every sentence of the corpus while their passages were the
    # actor's: the chart's numbers were not its evidence's. They are now of the sentences naming the actor.
    analysis = Analysis(bundled, lexicons, table)
    panels = emphasis.panels(analysis, Lens("actor", "Russia", outlets=analysis.outlets))
    shares = _panel(panels, "theme_share")
    naming = table[table["actors"].map(lambda names: "Russia" in names)]
    for row in shares.data[shares.data["n_sentences"] > 0].itertuples():
        own = naming[naming["outlet_group"] == row.outlet_group]
        assert row.share_of_sentences == pytest.approx(sum(row.theme in t for t in own["themes"]) / len(own))
    assert set(shares.rows["sentence_id"]) == set(naming.loc[naming["themes"].map(len) > 0, "sentence_id"])
    assert "in sentences naming actor “Russia”" in json.dumps(shares.chart.to_dict()["title"], ensure_ascii=False)
    everyone = _panel(emphasis.panels(analysis, Lens("outlet", "PRIO Blogs", outlets=analysis.outlets)), "theme_share")
    assert len(everyone.rows) > len(shares.rows)  # an outlet pick still charts every sentence


def test_overview_coverage_is_each_storys_articles_by_outlet_and_a_click_gives_them(table, bundled, lexicons):
    """Overview's first chart draws, per story, each outlet's articles, and says how many stories several outlets
    covered; a click on a part lists the sentences of exactly those articles."""
    analysis = Analysis(bundled, lexicons, table)
    panel = overview.coverage_panel(analysis, Lens("outlet", "Washington Times", outlets=analysis.outlets))
    drawn = panel.data.set_index(["story", "outlet_group"])["articles"]
    counted = table.groupby(["story", "outlet_group"])["article_id"].nunique()
    assert drawn.sort_index().to_dict() == counted.sort_index().to_dict()
    outlets = table.groupby("story")["outlet_group"].nunique()
    subtitle = panel.spec()["title"]["subtitle"]
    subtitle = " ".join(subtitle) if isinstance(subtitle, list) else subtitle
    assert f"{(outlets >= 2).sum()} of {len(outlets)} stories" in subtitle
    story, outlet = drawn.index[0]
    clicked = filter_passages(panel.rows, {"story": story, "outlet_group": outlet})
    assert set(clicked["article_id"]) == set(table[(table["story"] == story) & (table["outlet_group"] == outlet)]["article_id"])
    # an actor pick: the articles naming the actor, and the chart says so
    actor = next(a for names in table["actors"] for a in names)
    picked = overview.coverage_panel(analysis, Lens("actor", actor, outlets=analysis.outlets))
    naming = table[table["actors"].map(lambda names: actor in names)]
    assert picked.data["articles"].sum() == naming.groupby(["story", "outlet_group"])["article_id"].nunique().sum()
    assert actor in str(picked.spec()["title"])


def test_a_long_outlet_name_is_shortened_about_a_gap_so_one_houses_desks_stay_apart():
    from components.charts import OUTLET_LABEL_CHARACTERS, outlet_label

    assert outlet_label("Christian Science Monitor") == "Christian Science Monitor"  # the dev corpus's longest: whole
    desks = [outlet_label(f"The Christian Science Monitor Weekly Desk {k}") for k in range(9)]
    assert len(set(desks)) == 9 and all(len(d) <= OUTLET_LABEL_CHARACTERS and "…" in d for d in desks), desks
    assert outlet_label("The Washington Post — Opinion and Analysis").endswith("Analysis")
    assert outlet_label("www.averyveryverylongnewsdomain-name.com") == "www.averyveryverylongnewsdoma…"


def test_a_storys_portrayal_is_read_after_its_other_charts_are_handed_to_the_page(bundled, lexicons, table, monkeypatch):
    # A story's first visit on 1,704 real articles: the tone-toward model read its main actors' mentions for 4.6 s
    # (of 7.9 s), and the paired chart and the distinctive words waited for it. Now they go first, as on Compare.
    import logging

    from components import panel
    from components.views import story

    logging.getLogger("streamlit").setLevel(logging.ERROR)  # the view's widgets, outside a running app
    analysis = Analysis(bundled, lexicons, table)
    events = []
    monkeypatch.setattr(story, "scored_mentions", lambda *args: events.append("model read") or pd.DataFrame())
    monkeypatch.setattr(story, "_side_by_side", lambda *args: None)
    monkeypatch.setattr(story, "draw_all", lambda panels, *rest: events.append(
        ["later" if isinstance(p, panel.Later) else p.key for p in panels]))
    story.draw(analysis, Lens("outlet", analysis.outlets[0], outlets=analysis.outlets))
    assert len(events) == 1 and events[0][-2:] == ["later", "story_words"], events  # nothing read before the rest


def test_a_story_of_many_outlets_lists_fewer_words_each_so_its_words_chart_fits_a_slide(table, bundled, lexicons):
    # On the dev corpus the Kavanaugh hearing's nine outlets listed six words each: 54 rows, 1,920 px.
    from components.views import story

    many = table.assign(outlet_group=[f"Outlet {k % 9}" for k in range(len(table))])
    lens = Lens("outlet", "Outlet 3", outlets=sorted(many["outlet_group"].unique()))
    panel = story._words(Analysis(bundled, lexicons, many), many, lens)
    assert panel.data.groupby("outlet_group").size().max() == 3 and len(panel.data) <= story.WORD_ROWS
    assert float(ET.fromstring(chart_svg(vega_spec(panel.chart))).get("height")) <= 1080
    three = table.assign(outlet_group=[f"Outlet {k % 3}" for k in range(len(table))])
    few = story._words(Analysis(bundled, lexicons, three), three, Lens("outlet", "Outlet 1", outlets=["Outlet 0", "Outlet 1", "Outlet 2"]))
    assert few.data.groupby("outlet_group").size().max() == story.WORDS_PER_OUTLET  # three outlets keep six each
