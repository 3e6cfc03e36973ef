"""Tone toward a mention: the encoding the model reads, the shipped model, and the ``tone-toward`` command."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from framing.models import tone_toward
from framing.models.runtime import word_piece_tokenizer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tokenizer():
    return word_piece_tokenizer(tone_toward.MODEL_DIR / tone_toward.TOKENIZER_FILE)


def pieces(tokenizer, encoded):
    names = {i: w for w, i in tokenizer.get_vocab().items()}
    return [names[int(i)] for i in encoded.ids]


def test_the_mention_is_read_between_marks_and_pooled_over(tokenizer):
    text = "Critics said Senator Warren had misled voters."
    start = text.index("Warren")
    encoded = tone_toward.encode(tokenizer, text, start, start + len("Warren"), 128)
    words = pieces(tokenizer, encoded)
    assert words[0] == "[CLS]" and words[-1] == "[SEP]"
    at = words.index(tone_toward.OPEN_MARK)
    assert words[at:at + 3] == ["«", "warren", "»"]
    assert [w for w, t in zip(words, encoded.target) if t] == ["«", "warren", "»"]


def test_a_long_sentence_is_cut_around_its_mention(tokenizer):
    text = "The committee met again. " * 60 + "Only then did Smith agree."
    start = text.index("Smith")
    encoded = tone_toward.encode(tokenizer, text, start, start + 5, 64)
    words = pieces(tokenizer, encoded)
    assert len(words) == 64 and "smith" in words and words[words.index("smith") - 1] == "«"
    assert words[-2] == "."  # the window runs to the end of the text, the room before the mention is used


@pytest.mark.parametrize("start,end", [(5, 3), (-1, 4), (0, 999), (5, 6)])
def test_a_mention_outside_its_text_is_refused(tokenizer, start, end):
    with pytest.raises(tone_toward.MentionError):
        tone_toward.encode(tokenizer, "Biden spoke.", start, end, 128)  # (5, 6) is the space after "Biden"


@pytest.fixture(scope="module")
def model():
    return tone_toward.model_in()


def test_the_same_sentence_is_read_differently_toward_each_of_its_people(model):
    text = "Republicans accused Smith of lying under oath, while Jones was praised for her courage."
    smith, jones = text.index("Smith"), text.index("Jones")
    p = model.probabilities([(text, smith, smith + 5), (text, jones, jones + 5)])
    assert tone_toward.stance_of(p) == ["negative", "positive"]
    assert np.allclose(p.sum(axis=1), 1.0)


def test_a_mentions_reading_does_not_depend_on_the_others_read_with_it(model):
    text = "The mayor thanked the firefighters who saved the school."
    alone = model.probabilities([(text, 4, 9)])
    among = model.probabilities([("Rivals mocked Brown's plan.", 14, 19), (text, 4, 9)])
    assert np.array_equal(alone[0], among[1])


def test_the_model_is_let_go_when_idle_and_reads_the_same_when_loaded_again():
    # An idle server should not hold the model's memory; reloading it must not change a reading.
    model = tone_toward.ToneTowardModel(idle_seconds=0)
    text = "Critics said the senator misled voters about the bill."
    first = model.probabilities([(text, 16, 23)])
    assert not model.is_loaded
    with model.loaded():
        again = [model.probabilities([(text, 16, 23)]) for _ in range(2)]
        assert model.is_loaded  # one load for a loop of readings
    assert not model.is_loaded
    assert np.array_equal(first, again[0]) and np.array_equal(first, again[1])

    waiting = tone_toward.ToneTowardModel(idle_seconds=0.2)
    waiting.probabilities([(text, 16, 23)])
    assert waiting.is_loaded  # a burst of readings shares one load
    time.sleep(1.0)
    assert not waiting.is_loaded


def test_mentions_read_by_worker_processes_read_the_same_and_are_told_in_order(table):
    # A much-named actor's first pick reads thousands of mentions; two worker processes on one thread each read them
    # faster than one process on two. The stances must not depend on where they were read.
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from framing.scoring.portrayal import StanceCache, mentions_of, with_stances

    mentions = pd.concat([mentions_of(table, actor) for actor in ("Russia", "North Korea", "Vladimir Putin")])
    here = with_stances(mentions, cache=StanceCache())
    told = []
    with ProcessPoolExecutor(2, mp_context=get_context("spawn")) as pool:
        there = with_stances(mentions, cache=StanceCache(), pool=pool, progress=lambda done, total: told.append((done, total)))
    columns = ["p_negative", "p_neutral", "p_positive", "stance"]
    assert len(here) > 64 and here[columns].equals(there[columns])
    assert told[-1] == (len(mentions), len(mentions)) and [d for d, _ in told] == sorted(d for d, _ in told)


def run(*args: str, stdin: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "framing", *args], input=stdin, capture_output=True, text=True, cwd=ROOT,
                          timeout=120)


def test_tone_toward_writes_one_line_per_input_line_in_order():
    lines = [{"id": "a", "text": "Voters booed Clark off the stage.", "start": 13, "end": 18},
             {"text": "Clark opened a new library, to applause.", "start": 0, "end": 5}]
    stdin = json.dumps(lines[0]) + "\n\n" + json.dumps(lines[1]) + "\n"
    done = run("tone-toward", "--format", "jsonl", stdin=stdin)
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(out) == 3 and out[1] == {}  # the blank line keeps its place
    assert out[0]["id"] == "a" and out[0]["stance"] == "negative" and out[2]["stance"] == "positive"
    for row in (out[0], out[2]):
        assert set(row) >= {"stance", "p_negative", "p_neutral", "p_positive"}
        assert abs(row["p_negative"] + row["p_neutral"] + row["p_positive"] - 1) < 1e-3
        assert row[f"p_{row['stance']}"] == max(row["p_negative"], row["p_neutral"], row["p_positive"])


def test_tone_toward_marks_bad_lines_in_place_and_says_which(tmp_path):
    good = json.dumps({"text": "Ortiz won.", "start": 0, "end": 5})
    file = tmp_path / "mentions.jsonl"
    file.write_text("\n".join([good, "{not json", json.dumps({"text": "Ortiz won.", "start": 20, "end": 25}),
                               json.dumps({"text": "Ortiz won."}), good]) + "\n", encoding="utf-8")
    done = run("tone-toward", str(file), stdin="")
    assert done.returncode == 2
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(out) == 5 and out[0] == out[4] and "stance" in out[0]
    assert all("error" in row for row in out[1:4])
    assert "line 2" in done.stderr and "line 3" in done.stderr and "line 4" in done.stderr
    assert "Traceback" not in done.stderr
