"""The Articles and Lexicons views through AppTest: every bad input, nothing lost, edits that stick."""
import csv
import io
import time

import pytest
from test_app import charts, drawn_titles, passages_html, run_app, shown

from framing.reading.corpus import MAX_BYTES, corpus_to_jsonl

GOOD = ("story.txt", b"Kremlin weighs new deal\n\nBy Jane Roe\n\nMoscow may send more troops to the border, "
        b"officials said on Tuesday.\n\nThe agreement is clearly a turning point, a senior diplomat said.", "text/plain")
FRENCH = ("article.txt", ("Le président russe a reçu son homologue nord-coréen dans une base spatiale, où les deux "
                          "dirigeants ont parlé de coopération militaire et de la guerre en Ukraine pendant plusieurs "
                          "heures, selon les agences officielles.").encode(), "text/plain")


def messages(at, level):
    return [shown(e.value) for e in getattr(at, level)]


def charts_data(at, index: int = 0):
    """The rows a chart draws (the first one unless ``index`` says; its first dataset, sent to the browser as Arrow)."""
    import pyarrow as pa

    return pa.ipc.open_stream(at.get("vega_lite_chart")[index].proto.datasets[0].data.data).read_pandas()


ARTICLE_BARS = 1  # Overview's articles by length (its first chart is the stories by outlet)


def loaded_titles(at):
    return list(at.dataframe[0].value["title"])


def upload(at, *files):
    uploader = next(u for u in at.get("file_uploader") if u.key.startswith("upload_"))  # its key changes after each batch
    uploader.set_value(list(files))
    return at.run()


@pytest.fixture
def with_story():
    at = run_app(view="Articles")
    at.radio(key="intake_mode").set_value("Join the loaded articles").run()  # these tests add to the demo's five
    upload(at, GOOD)
    assert not at.exception and loaded_titles(at)[-1] == "Kremlin weighs new deal"
    return at


def test_a_first_upload_replaces_the_demo_articles_and_a_second_joins_it():
    # The five bundled articles are a demo: mixed into a visitor's corpus they were four more outlets in every chart.
    at = run_app(view="Articles")
    assert at.radio(key="intake_mode").value == "Replace them"
    upload(at, GOOD)
    assert not at.exception and loaded_titles(at) == ["Kremlin weighs new deal"]
    assert any("five bundled demo articles were replaced" in m for m in messages(at, "info"))
    assert at.radio(key="intake_mode").value == "Join the loaded articles"  # another outlet's file must not replace it
    upload(at, ("second.txt", b"Officials in Seoul may answer the summit within days, aides said.", "text/plain"))
    assert not at.exception and len(loaded_titles(at)) == 2 and loaded_titles(at)[0] == "Kremlin weighs new deal"


@pytest.mark.parametrize("name, data, problem", [
    ("empty.txt", b"", "the file is empty"),
    ("renamed-photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "this is a PNG image, not text"),
    ("huge.txt", b"word " * (MAX_BYTES // 5 + 1), "the limit is 25 MB"),
    ("broken.csv", b'text,title\n"Moscow may act"x",T\n', "CSV does not parse"),
    ("notext.csv", b"headline,outlet\nA,B\n", "no text column (expected one of: text, body"),
    ("broken.jsonl", b'{"text": "Moscow may act."}\n{not json\n', "line 2 is not valid JSON"),
    ("notext.jsonl", b'{"headline": "A"}\n', "columns found: headline"),
    ("deep.jsonl", b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n", "line 1 is nested too deeply to read"),
])
@pytest.mark.parametrize("mode", ["Join the loaded articles",
                                  pytest.param("Replace them", marks=pytest.mark.slow)])  # the same path; CI tries both
def test_bad_upload_names_file_and_problem_and_keeps_the_articles(with_story, name, data, problem, mode):
    at = with_story
    at.radio(key="intake_mode").set_value(mode).run()
    before = loaded_titles(at)
    upload(at, (name, data, "application/octet-stream"))
    assert not at.exception
    errors = messages(at, "error")
    assert len(errors) == 1 and errors[0].startswith(f"{name}: ") and problem in errors[0], errors
    assert loaded_titles(at) == before and len(before) == 6
    at.segmented_control(key="view").set_value("Overview").run()  # and the charts still cover every article
    assert len(charts_data(at, ARTICLE_BARS)["article_id"].unique()) == 6


def test_non_utf8_text_is_decoded_and_the_assumption_shown(with_story):
    at = with_story
    text = "Café talks in Kraków may resume, officials said, as the rouble fell again."
    upload(at, ("utf16.txt", text.encode("utf-16"), "text/plain"), ("latin.txt", text.replace("Kraków", "Köln").encode("cp1252"), "text/plain"))
    warnings = messages(at, "warning")
    assert any(w.startswith("utf16.txt: decoded as UTF-16") for w in warnings), warnings
    assert any(w.startswith("latin.txt: not valid UTF-8: assumed Windows-1252") for w in warnings), warnings
    assert len(loaded_titles(at)) == 8


def test_duplicate_upload_is_not_added_twice(with_story):
    at = with_story
    upload(at, ("same-story-renamed.md",) + GOOD[1:])
    assert any("same-story-renamed.md: already loaded" in w for w in messages(at, "warning"))
    assert len(loaded_titles(at)) == 6


def test_unlikely_english_is_added_with_a_warning(with_story):
    at = with_story
    upload(at, FRENCH)
    assert any("article.txt: does not look like English" in w and "lexicons are English" in w for w in messages(at, "warning"))
    assert len(loaded_titles(at)) == 7


def test_replace_and_back_to_bundled(with_story):
    at = with_story
    at.radio(key="intake_mode").set_value("Replace them").run()
    upload(at, FRENCH)
    assert loaded_titles(at) == ["unknown"]
    at.button(key="reset_corpus").click().run()
    assert len(loaded_titles(at)) == 5


def test_paste_adds_an_article_and_shows_it_literally():
    at = run_app(view="Articles")
    at.radio(key="intake_mode").set_value("Join the loaded articles").run()  # beside the demo's five
    hostile = "Officials may say <b>bold</b> :red[alarm] [x](javascript:alert(1)) costs $5 and $6 ]"
    at.text_area(key="paste_text").input(f"Headline here\n\n{hostile}")
    at.button[[b.label for b in at.button].index("Add pasted text")].click().run()
    assert not at.exception and len(loaded_titles(at)) == 6
    at.radio(key="by").set_value("outlet")
    at.segmented_control(key="view").set_value("Hedging").run()
    at.selectbox(key="pick_outlet").set_value(next(o for o in at.selectbox(key="pick_outlet").options if "(u" in o)).run()
    at.text_input(key="find_hedges_by_category").input("javascript").run()  # every outlet's passages: find the pasted one
    body = "".join(passages_html(at))
    assert "&lt;b&gt;bold&lt;/b&gt; :red[alarm] [x](javascript:alert(1)) costs $5 and $6 ]" in body.replace('<span class="fl-h" title="hedge: modal">may</span>', "may")
    assert "<b>bold</b>" not in body


def test_edit_metadata_and_remove_survive_view_changes(with_story):
    at = with_story
    new_id = at.dataframe[0].value["article_id"].iloc[-1]
    at.selectbox(key="edit_article").set_value(new_id).run()
    outlet_box = next(t for t in at.text_input if t.key.startswith(f"edit_{new_id}_outlet"))
    outlet_box.input("Daily Planet")
    at.button[[b.label for b in at.button].index("Save metadata")].click().run()
    assert at.dataframe[0].value.set_index("article_id").loc[new_id, "outlet"] == "Daily Planet"
    assert "outlet set by the user" in at.dataframe[0].value.set_index("article_id").loc[new_id, "notes"]
    at.selectbox(key="edit_article").set_value("a003").run()
    at.button(key="remove_article").click().run()
    assert "a003" not in list(at.dataframe[0].value["article_id"])
    for view in ["Tone", "Emphasis", "Overview"]:  # the edits stay through views and picks
        at.segmented_control(key="view").set_value(view).run()
    at.selectbox(key="pick_outlet").set_value("Daily Planet").run()
    assert "Daily Planet" in shown(at.header[0].value)
    assert set(charts_data(at, ARTICLE_BARS)["article_id"]) == {"a000", "a001", "a002", "a004", new_id}
    at.segmented_control(key="view").set_value("Articles").run()
    assert set(at.dataframe[0].value["article_id"]) == {"a000", "a001", "a002", "a004", new_id}
    assert "Daily Planet" in set(at.dataframe[0].value["outlet"])


def test_download_corpus_then_upload_restores_it_exactly(with_story):
    at = with_story
    upload(at, FRENCH)
    at.selectbox(key="edit_article").set_value("a001").run()
    next(t for t in at.text_input if t.key.startswith("edit_a001_outlet")).input("Reuters")
    at.button[[b.label for b in at.button].index("Save metadata")].click().run()
    saved = corpus_to_jsonl(at.session_state["articles"])  # exactly what "Download corpus" serves
    fresh = run_app(view="Articles")
    upload(fresh, ("framing-lens-corpus.jsonl", saved.encode("utf-8"), "application/jsonl"))
    assert corpus_to_jsonl(fresh.session_state["articles"]) == saved
    assert any("restored the saved corpus of 7" in s for s in messages(fresh, "success"))


def test_lexicon_edit_changes_the_scores_and_survives():
    at = run_app(view="Lexicons")
    at.radio(key="lexicon_list").set_value("boosters").run()
    at.text_input(key="add_boosters_term").input("summit")
    at.selectbox(key="add_boosters_category").set_value("certainty_adverb")
    at.button[[b.label for b in at.button].index("Add")].click().run()
    assert not at.exception and any("saved" in s for s in messages(at, "success"))
    assert "summit" in set(at.dataframe[0].value["term"])
    at.segmented_control(key="view").set_value("Articles").run()
    with_summit = at.dataframe[0].value.set_index("article_id")["boosters_per_1k_words"]
    plain = run_app(view="Articles").dataframe[0].value.set_index("article_id")["boosters_per_1k_words"]
    assert (with_summit >= plain).all() and (with_summit > plain).any()


def test_bad_lexicon_upload_is_refused_and_the_list_kept():
    at = run_app(view="Lexicons")
    before = at.dataframe[0].value
    at.file_uploader(key="lexicon_upload_hedges_0").set_value(("mine.csv", b"word,kind\nmaybe,x\n", "text/csv")).run()
    assert any(e.startswith("mine.csv → hedges list: hedges lexicon is missing column(s): term, category, rule, source")
               for e in messages(at, "error")), messages(at, "error")
    assert at.dataframe[0].value.equals(before)


def test_downloaded_lexicon_uploaded_back_with_a_change_recomputes():
    at = run_app(view="Lexicons")
    hedges = at.session_state["lexicons"].csv("hedges")  # exactly what the download button serves
    assert "\nmay,modal,not_month," in hedges
    without_may = "\n".join(line for line in hedges.splitlines() if not line.startswith("may,"))
    at.file_uploader(key="lexicon_upload_hedges_0").set_value(("hedges.csv", without_may.encode(), "text/csv")).run()
    assert not at.exception and any(s.startswith("hedges.csv → hedges list: saved") for s in messages(at, "success"))
    assert "may" not in set(at.dataframe[0].value["term"])
    at.segmented_control(key="view").set_value("Articles").run()
    fewer = at.dataframe[0].value.set_index("article_id")["hedges_per_1k_words"]
    plain = run_app(view="Articles").dataframe[0].value.set_index("article_id")["hedges_per_1k_words"]
    assert (fewer <= plain).all() and (fewer < plain).any()


def test_sidebar_button_opens_the_articles_view_and_messages_stay_with_their_view():
    at = run_app(view="Overview")
    at.button(key="go_articles").click().run()
    assert at.segmented_control(key="view").value == "Articles" and at.file_uploader
    upload(at, GOOD)
    assert messages(at, "success")
    at.segmented_control(key="view").set_value("Lexicons").run()
    assert not messages(at, "success")  # the upload's message belongs to the Articles view


def test_an_upload_over_budget_is_refused_and_the_articles_stay(with_story, monkeypatch):
    from components import state

    monkeypatch.setenv("FRAMING_MAX_ARTICLES", "3")
    state.budget.cache_clear()
    try:
        at = with_story
        before = loaded_titles(at)
        rows = "title,text\n" + "".join(f"T{i},Talks may resume {i}.\n" for i in range(5))
        upload(at, ("five.csv", rows.encode(), "text/csv"))
        assert not at.exception
        errors = messages(at, "error")
        assert len(errors) == 1 and errors[0].startswith("five.csv: ") and "more than 3 articles, the limit for one upload" in errors[0]
        assert "split the file" in errors[0] and loaded_titles(at) == before
    finally:
        monkeypatch.delenv("FRAMING_MAX_ARTICLES")
        state.budget.cache_clear()


def test_an_actor_found_in_the_text_can_be_added_and_compared():
    at = run_app(view="Lexicons")
    at.radio(key="lexicon_list").set_value("actors").run()
    assert "Jenny Town" in set(at.dataframe[1].value["name"])  # found in the text, not in the list
    at.multiselect(key="found_actors").set_value(["Jenny Town"])  # inside a form: sent with the submit below
    [b for b in at.button if b.label == "Add"][-1].click().run()  # the found-actors form comes after the add-entry form
    assert not at.exception
    at.radio(key="by").set_value("actor")
    at.segmented_control(key="view").set_value("Compare").run()
    at.selectbox(key="pick_actor").set_value("Jenny Town").run()
    assert shown(at.header[0].value) == "Compare — actor “Jenny Town”"
    assert any('data-sentence-id="a002-' in h for h in passages_html(at))
    # a found actor is portrayed like any listed one: its mentions marked with their stance toward it
    assert any('title="toward Jenny Town: ' in h for h in passages_html(at))


def test_a_story_renamed_in_the_articles_view_is_what_the_story_view_compares():
    at = run_app(view="Articles", pick_outlet="unknown outlet (a001)")  # an outlet of that story: its pairs are drawn
    at.selectbox(key="story_to_rename").set_value(at.selectbox(key="story_to_rename").options[0])
    at.text_input(key="story_new_name").input("Vostochny summit, September 2023")
    at.button[[b.label for b in at.button].index("Rename")].click().run()
    assert any("3 articles now in" in shown(m.value) for m in at.success)
    at.segmented_control(key="view").set_value("Story").run()
    assert at.selectbox(key="story").value == "Vostochny summit, September 2023"
    assert not at.exception and len(passages_html(at)) == 3  # pairs, portrayal, words


@pytest.mark.parametrize("first", ["bundled articles", "an upload before"])
def test_when_another_analysis_holds_the_turn_too_long_the_newest_upload_is_refused_and_the_articles_stay(first, monkeypatch):
    """Another visitor's analysis holds the only turn past the wait: this visitor is told the server is busy, and
    keeps what they had (the bundled articles of a first visit, or their own)."""
    import threading

    from components import state
    from framing.scoring.turns import AnalysisQueue

    monkeypatch.setenv("FRAMING_BUSY_WAIT_SECONDS", "0")
    state.budget.cache_clear()
    line = AnalysisQueue(1)
    monkeypatch.setattr(state, "_analysis_queue", lambda: line)
    at = run_app(view="Articles")
    if first == "an upload before":
        upload(at, GOOD)
    before = loaded_titles(at)
    holding, done = threading.Event(), threading.Event()

    def other_visitor():
        with line.turn():
            holding.set()
            done.wait(30)

    threading.Thread(target=other_visitor, daemon=True).start()
    holding.wait(5)
    try:
        upload(at, ("another.txt", b"Summit ends\n\nThe summit may resume in May, aides said.", "text/plain"))
        assert not at.exception
        assert any("busy analysing other visitors' uploads; nothing was changed" in w for w in messages(at, "warning"))
        assert loaded_titles(at) == before and len(before) == (5 if first == "bundled articles" else 1)
    finally:
        done.set()
        state.budget.cache_clear()


def test_an_upload_is_read_while_another_visitors_upload_is_analysed(monkeypatch):
    """Uploads take turns at analysing, but the next one is read meanwhile: another visitor's analysis holds the turn,
    and this visitor's file is read (and checked) before that analysis ends, then analysed once it has."""
    import threading

    from components import state
    from framing.reading import intake
    from framing.scoring.turns import AnalysisQueue

    line = AnalysisQueue(1)
    monkeypatch.setattr(state, "_analysis_queue", lambda: line)
    read, done, seen = threading.Event(), threading.Event(), []
    real_read = intake.read_upload

    def reading(*args, **kwargs):
        seen.append(not done.is_set())  # read while the other analysis still held the turn
        read.set()
        return real_read(*args, **kwargs)

    monkeypatch.setattr(intake, "read_upload", reading)
    holding = threading.Event()

    def other_visitor():
        with line.turn():
            holding.set()
            read.wait(5)  # the other analysis ends once this visitor's file is read (or after 5 s)
            done.set()

    at = run_app(view="Articles")
    threading.Thread(target=other_visitor, daemon=True).start()
    holding.wait(5)
    upload(at, ("another.txt", b"Summit ends\n\nThe summit may resume in May, aides said.", "text/plain"))
    assert not at.exception
    assert seen == [True]
    assert "Summit ends" in loaded_titles(at)  # then analysed in its turn, nothing refused


def test_the_outlet_of_every_unknown_outlet_article_is_set_at_once_in_the_articles_view():
    at = run_app(view="Articles")
    assert "Korea Herald" not in at.selectbox(key="pick_outlet").options
    at.multiselect(key="bulk_outlets").set_value(["unknown"])
    at.text_input(key="bulk_value").input("Korea Herald")
    at.button[[b.label for b in at.button].index("Set for these articles")].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("outlet of 3 articles set to" in shown(m.value) for m in at.success)
    options = at.selectbox(key="pick_outlet").options
    assert "Korea Herald" in options and not any(o.startswith("unknown outlet") for o in options)


def actor_options(at):
    at.radio(key="by").set_value("actor").run()
    return list(at.selectbox(key="pick_actor").options)


def test_the_actor_list_follows_the_corpus_until_the_visitor_edits_it():
    from test_actors import STORIES

    rows = io.StringIO()
    csv.writer(rows).writerows([("text", "outlet"), *((text, outlet) for outlet, text in STORIES)])
    at = run_app(view="Articles")
    assert "Vladimir Putin" in actor_options(at)
    at.radio(key="intake_mode").set_value("Replace them").run()
    upload(at, ("news.csv", rows.getvalue().encode(), "text/csv"))
    assert not at.exception
    assert any("the actor list is now what your articles name most: 6 people" in m for m in messages(at, "info"))
    options = actor_options(at)
    assert "Donald Trump" in options and "Elizabeth Warren" in options and "Vladimir Putin" not in options
    at.button(key="reset_corpus").click().run()
    assert "Vladimir Putin" in actor_options(at)  # the bundled articles bring the bundled list back
    at.segmented_control(key="view").set_value("Lexicons").run()
    at.radio(key="lexicon_list").set_value("actors").run()
    at.multiselect(key="found_actors").set_value(["Jenny Town"])  # the visitor's own choice from now on
    [b for b in at.button if b.label == "Add"][-1].click().run()
    at.segmented_control(key="view").set_value("Articles").run()
    at.radio(key="intake_mode").set_value("Replace them").run()
    upload(at, ("news.csv", rows.getvalue().encode(), "text/csv"))
    options = actor_options(at)
    assert "Jenny Town" in options and "Elizabeth Warren" not in options


def test_the_theme_sets_follow_the_corpus_with_the_general_set_picked_and_the_corpus_own_themes_renamable():
    from test_found_themes import make_articles

    rows = io.StringIO()
    csv.writer(rows).writerows([("text", "outlet"), *((a.title + "\n\n" + "\n\n".join(b.text for b in a.blocks), a.outlet)
                                                      for a in make_articles())])
    at = run_app(view="Articles")
    assert at.selectbox(key="themes").value == "corpus" and "found" not in at.selectbox(key="themes").options
    at.radio(key="intake_mode").set_value("Replace them").run()
    upload(at, ("news.csv", rows.getvalue().encode(), "text/csv"))
    assert not at.exception, [e.value for e in at.exception]
    assert any("the theme sets are now the general Policy Frames Codebook (picked)" in m for m in messages(at, "info"))
    themes = at.selectbox(key="themes")
    assert themes.value == "policy_frames"  # the general set, then the found one; each with its fit
    assert themes.options[0].startswith("Policy Frames Codebook · ") and themes.options[1] == "Found in these articles · 100%"
    at.selectbox(key="themes").set_value("corpus").run()  # the bundled story themes: written for other articles
    at.radio(key="by").set_value("theme").run()
    assert any("written for the bundled articles, not these" in w for w in messages(at, "warning"))
    at.selectbox(key="themes").set_value("found").run()
    found = list(at.selectbox(key="pick_theme").options)
    assert len(found) == 3 and not any("written for the bundled" in w for w in messages(at, "warning"))
    at.segmented_control(key="view").set_value("Lexicons").run()
    at.radio(key="lexicon_list").set_value("themes").run()
    assert any("Found in these articles 100%" in shown(m.value) for m in at.markdown)  # each set's fit
    at.selectbox(key="rename_themes_old").set_value(("found", found[0]))
    at.text_input(key="rename_themes_new").input("Health care")
    [b for b in at.button if b.label == "Rename"][0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Health care" in at.selectbox(key="pick_theme").options and found[0] not in at.selectbox(key="pick_theme").options


def test_the_bundled_articles_bring_back_the_story_themes():
    from test_found_themes import make_articles

    rows = io.StringIO()
    csv.writer(rows).writerows([("text", "outlet"), *(("\n\n".join(b.text for b in a.blocks), a.outlet) for a in make_articles())])
    at = run_app(view="Articles")
    at.radio(key="intake_mode").set_value("Replace them").run()
    upload(at, ("news.csv", rows.getvalue().encode(), "text/csv"))
    assert at.selectbox(key="themes").value == "policy_frames"
    at.button(key="reset_corpus").click().run()
    assert at.selectbox(key="themes").value == "corpus"
    assert not any(o.startswith("Found in these articles") for o in at.selectbox(key="themes").options)


@pytest.mark.slow
@pytest.mark.parametrize("articles, words", [(400, 0), (20, 9_000)])
def test_a_large_upload_starts_its_processes_while_it_is_read_and_every_article_is_analysed(monkeypatch, articles, words):
    """A CSV of 1 MB or more asks for the server's worker processes before it is read (if they must start, their
    start-up overlaps the reading). Whether the upload then holds many articles (the workers analyse them) or a few
    long ones (analysed here), every article is analysed, the same as in one process."""
    import pandas as pd

    from bench.load import corpus_csv
    from components import state
    from framing.language.actors import actor_lexicon, actors_from_text
    from framing.scoring import parts
    from framing.scoring.table import sentence_table
    from framing.statistics.found_themes import THEME_SET as FOUND_THEME_SET
    from framing.statistics.found_themes import theme_lexicon, themes_from_text

    if parts.usable_cores() < 2:
        pytest.skip("one core: no pool of processes")
    data = corpus_csv(articles, seed=7)
    if words:  # a few long articles: their text is the same paragraphs many times over
        rows = list(csv.DictReader(io.StringIO(data.decode())))
        for row in rows:
            row["text"] = "\n\n".join([row["text"]] * (words // len(row["text"].split()) + 1))
        out = io.StringIO()
        writer = csv.DictWriter(out, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
        data = out.getvalue().encode()
    assert len(data) >= state.POOL_WHILE_READING_BYTES
    lent, lend = [], parts.WarmPool.lend
    monkeypatch.setattr(parts.WarmPool, "lend", lambda pool: (lent.append(pool.started), lend(pool))[1])
    monkeypatch.setattr(state, "LET_WORKERS_GO_FROM_ARTICLES", 400)  # as after a large upload: let go at once
    at = run_app(view="Articles")
    upload(at, ("many.csv", data, "text/csv"))
    assert not at.exception and not messages(at, "error")
    assert lent, "the worker processes were not asked for while the upload was read"
    deadline = time.monotonic() + 5
    while state._warm_pool().started and time.monotonic() < deadline:
        time.sleep(0.05)
    # 400 new articles analysed by the workers: they are let go; 20 long ones analysed here: they stay warm a while
    assert state._warm_pool().started == (articles < 400)
    loaded, lexicons, analysis = at.session_state["_analysis"]
    assert len(loaded) == articles and analysis.table["article_id"].nunique() == articles  # the demo's five replaced
    pd.testing.assert_frame_equal(analysis.table, sentence_table(loaded, lexicons))
    # the actor and theme lists (found by the worker processes for a large upload) are the ones found here
    pd.testing.assert_frame_equal(lexicons.actors.reset_index(drop=True), actor_lexicon(actors_from_text(loaded)))
    found = lexicons.themes[lexicons.themes["theme_set"] == FOUND_THEME_SET].reset_index(drop=True)
    pd.testing.assert_frame_equal(found, theme_lexicon(themes_from_text(loaded)), check_dtype=False)


def test_the_articles_view_counts_articles_per_outlet_and_a_clicked_bar_lists_that_outlets_articles():
    at = run_app(view="Articles")
    assert len(charts(at)) == 1 and "Articles per outlet" in drawn_titles(at)[0]
    bars = {r.outlet_group: (r.articles, r.dated) for r in charts_data(at).itertuples()}
    assert bars == {"unknown": (3, 1), "PRIO Blogs": (1, 0), "Washington Times": (1, 0)}  # the bundled five, as read
    assert len(at.dataframe[0].value) == 5
    at = run_app(view="Articles", mark="articles_per_outlet~outlet_group=unknown")
    assert not at.exception
    listed = at.dataframe[0].value
    assert len(listed) == 3 and set(listed["outlet"]) == {"unknown"}
    assert any("Listed: the articles of the clicked bar" in shown(c.value) for c in at.caption)
    at = run_app(view="Articles", mark="articles_per_outlet~outlet_group=Washington%20Times")
    assert list(at.dataframe[0].value["outlet"]) == ["Washington Times"]
