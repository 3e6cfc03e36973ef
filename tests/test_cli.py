"""The command line, run as a user runs it: `python -m framing …` in a subprocess."""
import csv
import io
import json
import subprocess
import sys

import pytest
from conftest import ROOT


def run(*args, stdin=""):
    return subprocess.run([sys.executable, "-m", "framing", *args], input=stdin, capture_output=True, text=True, cwd=ROOT)


def test_analyze_bundled_corpus_jsonl():
    result = run("analyze")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 187
    required = {"article_id", "outlet", "title", "sentence_id", "paragraph_id", "position", "text", "quoted",
                "polarity", "subjectivity", "tone", "hedges", "boosters", "themes", "actors"}
    assert required <= set(rows[0])
    cue = next(h for r in rows for h in r["hedges"])
    assert set(cue) >= {"cue", "category", "start", "end"}


def test_analyze_files_to_csv(tmp_path):
    article = tmp_path / "note.md"
    article.write_text("# A note\n\nOfficials said the talks may resume. It is clearly a turning point.\n", "utf-8")
    out = tmp_path / "out.csv"
    result = run("analyze", str(article), "--format", "csv", "--out", str(out))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert [r["text"] for r in rows] == ["Officials said the talks may resume.", "It is clearly a turning point."]
    assert json.loads(rows[0]["hedges"])[0]["cue"] == "may"


def test_analyze_csv_and_jsonl_inputs(tmp_path):
    (tmp_path / "a.csv").write_text('title,outlet,text\nT1,Daily Planet,"Troops may arrive. Kim said so."\n', "utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"body": "Sanctions clearly failed.", "outlet": "Gazette"}) + "\n", "utf-8")
    result = run("analyze", str(tmp_path / "a.csv"), str(tmp_path / "b.jsonl"))
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["outlet"], r["title"]) for r in rows] == [("Daily Planet", "T1")] * 2 + [("Gazette", "unknown")]


WIRE = "The senate may vote on the deal soon, aides said. Critics clearly disagree."
WIRE_CSV = ("text,outlet,date\n"
            f'"{WIRE}",Daily Ledger,2024-01-02\n"{WIRE}",Evening Post,2024-03-04\n'
            '"Another story ran here. It was short.",Daily Ledger,2024-02-02\n'
            f'"{WIRE}",Daily Ledger,2024-01-02\n')


def test_wire_copy_counts_for_each_outlet_that_ran_it_and_a_repeated_row_once(tmp_path):
    # The same text from two outlets had one id (its hash): the second outlet vanished from every summary and its
    # sentences were counted as the first outlet's, in the first outlet's month.
    (tmp_path / "wire.csv").write_text(WIRE_CSV, "utf-8")
    result = run("summary", str(tmp_path / "wire.csv"), "--by", "outlet,month", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = [(r["outlet"], r["month"], r["n_articles"], r["n_sentences"]) for r in csv.DictReader(io.StringIO(result.stdout))]
    assert rows == [("Daily Ledger", "2024-01", "1", "2"), ("Daily Ledger", "2024-02", "1", "2"),
                    ("Evening Post", "2024-03", "1", "2")]
    assert result.stderr.startswith("1 article repeats the text and outlet of one before and is left out")
    assert "wire.csv row 4" in result.stderr and "Traceback" not in result.stderr


def test_summary_prints_one_row_per_article():
    result = run("summary")
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 6 and "hedges_per_1k_words" in lines[0]


def test_score_scores_each_line_as_one_unit():
    result = run("score", stdin="It may rain. It will clearly pour.\n\nA fine, happy day.\n")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3  # the blank line gets its (empty) row so outputs stay aligned
    assert [h["cue"] for h in rows[0]["hedges"]] == ["may"] and [b["cue"] for b in rows[0]["boosters"]] == ["clearly"]
    assert set(rows[0]) == {"text", "polarity", "subjectivity", "vader", "tone", "hedges", "approximators", "boosters",
                            "uncertainty", "uncertain", "uncertainty_reasons"}
    assert rows[2]["tone"] > 0


@pytest.mark.parametrize("name, content, message", [
    ("missing.txt", None, "no such file"),
    ("empty.txt", b"", "the file is empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    ("bad.csv", b"title,outlet\nA,B\n", "no text column"),
    ("bad.jsonl", b'{"text": "ok"}\n{not json\n', "line 2 is not valid JSON"),
    ("doc.pdf", b"%PDF-1.4", "could not be read as a PDF"),
])
def test_bad_input_gets_one_line_and_exit_2(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run("analyze", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert name in result.stderr and message in result.stderr


def test_summary_by_outlet_and_story_with_intervals_and_distinctive_words(tmp_path):
    rows = ["text,title,outlet,story"]
    for i in range(12):
        outlet, story = ("Gazette", "Courier", "Ledger")[i % 3], f"vote-{i // 6}"
        tone = "a wonderful, welcome success" if outlet == "Gazette" else "a terrible, cruel failure"
        rows.append(f'"Officials may meet {i}. The summit {i} was {tone}, aides said. Sanctions {i} clearly bite.",T{i},{outlet},{story}')
    path = tmp_path / "events.csv"
    path.write_text("\n".join(rows) + "\n", "utf-8")
    result = run("summary", str(path), "--by", "outlet,story", "--format", "csv")
    assert result.returncode == 0, result.stderr
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"outlet", "story", "n_articles", "n_sentences", "mean_tone", "mean_tone_ci_low", "mean_tone_ci_high",
            "hedges_per_1k_words", "boosters_per_1k_words_ci_high", "small_sample"} <= set(table[0])
    assert len(table) == 6 and {r["n_articles"] for r in table} == {"2"}
    by_outlet = [json.loads(line) for line in run("summary", str(path), "--by", "outlet", "--format", "jsonl").stdout.splitlines()]
    gazette = next(r for r in by_outlet if r["outlet"] == "Gazette")
    assert gazette["n_articles"] == 4 and gazette["mean_tone_ci_low"] <= gazette["mean_tone"] <= gazette["mean_tone_ci_high"]
    words = list(csv.DictReader(io.StringIO(run("distinctive", str(path), "--by", "outlet", "--top", "3").stdout)))
    assert list(words[0]) == ["group", "term", "count", "log_odds", "z"]
    assert {"wonderful", "welcome", "success"} & {w["term"] for w in words if w["group"] == "Gazette"}
    story_words = [json.loads(x) for x in run("distinctive", str(path), "--by", "story", "--format", "jsonl").stdout.splitlines()]
    assert {w["group"] for w in story_words} <= {"vote-0", "vote-1"}


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_jobs_give_the_same_output_as_one_process(tmp_path, monkeypatch, capsys, fmt):
    from framing import cli

    monkeypatch.setattr(cli, "CHUNK_ARTICLES", 6)  # several chunks from a small file, so the pool has work to share
    rows = ["text,outlet"] + [f'"Officials may meet {i}. Talks clearly failed {i}, aides said.",O{i % 3}' for i in range(40)]
    path = tmp_path / "many.csv"
    path.write_text("\n".join(rows) + "\n", "utf-8")
    outputs = []
    for jobs in ("1", "2", "3"):
        assert cli.main(["analyze", str(path), "--jobs", jobs, "--format", fmt]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] == outputs[2]
    if fmt == "csv":  # one header, though each chunk was written by whichever worker had it
        table = list(csv.DictReader(io.StringIO(outputs[0])))
        assert len(table) == 80 and all(r["sentence_id"] != "sentence_id" for r in table)
    else:
        assert outputs[0].count("\n") == 80


def test_score_reads_prose_that_is_not_news_only_when_asked():
    """News is scored by the news model; --genre encyclopedic is the Wikipedia-trained path, weasel words and all."""
    line = "It is often said that the castle was built on the ruins of a Roman fort.\n"
    news = json.loads(run("score", stdin=line).stdout)
    encyclopedic = json.loads(run("score", "--genre", "encyclopedic", stdin=line).stdout)
    assert not news["uncertain"] and encyclopedic["uncertain"]
    assert "the sentence read whole at" in encyclopedic["uncertainty_reasons"][0]


def test_stories_are_grouped_over_the_whole_input_not_within_a_chunk(monkeypatch, capsys):
    """The bundled a001, a003 and a004 cover one summit: read two articles at a time, they still make one story."""
    from framing import cli
    from framing.reading import stories
    from framing.reading.corpus import BUNDLED_CORPUS, load_bundled

    monkeypatch.setattr(cli, "CHUNK_ARTICLES", 2)
    assert cli.main(["analyze", str(BUNDLED_CORPUS)]) == 0
    story_of = {}
    for line in capsys.readouterr().out.splitlines():
        row = json.loads(line)
        story_of[row["article_id"]] = row["story"]
    expected = stories.group(load_bundled())
    assert story_of == expected
    assert story_of["a001"] == story_of["a003"] == story_of["a004"]  # a001 and a003 are in different chunks
