"""Adding, editing and removing articles; saving and restoring a corpus; editing lexicons."""
import pytest
from conftest import ROOT

from framing.reading import intake
from framing.reading.corpus import MAX_BYTES, InputError, corpus_to_jsonl
from framing.scoring.table import sentence_table

STORY = (b"Kremlin weighs new deal\n\nBy Jane Roe\n\n"
         b"Moscow may send more troops to the border, officials said on Tuesday.\n\n"
         b"The agreement is clearly a turning point, a senior diplomat told reporters.")
FRENCH = ("Le président russe a reçu son homologue nord-coréen dans une base spatiale de l'Extrême-Orient, "
          "où les deux dirigeants ont parlé de coopération militaire et de la guerre en Ukraine pendant "
          "plusieurs heures, selon les agences de presse officielles des deux pays.").encode()


def batch(name, data):
    try:
        return name, intake.read_upload(name, data), intake.is_saved_corpus(name, data)
    except InputError as error:
        return name, error, False


def upload(corpus, *files, replace=False):
    return intake.add(corpus, [batch(n, d) for n, d in files], replace)


def test_join_adds_and_replace_replaces(bundled):
    joined = upload(bundled, ("story.txt", STORY))
    assert [a.article_id for a in joined.articles[:5]] == [a.article_id for a in bundled]
    assert len(joined.articles) == 6 and joined.added == 1
    new = joined.articles[-1]
    assert new.title == "Kremlin weighs new deal" and new.author == "Jane Roe" and new.outlet == "unknown"
    replaced = upload(bundled, ("story.txt", STORY), replace=True)
    assert [a.title for a in replaced.articles] == ["Kremlin weighs new deal"]


@pytest.mark.parametrize("name, data, problem", [
    ("empty.txt", b"   \n", "the file is empty"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image, not text"),
    ("huge.txt", b"a" * (MAX_BYTES + 1), "the limit is 25 MB"),
    ("broken.csv", b'text,title\n"Moscow may act"x",T\n', "CSV does not parse"),
    ("notext.csv", b"headline,outlet\nA,B\n", "columns found: headline, outlet"),
    ("broken.jsonl", b'{"text": "Moscow may act."}\n{not json\n', "line 2 is not valid JSON"),
    ("slides.pptx", b"PK\x03\x04", "unsupported file type .pptx"),
])
def test_bad_file_is_named_with_its_problem_and_nothing_is_lost(bundled, name, data, problem):
    before = upload(bundled, ("story.txt", STORY)).articles
    result = upload(before, (name, data), replace=True)
    assert result.articles == before and result.added == 0
    errors = [m for m in result.messages if m.level == "error"]
    assert len(errors) == 1 and errors[0].source == name and problem in errors[0].text


def test_a_bad_file_does_not_stop_the_good_ones_beside_it(bundled):
    result = upload(bundled, ("empty.txt", b""), ("story.txt", STORY))
    assert result.added == 1 and [m.level for m in result.messages] == ["error", "success"]


def test_utf16_and_cp1252_are_decoded_and_the_assumption_is_said(bundled):
    text = "Café talks in Kraków may resume, officials said — and the rouble fell."
    for data, assumption in [(text.encode("utf-16"), "UTF-16"), (text.encode("cp1252"), "Windows-1252")]:
        result = upload(bundled, ("note.txt", data))
        assert result.articles[-1].text == text
        assert any(m.level == "warning" and assumption in m.text for m in result.messages)


def test_duplicates_are_detected_by_content_not_name(bundled):
    once = upload(bundled, ("story.txt", STORY))
    again = upload(once.articles, ("renamed.md", STORY))
    assert again.articles == once.articles and again.added == 0
    assert "already loaded" in again.messages[0].text and once.articles[-1].article_id in again.messages[0].text
    # a bundled article pasted back in is a duplicate too
    pasted = intake.add(bundled, [("pasted text", intake.read_pasted(bundled[2].text), False)], False)
    assert pasted.added == 0 and bundled[2].article_id in pasted.messages[0].text


def test_duplicate_rows_in_one_csv_are_counted(bundled):
    csv = b'text\n"Moscow may act, officials said."\n"Moscow may act, officials said."\n"Seoul clearly objects."\n'
    result = upload(bundled, ("rows.csv", csv))
    assert result.added == 2
    assert any("1 of 3 articles were already loaded" in m.text for m in result.messages)


def test_wire_copy_from_another_outlet_is_kept_and_noted_a_repeated_row_is_not(bundled):
    from test_cli import WIRE_CSV

    result = upload(bundled, ("wire.csv", WIRE_CSV.encode()))
    added = result.articles[len(bundled):]
    assert [(a.outlet, a.date) for a in added] == [("Daily Ledger", "2024-01-02"), ("Evening Post", "2024-03-04"),
                                                   ("Daily Ledger", "2024-02-02")]
    assert len({a.article_id for a in result.articles}) == len(result.articles)  # each its own id
    assert "wire copy" in added[1].notes[-1] and not added[0].notes
    assert any("wire copy" in m.text for m in result.messages)
    assert any("1 of 4 articles were already loaded (same text and outlet)" in m.text for m in result.messages)


def test_unlikely_english_gets_a_warning_english_does_not(bundled):
    french = upload(bundled, ("article.txt", FRENCH))
    assert french.added == 1
    assert any(m.level == "warning" and "does not look like English" in m.text for m in french.messages)
    assert "does not look like English" in french.articles[-1].notes[0]
    english = upload(bundled, ("story.txt", STORY))
    assert not [m for m in english.messages if m.level == "warning"]
    share, _ = intake.english_share(bundled[0].text)
    assert share > 2 * intake.MIN_ENGLISH_SHARE  # real English news sits far above the threshold


def test_saved_corpus_restores_exactly(bundled, lexicons):
    session = upload(bundled, ("story.txt", STORY), ("article.txt", FRENCH)).articles
    session = intake.edit_metadata(session, session[-2].article_id, {"outlet": "Daily Planet", "date": "2024-06-19"}).articles
    session = intake.remove(session, "a003").articles
    saved = corpus_to_jsonl(session).encode("utf-8")
    assert intake.is_saved_corpus("framing-lens-corpus.jsonl", saved)
    restored = upload(bundled, ("framing-lens-corpus.jsonl", saved)).articles
    assert [a.to_record() for a in restored] == [a.to_record() for a in session]
    assert sentence_table(restored, lexicons).equals(sentence_table(session, lexicons))


def test_metadata_edit_drives_grouping_and_is_noted(bundled, lexicons):
    result = intake.edit_metadata(bundled, "a001", {"outlet": "  The Guardian ", "title": "US scorns Putin", "author": ""})
    edited = next(a for a in result.articles if a.article_id == "a001")
    assert edited.outlet == "The Guardian" and edited.author == "unknown"
    assert "outlet set by the user (was 'unknown')" in edited.notes
    groups = set(sentence_table(result.articles, lexicons)["outlet_group"])
    assert "The Guardian" in groups and "unknown outlet (a001)" not in groups
    assert next(a for a in bundled if a.article_id == "a001").outlet == "unknown"  # the input is untouched


def test_remove_one_article_but_never_the_last(bundled):
    result = intake.remove(bundled, "a002")
    assert [a.article_id for a in result.articles] == ["a000", "a001", "a003", "a004"]
    last = intake.remove(bundled[:1], "a000")
    assert last.articles == bundled[:1] and last.messages[0].level == "error"


def test_pasted_text_is_read_like_a_file(bundled):
    result = intake.add(bundled, [("pasted text", intake.read_pasted(STORY.decode()), False)], False)
    assert result.articles[-1].title == "Kremlin weighs new deal" and result.articles[-1].source_file == "pasted text"
    with pytest.raises(InputError, match="the box is empty"):
        intake.read_pasted("  \n ")


# --- lexicons ----------------------------------------------------------------------------------------


def test_lexicon_edits_change_the_scores(bundled, lexicons):
    before = sentence_table(bundled, lexicons)
    more = lexicons.with_entry("boosters", {"term": "summit", "category": "user", "source": "test"})
    after = sentence_table(bundled, more)
    gained = after["booster_count"] - before["booster_count"]
    summit = before["text"].str.count(r"(?i)\bsummit\b")
    assert gained.sum() > 0 and (gained == summit).all()
    fewer = lexicons.without_rows("hedges", list(lexicons.hedges.index[lexicons.hedges["term"] == "may"]))
    lost = sentence_table(bundled, fewer)
    assert lost["hedge_count"].sum() < before["hedge_count"].sum()
    assert lexicons.hedges["term"].eq("may").any()  # the original lexicons are untouched


@pytest.mark.parametrize("name, entry, problem", [
    ("hedges", {"term": "", "category": "modal"}, "the term is empty"),
    ("hedges", {"term": "perchance", "category": ""}, "the category is empty"),
    ("hedges", {"term": "perchance", "category": "modal", "rule": "sometimes"}, "unknown context rule"),
    ("boosters", {"term": "*very", "category": "x"}, "must start with a letter"),
])
def test_bad_lexicon_entries_are_refused(lexicons, name, entry, problem):
    with pytest.raises(ValueError, match=problem):
        lexicons.with_entry(name, entry)


def test_lexicon_csv_round_trip_and_bad_csv(lexicons):
    from framing.language.lexicon import read_lexicon_csv

    for name in ("hedges", "boosters", "themes", "actors"):
        assert lexicons.with_table(name, read_lexicon_csv(lexicons.csv(name), name)).csv(name) == lexicons.csv(name)
    with pytest.raises(ValueError, match="missing column"):
        read_lexicon_csv("word,kind\nmaybe,x\n", "hedges")


def test_html_upload_keeps_the_story_and_drops_page_furniture(bundled):
    page = (b"<html><head><title>Summit ends</title><style>p{color:red}</style><script>track()</script></head><body>"
            b"<nav>Home | World | Sport</nav><header>Daily Planet</header><article><h1>Summit ends</h1>"
            b"<p>Leaders may meet again next year, officials said.</p><p>The talks were clearly tense.</p></article>"
            b"<aside>Most read</aside><footer>Contact us</footer></body></html>")
    article = upload(bundled, ("page.html", page)).articles[-1]
    assert article.title == "Summit ends"
    assert article.text == "Leaders may meet again next year, officials said.\n\nThe talks were clearly tense."


def test_an_upload_is_read_in_memory_and_its_name_is_only_a_label(bundled, monkeypatch):
    import builtins
    import io
    import os

    def no_files(*args, **kwargs):
        raise AssertionError(f"an upload touched the file system: {args}")

    for module, name in [(builtins, "open"), (io, "open"), (os, "open"), (os, "stat")]:
        monkeypatch.setattr(module, name, no_files)
    result = upload(bundled, ("../../etc/passwd.txt", STORY))
    assert result.added == 1 and result.articles[-1].source_file == "../../etc/passwd.txt"


def test_a_note_shared_by_many_rows_is_said_once(bundled):
    rows = "".join(f'"Café talks number {i} may resume in Köln, officials said."\n' for i in range(30))
    result = upload(bundled, ("cafe.csv", ("text\n" + rows).encode("cp1252")))
    warnings = [m for m in result.messages if m.level == "warning"]
    assert result.added == 30 and len(warnings) == 1
    assert warnings[0].text.startswith("30 of 30 articles: not valid UTF-8: assumed Windows-1252")
    french = "".join(f'"{FRENCH.decode()} {"Encore. " * i * 40}"\n' for i in range(4))  # shares differ
    result = upload(bundled, ("fr.csv", ("text\n" + french).encode()))
    warnings = [m.text for m in result.messages if m.level == "warning"]
    assert len(warnings) == 1 and warnings[0].startswith("4 of 4 articles") and "look like English" in warnings[0]


def test_stories_are_renamed_merged_and_moved_with_a_note(bundled):
    from framing.reading.intake import set_story

    renamed = set_story(bundled, ["a001", "a003"], "Vostochny summit")
    assert [a.story for a in renamed.articles] == ["", "Vostochny summit", "", "Vostochny summit", ""]
    assert "story set by the user (was 'grouped automatically')" in renamed.articles[1].notes
    merged = set_story(renamed.articles, ["a004"], "Vostochny summit")  # merging: give it the other story's name
    assert {a.article_id for a in merged.articles if a.story == "Vostochny summit"} == {"a001", "a003", "a004"}
    assert [a.story for a in bundled] == [""] * 5  # the input corpus is never changed
    assert set_story(bundled, ["a001"], "  ").messages[0].level == "error"


def test_without_an_outlet_column_the_links_site_is_the_outlet_and_said_to_be():
    data = (b"text,url,outlet\n"
            b'"Officials said the plan would pass. Critics disagreed.",https://www.foxnews.com/politics/x,\n'
            b'"The senator spoke on Tuesday. Aides said she would vote no.",http://edition.cnn.com/2019/x,\n'
            b'"Voters queued for hours. Turnout was high.",https://news.bbc.co.uk/a,The Daily Planet\n'
            b'"A fourth text with no link. It says little.",,\n')
    articles = intake.read_upload("links.csv", data)
    assert [a.outlet for a in articles[:3]] == ["foxnews.com", "cnn.com", "The Daily Planet"]  # a named outlet wins
    assert "outlet from the URL's domain (foxnews.com); the input names none" in articles[0].notes
    assert not any("URL" in n for n in articles[2].notes)
    assert articles[3].outlet == "unknown"  # no link, no outlet: never invented


def test_several_articles_outlet_or_date_are_set_at_once_and_each_change_is_noted(bundled):
    unknown = [a.article_id for a in bundled if a.outlet == "unknown"]
    assert len(unknown) >= 2
    change = intake.set_field(bundled, unknown, "outlet", "Korea Herald")
    assert {a.outlet for a in change.articles if a.article_id in unknown} == {"Korea Herald"}
    assert all("outlet set by the user (was 'unknown')" in a.notes for a in change.articles if a.article_id in unknown)
    assert [a for a in change.articles if a.article_id not in unknown] == [a for a in bundled if a.article_id not in unknown]
    assert f"outlet of {len(unknown)} articles" in change.messages[0].text
    dated = intake.set_field(change.articles, unknown[:1], "date", "2023-09-13").articles
    assert next(a for a in dated if a.article_id == unknown[0]).date_source == "set by the user"
    assert intake.set_field(bundled, [], "outlet", "X").messages[0].level == "error"
    with pytest.raises(ValueError):
        intake.set_field(bundled, unknown, "text", "anything")


DEV_CORPUS = ROOT.parent / "shared" / "corpora" / "allsides_dev.csv"


@pytest.mark.slow
@pytest.mark.skipif(not DEV_CORPUS.exists(), reason=f"the team's development corpus is not at {DEV_CORPUS}")
def test_a_real_corpus_of_1704_articles_in_one_csv_is_taken_in_one_upload():
    """The dev corpus (9 outlets, 10.7 MB, 74,808 sentences): within the default budget, not "split the file"."""
    from framing.reading.intake import add, read_upload

    result = add([], [(DEV_CORPUS.name, read_upload(DEV_CORPUS.name, DEV_CORPUS.read_bytes()), False)], replace_corpus=True)
    assert [m.level for m in result.messages if m.level == "error"] == [], result.messages
    assert result.added == len(result.articles) == 1704 and len({a.outlet for a in result.articles}) == 9
