"""The per-article engine: the shared word scan finds what each list's own search finds, the fast uncertainty score is
the model's, and analysis is done once per distinct text — in one process or many, with the same result."""
import re

import pandas as pd
import pytest
from test_uncertainty import CERTAIN, UNCERTAIN

from framing.language.lexicon import Matcher
from framing.models import uncertainty
from framing.reading import intake
from framing.reading.corpus import article_from_text
from framing.scoring import parts
from framing.scoring.table import sentence_table

TRICKY = [
    "The U.S. and the UN said the US-led talks may resume; us Americans doubt it.",
    "Sanctioned firms face sanctions, the Kremlin's spokesman Dmitry Peskov said.",
    "Kim Jong-un met Kim Yong-Hyun in the Sea of Japan region, reportedly.",
    "It is possible to say, as soon as possible, that a possible deal could collapse.",
    "İstanbul talks: about 1,500 troops, more than 60 percent, some 40 villages.",
    "Not clear, not sure, clearly sure: the Senate confirmed Barr as attorney general.",
]


def reference_find(matcher: Matcher, text: str):
    """What a matcher finds, by definition: at each word start, left to right, the first term in longest-first order
    whose pattern matches there; its rule may reject it (then nothing starts there); matches never overlap."""
    found, pos = [], 0
    for start in (m.start() for m in re.finditer(r"(?<!\w)\w", text)):
        if start < pos:
            continue
        for i, pattern in enumerate(matcher.patterns):
            m = pattern.match(text, start)
            if m is None:
                continue
            rule = matcher.rule_names[i]
            if rule and not matcher.rules[rule](text, m.start(), m.end()):
                break
            if matcher.labels[i]:
                found.append((matcher.terms[i], matcher.labels[i], m.start(), m.end(), m.group()))
            pos = m.end()
            break
    return found


def sentences(bundled):
    return [t for a in bundled for t in parts.text_part(a)["text"]] + TRICKY + UNCERTAIN + CERTAIN


def test_one_scan_finds_what_every_list_finds_on_its_own(bundled, lexicons):
    for text in sentences(bundled):
        scanned = lexicons.scan(text)
        for name, matcher in lexicons.matchers.items():
            expected = reference_find(matcher, text)
            assert [(m.term, m.label, m.start, m.end, m.text) for m in scanned[name]] == expected, (name, text)
            assert [(m.term, m.label, m.start, m.end, m.text) for m in matcher.find(text)] == expected


def test_news_uncertainty_is_the_news_regression_over_the_cues_alone(bundled, lexicons):
    """A news corpus is scored by the news model alone: no gate, no reader, the words around the cues count for nothing."""
    from framing.scoring.measures import Sentence

    model = uncertainty.shipped_model()
    assert model.genre == "news" and model.reader is None
    for text in sentences(bundled):
        s = Sentence(text, lexicons)
        probability, reasons = model.assess(text, s.hedges, s.approximators)
        expected, weighted = model.parts["news"].weighted(uncertainty.features(text, s.hedges, s.approximators))
        assert probability == pytest.approx(expected, abs=1e-12), text
        assert reasons == [uncertainty.describe_feature(f) for w, f in weighted[:3] if w > 0.05], text


def test_the_encyclopedic_path_mixes_its_word_regression_with_the_reader(bundled, lexicons):
    from framing.scoring.measures import Sentence

    model = uncertainty.shipped_model(genre="encyclopedic")
    assert model.reader is not None and 0 < model.reader_weight < 1
    for text in sentences(bundled)[:30]:
        s = Sentence(text, lexicons)
        words = model.parts["encyclopedic"].weighted(uncertainty.encyclopedic_features(text, s.hedges, s.approximators))[0]
        read = float(model.read([text])[0])
        probability, _ = model.assess(text, s.hedges, s.approximators)
        assert probability == pytest.approx((1 - model.reader_weight) * words + model.reader_weight * read, abs=1e-12), text


def test_the_reader_scores_a_sentence_alone_the_same_in_any_company(bundled, lexicons):
    """Sentences read together or one command-line line alone must get the same score."""
    model = uncertainty.shipped_model(genre="encyclopedic")
    texts = sentences(bundled)[:40]
    together = model.read(texts)
    assert list(together) == [float(model.read([t])[0]) for t in texts]
    assert list(model.read(list(reversed(texts)))) == list(reversed(together))


def many_articles(n: int):
    return [article_from_text(f"Talks {i}\n\nOfficials may meet again on day {i}, aides said. Sanctions clearly bite. "
                              f"“It could collapse,” said Senator Ann Lee of Ohio.", "test", article_id=f"t{i:03d}",
                              outlet=f"Outlet {i % 3}") for i in range(n)]


def test_a_pool_of_processes_gives_the_same_table_as_one_process(lexicons):
    articles = many_articles(3 * parts.TASK_ARTICLES + 4)
    alone = sentence_table(articles, lexicons)
    with parts.process_pool(2) as pool:
        pooled = sentence_table(articles, lexicons, pool=pool)
    assert len(alone) == 3 * len(articles) and pooled.equals(alone)


def test_text_parts_begun_before_the_lexicons_are_settled_give_the_same_table(lexicons):
    """An upload's text parts start in the pool while its actor list is found; the cue parts follow in the same pool
    with the list found: the table is the one made in one go with that list."""
    articles = many_articles(3 * parts.TASK_ARTICLES + 4)
    settled = lexicons.with_table("actors", pd.DataFrame({"actor": ["Ann Lee"], "alias": ["Senator Ann Lee"],
                                                         "source": ["found in the text (person)"]}))
    cache = parts.PartCache()
    with parts.process_pool(2) as pool:
        submitted = parts.submit_text_parts(pool, articles)
        seen = []
        parts.store_text_parts(submitted, cache, lambda done, total: seen.append((done, total)))
        early = sentence_table(articles, settled, cache=cache, pool=pool)
    assert seen[-1] == (len(articles), len(articles)) and len(seen) == 4  # one step a task
    assert early.equals(sentence_table(articles, settled))
    assert (early["actors"].map(len) > 0).any()  # the settled list is the one matched


@pytest.fixture
def calls(monkeypatch):
    counted = {"text": 0, "cues": 0}
    text_part, cue_part = parts.text_part, parts.cue_part

    def counting_text(article):
        counted["text"] += 1
        return text_part(article)

    def counting_cues(texts, lexicons):
        counted["cues"] += 1
        return cue_part(texts, lexicons)

    monkeypatch.setattr(parts, "text_part", counting_text)
    monkeypatch.setattr(parts, "cue_part", counting_cues)
    return counted


def test_each_text_is_analysed_once_and_a_lexicon_edit_redoes_only_the_cues(bundled, lexicons, calls):
    cache = parts.PartCache()
    first = sentence_table(bundled, lexicons, cache=cache)
    assert calls == {"text": 5, "cues": 5}
    assert sentence_table(bundled, lexicons, cache=cache).equals(first) and calls == {"text": 5, "cues": 5}
    renamed = intake.edit_metadata(bundled, "a001", {"outlet": "Daily Planet"}).articles  # metadata: nothing to analyse
    table = sentence_table(renamed, lexicons, cache=cache)
    assert calls == {"text": 5, "cues": 5} and set(table.loc[table["article_id"] == "a001", "outlet"]) == {"Daily Planet"}
    more = lexicons.with_entry("boosters", {"term": "summit", "category": "user", "source": "test"})
    edited = sentence_table(bundled, more, cache=cache)
    assert calls == {"text": 5, "cues": 10}  # tone, segmentation and voice were not redone
    assert edited.equals(sentence_table(bundled, more)) and edited["booster_count"].sum() > first["booster_count"].sum()


def test_the_part_cache_drops_the_least_recently_used_beyond_its_size():
    cache = parts.PartCache(max_sentences=10)
    cache.put(("text", 0), {"text": ["s"] * 4})
    cache.put(("text", 1), {"text": ["s"] * 4})
    cache.get(("text", 0))  # used again: kept
    cache.put(("text", 2), {"text": ["s"] * 4})  # 12 sentences > 10: the least recently used goes
    assert cache.get(("text", 1)) is None and cache.get(("text", 0)) is not None and cache.get(("text", 2)) is not None
    assert len(cache) == 2
