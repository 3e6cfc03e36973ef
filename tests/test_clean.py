"""Cleaning the five raw pages: metadata only where the text states it, no junk left, no text lost.

Expected values below were checked by hand against data/raw/*.txt.
"""
import json

import pytest

from framing.reading.corpus import BUNDLED_CORPUS, clean_bundled_raw
from framing.reading.segment import split_sentences

EXPECTED = {
    "a000": dict(title="Putin and Kim Look for Opportunities Amid US Elections Turmoil", outlet="PRIO Blogs",
                 author="unknown", date="unknown", paragraphs=17, sentences=36,
                 headings=["Trump preference in Russia", "Partner in North Korea", "Russian compensation to North Korea",
                           "Avoiding escalation", "Role of Beijing", "Dissimilar anxieties"],
                 first="The US presidential election, which has been dominating the global news, will come to its natural culmination on November 5, even if the outcome remains uncertain for many more days.",
                 last="Ukraine’s defiance has, nevertheless, become a force that encourages the Global West to stand together despite the disarray their democratic processes may produce."),
    "a001": dict(title="US scorns Putin's possible turn toward North Korea", outlet="unknown", author="unknown",
                 date="2024-06-08", paragraphs=11, sentences=30, headings=[],
                 first="Vladimir Putin and Kim Jong Un may each have something the other wants – a dangerous combination as far as the US is concerned.",
                 last="Russia is of course also a Pacific power and could further destabilize an already tense geopolitical theater there that represents America’s most vexing national security challenge."),
    "a002": dict(title="Kim, Putin have much to discuss at summit as tired old relationship gets new legs",
                 outlet="Washington Times", author="unknown", date="unknown", paragraphs=34, sentences=45,
                 headings=["Rekindling an old relationship", "More than transactional"],
                 first="Call them “foul weather friends.”",
                 last="“There is reason to believe that Russia sees value in North Korea as a military partner … which does incentivize them to do more with North Korea beyond arms deals supplementing their war fighting in Ukraine.”"),
    "a003": dict(title="unknown", outlet="unknown", author="unknown", date="unknown", paragraphs=16, sentences=37,
                 headings=["Red Flags raised on North Korean arms supply to Russia", "What’s North Korea’s agenda in this context?"],
                 first="Vladimir Putin and Kim Jong Un share several similarities, although it’s not quite a bromance.",
                 last="While this may not represent a permanent solution for the future, it does serve as an alternative for the current time frame, and it might remain relevant for the foreseeable future.”"),
    "a004": dict(title="What Putin And Kim Want From Each Other", outlet="unknown", author="Eric Vandenbroeck and co-workers",
                 date="unknown", paragraphs=11, sentences=39, headings=[],
                 first="After more than three years of intense, self-imposed isolationism amid the COVID-19 pandemic, North Korean leader Kim Jong Un ventured outside his country’s borders this week.",
                 last="Similarly, Russia may seek to acquire more advanced North Korean missiles for possible use in Ukraine, but Kim may prefer to keep these for his own national defense and deterrence needs."),
}

JUNK = ["UNCATEGORIZED", "Source link", "Related Articles", "Back to top", "Put Your AD", "originally published",
        "Threat Status", "Click here", "You can also read", "YubNub", "Contact Us", "admin@", "Our mission",
        "For updates click", "shopify", "Getty Images", "Read Original Article", "Patricia Drive"]


@pytest.fixture(scope="module")
def cleaned():
    return {a.article_id: a for a in clean_bundled_raw()}


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_metadata_is_what_the_text_states(cleaned, article_id):
    article, expected = cleaned[article_id], EXPECTED[article_id]
    for key in ("title", "outlet", "author", "date"):
        assert getattr(article, key) == expected[key], key


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_no_text_lost(cleaned, article_id):
    article, expected = cleaned[article_id], EXPECTED[article_id]
    paragraphs = [b.text for b in article.blocks if b.kind == "paragraph"]
    sentences = [s for p in paragraphs for s in split_sentences(p)]
    assert len(paragraphs) == expected["paragraphs"]
    assert len(sentences) == expected["sentences"]
    assert sentences[0] == expected["first"]
    assert sentences[-1] == expected["last"]
    assert [b.text for b in article.blocks if b.kind == "heading"] == expected["headings"]


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_no_junk_left(cleaned, article_id):
    text = cleaned[article_id].text
    for junk in JUNK:
        assert junk.lower() not in text.lower(), junk


def test_every_raw_line_is_kept_or_removed_with_a_reason(cleaned):
    """Nothing disappears silently: each non-empty raw line is in the article or in `removed`."""
    from framing.reading.clean import normalise
    from framing.reading.corpus import RAW_DIR

    for article in cleaned.values():
        raw = normalise((RAW_DIR / article.source_file.split("/")[-1]).read_text("utf-8"))
        accounted = article.text + "\n" + "\n".join(line for line, _ in article.removed)
        for line in raw.splitlines():
            line = line.strip()
            if line:
                body = line.split(" — ", 1)[-1] if article.dateline and line.startswith(article.dateline) else line
                assert body in accounted, (article.article_id, line)


def test_page_date_is_not_an_event_date(cleaned):
    # a000's photo caption says "June 19, 2024" (the visit); the page itself states no date.
    assert cleaned["a000"].date == "unknown"
    assert cleaned["a001"].date_source.startswith("date line at the top of the page")


def test_dateline_is_metadata_not_text(cleaned):
    assert cleaned["a002"].dateline == "SEOUL, South Korea"
    assert not cleaned["a002"].text.startswith("SEOUL")


def test_bundled_corpus_file_is_the_cleaning_output(cleaned):
    """data/articles.jsonl is produced by `python -m framing build-corpus`, not edited by hand."""
    stored = [json.loads(line) for line in BUNDLED_CORPUS.read_text("utf-8").splitlines()]
    assert stored == [cleaned[k].to_record() for k in sorted(cleaned)]


@pytest.mark.parametrize("text, outlet, date, note", [
    ("Putin arrives in Pyongyang\n\nReuters, June 19, 2024\n\nRussian President Vladimir Putin arrived in North Korea on "
     "Wednesday for his first visit in 24 years, state media said.", "Reuters", "2024-06-19", "source line at the top"),
    ("Missile launch\n\nSEOUL (Reuters) - North Korea fired a missile on Tuesday, the South Korean military said.",
     "Reuters", "unknown", "dateline: 'SEOUL (Reuters) -'"),
    ("Missile launch\n\nNorth Korea fired a missile on Tuesday, Reuters reported, citing officials in Seoul on June 19, 2024.",
     "unknown", "unknown", None),  # an outlet or a date mentioned in the story is not the article's own
])
def test_a_pasted_articles_own_source_line_or_dateline_gives_its_outlet_and_date(text, outlet, date, note):
    from framing.reading.corpus import article_from_text

    article = article_from_text(text, "pasted text")
    assert (article.outlet, article.date) == (outlet, date)
    assert any(note in n for n in article.notes) if note else not article.notes


def test_an_outlet_the_input_gives_is_not_said_to_come_from_the_dateline():
    """A CSV row naming CNN whose text opens "WASHINGTON (CNN) -" has its outlet from the input: no note says otherwise
    (300 such notes greeted an upload of real news)."""
    from framing.reading.corpus import article_from_text

    text = "Reform stalls\n\nWASHINGTON (CNN) - The chances of immigration reform grew dimmer on Tuesday, aides said."
    given = article_from_text(text, "news.csv row 2", outlet="CNN")
    assert given.outlet == "CNN" and not any("dateline" in n for n in given.notes)
    read = article_from_text(text, "pasted text")
    assert read.outlet == "CNN" and any("dateline" in n for n in read.notes)


def test_a_video_players_text_pasted_with_the_article_is_furniture_and_a_sentence_about_watching_is_not():
    from framing.reading.corpus import article_from_text

    player = ("JUST WATCHED Romney: Obama knew 'Obamacare' hurt Replay More Videos ... "
              "MUST WATCH Romney: Obama knew 'Obamacare' hurt 01:26")
    article = article_from_text(f"Romney spoke in Ohio on Monday.\n\n{player}\n\nVoters must watch the debate, he said.\n\n"
                                "JUST WATCHED Obama pushes minimum wage Replay More Videos ...", "cnn.txt")
    assert [b.text for b in article.blocks] == ["Romney spoke in Ohio on Monday.", "Voters must watch the debate, he said."]
    assert [reason for _, reason in article.removed] == ["video player", "video player"]


def test_news_page_furniture_pasted_with_the_text_is_removed_whole_paragraphs_only():
    from framing.reading.corpus import article_from_text

    furniture = {"Advertisement": "ad slot", "Story Continued Below": "page furniture",
                 "Sign up for Daily Newsletters Manage Newsletters": "newsletter plug",
                 "Get the Monitor Stories you care about delivered to your inbox. By signing up, you agree to our Privacy "
                 "Policy.": "newsletter plug",
                 "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.": "copyright line",
                 "Enlarge this image toggle caption Susan Walsh/AP Susan Walsh/AP": "photo caption",
                 "Follow @politicalticker": "social follow", "Contributing: The Associated Press": "wire credit",
                 "( PHOTOS: 20 quotes on immigration reform)": "cross-link"}
    body = ["Senators met on Monday to discuss the bill.", "Advertisement spending rose by a third, the report said.",
            "Voters should follow the debate closely, she said.", "(The photos: all taken on Monday.)"]
    text = "\n\n".join([body[0], *furniture, *body[1:]])
    article = article_from_text(text, "page.txt")
    assert [b.text for b in article.blocks] == body
    assert dict(article.removed) == furniture


@pytest.mark.parametrize("line, reason", [
    ("PHOTO: Senators leave the chamber on Monday.", "photo caption"),
    ("Senators leave the chamber. (John Smith/AFP via GETTY IMAGES)", "photo caption"),
    ("Senators leave the chamber. Ap Photo/Susan Walsh", "photo caption"),
    ("( Photos: the senators on Monday )", "cross-link"),  # a caption's word, but an earlier pattern's line
    ("Senators photographed the chamber on Monday.", None),
    ("Getty, the museum, opened on Monday.", None),
])
def test_a_caption_line_is_furniture_in_any_case_and_the_first_listed_reason_is_its_reason(line, reason):
    from framing.reading.clean import junk_reason

    assert junk_reason(line) == reason


def test_the_outlets_name_alone_on_a_line_is_a_credit_line_not_a_sentence():
    from framing.reading.corpus import article_from_text

    article = article_from_text("The vote passed on Monday, officials said.\n\nUSA TODAY", "row 1", outlet="USA TODAY")
    assert [b.text for b in article.blocks] == ["The vote passed on Monday, officials said."]
    assert ("USA TODAY", "the outlet's name alone (a credit line)") in article.removed
    kept = article_from_text("The vote passed on Monday, officials said.\n\nUSA TODAY", "row 2", outlet="Herald")
    assert [b.text for b in kept.blocks][-1] == "USA TODAY"  # another outlet's name is not this one's credit
