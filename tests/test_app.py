"""The app through streamlit.testing.v1.AppTest: every view, every outlet and theme, deep links."""
import json
import re

import pytest
from conftest import ROOT
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from components.redraw import TEXT
from framing.language.lexicon import Lexicons

VIEWS = ["Compare", "Overview", "Tone", "Hedging", "Emphasis", "Voices", "Methodology"]
OUTLETS = ["PRIO Blogs", "Washington Times", "unknown outlet (a001)", "unknown outlet (a003)", "unknown outlet (a004)"]
THEMES = sorted(set(Lexicons.load().themes.query("theme_set == 'corpus'")["theme"]))


def run_app(**params):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    return at


def shown(markdown: str) -> str:
    """What a reader sees of Markdown that escapes user text with backslashes."""
    return re.sub(r"\\(.)", r"\1", markdown)


def charts(at):
    found = []

    def walk(node):
        for child in getattr(node, "children", {}).values():
            if getattr(child, "type", "") == "vega_lite_chart":
                found.append(child)
            walk(child)
    walk(at._tree)
    return found


def drawn_titles(at) -> list[str]:
    """Each chart's title and subtitle as the screen shows them: read from the chart's words dataset, which its title
    reads (components.redraw), else from its spec."""
    found = []
    for chart in charts(at):
        words = [d for d in chart.proto.datasets if d.name == TEXT]
        if words:
            row = convert_arrow_bytes_to_pandas_df(words[0].data.data).iloc[0]
            found.append(" ".join(str(v) for v in row if isinstance(v, str)))
        else:
            found.append(json.dumps(json.loads(chart.proto.spec).get("title", "")))
    return found


def passages_html(at):
    return [h.proto.body for h in at.get("html") if "fl-legend" in h.proto.body]


PICKS = [{"by": "Outlet", "pick_outlet": o} for o in OUTLETS] + [{"by": "Theme", "pick_theme": t} for t in THEMES]
FIRST_PICKS = [PICKS[0], PICKS[len(OUTLETS)]]  # an outlet and a theme: the everyday run; CI tries every other pick too


def check_view(view, picks):
    for params in picks:
        at = run_app(view=view, **params)
        assert not at.exception, (view, params, [e.value for e in at.exception])
        picked = params.get("pick_outlet") or params.get("pick_theme")
        if view != "Methodology":  # the methodology is the same whatever is picked
            assert picked in shown(at.header[0].value), (view, params)
            assert len(charts(at)) >= 1 and len(passages_html(at)) == len(charts(at)), (view, params)


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_for_an_outlet_and_a_theme(view):
    check_view(view, FIRST_PICKS)


@pytest.mark.slow
@pytest.mark.parametrize("view", VIEWS)
def test_every_view_for_every_other_outlet_and_theme(view):
    check_view(view, [p for p in PICKS if p not in FIRST_PICKS])


def test_actor_pick_and_policy_frames():
    at = run_app(view="Emphasis", by="Actor", pick_actor="China", themes="Policy Frames Codebook")
    assert not at.exception
    assert "actor “China”" in shown(at.header[0].value)


def test_first_screen_compares_outlets_with_at_least_four_charts_beside_their_passages():
    at = run_app()
    assert shown(at.header[0].value) == "Compare — outlet PRIO Blogs"
    assert any("How to read this" in m.value for m in at.markdown)
    assert len(charts(at)) >= 4 and len(passages_html(at)) == len(charts(at))


@pytest.mark.parametrize("params", [{"by": "Theme", "pick_theme": "Sanctions and the UN"}, {"by": "Actor", "pick_actor": "China"}])
def test_compare_in_theme_and_actor_mode_shows_each_outlet(params):
    at = run_app(view="Compare", **params)
    assert not at.exception
    first = passages_html(at)[0]
    picked = params.get("pick_theme") or params.get("pick_actor")
    assert picked in shown(at.header[0].value) and 'data-sentence-id="' in first


def test_a_clicked_distinctive_term_shows_it_in_every_outlet_that_uses_it():
    at = run_app(view="Compare", mark="compare_words~term=troops")
    words = passages_html(at)[-1]
    assert "Filtered to the clicked mark" in " ".join(c.value for c in at.caption)
    ids = set(re.findall(r'data-sentence-id="(a\d+)-', words))
    assert len(ids) > 1  # sentences from more than PRIO Blogs, which the chart is about


def test_deep_link_restores_pick_view_and_mark():
    at = run_app(view="Hedging", by="Outlet", pick_outlet="Washington Times",
                 mark="approximators_by_category~hedge_category=approximator|outlet_group=PRIO%20Blogs")
    assert shown(at.header[0].value) == "Hedging — outlet Washington Times"
    _, first, second, _ = passages_html(at)
    # The marked chart's passages are the clicked bar's sentences, from PRIO Blogs (not the picked outlet).
    assert first.count('data-sentence-id="a000-') == 5 and 'data-sentence-id="a002-' not in first
    assert 'data-sentence-id="a002-' in second  # the other chart keeps the pick's passages
    assert any("Filtered to the clicked mark" in c.value for c in at.caption)


def test_tone_engine_switch_changes_the_tone_shown():
    news = run_app(view="Tone", pick_outlet="PRIO Blogs")
    textblob = run_app(view="Tone", pick_outlet="PRIO Blogs", tone="textblob")
    assert passages_html(news)[1] != passages_html(textblob)[1]


def test_methodology_shows_the_figures_of_the_data_file(tmp_path, monkeypatch):
    """Methodology's table is data/validity.json's: change a figure there and the app shows the new one."""
    from framing.models import validity

    at = run_app(view="Methodology")
    text = "\n".join(m.value for m in at.markdown)
    record = validity.load()
    assert "How reliable is this?" in text and validity.markdown_table(record) in text
    assert f"{validity.provenance(record)} {validity.freshness(record)}" in [c.value for c in at.caption]
    tone = next(r for r in record["rows"] if r["key"] == "tone")
    assert f"**{tone['value']:.3f}**" in text
    changed = dict(record, rows=[dict(r, value=0.123) if r["key"] == "tone" else r for r in record["rows"]])
    path = tmp_path / "validity.json"
    path.write_text(json.dumps(changed), "utf-8")
    monkeypatch.setattr(validity, "VALIDITY_FILE", path)
    text = "\n".join(m.value for m in run_app(view="Methodology").markdown)
    assert "**0.123**" in text and f"**{tone['value']:.3f}**" not in text


def test_the_figures_say_whether_the_engine_they_were_measured_with_has_changed_since(tmp_path):
    """data/validity.json went unmeasured from the ninth stop to the twenty-eighth while the engine changed under it,
    and nothing said so: it now records the files its run read, and Methodology says which have changed."""
    import types

    from framing.models import validity

    def engine(root, voice: str, hedges: str = "cue\nmay\n"):
        for top in validity.MEASURED:
            (root / top).mkdir(parents=True)
        for module in ("voice.py", "periods.py"):
            (root / "framing" / module).write_text(voice)
        (root / "data" / "lexicons" / "hedges.csv").write_text(hedges)
        (root / "data" / "validity.json").write_text("{}")  # the record itself is no input
        return root

    then = engine(tmp_path / "then", "A = 1\n")
    run = [types.SimpleNamespace(__file__=str(then / "framing" / "voice.py")), types.SimpleNamespace()]  # periods unread
    measured = {"files": validity.read_by(run, then)}
    assert set(measured["files"]) == {"framing/voice.py", "data/lexicons/hedges.csv"}
    assert validity.freshness(measured, engine(tmp_path / "same", "A = 1\n")) == \
        "The engine, its lists and its models are as they were measured."
    changed = validity.freshness(measured, engine(tmp_path / "now", "A = 2\n", "cue\nmight\n"))
    assert changed.startswith("Since then 2 of the files they rest on have changed (`data/lexicons/hedges.csv`, "
                              "`framing/voice.py`), so the figures may have moved")
    assert validity.freshness({}, tmp_path / "now") == "Which engine files the figures were measured with is not recorded."


def test_the_docs_table_is_the_data_files():
    from framing.models import validity

    assert validity.markdown_table(validity.load()) in (ROOT / "docs" / "validity.md").read_text("utf-8")


def test_exports_are_offered_for_every_chart():
    at = run_app(view="Emphasis")
    labels = [b.proto.label for b in at.get("download_button")]
    n = len(charts(at))
    assert labels.count("SVG") == labels.count("PNG 2×") == labels.count("Chart data CSV") == n == 4
    assert labels.count("Slide") == labels.count("Slide SVG") == n
    assert "Whole sentence table (CSV)" in labels


def test_presentation_mode_hides_exports():
    at = run_app(view="Tone", present="true")
    assert not at.exception
    assert not [b for b in at.get("download_button") if b.proto.label == "SVG"]


def test_story_view_shows_a_storys_outlets_side_by_side_and_the_pairs():
    at = run_app(view="Story", story="auto: Donald Trump, White House (2024-06-08)", pick_outlet="unknown outlet (a001)")
    assert not at.exception, [e.value for e in at.exception]
    cards = [shown(m.value) for m in at.markdown if m.value.startswith("**") and not m.value.startswith("**Passages")]
    assert {c.split(" · ")[0] for c in cards} == {"**unknown outlet (a001)**", "**unknown outlet (a003)**", "**unknown outlet (a004)**"}
    # the pairs, how each outlet speaks of the story's main actors, and the words of this story
    assert len(charts(at)) == 3 and len(passages_html(at)) == 3


def test_story_cards_give_each_level_with_its_interval_around_it():
    at = run_app(view="Story", story="auto: Donald Trump, White House (2024-06-08)")
    assert not at.exception, [e.value for e in at.exception]
    figures = [shown(m.value) for m in at.markdown if m.value.startswith("Tone ")]
    assert len(figures) == 3  # one card per outlet
    for line in figures:
        found = re.findall(r"\*\*([+-]?\d+\.\d+)\*\* \[([+-]?\d+\.\d+), ([+-]?\d+\.\d+)\]", line)
        assert len(found) == 4, line  # tone, epistemic hedges, approximators, boosters
        for level, low, high in found:
            assert float(low) <= float(level) <= float(high), line
    assert any("In brackets: 95% intervals" in c.value for c in at.caption)


@pytest.mark.parametrize("by", ["Outlet", "Theme", "Actor"])
def test_story_and_search_views_in_each_pick_mode(by):
    for params in ({"view": "Story"}, {"view": "Search", "q": "sanction*"}):
        at = run_app(by=by, **params)
        assert not at.exception, (by, params, [e.value for e in at.exception])


def test_search_deep_link_counts_and_marks_every_occurrence():
    at = run_app(view="Search", q="troop*")
    assert shown(at.header[0].value) == "Search — “troop*”"
    first = passages_html(at)[0]
    sentences = re.findall(r'data-sentence-id="([^"]+)"', first)
    assert sentences and first.count('class="fl-m"') >= len(sentences)  # every passage shows its match, marked
    assert all(re.search(r'class="fl-m" title="search match">[Tt]roop', part) for part in first.split('data-sentence-id=')[1:])


@pytest.mark.parametrize("query, message", [("*", "only wildcards"), ("zzqx", "No sentence contains")])
def test_search_refuses_wildcards_alone_and_says_when_nothing_is_found(query, message):
    at = run_app(view="Search", q=query)
    assert not at.exception
    assert any(message in shown(m.value) for m in list(at.error) + list(at.warning))


def test_story_pairs_say_in_words_when_the_picked_outlet_shares_no_story():
    """No empty paired chart with a lone 0 tick: an outlet that covered no story another outlet covered gets a
    sentence saying so, and the outlets that do share stories get their paired chart."""
    alone = run_app(view="Story", pick_outlet="PRIO Blogs")
    assert not alone.exception, [e.value for e in alone.exception]
    assert any("No other outlet covered any story PRIO Blogs covered" in shown(i.value) for i in alone.info)
    shared = run_app(view="Story", pick_outlet="unknown outlet (a001)", story="auto: Donald Trump, White House (2024-06-08)")
    assert not any("No other outlet covered" in shown(i.value) for i in shared.info)
    assert len(charts(shared)) == len(charts(alone)) + 1
    # The story's distinctive words are every outlet's: their passages are the story's, whoever is picked.
    words = passages_html(alone)[-1]
    assert "No sentences." not in words and re.search(r'data-sentence-id="a00[134]-', words)


def test_search_passages_are_every_outlets_as_its_charts_are_and_stories_are_split_by_outlet(bundled, lexicons):
    """Both Search charts count every outlet's sentences, so the passages beside them are every outlet's too, whoever is
    picked; the by-story chart gives each outlet its own bar, so no outlet's colour carries another's count."""
    from components.views.search import hits
    from framing.scoring.table import sentence_table

    table = hits(sentence_table(bundled, lexicons), "sanction*")
    found = table[table["hits"] > 0]
    assert found["outlet_group"].nunique() > 1  # the check means something only across outlets
    at = run_app(view="Search", q="sanction*", pick_outlet="PRIO Blogs")
    assert not at.exception, [e.value for e in at.exception]
    assert sum(f"— {len(found)} of {len(found)} sentences" in m.value for m in at.markdown) == 2
    from components.lens import Lens
    from components.views.search import panels
    from framing.scoring.analysis import analyse

    analysis = analyse(bundled, lexicons)
    by_story = panels(analysis, Lens("outlet", "PRIO Blogs", outlets=analysis.outlets, query="sanction*"))[1].data
    per_outlet_story = found.groupby(["story", "outlet_group"])["hits"].sum()
    assert len(by_story) == len(per_outlet_story)
    assert all(per_outlet_story[(r.story, r.outlet_group)] == r.hits for r in by_story.itertuples())


def test_compare_by_actor_shows_how_each_outlet_speaks_of_it_each_mention_marked_with_its_stance():
    at = run_app(view="Compare", by="Actor", pick_actor="Russia")
    assert not at.exception
    titles = drawn_titles(at)
    at_chart = next(i for i, t in enumerate(titles) if "Portrayal: how each outlet speaks of Russia" in t)
    assert at_chart == 2, titles  # in its place, after tone and hedging, though it is made after the charts below it
    portrayal = passages_html(at)[at_chart]
    marked = re.findall(r'class="fl-(neg|neu|pos)" title="toward ([^"]+): (negative|neutral|positive) \(p ([0-9.]+)\)"',
                        portrayal)
    assert marked and all({"neg": "negative", "neu": "neutral", "pos": "positive"}[c] == s for c, _, s, _ in marked)
    assert "Tone near" not in " ".join(titles)  # sentence tone no longer stands in for portrayal


def test_story_shows_each_outlets_stance_toward_its_main_actors():
    at = run_app(view="Story", pick_outlet="unknown outlet (a001)")
    assert not at.exception
    at_chart = next(i for i, t in enumerate(drawn_titles(at)) if "speaks of the story's" in t)
    assert re.search(r'class="fl-(neg|neu|pos)" title="toward ', passages_html(at)[at_chart])


def test_a_clicked_portrayal_dot_shows_that_outlets_mentions_of_that_stance():
    at = run_app(view="Compare", by="Actor", pick_actor="Vladimir Putin",
                 mark="compare_portrayal~outlet_group=PRIO%20Blogs|stance=negative")
    assert not at.exception
    at_chart = next(i for i, t in enumerate(drawn_titles(at)) if "Portrayal" in t)
    passages = passages_html(at)[at_chart]
    ids = re.findall(r'data-sentence-id="(a\d+)-', passages)
    stances = re.findall(r'title="toward [^"]+: (negative|neutral|positive) \(p', passages)
    assert ids and set(ids) == {"a000"} and set(stances) == {"negative"} and len(stances) == len(ids)
    assert any("Filtered to the clicked mark" in c.value for c in at.caption)


def test_story_opens_on_a_story_the_pick_shares_with_other_outlets_else_on_one_several_outlets_cover():
    import pandas as pd

    from components.views.story import stories

    table = pd.DataFrame({"story": ["big", "big", "big", "alone", "pair", "pair"],
                          "outlet_group": ["A", "B", "C", "D", "D", "B"], "article_id": ["1", "2", "3", "4", "5", "6"]})
    assert list(stories(table, set(table.loc[table["outlet_group"] == "D", "story"]))["story"]) == ["pair", "big", "alone"]
    assert list(stories(table, set(table.loc[table["outlet_group"] == "A", "story"]))["story"])[0] == "big"
    assert list(stories(table, set())["story"]) == ["big", "pair", "alone"]  # the pick shares none


def test_a_failure_nothing_foresaw_is_one_message_not_a_traceback_and_the_page_stays(monkeypatch):
    # The hard rule's last line (components/guard.py): here Compare fails outright making its first chart (not its
    # aggregates: the bundled corpus's are kept between tests in one process).
    from components.views import compare

    def failing(*args, **kwargs):
        raise RuntimeError("an unforeseen failure")

    monkeypatch.setattr(compare, "differences", failing)
    at = run_app(view="Compare")
    assert not at.exception
    assert [e.value for e in at.error] and "Something went wrong while drawing the page" in shown(at.error[0].value)
    assert "RuntimeError" in shown(at.error[0].value) and "unforeseen" not in shown(at.error[0].value)
    monkeypatch.undo()  # the failure passes: "Try again" draws the page
    at.button(key="guard_try_again").click().run()
    assert not at.exception and not at.error and len(charts(at)) >= 4
    assert any("5 articles" in c.value for c in at.sidebar.caption)  # the sidebar, the corpus, the picks: all there


def test_a_chart_that_fails_is_one_message_in_its_place_and_the_others_are_drawn(monkeypatch):
    from components import panel

    drawn = panel.draw_passages

    def failing_for_cues(passages, paragraphs, lens, caption, key, *args):
        if key == "compare_cues":
            raise ValueError("an unforeseen failure")
        return drawn(passages, paragraphs, lens, caption, key, *args)

    monkeypatch.setattr(panel, "draw_passages", failing_for_cues)
    at = run_app(view="Compare")
    assert not at.exception
    assert len(at.error) == 1 and "drawing this chart (ValueError)" in shown(at.error[0].value)
    titles = drawn_titles(at)
    assert len(titles) >= 4 and not any(t.startswith("Hedging and boosting") for t in titles)


def test_beside_a_theme_or_actor_pick_an_outlet_can_stand_out_in_every_chart():
    # Nine outlets' lines over time were a tangle on a slide; with an actor picked there was no outlet to follow.
    def highlighted(at):
        found = set()
        for chart in charts(at):
            for dataset in chart.proto.datasets:
                frame = convert_arrow_bytes_to_pandas_df(dataset.data.data)
                if {"highlighted", "outlet_group"} <= set(frame.columns):
                    found |= set(frame.loc[frame["highlighted"].astype(bool), "outlet_group"])
        return found

    plain = run_app(view="Compare", by="Actor", pick_actor="Russia")
    assert not plain.exception and len(highlighted(plain)) > 1  # none stands out: every outlet drawn alike
    picked = run_app(view="Compare", by="Actor", pick_actor="Russia", stand_out="Washington Times")
    assert not picked.exception and highlighted(picked) == {"Washington Times"}
    assert next(s for s in picked.selectbox if s.label == "Outlet to stand out").value == "Washington Times"
