"""Over time: weeks and months, a period to compare within, and the time view's figures against `summary --by`."""
import csv
import io
import re
import subprocess
import sys
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from conftest import ROOT
from test_app import run_app

from framing.reading.corpus import articles_from_bytes
from framing.reading.dates import Period
from framing.scoring.analysis import analyse
from framing.statistics import filters, periods
from framing.statistics.aggregate import SMALL_SAMPLE

SENTENCES = ["Officials may meet again soon, analysts said.", "The talks were clearly a success for the senate.",
             "Critics warned the plan could fail badly.", "The deal is a great victory, the minister said."]


def dated_csv() -> str:
    rows = [("text", "outlet", "date")]
    for n in range(18):
        outlet = ("Daily Ledger", "Evening Post", "Wire Service")[n % 3]
        # 3/25/2024 settles the file's order: 3/5/2024 is March 5th
        date = ("2024-01-10", "January 25, 2024", "2024-02-14T09:00:00Z", "3/5/2024", "3/25/2024", "2024-01-03")[n % 6]
        rows.append((" ".join(SENTENCES[(n + k) % 4] for k in range(2 + n % 3)) + f" Item {n} closed.", outlet, date))
    rows.append(("An undated note: the senate may vote later, aides said.", "Wire Service", "next week"))
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def every_row(table: pd.DataFrame) -> np.ndarray:
    """An outlet pick's rows compared: all of them."""
    return np.ones(len(table), dtype=bool)


@pytest.fixture(scope="module")
def dated(lexicons):
    return analyse(articles_from_bytes("dated.csv", dated_csv().encode()), lexicons)


def test_weeks_start_on_monday_and_months_hold_their_days():
    assert periods.labels_between(pd.Timestamp("2024-01-31").date(), pd.Timestamp("2024-03-01").date(), "month") == \
        ["2024-01", "2024-02", "2024-03"]
    assert periods.label(pd.Timestamp("2024-06-23").date(), "week") == "2024-06-17"  # a Sunday: the week of Monday 17th
    assert periods.period_of_label("2024-02") == Period("2024-02-01", "2024-02-29")
    assert periods.period_of_label("2024-06-17") == Period("2024-06-17", "2024-06-23")


def test_quarters_hold_three_months_and_a_long_corpus_is_shown_by_quarter():
    assert periods.label(pd.Timestamp("2024-06-30").date(), "quarter") == "2024-Q2"
    assert periods.labels_between(pd.Timestamp("2023-11-05").date(), pd.Timestamp("2024-04-01").date(), "quarter") == \
        ["2023-Q4", "2024-Q1", "2024-Q2"]
    assert periods.period_of_label("2024-Q4") == Period("2024-10-01", "2024-12-31")
    assert periods.period_of_label("2024-Q5") is None
    spans = {"2024-01-01": "week", "2025-06-30": "month", "2027-06-30": "quarter"}  # from 2024-01-01
    for last, unit in spans.items():
        assert periods.default_unit(articles_dated("2024-01-01", last)) == unit, last


def articles_dated(*dates: str, outlets: int = 3) -> pd.DataFrame:
    """A table of one sentence an article, the ``k``-th article dated ``dates[k]`` in outlet ``k % outlets``."""
    return pd.DataFrame({"article_id": [f"a{k}" for k in range(len(dates))], "date": list(dates),
                         "outlet_group": [f"Outlet {k % outlets}" for k in range(len(dates))]})


def every_week(first: date, weeks: int, outlets: int) -> pd.DataFrame:
    """An article from each of ``outlets`` outlets every week for ``weeks`` weeks from ``first``."""
    days = [(first + timedelta(weeks=w)).isoformat() for w in range(weeks) for _ in range(outlets)]
    return articles_dated(*days, outlets=outlets)


def test_a_unit_is_offered_only_while_a_chart_has_room_for_each_of_its_periods_and_draws_them_quickly():
    # 150 periods stand 3 px apart on a 1280 px screen (eight years of weeks, 425, stood 1 px apart), and past about
    # 700 outlet-periods with articles a pick redrew in about 1 s or more at 10,000 articles
    offered = {"2024-12-29": ("week", "month", "quarter"),  # 53 weeks
               "2026-11-15": ("week", "month", "quarter"),  # 150 weeks, Monday 1 January 2024 to Sunday 15 November 2026
               "2026-11-16": ("month", "quarter"),  # 151 weeks
               "2036-06-30": ("month", "quarter"),  # 150 months
               "2036-07-01": ("quarter",),  # 151 months
               "2099-12-31": ("quarter",)}  # quarters whatever the span: 304 of them
    for last, units in offered.items():
        assert periods.units_offered(articles_dated("2024-01-01", "unknown", last)) == units, last
    assert periods.how_many(date(2024, 1, 1), date(2026, 11, 16), "week") == 151
    # nine outlets writing every week: 77 weeks are 693 outlet-weeks with articles, 78 too many (702)
    assert periods.units_offered(every_week(date(2024, 1, 1), 77, 9)) == ("week", "month", "quarter")
    assert periods.units_offered(every_week(date(2024, 1, 1), 78, 9)) == ("month", "quarter")
    sizes = {size.unit: size for size in periods.chart_sizes(every_week(date(2024, 1, 1), 78, 9))}
    assert (sizes["week"].periods, sizes["week"].drawn, sizes["month"].drawn) == (78, 702, 9 * 18)
    # outlet-periods without articles draw nothing: nine outlets over 150 weeks are 1,350 outlet-weeks, but two writing
    # every week and seven once are 307 with articles
    sparse = every_week(date(2024, 1, 1), 150, 9)
    sparse = sparse[(sparse.index % 9 < 2) | (sparse.index < 9)]
    assert sparse["outlet_group"].nunique() == 9 and periods.units_offered(sparse) == ("week", "month", "quarter")
    assert periods.units_offered(articles_dated("unknown")) == periods.UNITS  # nothing dated: nothing to draw
    # the unit a span is shown by at first is always one it is offered by
    for days in (0, 182, 183, 1095, 1096, 4000, 4600, 20000):
        table = articles_dated("2024-01-01", (date(2024, 1, 1) + timedelta(days=days)).isoformat())
        assert periods.default_unit(table) in periods.units_offered(table), days
    # half a year of 30 outlets every week is shown by month: 27 weeks of them are 810 outlet-weeks with articles
    assert periods.default_unit(every_week(date(2024, 1, 1), 27, 30)) == "month"


def test_the_time_view_says_only_which_limits_keep_a_unit_out():
    from components.views.over_time import why_not

    def size(unit, n, drawn):
        return periods.ChartSize(unit, n, drawn)

    assert why_not(size("week", 426, 236)) == "426 weeks, more than a chart has room for (150)"
    assert why_not(size("week", 148, 1332)) == "1,332 outlet-weeks with articles, more than it redraws within a second (700)"
    assert why_not(size("week", 426, 1191)) == ("426 weeks, more than a chart has room for (150), and 1,191 outlet-weeks "
                                               "with articles, more than it redraws within a second (700)")


def test_every_outlet_month_is_counted_and_a_month_without_articles_is_zero(dated):
    figures = periods.over_time(dated.table, every_row(dated.table), "month", "tone")
    assert set(figures["period"]) == {"2024-01", "2024-02", "2024-03"}
    assert len(figures) == 3 * 3  # every outlet in every month, even where it published nothing
    counts = figures.set_index(["outlet_group", "period"])["articles"]
    expected = pd.Series([a.date[:7] for a in dated.articles if a.date != "unknown"]).value_counts()
    assert counts.groupby(level="period").sum().to_dict() == expected.to_dict()
    assert counts.sum() == 18 and periods.undated_articles(dated.table) == 1  # the undated one is left out, and counted


# An article alone in its outlet's month (April): its interval resamples its sentences
LONE_ARTICLE = '"' + " ".join(SENTENCES[k % 4] for k in range(7)) + ' The desk closed for April.",Daily Ledger,2024-04-16\n'


def test_the_time_view_figures_are_those_of_summary_by_outlet_month(lexicons, tmp_path):
    text = dated_csv() + LONE_ARTICLE
    dated = analyse(articles_from_bytes("dated.csv", text.encode()), lexicons)
    figures = periods.over_time(dated.table, every_row(dated.table), "month", "tone").dropna(subset=["mean_tone"])
    path = tmp_path / "dated.csv"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "framing", "summary", str(path), "--by", "outlet,month", "--format", "csv"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "1 article has no date and is left out of the months" in done.stderr
    cli = pd.read_csv(io.StringIO(done.stdout)).rename(columns={"outlet": "outlet_group", "month": "period"})
    both = figures.merge(cli, on=["outlet_group", "period"], suffixes=("", "_cli"))
    assert len(both) == len(figures) == len(cli)
    for column in ("mean_tone", "hedges_per_1k_words", "n_sentences"):
        assert both[column].to_numpy() == pytest.approx(both[f"{column}_cli"].to_numpy()), column
    # intervals too: a group of two or more articles resamples them, one of one article its sentences (the command
    # line kept per-article sums only, and gave such a month no interval; the view gave one)
    with_interval = both.dropna(subset=["mean_tone_ci_low"])
    assert len(with_interval) >= 3 and (with_interval["articles"] == 1).any()
    for column in ("mean_tone_ci_low", "mean_tone_ci_high", "hedges_per_1k_words_ci_low", "hedges_per_1k_words_ci_high"):
        assert with_interval[column].to_numpy() == pytest.approx(with_interval[f"{column}_cli"].to_numpy()), column


def test_a_month_without_a_hedge_gets_the_bound_for_none_seen_not_zero_to_zero(dated):
    table = dated.table.assign(hedge_count=dated.table["hedge_count"].where(dated.table["outlet_group"] != "Daily Ledger", 0))
    figures = periods.over_time(table, every_row(table), "month", "tone").set_index(["outlet_group", "period"])
    ledger = figures.loc["Daily Ledger"].dropna(subset=["hedges_per_1k_words_ci_high"])
    assert len(ledger) >= 2 and (ledger["hedges_per_1k_words"] == 0).all()
    month = table.assign(period=table["date"].str[:7])
    words = month[month["outlet_group"] == "Daily Ledger"].groupby("period")["n_words"].sum()
    expected = 1000 * (1 - 0.025 ** (1 / words[ledger.index]))
    assert ledger["hedges_per_1k_words_ci_high"].to_numpy() == pytest.approx(expected.to_numpy())


def test_a_bad_grouping_gets_one_line_saying_what_is_allowed():
    done = subprocess.run([sys.executable, "-m", "framing", "summary", "--by", "outlet,day"], capture_output=True,
                          text=True, cwd=ROOT)
    assert done.returncode != 0 and "outlet, story, week, month" in done.stderr and "Traceback" not in done.stderr


def test_a_time_grid_made_once_gives_every_pick_the_figures_made_from_scratch(dated):
    # The view makes a table's grid once per unit and reuses it for every pick: each pick's figures must not change.
    table = dated.table
    for unit in periods.UNITS:
        grid = periods.time_grid(table, unit)
        for picked in (every_row(table), (table["outlet_group"] == "Evening Post").to_numpy(),
                       (table["hedges"].map(len) > 0).to_numpy(), np.zeros(len(table), dtype=bool)):
            pd.testing.assert_frame_equal(periods.over_time(table, picked, unit, "tone", grid),
                                          periods.over_time(table, picked, unit, "tone"), check_exact=True)
        assert set(grid.days) == set(periods.over_time(table, every_row(table), unit)["period"])  # every period of the span


def test_a_clicked_period_gives_that_outlets_sentences_of_that_month(dated):
    rows = filters.apply(dated.table, {"outlet_group": "Wire Service", "period": "2024-02"})
    assert len(rows) and set(rows["outlet_group"]) == {"Wire Service"}
    assert all(d.startswith("2024-02") for d in rows["date"])


def test_time_charts_passages_run_oldest_first_for_any_pick_and_leave_undated_sentences_out(dated):
    table = dated.table
    order = periods.oldest_first(table)
    for picked in (every_row(table), (table["outlet_group"] == "Evening Post").to_numpy(),
                   (table["hedges"].map(len) > 0).to_numpy()):
        subset = table[picked]
        rows = table.iloc[periods.oldest_first_within(order, picked)]
        assert len(rows) == sum(periods.day_of(d) is not None for d in subset["date"])  # the undated note is left out
        # oldest first, then article by article as it runs: what sorting the pick's own rows would give
        assert rows[periods.PASSAGE_ORDER].values.tolist() == \
            sorted(rows[periods.PASSAGE_ORDER].values.tolist(), key=lambda r: (r[0], r[1], r[2]))
        assert set(rows.index) == {i for i, d in zip(subset.index, subset["date"]) if periods.day_of(d)}


def test_a_period_keeps_only_the_articles_dated_in_it(dated):
    february = dated.within(Period("2024-02-01", "2024-02-29"))
    assert february.articles and all(a.date.startswith("2024-02") for a in february.articles)
    assert set(february.table["article_id"]) == {a.article_id for a in february.articles}
    assert dated.within(None) is dated and dated.within(Period("2024-02-01", "2024-02-29")) is february  # made once
    assert not dated.within(Period("2030-01-01", "2030-12-31")).articles


@pytest.mark.parametrize("text", ["2024-02-01..2024-01-01", "2024-02-01", "x..y", "", None, "2024-13-01..2024-14-01"])
def test_a_malformed_period_in_a_link_is_no_period(text):
    assert Period.decode(text) is None
    assert Period.decode(Period("2024-01-01", "2024-02-01").encode()) == Period("2024-01-01", "2024-02-01")


def test_a_link_with_a_period_reopens_every_view_within_it():
    at = run_app(view="Tone", period="2024-06-01..2024-06-30", pick_outlet="unknown outlet (a001)")
    assert not at.exception
    assert "dated 1 Jun 2024 – 30 Jun 2024" in at.header[0].value
    bodies = [h.proto.body for h in at.get("html") if "fl-legend" in h.proto.body]
    assert bodies and all("a001-s" in b and "a000-s" not in b for b in bodies)  # only the article dated in June 2024
    assert any("Compared within 1 Jun 2024 – 30 Jun 2024: 1 articles" in c.value for c in at.sidebar.caption)


def test_the_time_view_says_how_many_articles_have_no_date():
    at = run_app(view="Over time")
    assert not at.exception
    assert any("1 of 5 articles are dated" in c.value and "4 articles have no date and are left out" in c.value
               for c in at.caption)


def test_a_period_with_no_article_in_it_says_so_instead_of_drawing_empty_charts():
    at = run_app(view="Compare", period="2030-01-01..2030-12-31")
    assert not at.exception
    assert any("No article is dated within this period" in i.value for i in at.info)


def dated_analysis(lexicons, count: int = 170, outlets: tuple[str, ...] = ("Daily Ledger", "Evening Post", "Wire Service"),
                   unit: str = "quarter"):
    """Three outlets, an article each a period for ``count`` periods: weeks from Monday 6 Jan 2020, or quarters from
    1980 (an archive of decades, the only dates a chart of over 150 periods is offered for: periods.MOST_PERIODS)."""
    rows = [("text", "outlet", "date")]
    for n in range(count):
        day = date(2020, 1, 6) + timedelta(weeks=n) if unit == "week" else date(1980 + n // 4, 3 * (n % 4) + 1, 15)
        for k, outlet in enumerate(outlets):
            # Each text its own (an article's id is its text's hash): the same text twice was one article of many dates.
            rows.append((" ".join(SENTENCES[(n + k + j) % 4] for j in range(3)) + f" Desk {k} closed {unit} {n}.",
                         outlet, day.isoformat()))
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return analyse(articles_from_bytes(f"{unit}s.csv", buffer.getvalue().encode()), lexicons)


@pytest.mark.parametrize("quarters, drawn, mark", [(170, "band", "area"), (40, "whiskers", "rule")])
def test_a_chart_of_decades_draws_its_intervals_as_a_band_and_says_so(lexicons, quarters, drawn, mark):
    # 170 quarters of three outlets: 510 outlet-quarters, whose whiskers would stand 2-3 px apart on a screen
    from components.lens import Lens
    from components.views import over_time

    analysis = dated_analysis(lexicons, quarters)
    panels = over_time.panels(analysis, Lens("outlet", "Daily Ledger", outlets=analysis.outlets), "quarter")
    tone = next(p for p in panels if p.key == "tone_over_time")
    assert f"{drawn}: 95% CI" in tone.chart.subtitle
    intervals = [layer for layer in tone.spec()["layer"] if "y2" in layer.get("encoding", {})]
    assert [(layer["mark"]["type"], layer["encoding"]["y"]["field"]) for layer in intervals] == [(mark, "mean_tone_ci_low")]


@pytest.mark.parametrize("quarters, points", [(170, False), (40, True)])
def test_a_chart_of_decades_takes_a_click_on_a_quarter_not_on_a_point_and_says_so(lexicons, quarters, points):
    # 170 quarters stand 2-3 px apart on a 1280 px screen, under a point 8 px across: the chart draws a column per
    # quarter (hovered: every outlet's figure; clicked: the quarter), a third of the items a point per outlet-quarter.
    from components.lens import Lens
    from components.views import over_time

    analysis = dated_analysis(lexicons, quarters)
    for panel in over_time.panels(analysis, Lens("outlet", "Daily Ledger", outlets=analysis.outlets), "quarter"):
        spec = panel.spec()
        layers = {layer.get("name"): layer for layer in spec["layer"]}
        says = "hover a quarter for each outlet's figure, click it for its sentences" in panel.chart.subtitle
        assert says is not points, (panel.key, panel.chart.subtitle)
        if points:
            assert "points" in layers and "periods" not in layers
            continue
        columns = layers["periods"]
        assert "points" not in layers and columns["mark"]["type"] == "rect", panel.key
        assert [p["select"]["fields"] for p in spec["params"] if p["name"] == "pick"] == [["period"]]  # on the columns
        assert [t["title"] for t in columns["encoding"]["tooltip"]] == ["Period", "Daily Ledger", "Evening Post", "Wire Service"]
    tone = next(p for p in over_time.panels(analysis, Lens("outlet", "Daily Ledger", outlets=analysis.outlets), "quarter")
                if p.key == "tone_over_time")
    if not points:  # a quarter's figure as its tooltip reads it: the number, and how many sentences it rests on
        figures = tone.chart.rows.set_index(["outlet_group", "period"])["figure"]
        assert re.fullmatch(r"[+−]\d\.\d{3} · \d+ sentences?(, a small sample)?", figures.iloc[0]), figures.iloc[0]


@pytest.mark.parametrize("quarters", [170, 40])  # a column per quarter, or a point per outlet-quarter
def test_a_periods_share_names_the_outlets_sentences_it_is_a_share_of_even_an_outlet_called_period(lexicons, quarters):
    # An outlet that wrote 40 sentences in a period, none on the pick, has a share of 0 of 40: its tooltip read
    # "0.0 · 0 sentences", as if it had written nothing. And the long chart's tooltip read each outlet's figure from a
    # field named after the outlet, which an outlet called "period" or "start" overwrote.
    from components.lens import Lens
    from components.views import over_time

    outlets = ("period", "start", "Wire Service")
    analysis = dated_analysis(lexicons, quarters, outlets)
    column = Lens("theme", "").theme_column
    theme = analysis.table[column].explode().dropna().value_counts().index[-1]  # the rarest: some quarters lack it
    share = next(p for p in over_time.panels(analysis, Lens("theme", theme, outlets=analysis.outlets), "quarter")
                 if p.key == "share_over_time")
    data, rows = share.data.reset_index(drop=True), share.chart.rows
    none_on_pick = (data["n_sentences"] == 0) & (data["sentences"] > 0)
    assert none_on_pick.any() and (data["n_sentences"] > 0).any()
    cell = data[none_on_pick].iloc[0]
    at = (rows["outlet_group"] == cell["outlet_group"]) & (rows["period"] == cell["period"])
    layers = {layer.get("name"): layer for layer in share.spec()["layer"]}
    if "points" in layers:  # a point per outlet-quarter: its tooltip says how many of the outlet's sentences are on the pick
        assert rows.loc[at, "counted"].item() == f"0 of {cell['sentences']:,}"
        assert "sentences on the pick" in [t["title"] for t in layers["points"]["encoding"]["tooltip"]]
        return
    small = ", a small sample" if cell["sentences"] < SMALL_SAMPLE else ""  # flagged by the outlet's sentences
    assert rows.loc[at, "figure"].item() == f"0.0 · 0 of {cell['sentences']:,} sentences{small}"
    # The columns' tooltip, as Vega's pivot makes it: one row per period, a field per outlet named by the pivot's values
    columns = layers["periods"]
    pivot = next(t["pivot"] for t in columns["transform"])
    hovered = {}
    for row in rows.to_dict("records"):
        hovered.setdefault(row["period"], {"period": row["period"]})[str(row[pivot])] = row["figure"]
    quarter = hovered[cell["period"]]
    shown = {t["title"]: quarter.get(t["field"]) for t in columns["encoding"]["tooltip"]}
    assert shown["Period"] == cell["period"]  # the click's field, kept whatever the outlets are called
    for outlet in outlets:
        assert shown[outlet] == rows.loc[(rows["outlet_group"] == outlet) & (rows["period"] == cell["period"]), "figure"].item()


def test_a_months_share_rests_on_all_the_outlets_sentences_that_month_not_on_the_picks(lexicons):
    # An outlet wrote 36 sentences in a month, none naming the pick: its share is 0 with the bound for none seen in 36
    # (it had no interval, as if nothing were known), and 36 sentences are no small sample for a share. The month it
    # named the pick twice, the share has its interval; the tone of those 2 sentences has none.
    rows = [("text", "outlet", "date")]
    for outlet in ("Daily Ledger", "Evening Post"):
        for month, named in (("2024-01", 0), ("2024-02", 2)):
            for n in range(3):
                said = [f"The {outlet} story {month} {n} line {k} was filed late." for k in range(12)]
                said[:named if n == 0 else 0] = ["The senate may vote on the deal soon."] * (named if n == 0 else 0)
                rows.append((" ".join(said), outlet, f"{month}-1{n}"))
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    table = analyse(articles_from_bytes("months.csv", buffer.getvalue().encode()), lexicons).table
    picked = table["text"].str.contains("senate").to_numpy()
    figures = periods.over_time(table, picked, "month", "tone").set_index(["outlet_group", "period"])
    quiet, named = figures.loc[("Daily Ledger", "2024-01")], figures.loc[("Daily Ledger", "2024-02")]
    assert (quiet["sentences"], quiet["n_sentences"], quiet["share"]) == (36, 0, 0.0)
    assert quiet["share_ci_low"] == 0.0 and quiet["share_ci_high"] == pytest.approx(1 - 0.025 ** (1 / 36))
    assert not quiet["share_small_sample"] and quiet["small_sample"]
    assert (named["n_sentences"], named["share"]) == (2, pytest.approx(2 / 36))
    assert named["share_ci_low"] <= named["share"] < named["share_ci_high"]
    assert np.isnan(named["mean_tone_ci_low"]) and np.isnan(named["hedges_per_1k_words_ci_high"])  # 2 sentences


@pytest.mark.parametrize("unit, count, period", [("week", 40, Period("2020-03-02", "2020-06-28")),
                                                  ("quarter", 170, Period("1990-01-01", "1994-12-31"))])
def test_the_screen_draws_each_time_chart_as_exported_its_rows_sent_as_arrow(lexicons, unit, count, period, monkeypatch):
    # A pick sends a time chart's kept shape and its rows as Arrow (components.redraw.ShapedChart), not a chart built
    # through Altair: the screen must draw what the SVG, PNG and slide show, row for row (points, or decades' columns).
    from test_components import assert_screen_draws_the_export

    from components import state
    from components.lens import Lens
    from components.views import over_time

    analysis = dated_analysis(lexicons, count, unit=unit)
    column = Lens("theme", "").theme_column
    theme = analysis.table[column].explode().dropna().value_counts().index[0]
    for lens, shaded in ((Lens("outlet", "Evening Post", outlets=analysis.outlets), None),
                         (Lens("theme", theme, outlets=analysis.outlets), period)):
        monkeypatch.setattr(state, "period", lambda shaded=shaded: shaded)  # the sidebar's period, shaded on the charts
        for panel in over_time.panels(analysis, lens, unit):
            for presentation in (False, True):
                rows = assert_screen_draws_the_export(panel, presentation)
                assert rows >= 3 * count, panel.key
