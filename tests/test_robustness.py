"""Files a careless scraper could produce, none of which may take the server down, and formula-safe exports.

One test per file the issue names (400,000 one-line articles; 9.5 MB with no punctuation; JSON nested
100,000 deep; 200,000 columns; unterminated quotes, NUL bytes, UTF-16, RTL and zero-width characters),
then every CSV download with formula-leading cells, and the command line's memory on a growing file.
"""
import csv
import io
import subprocess
import sys

import pytest
from conftest import ROOT

from framing.reading import intake
from framing.reading.budget import Budget
from framing.reading.corpus import InputError, articles_from_jsonl, corpus_to_jsonl, count_sentences
from framing.reading.segment import MAX_SENTENCE_CHARACTERS, sentence_spans


def one_line_articles(n):
    return ("title,outlet,text\n" + "".join(f"t{i},O{i % 7},Talks may resume {i}.\n" for i in range(n))).encode()


def test_400000_one_line_articles_are_refused_before_they_are_read(bundled):
    data = ("text\n" + "".join(f"Vote {i} held.\n" for i in range(400_000))).encode()
    assert 5_000_000 < len(data) < 10 * 2**20  # under the upload cap, like the file in the issue
    with pytest.raises(InputError) as error:
        intake.read_upload("scrape.csv", data)
    assert "holds more than 2,000 articles, the limit for one upload" in str(error.value)
    assert "split the file" in str(error.value) and "command line" in str(error.value)
    result = intake.add(bundled, [("scrape.csv", error.value, False)], replace_corpus=True)
    assert result.articles == bundled and result.messages[0].level == "error"


def test_unpunctuated_text_is_cut_into_bounded_pieces_and_the_message_says_so(bundled):
    data = (" ".join(["word"] * 1_900_000)).encode()  # 9.5 MB, not one sentence mark
    (article,) = intake.read_upload("dump.txt", data)
    assert any("cut into pieces of at most 2,000 characters" in note for note in article.notes)
    spans = sentence_spans(article.blocks[0].text)
    assert all(e - s <= MAX_SENTENCE_CHARACTERS for s, e in spans)
    assert count_sentences(article) == len(spans) >= 9_500_000 // MAX_SENTENCE_CHARACTERS
    result = intake.add(bundled, [("dump.txt", [article], False)], replace_corpus=False)
    assert any("cut into pieces" in m.text for m in result.messages if m.level == "warning")


def test_json_nested_100000_deep_is_one_line_not_a_traceback(tmp_path, bundled):
    deep = b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"
    path = tmp_path / "deep.jsonl"
    path.write_bytes(deep)
    result = subprocess.run([sys.executable, "-m", "framing", "summary", str(path)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [f"error: {path}: line 1 is nested too deeply to read"]
    with pytest.raises(InputError, match="nested too deeply"):
        intake.read_upload("deep.jsonl", deep)


def test_200000_columns_are_named_briefly():
    header = ",".join(f"c{i}" for i in range(200_000))
    with pytest.raises(InputError) as error:
        intake.read_upload("wide.csv", (header + "\n" + ",".join("x" * 200_000) + "\n").encode())
    message = str(error.value)
    assert "no text column" in message and "c19 and 199,980 more" in message and len(message) < 400
    (article,) = intake.read_upload("wide.csv", ("text," + header + "\nMoscow may act." + ",x" * 200_000 + "\n").encode())
    assert article.text == "Moscow may act."


@pytest.mark.parametrize("name, data, expected", [
    ("open.csv", b'text,title\n"Moscow may act, officials said,T\n', "CSV does not parse"),
    ("nul.txt", b"Moscow\x00 may\x00 act\x00", "binary file"),
])
def test_broken_encodings_get_a_clear_message(name, data, expected):
    with pytest.raises(InputError, match=expected):
        intake.read_upload(name, data)


def test_utf16_rtl_and_zero_width_text_is_read_correctly():
    text = "Talks\n\nالمحادثات قد تستأنف\u200b غداً، said an official.\u200d The deal may hold."
    (article,) = intake.read_upload("rtl.txt", b"\xff\xfe" + text.encode("utf-16-le"))
    assert "\u200b" not in article.text and "\u200d" not in article.text
    assert "المحادثات قد تستأنف غداً" in article.text and "decoded as UTF-16" in article.notes[0]


FORMULAS = {"title": "=cmd|' /C calc'!A0", "outlet": "@SUM(1)", "text": "=HYPERLINK(\"http://x\") may say -1+2 is true."}


def assert_formula_safe(csv_text):
    for row in csv.reader(io.StringIO(csv_text)):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_every_csv_download_is_formula_safe_and_the_saved_corpus_is_exact(lexicons, tmp_path):
    from components.export import rows_csv
    from components.panel import PASSAGE_COLUMNS
    from framing.scoring.analysis import analyse
    from framing.statistics.aggregate import outlet_summary

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, list(FORMULAS))
    writer.writeheader()
    writer.writerow(FORMULAS)
    data = buffer.getvalue().encode()
    articles = intake.read_upload("evil.csv", data)
    analysis = analyse(articles, lexicons)
    table = analysis.table
    assert table["outlet_group"].iloc[0] == "@SUM(1)" and table["text"].iloc[0].startswith("=HYPERLINK")  # kept as data
    for download in (rows_csv(table), rows_csv(table[PASSAGE_COLUMNS])):  # the sentence table, passages
        text = download.decode("utf-8")
        assert "'=HYPERLINK" in text and "'@SUM(1)" in text and "'=cmd" in text
        assert_formula_safe(text)
    chart_data = rows_csv(outlet_summary(table)).decode("utf-8")  # a chart's data
    assert "'@SUM(1)" in chart_data
    assert_formula_safe(chart_data)
    evil_lexicon = lexicons.with_entry("hedges", {"term": "maybe", "category": "=1+1", "source": "-x"})
    assert_formula_safe(evil_lexicon.csv("hedges"))
    path = tmp_path / "evil.csv"
    path.write_bytes(data)
    cli = subprocess.run([sys.executable, "-m", "framing", "analyze", str(path), "--format", "csv"], capture_output=True,
                         text=True, cwd=ROOT)
    assert cli.returncode == 0 and "'=HYPERLINK" in cli.stdout
    assert_formula_safe(cli.stdout)
    restored = articles_from_jsonl(corpus_to_jsonl(articles), "saved")
    assert [(a.title, a.outlet, a.text) for a in restored] == [(FORMULAS["title"], FORMULAS["outlet"], FORMULAS["text"])]


PEAK = """import resource, sys
from framing.cli import main
code = main(["summary", sys.argv[1], "--format", "csv"])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, file=sys.stderr)
sys.exit(code)
"""


def peak_mb(path):
    result = subprocess.run([sys.executable, "-c", PEAK, str(path)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return int(result.stderr.strip().splitlines()[-1]), result.stdout


@pytest.mark.slow
def test_the_command_line_streams_a_growing_file_in_bounded_memory(tmp_path):
    small, large = tmp_path / "small.csv", tmp_path / "large.csv"
    small.write_bytes(one_line_articles(2_000))
    large.write_bytes(one_line_articles(20_000))
    small_peak, _ = peak_mb(small)
    large_peak, out = peak_mb(large)
    assert out.count("\n") == 20_001  # every article summarised
    assert large_peak < 1024
    assert large_peak - small_peak < 80, (small_peak, large_peak)  # ten times the rows, nearly the same memory


def test_an_upload_over_budget_names_the_limit_and_changes_nothing(bundled):
    small = Budget(max_articles=1_000, max_sentences=40)
    articles = intake.read_upload("many.csv", one_line_articles(60), small)
    result = intake.add(bundled, [("many.csv", articles, False)], replace_corpus=False, budget=small)
    assert result.articles == bundled and result.added == 0
    (error,) = [m for m in result.messages if m.level == "error"]
    assert error.source == "many.csv" and "would make 60 sentences in one upload; the limit is 40" in error.text


def test_budgets_are_configurable_by_environment(monkeypatch):
    monkeypatch.setenv("FRAMING_MAX_ARTICLES", "5000")
    assert Budget.from_environment().max_articles == 5000
    assert Budget.from_mapping({"max_sentences": "1_000"}).max_sentences == 1000
