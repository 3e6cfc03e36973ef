"""The scored sentence table on the bundled corpus: voice, themes, actors, tone, positions."""
import pytest

from framing.language.lexicon import Matcher
from framing.scoring.table import score_text


def row(table, sentence_id):
    return table.set_index("sentence_id").loc[sentence_id]


def test_every_sentence_has_id_paragraph_and_position(table):
    assert table["sentence_id"].is_unique
    for _, article in table.groupby("article_id"):
        assert article["position"].iloc[0] == 0.0 and article["position"].iloc[-1] == 1.0
        assert article["position"].is_monotonic_increasing


def test_headings_are_not_sentences(table):
    assert "Partner in North Korea" not in set(table["text"])
    assert row(table, "a000-s008")["heading"] == "Partner in North Korea"


@pytest.mark.parametrize("sentence_id, quoted, speaker", [
    ("a002-s018", True, "Jenny Town"),  # “I don’t expect …,” Ms. Town said.  (full name from earlier in the article)
    ("a002-s019", True, "Jenny Town"),  # second sentence of the same quote, attribution in the first
    ("a002-s009", True, "Leonid Petrov"),  # “…,” said Leonid Petrov, a Russian-born academic …
    ("a001-s017", True, "Jake Sullivan"),  # middle of a three-sentence quote
    ("a002-s005", False, "Kremlin"),  # The Kremlin said this week that … (reported, not quoted)
    ("a001-s005", False, ""),  # Pyongyang is also adept at drone and missile technology.
    ("a004-s016", False, "Vladimir Putin"),  # "Putin said …": short quoted fragments; his full name from a002 (aliases merge across the corpus)
])
def test_voice(table, sentence_id, quoted, speaker):
    r = row(table, sentence_id)
    assert (bool(r["quoted"]), r["speaker"]) == (quoted, speaker)


def test_themes_and_actors(table):
    r = row(table, "a000-s010")  # some 1,500 elite special forces … soldiers to Russia …
    assert "Troops and the war in Ukraine" in r["themes"]
    assert list(r["actors"]) == ["North Korea", "Russia", "Vladimir Putin"]  # a person is an actor of its own, not Russia


def test_longest_alias_wins_and_blockers_block(table):
    r = row(table, "a000-s022")  # Defense Minister Kim Yong-Hyun traveled to Washington, DC …
    assert "Kim Yong-hyun" in r["actors"] and "Kim Jong Un" not in r["actors"]  # not the shorter alias "Kim"
    r = row(table, "a002-s028")  # … a warm-water North Korean port on the Sea of Japan.
    assert "Japan" not in r["actors"]


def test_acronyms_match_case_sensitively():
    matcher = Matcher([("US", "United States", ""), ("UN", "UN", "")])
    assert [m.text for m in matcher.find("Tell us about the US and the UN, not a pun on un-.")] == ["US", "UN"]


def test_wildcard_terms():
    matcher = Matcher([("sanction*", "Sanctions", "")])
    assert [m.text for m in matcher.find("Sanctioned states oppose sanctions.")] == ["Sanctioned", "sanctions"]


def test_tone_fields(lexicons):
    good = score_text("This is a wonderful, excellent and very happy success.", lexicons)
    bad = score_text("This is a terrible, cruel and disastrous failure.", lexicons)
    assert good["tone"] > 0.3 and bad["tone"] < -0.3
    for scores in (good, bad):
        assert -1 <= scores["polarity"] <= 1 and 0 <= scores["subjectivity"] <= 1 and -1 <= scores["tone"] <= 1


def test_unknown_outlets_are_not_pooled(table):
    groups = table.groupby("article_id")["outlet_group"].first()
    assert groups["a001"] == "unknown outlet (a001)" and groups["a003"] == "unknown outlet (a003)"
    assert groups["a002"] == "Washington Times"
