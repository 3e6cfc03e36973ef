"""Portrayal: an actor's mentions, their stances (scored once), and each outlet against the rest."""
from __future__ import annotations

import contextlib

import numpy as np
import pandas as pd

from framing.scoring.portrayal import StanceCache, mentions_of, unscored, with_stances
from framing.statistics import filters
from framing.statistics.portrayal import portrayal_versus_rest, stance_shares_by


class CountingModel:
    """Negative toward a mention whose sentence says "attacked", positive if it says "praised", else neutral."""

    card = {"model_sha256": "test"}

    def __init__(self):
        self.read = 0

    def loaded(self):
        return contextlib.nullcontext()

    def probabilities(self, mentions):
        self.read += len(mentions)
        out = []
        for text, _, _ in mentions:
            out.append([0.8, 0.1, 0.1] if "attacked" in text else [0.1, 0.1, 0.8] if "praised" in text else [0.1, 0.8, 0.1])
        return np.array(out)


def sentence(article, outlet, text, actors):
    matches = tuple((name, actor, text.index(name), text.index(name) + len(name)) for name, actor in actors)
    return {"article_id": article, "outlet_group": outlet, "text": text, "actors": tuple(a for _, a in actors),
            "actor_matches": matches, "sentence_id": f"{article}-{len(text)}"}


def test_each_sentence_naming_the_actor_is_one_mention_at_its_first_naming():
    table = pd.DataFrame([sentence("a1", "X", "Putin met Kim; Putin smiled.", [("Putin", "Russia"), ("Kim", "North Korea"),
                                                                                  ("Putin", "Russia")]),
                          sentence("a1", "X", "Kim left.", [("Kim", "North Korea")])])
    found = mentions_of(table, "Russia")
    assert len(found) == 1 and found.iloc[0]["mention"] == "Putin" and found.iloc[0]["mention_start"] == 0
    assert found.iloc[0]["mention_of"] == "Russia"
    assert len(mentions_of(table, "Japan")) == 0


def test_stances_are_read_once_whoever_asks_again():
    table = pd.DataFrame([sentence("a1", "X", "Critics attacked Warren.", [("Warren", "Warren")]),
                          sentence("a2", "Y", "Voters praised Warren.", [("Warren", "Warren")])])
    model, cache = CountingModel(), StanceCache()
    mentions = mentions_of(table, "Warren")
    assert unscored(mentions, model, cache) == 2
    first = with_stances(mentions, model, cache)
    assert list(first["stance"]) == ["negative", "positive"] and model.read == 2
    again = with_stances(mentions_of(table.iloc[::-1], "Warren"), model, cache)
    assert model.read == 2 and list(again["stance"]) == ["positive", "negative"]
    assert unscored(mentions, model, cache) == 0


def scored_corpus(negative_in_x: int, neutral_in_x: int) -> pd.DataFrame:
    rows = []
    for n in range(6):  # six articles per outlet, each with several mentions
        for k in range(5):
            attacked = (n * 5 + k) < negative_in_x
            rows.append(sentence(f"x{n}", "X", f"Critics {'attacked' if attacked else 'met'} Warren {k}.", [("Warren", "Warren")]))
            rows.append(sentence(f"y{n}", "Y", f"Voters {'praised' if k < 2 else 'met'} Warren {k}.", [("Warren", "Warren")]))
    table = pd.DataFrame(rows)
    return with_stances(mentions_of(table, "Warren"), CountingModel(), StanceCache())


def test_an_outlet_that_speaks_of_the_actor_more_negatively_stands_out_with_an_interval():
    scored = scored_corpus(negative_in_x=20, neutral_in_x=10)
    found = portrayal_versus_rest(scored).set_index(["outlet_group", "stance"])
    x_negative = found.loc[("X", "negative")]
    assert round(x_negative["value"]) == 67 and x_negative["rest_value"] == 0  # 20 of 30 against none of Y's 30
    assert x_negative["ci_low"] > 0 and x_negative["verdict"] == "clear difference"
    assert found.loc[("Y", "positive"), "difference"] > 0 and found.loc[("X", "negative"), "n_sentences"] == 30


def test_shares_per_actor_and_outlet_add_up_and_say_their_n():
    shares = stance_shares_by(scored_corpus(negative_in_x=6, neutral_in_x=24), ["mention_of", "outlet_group"])
    for _, group in shares.groupby("outlet_group"):
        assert abs(group["share"].sum() - 100) < 1e-9 and set(group["group_mentions"]) == {30}
    assert shares.set_index(["outlet_group", "stance"]).loc[("X", "negative"), "mentions"] == 6


def test_a_click_on_one_actors_stance_brings_only_that_actors_mentions():
    table = pd.DataFrame([sentence("a1", "X", "Critics attacked Warren and praised Sanders.",
                                   [("Warren", "Warren"), ("Sanders", "Sanders")])])
    model, cache = CountingModel(), StanceCache()
    scored = pd.concat([with_stances(mentions_of(table, a), model, cache) for a in ("Warren", "Sanders")])
    picked = filters.apply(scored, {"actor": "Sanders", "stance": "negative"})
    assert len(picked) == 1 and picked.iloc[0]["mention"] == "Sanders"
    assert len(filters.apply(table, {"actor": "Sanders"})) == 1  # a plain sentence table still filters by its actor list
    assert filters.apply(table, {"stance": "negative"}).empty  # nothing scored there
