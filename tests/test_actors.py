"""Actors found in the text: the people a corpus names most, with the forms that name them merged."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from conftest import ROOT

from framing.language.actors import actor_lexicon, actors_from_text
from framing.reading.corpus import article_from_text

STORIES = [
    ("Gazette", "Sen. Elizabeth Warren criticised the bill on Monday.\n\nWarren said the Affordable Care Act must stay."),
    ("Herald", "Elizabeth Warren spoke first.\n\nThen Sen. Warren left. The Affordable Care Act was not discussed."),
    ("Gazette", "President Donald J. Trump signed it.\n\nMr. Trump smiled."),
    ("Herald", "Donald Trump signed the order.\n\nPresident Trump said it was a good day."),
    ("Gazette", "Former President George W. Bush and former President George H. W. Bush met Hillary Clinton.\n\n"
                "Senator Hillary Clinton greeted Bill Clinton. Mrs. Clinton left."),
    ("Herald", "George W. Bush and George H. W. Bush spoke, with Bill Clinton.\n\nPresident Bill Clinton waved to Mr. "
               "Bush and to Hillary Clinton."),
    ("Gazette", "Gov. Jane Doe met the press.\n\nMs. Doe said little."),
    ("Gazette", "Gov. Jane Doe returned.\n\nMs. Doe said more."),
]


def articles_of(stories: list[tuple[str, str]], prefix: str) -> list:
    """(outlet, text) pairs as articles, with ids ``prefix`` 0, 1, …"""
    return [article_from_text(text, f"row {i}", article_id=f"{prefix}{i}", outlet=outlet) for i, (outlet, text) in enumerate(stories)]


def corpus():
    return articles_of(STORIES, "r")


def test_people_are_found_with_their_forms_merged_and_laws_left_out():
    found = actors_from_text(corpus()).set_index("actor")
    assert found.loc["Elizabeth Warren", "aliases"] == "Elizabeth Warren|Warren" and found.loc["Elizabeth Warren", "outlets"] == 2
    assert found.loc["Donald Trump", "aliases"].split("|") == ["Donald Trump", "Donald J. Trump", "Trump"]
    assert "Affordable Care Act" not in found.index  # never given with a title: not a person
    assert set(found["kind"]) == {"person"}


def test_different_people_who_share_a_name_stay_apart_and_their_surname_names_neither():
    found = actors_from_text(corpus()).set_index("actor")
    assert {"George W. Bush", "George H. W. Bush", "Hillary Clinton", "Bill Clinton"} <= set(found.index)
    for actor in ("George W. Bush", "George H. W. Bush", "Hillary Clinton", "Bill Clinton"):
        assert found.loc[actor, "aliases"] == actor  # "Bush" and "Clinton" could be either


def test_a_name_only_one_outlet_gives_is_not_an_actor_to_compare_outlets_on():
    assert "Jane Doe" not in set(actors_from_text(corpus())["actor"])
    alone = [a for a in corpus() if a.outlet == "Gazette"]  # a corpus of one outlet keeps its names
    assert "Jane Doe" in set(actors_from_text(alone)["actor"])


def test_the_found_list_is_an_actor_list_the_matcher_reads():
    rows = actor_lexicon(actors_from_text(corpus()))
    assert list(rows.columns) == ["actor", "alias", "source"] and set(rows["source"]) == {"found in the text (person)"}
    assert {"Donald Trump", "Donald J. Trump", "Trump"} == set(rows.loc[rows["actor"] == "Donald Trump", "alias"])


def actors_named_by(aliases: dict[str, str]):
    """A function giving the actors a text names, with an actor list of each actor's name and one more alias."""
    import pandas as pd

    from framing.language.lexicon import Lexicons

    rows = [(actor, alias) for actor, other in aliases.items() for alias in (actor, other)]
    matcher = Lexicons.load().with_table("actors", pd.DataFrame(rows, columns=["actor", "alias"]).assign(source="test")).actor_matcher
    return lambda text: [m.label for m in matcher.find(text)]


def test_a_surname_alone_is_no_mention_where_it_ends_someone_elses_name():
    # On the 1,704 dev articles "Kennedy" (Anthony Kennedy's, a Supreme Court justice) counted "Teddy Kennedy", "John
    # F. Kennedy" and the "Harvard Kennedy School" as him, and "Sanders" (Bernie's) "Sarah Huckabee Sanders".
    named = actors_named_by({"Anthony Kennedy": "Kennedy", "Bernie Sanders": "Sanders", "Joe Biden": "Biden",
                             "Donald Trump": "Trump"})

    for someone_else in ["The attack on Robert Bork was led by Teddy Kennedy and others.",
                         "It was a famous line of President John F. Kennedy's.",
                         "A survey from the Harvard Kennedy School was cited.",
                         "White House Press Secretary Sarah Huckabee Sanders said so.",
                         "He advised his wife, Dr. Jill Biden, to keep a gun.",
                         "Funding for the Kennedy Center was cut.", "He teaches at Harvard’s Kennedy School.",
                         # a verb in lower case (7 "trump" on the dev corpus: "to trump Obama's credentials")
                         "Its interests should trump those of the business owners."]:
        assert named(someone_else) == [], someone_else
    for the_actor in ["Justice Kennedy wrote the opinion.", "With Kennedy gone, the court moved right.",
                      "Anthony M. Kennedy wrote it.", "The support of Sen. Bernard Sanders, Vermont independent, came.",
                      "Then Vice President Joseph R. Biden spoke.", "(2) Since Biden is running, he spoke.",
                      "Supporters of Team Biden cheered.", "Justice Kennedy Criticized Over Ruling On Gay Marriage",
                      "They met in Biden’s Park Avenue office.",
                      "president biden spoke at noon, a transcript typed all in lower case says"]:
        assert len(named(the_actor)) == 1, the_actor


def test_a_surname_after_the_other_sexs_honorific_is_someone_else():
    # On the dev corpus "Mrs. Sanders said" (Sarah Huckabee Sanders, at the White House podium) was the first passage
    # Compare showed for Bernie Sanders, and all six "Mr. Collins" (Rep. Chris Collins) counted as Susan Collins.
    named = actors_named_by({"Bernie Sanders": "Sanders", "Susan Collins": "Collins", "Mitt Romney": "Romney"})

    for someone_else in ["“The system is broken,” Mrs. Sanders said.", "Ms. Sanders took questions.",
                         "The FBI on Wednesday arrested Mr. Collins."]:
        assert named(someone_else) == [], someone_else
    assert named("Mr. Sanders said so.") == ["Bernie Sanders"]
    assert named("Ms. Collins called Roe v. Wade settled law.") == ["Susan Collins"]
    # where the Census does not give the given name mostly to one sex, the rule does not guess
    assert named("Mrs. Romney spoke.") == ["Mitt Romney"] and named("Mr. Romney spoke.") == ["Mitt Romney"]


def test_a_states_senate_or_supreme_court_is_not_the_federal_one():
    # On the dev corpus 31 of 1,101 "Supreme Court" mentions were a state's ("the Alabama Supreme Court"), and 12 of
    # 2,046 "Senate" ("the state Senate"); a state's name before "Senate" is mostly its race for the US Senate.
    named = actors_named_by({"Senate": "U.S. Senate", "Supreme Court": "Supreme Court"})

    for a_states in ["He served in the state Senate for a decade.", "The Alabama Supreme Court ruled that it stands.",
                     "The state's Supreme Court voted along party lines.", "From the opinion of the state supreme court:"]:
        assert named(a_states) == [], a_states
    for federal in ["The Senate voted 51 to 49.", "Red-state Senate Democrats balked.", "He leads the Ohio Senate race.",
                    "The Supreme Court heard the case from Ohio.", "The U.S. Senate adjourned."]:
        assert len(named(federal)) == 1, federal


def test_a_places_name_after_an_honorific_is_a_pageant_or_a_person_not_the_place():
    # On the dev corpus "Miss USA" (2), "Miss Utah" (2) and "Miss Washington 2013" (1) counted as the places.
    named = actors_named_by({"United States": "USA", "Washington": "Washington, D.C."})
    for pageant in ["He produced the Miss USA pageant.", "Miss Washington 2013 spoke.", "Mr. Washington said no."]:
        assert named(pageant) == [], pageant
    assert named("The USA and Washington agreed.") == ["United States", "Washington"]
    assert actors_named_by({"Jim Jordan": "Jordan"})("Mr. Jordan said no.") == ["Jim Jordan"]  # a person's surname


def test_actors_command_lists_them_as_csv_and_jsonl(tmp_path):
    path = tmp_path / "news.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["text", "outlet"])
        writer.writerows((text, outlet) for outlet, text in STORIES)
    out = subprocess.run([sys.executable, "-m", "framing", "actors", str(path)], capture_output=True, text=True, cwd=ROOT,
                         check=True).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[:4] == ["actor", "aliases", "mentions", "kind"]
    assert {"actor": "Donald Trump", "aliases": "Donald Trump|Donald J. Trump|Trump"}.items() <= next(
        r for r in rows if r["actor"] == "Donald Trump").items()
    lines = subprocess.run([sys.executable, "-m", "framing", "actors", str(path), "--format", "jsonl"], capture_output=True,
                           text=True, cwd=ROOT, check=True).stdout.splitlines()
    assert [json.loads(line)["actor"] for line in lines] == [r["actor"] for r in rows]


ORGANISATIONS_AND_PLACES = [
    ("Gazette", "Rep. Jim Jordan of Ohio met the National Rifle Association on Monday.\n\n"
                "The Tax Policy Center (TPC) said Republicans in Texas would REPEAL it."),
    ("Herald", "Rep. Jim Jordan spoke to the NRA in Texas.\n\nThe TPC disagreed, and Republicans did not repeal it."),
    ("Gazette", "Jordan said the NRA was right. The Gazette asked the Tax Policy Center about Texas."),
    ("Herald", "Mr. Jordan and the National Rifle Association met in Ohio. Jordan thanked the TPC."),
]


def test_organisations_and_places_are_found_with_their_kind_and_other_names():
    articles = articles_of(ORGANISATIONS_AND_PLACES, "o")
    found = actors_from_text(articles).set_index("actor")
    assert found.loc["Jim Jordan", "kind"] == "person"
    assert found.loc["National Rifle Association", "kind"] == "organisation"
    assert "NRA" in found.loc["National Rifle Association", "aliases"].split("|")  # listed with its acronym
    assert found.loc["Tax Policy Center", "aliases"] == "Tax Policy Center|TPC"  # defined by the text itself
    assert found.loc["Republican Party", "aliases"] == "Republican Party|Republicans"
    assert found.loc["Texas", "kind"] == "place" and found.loc["Ohio", "kind"] == "place"
    assert "Jordan" not in found.index  # the country is not Jim Jordan
    assert "REPEAL" not in found.index and "Gazette" not in found.index  # a shouted word, an outlet's own name


def test_a_name_with_and_without_its_middle_name_is_one_actor_named_as_its_speakers_are():
    from framing.language.voice import merge_aliases

    stories = [("Gazette", "Sen. Hillary Rodham Clinton spoke in Iowa.\n\nEven Hillary Clinton agreed."),
               ("Herald", "Hillary Clinton spoke.\n\nSen. Hillary Rodham Clinton left early.")]
    articles = articles_of(stories, "h")
    found = actors_from_text(articles).set_index("actor")
    assert found.loc["Hillary Rodham Clinton", "aliases"] == "Hillary Rodham Clinton|Hillary Clinton"
    assert merge_aliases(["Hillary Clinton", "Hillary Rodham Clinton"])["Hillary Clinton"] == "Hillary Rodham Clinton"


def test_a_name_with_a_double_surname_is_named_whole_and_what_a_person_owns_is_no_person():
    """Real news: "Dr. Blasey Ford" and "Justice Bader Ginsburg" had named the actors "Blasey Ford" and "Bader Ginsburg"
    (the fuller name was taken for a title before a name), and "President Donald Trump’s Border Patrol chief" made
    "Border Patrol" a person, "Notre Dame Law School" (a title, "Dame") "Law School", and "Team Obama" one too."""
    stories = [("Gazette", "Christine Blasey Ford testified.\n\nDr. Blasey Ford answered. Ruth Bader Ginsburg listened."),
               ("Herald", "Dr. Christine Blasey Ford spoke.\n\nMs. Blasey Ford left. Justice Bader Ginsburg wrote."),
               ("Gazette", "Justice Ruth Bader Ginsburg dissented.\n\nPresident Donald Trump’s Border Patrol chief spoke."),
               ("Herald", "President Donald Trump’s Border Patrol chief agreed.\n\nShe studied at Notre Dame Law School."),
               ("Gazette", "She taught at Notre Dame Law School.\n\nPresident Obama spoke. Team Obama is pleased."),
               ("Herald", "President Obama smiled.\n\nTeam Obama won.")]
    found = actors_from_text(articles_of(stories, "d")).set_index("actor")
    assert found.loc["Christine Blasey Ford", "aliases"] == "Christine Blasey Ford|Blasey Ford"
    assert found.loc["Ruth Bader Ginsburg", "aliases"] == "Ruth Bader Ginsburg|Bader Ginsburg"
    assert "Donald Trump" in found.index
    assert not {"Blasey Ford", "Bader Ginsburg", "Border Patrol", "Law School", "Team Obama"} & set(found.index)


def test_a_name_with_an_apostrophe_is_read_whole():
    from framing.language.voice import attribution, merge_aliases, people_named

    assert people_named("Beto O’Rourke and Sandra Day O'Connor spoke.") == ["Beto O’Rourke", "Sandra Day O'Connor"]
    assert attribution("“We will win,” Beto O’Rourke said.") == "Beto O’Rourke"
    # one person whichever apostrophe an outlet writes
    assert merge_aliases(["Beto O'Rourke", "Beto O’Rourke", "O'Rourke"]) == {"Beto O'Rourke": "Beto O’Rourke",
                                                                           "O'Rourke": "Beto O’Rourke"}


def test_a_place_speaking_is_not_merged_into_a_longer_name_ending_in_it():
    from framing.language.voice import merge_aliases

    # "Iran says" is the country: the one longer name ending in "Iran" was an organisation's
    assert "Iran" not in merge_aliases(["Iran", "Nuclear Free Iran"])
    assert merge_aliases(["Jordan", "Jim Jordan"])["Jordan"] == "Jim Jordan"  # a place's name that is a person's surname
    # a place run into a surname ("Des Moines, Iowa Cruz said", a CNN caption) is that surname, not a second Cruz
    assert merge_aliases(["Iowa Cruz", "Cruz", "Ted Cruz", "Georgia Smith"]) == {"Iowa Cruz": "Ted Cruz", "Cruz": "Ted Cruz"}
    # but a place's paper is no one's surname, nor a party member a person ("Huffington Post", "Nevada Democrat")
    assert merge_aliases(["Washington Post", "Huffington Post", "California Democrat", "Nevada Democrat"]) == {}
    # a given name before a whole name is a word before it, not a fuller name: "Will Donald Trump win?"
    assert merge_aliases(["Will Donald Trump", "Donald Trump"]) == {"Will Donald Trump": "Donald Trump"}
    assert merge_aliases(["Bill de Blasio", "De Blasio", "Chris Van Hollen", "Van Hollen"]) == {
        "De Blasio": "Bill de Blasio", "Van Hollen": "Chris Van Hollen"}


def test_a_place_run_into_a_surname_counts_for_the_person_but_is_no_alias_of_theirs():
    """Real news: "Iowa Cruz" (CNN's "Des Moines, Iowa Cruz said", a caption without its dash) and "Chicago Trump" were
    listed among the aliases of Ted Cruz and Donald Trump in the Lexicons view."""
    stories = [("Gazette", "Sen. Ted Cruz spoke.\n\nDes Moines, Iowa Cruz said he would run.\n\nMr. Cruz left."),
               ("Herald", "Sen. Ted Cruz answered.\n\nDes Moines, Iowa Cruz said the race was close.")]
    found = actors_from_text(articles_of(stories, "c")).set_index("actor")
    assert found.loc["Ted Cruz", "aliases"] == "Ted Cruz|Cruz"
    assert found.loc["Ted Cruz", "mentions"] == 5


def test_a_person_is_named_as_the_corpus_writes_them_most_and_a_nickname_is_the_same_person():
    """Real news: the actor list said "Brett Michael Kavanaugh" (written once in 1,704 articles, against 161 "Brett
    Kavanaugh") and "Hillary Rodham Clinton", and counted "Charles Schumer" apart from "Chuck Schumer"."""
    from framing.language.voice import merge_aliases

    stories = [("Gazette", "Judge Brett Michael Kavanaugh was named.\n\nBrett Kavanaugh spoke. Sen. Chuck Schumer objected."),
               ("Herald", "Judge Brett Kavanaugh answered.\n\nBrett Kavanaugh left. Sen. Charles Schumer agreed."),
               ("Gazette", "Brett Kavanaugh returned.\n\nSen. Chuck Schumer spoke again.\n\nMr. Schumer and Judge Kavanaugh left."),
               ("Herald", "Sen. Chuck Schumer met Brett Kavanaugh.")]
    found = actors_from_text(articles_of(stories, "k")).set_index("actor")
    assert found.loc["Brett Kavanaugh", "aliases"] == "Brett Kavanaugh|Brett Michael Kavanaugh|Kavanaugh"
    assert found.loc["Chuck Schumer", "aliases"] == "Chuck Schumer|Charles Schumer|Schumer"
    assert found.loc["Chuck Schumer", "mentions"] == 5
    # the speakers are named the same way, from how often each form speaks
    assert merge_aliases(["Brett Michael Kavanaugh", "Brett Kavanaugh"], {"Brett Michael Kavanaugh": 1, "Brett Kavanaugh": 9}) \
        == {"Brett Michael Kavanaugh": "Brett Kavanaugh"}
    # a fuller name stays on a count of 2 against 1, and a nickname that could be two given names merges neither
    assert merge_aliases(["Amy Coney Barrett", "Amy Barrett"], {"Amy Coney Barrett": 1, "Amy Barrett": 2}) \
        == {"Amy Barrett": "Amy Coney Barrett"}
    assert merge_aliases(["Bill Smith", "William Smith", "Robert Smith"]) == {}
    # nor a shortening that is a commoner name of its own ("John" of "Jonathan"), nor one as long ("Rick" of "Eric")
    assert merge_aliases(["John Lewis", "Jonathan Lewis", "Eric Wilson", "Rick Wilson"]) == {}


def test_a_place_inside_a_longer_name_is_no_mention_of_it_and_the_longest_name_wins():
    stories = [("Gazette", "The New York Times reported on New Jersey.\n\nNew Yorkers in New York disagreed."),
               ("Herald", "New York and New Jersey replied to the New York Times.\n\nThe New York Timesman left.")]
    articles = articles_of(stories, "p")
    found = actors_from_text(articles).set_index("actor")
    # "New York Times" is named twice and is no mention of New York; "New Yorkers" is no name on the list;
    # "New York Timesman" is not the newspaper, so it names New York
    assert found.loc["New York", "mentions"] == 3 and found.loc["New Jersey", "mentions"] == 2


def test_an_organisation_named_at_the_end_of_a_sentence_is_the_same_organisation_and_a_place_acronym_is_a_place():
    stories = [("Gazette", "The poll was run by the Kaiser Family Foundation. The USA agreed."),
               ("Herald", "The Kaiser Family Foundation ran a poll, and the USA agreed."),
               ("Gazette", "Shares of Acme Corp. fell.")]
    articles = articles_of(stories, "k")
    found = actors_from_text(articles).set_index("actor")
    assert found.loc["Kaiser Family Foundation", "aliases"] == "Kaiser Family Foundation"  # not "…Foundation." too
    assert found.loc["Kaiser Family Foundation", "articles"] == 2
    assert found.loc["United States", "kind"] == "place" and "USA" not in found.index


def test_a_capitalised_run_across_a_full_stop_is_two_names():
    from framing.language.actors import _sentence_pieces

    assert _sentence_pieces("Kaiser Family Foundation. The National Rifle Association") == [
        "Kaiser Family Foundation", "The National Rifle Association"]
    assert _sentence_pieces("John F. Kennedy Center") == ["John F. Kennedy Center"]  # an initial
    assert _sentence_pieces("Acme Corp.") == ["Acme Corp."] and _sentence_pieces("the U.S. Senate.") == ["the U.S. Senate"]


def test_a_newspaper_named_after_a_place_is_no_mention_of_the_place_in_the_analysis_either():
    from framing.language.lexicon import Lexicons
    from framing.scoring.analysis import analyse

    stories = [("Gazette", "Senators flew to Washington on Monday.\n\nOne of them told the Washington Post it was late."),
               ("Herald", "Washington was quiet.\n\nUSA Today reported the vote in the USA."),
               ("Gazette", "Nothing happened in the USA, USA TODAY said. The Washington Post agreed.")]
    articles = articles_of(stories, "w")
    found = actors_from_text(articles).set_index("actor")
    assert found.loc["Washington", "mentions"] == 2 and found.loc["Washington", "blockers"] == "Washington Post"
    assert set(found.loc["United States", "blockers"].split("|")) == {"USA Today", "USA TODAY"}  # a listed outlet
    # one outlet names the Post: no actor to compare outlets on, but still no mention of Washington
    assert "Washington Post" not in found.index and found.loc["USA Today", "kind"] == "organisation"
    table = analyse(articles, Lexicons.load().with_table("actors", actor_lexicon(found.reset_index()))).table
    tagged = {text: set(actors) for text, actors in zip(table["text"], table["actors"])}
    assert tagged["Senators flew to Washington on Monday."] == {"Washington"}
    assert tagged["One of them told the Washington Post it was late."] == set()
    assert tagged["USA Today reported the vote in the USA."] == {"USA Today", "United States"}  # "in the USA" does
    assert tagged["The Washington Post agreed."] == set()


def test_two_names_joined_by_and_or_on_are_two_names_and_a_name_with_and_inside_is_one():
    from framing.language.actors import organisations_from_text

    stories = [("Gazette", "The envoy briefed Congress on Iran.\n\nThe Food and Drug Administration agreed with Congress and the White House."),
               ("Herald", "Officials briefed Congress on Iran again.\n\nThe Food and Drug Administration said nothing to Congress and the White House.")]
    articles = articles_of(stories, "j")
    organisations = set(organisations_from_text(articles)["actor"])
    assert {"Congress", "White House", "Food and Drug Administration"} <= organisations
    assert not {"Congress on Iran", "Congress and the White House"} & organisations
    found = actors_from_text(articles).set_index("actor")
    assert found.loc["Iran", "mentions"] == 2 and found.loc["Iran", "blockers"] == ""  # "Congress on Iran" names Iran


def test_a_laws_or_a_policys_acronym_is_no_organisation_and_an_organisations_acronym_still_is():
    from framing.language.actors import organisations_from_text

    stories = [("Gazette", "Republicans vowed to repeal the Affordable Care Act.\n\nThe SEIU said the ACA was costly. "
                           "The Deferred Action for Childhood Arrivals program shields young immigrants; DACA "
                           "recipients marched. The TPS program ends."),
               ("Herald", "The ACA survived another vote. The SEIU has 2 million members.\n\nDACA recipients rallied; "
                          "the SEIU stayed silent. DACA is popular. TPS holders waited.")]
    organisations = set(organisations_from_text(articles_of(stories, "p"))["actor"])
    assert "SEIU" in organisations  # an acronym no list holds, the text's own
    # the initials of a law named, and of a programme named; an acronym written before "program"
    assert not {"ACA", "DACA", "TPS"} & organisations
