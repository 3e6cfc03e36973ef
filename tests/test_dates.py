"""Dates as researchers have them: read into ISO dates, ambiguity said, bad ones kept and reported."""
import pytest

from framing.reading import intake
from framing.reading.corpus import articles_from_bytes
from framing.reading.dates import DAY_FIRST, MONTH_FIRST, numeric_dates_order, read_date

BODY = "The senate may vote on the bill next week, officials said on Tuesday."


@pytest.mark.parametrize("text", [
    "2024-06-19", "2024-06-19T14:30:00Z", "2024-06-19 23:59:00-05:00", "2024/06/19", "20240619",
    "June 19, 2024", "Jun. 19 2024", "Wednesday, June 19, 2024 2:30 PM ET", "19 June 2024", "19th June 2024",
    "Wed, 19 Jun 2024 14:30:00 +0000", "19/06/2024", "6/19/2024", "6/19/24", "19.06.2024", "1718800000",
])
def test_formats_researchers_have_read_as_the_same_day(text):
    assert read_date(text).iso == "2024-06-19"


@pytest.mark.parametrize("text", ["next Tuesday", "2024-02-30", "13/13/2024", "June 2024", "", "n/a", "1066-10-14"])
def test_what_is_not_a_day_is_not_read(text):
    assert read_date(text).iso == ""


def test_an_ambiguous_numeric_date_follows_its_file_or_says_it_guessed():
    assert read_date("05/06/2024", DAY_FIRST).iso == "2024-06-05"
    assert read_date("05/06/2024", MONTH_FIRST).iso == "2024-05-06"
    guessed = read_date("05/06/2024")
    assert guessed.iso == "2024-06-05" and guessed.ambiguous and "could be month/day" in guessed.how
    assert numeric_dates_order('text,date\n"a",19/06/2024\n"b",05/06/2024\n') == DAY_FIRST
    assert numeric_dates_order("text,date\na,6/19/2024 10:00\nb,05/06/2024\n") == MONTH_FIRST
    # a date inside an article's text is not the file's convention
    assert numeric_dates_order('text,date\n"On 19/06/2024 he left",05/06/2024\n') is None


def test_a_csv_settles_the_order_from_its_other_rows_and_notes_a_guess():
    settled = articles_from_bytes("a.csv", f'text,date\n"{BODY}",6/19/2024\n"{BODY} Again.",05/06/2024\n'.encode())
    assert [a.date for a in settled] == ["2024-06-19", "2024-05-06"]
    assert "month/day" in settled[1].date_source and not settled[1].notes
    guessed = articles_from_bytes("b.csv", f'text,date\n"{BODY}",05/06/2024\n'.encode())
    assert guessed[0].date == "2024-06-05" and any("day/month" in n for n in guessed[0].notes)


def test_an_unreadable_date_keeps_the_article_with_the_value_noted_and_one_message(bundled):
    data = f'text,date\n"{BODY}",next Tuesday\n"{BODY} Again.",also not a date\n"{BODY} Third.",2024-06-19\n'.encode()
    result = intake.add(bundled, [("dates.csv", intake.read_upload("dates.csv", data), False)], replace_corpus=False)
    new = result.articles[len(bundled):]
    assert [a.date for a in new] == ["unknown", "unknown", "2024-06-19"]
    assert "'next Tuesday'" in new[0].date_source
    about_dates = [m for m in result.messages if "date" in m.text]
    assert len(about_dates) == 1 and about_dates[0].text.startswith("2 of 3 articles")


def test_a_typed_date_is_stored_as_iso_and_a_bad_one_changes_nothing(bundled):
    ids = [a.article_id for a in bundled[:2]]
    done = intake.set_field(bundled, ids, "date", "June 19, 2024")
    assert [a.date for a in done.articles[:2]] == ["2024-06-19"] * 2
    refused = intake.set_field(bundled, ids, "date", "sometime in June")
    assert refused.articles == bundled and refused.messages[0].level == "error"
    unclear = intake.edit_metadata(bundled, ids[0], {"date": "05/06/2024"})
    assert unclear.articles == bundled and "day/month or month/day" in unclear.messages[0].text
