"""The engagement rules, one sentence of our own writing each, through readouts.extract()."""
from __future__ import annotations

import pytest

import readouts

CASES = [
    ("Italian Prime Minister Giorgia Meloni and Japanese Prime Minister Fumio Kishida spoke by phone on Monday.",
     "2023-06-14", [("call", "occurred", "2023-06-12", ("Fumio Kishida", "Giorgia Meloni"), None)]),
    # put off without a new date: still planned, undated
    ("Japanese Prime Minister Fumio Kishida's visit to India, planned for next week, has been postponed.",
     "2023-06-14", [("visit", "planned", None, ("Fumio Kishida",), "India")]),
    # cancelled: nothing
    ("A planned meeting between French President Emmanuel Macron and Chinese President Xi Jinping was cancelled.",
     "2023-06-14", []),
    # a former leader holds no office: no engagement between governments
    ("Hungarian Prime Minister Viktor Orban met former U.S. President Donald Trump in Florida on Friday.",
     "2024-03-09", []),
    # "since they met in ... in May": an earlier meeting of the same two
    ("Indian Prime Minister Narendra Modi met Australian Prime Minister Anthony Albanese, their first meeting "
     "since they met in Tokyo in May.", "2023-09-10",
     [("meeting", "occurred", "2023-05", ("Anthony Albanese", "Narendra Modi"), None),
      ("meeting", "occurred", "2023-09-10", ("Anthony Albanese", "Narendra Modi"), None)]),
    # a trip with several destinations: one visit per country
    ("German Chancellor Olaf Scholz will travel to Beijing, Tokyo and Seoul next week.", "2024-04-05",
     [("visit", "planned", "2024-04", ("Olaf Scholz",), "China"),
      ("visit", "planned", "2024-04", ("Olaf Scholz",), "Japan"),
      ("visit", "planned", "2024-04", ("Olaf Scholz",), "South Korea")]),
    # talks in the host's capital: a visit, hosted by the country of the one received there
    ("Spanish Prime Minister Pedro Sanchez held talks with Moroccan King Mohammed VI in Rabat on Wednesday.",
     "2023-02-03", [("visit", "occurred", "2023-02-01", ("Mohammed VI of Morocco", "Pedro Sánchez"), "Morocco")]),
    ("U.S. Secretary of State Antony Blinken was received by Chinese President Xi Jinping in Beijing on Monday.",
     "2023-06-21", [("visit", "occurred", "2023-06-19", ("Antony Blinken", "Xi Jinping"), "China")]),
    # one caller, a list of counterparts: one call each
    ("Canadian Prime Minister Justin Trudeau spoke with Ukrainian President Volodymyr Zelenskyy and British Prime "
     "Minister Rishi Sunak on Sunday.", "2023-06-12",
     [("call", "occurred", "2023-06-11", ("Justin Trudeau", "Volodymyr Zelenskyy"), None),
      ("call", "occurred", "2023-06-11", ("Justin Trudeau", "Rishi Sunak"), None)]),
    # no plans to speak: nothing planned
    ("The White House said President Biden had no plans to speak with Russian President Vladimir Putin.",
     "2022-03-01", []),
    # arrived (done) and will meet (planned): two clauses, two statuses
    ("Indonesian President Joko Widodo arrived in Canberra on Sunday for a two-day visit, where he will meet "
     "Australian Prime Minister Anthony Albanese.", "2023-07-03",
     [("visit", "occurred", "2023-07-02", ("Joko Widodo",), "Australia"),
      ("meeting", "planned", None, ("Anthony Albanese", "Joko Widodo"), None)]),
    # the French President is also Co-Prince of Andorra: he receives for France
    ("President Macron will receive Chancellor Scholz at the Elysee Palace on Monday evening for a working dinner.",
     "2023-01-20", [("visit", "planned", "2023-01-23", ("Emmanuel Macron", "Olaf Scholz"), "France")]),
    # "visiting X": the other side hosts
    ("Chinese President Xi Jinping on Friday met with visiting Australian Prime Minister Anthony Albanese at the "
     "Great Hall of the People.", "2023-11-06",
     [("visit", "occurred", "2023-11-03", ("Anthony Albanese", "Xi Jinping"), "China")]),
    # the day of the words, not of the visit they announce (not next year's May 2)
    ("At a dinner on May 2, President Yoon Suk Yeol said that Japanese Prime Minister Fumio Kishida's visit to "
     "Korea will mark a new start.", "2023-05-03", [("visit", "planned", None, ("Fumio Kishida",), "South Korea")]),
    # an aside about the visitor (", who chairs ... this year,") does not date the trip
    ("Indonesian President Joko Widodo, who chairs the Group of 20 this year, is scheduled to travel to Tokyo "
     "later in the week.", "2022-07-25", [("visit", "planned", "2022-07", ("Joko Widodo",), "Japan")]),
    # received, but no one: no contact
    ("Brazilian President Luiz Inacio Lula da Silva received the credentials of new ambassadors on Monday.",
     "2023-06-12", []),
    # an envoy who delivers a leader's letter meets the one it is for; the sender is not there
    ("North Korean envoy Kim Yong-chol delivered a letter from the North Korean leader to U.S. President Donald Trump "
     "at the White House on Friday.", "2018-06-03",
     [("visit", "occurred", "2018-06-01", ("Donald Trump", "Kim Yong-chol"), "United States")]),
    # "his trips to X in July 2015": a visit of his, plural or not
    ("President Barack Obama recalled his trips to Kenya in July 2015.", "2016-03-01",
     [("visit", "occurred", "2015-07", ("Barack Obama",), "Kenya")]),
    # "will pay a visit to Singapore": a visit to a place, its hosts unnamed
    ("Chinese Foreign Minister Wang Yi will pay a visit to Singapore from August 19 to 20.", "2020-08-17",
     [("visit", "planned", "2020-08-19", ("Wang Yi",), "Singapore")]),
    # a courtesy call on a person is made in person; a call on someone to act is no contact
    ("Bangladeshi Prime Minister Sheikh Hasina later called on President Droupadi Murmu.", "2024-06-22",
     [("meeting", "occurred", "2024-06-22", ("Droupadi Murmu", "Sheikh Hasina"), None)]),
    ("French President Emmanuel Macron called on Russian President Vladimir Putin to withdraw.", "2024-03-20", []),
    ("On 22 August, Prime Minister Narendra Modi will hold talks with Prime Minister Donald Tusk, and he will "
     "also call on President Andrzej Duda.", "2024-08-19",
     [("meeting", "planned", "2024-08-22", ("Donald Tusk", "Narendra Modi"), None),
      ("meeting", "planned", "2024-08-22", ("Andrzej Duda", "Narendra Modi"), None)]),
    # "you would have seen that ...": no plan
    ("You would have seen that Prime Minister Narendra Modi received a telephone call from Chief Adviser "
     "Muhammad Yunus on Friday.", "2024-08-19",
     [("call", "occurred", "2024-08-16", ("Muhammad Yunus", "Narendra Modi"), None)]),
    # several counterparts on the sidelines: one bilateral each
    ("Prime Minister Narendra Modi met French President Emmanuel Macron, British Prime Minister Rishi Sunak and "
     "Ukrainian President Volodymyr Zelenskyy on the sidelines of the G7 summit on Friday.", "2024-06-15",
     [("meeting", "occurred", "2024-06-14", ("Emmanuel Macron", "Narendra Modi"), None),
      ("meeting", "occurred", "2024-06-14", ("Narendra Modi", "Rishi Sunak"), None),
      ("meeting", "occurred", "2024-06-14", ("Narendra Modi", "Volodymyr Zelenskyy"), None)]),
    # an aside (", who arrived on Thursday on a visit,") then the main verb, the subject's again
    ("Ukrainian Foreign Minister Dmytro Kuleba, who arrived in New Delhi on Thursday on a two-day visit, also met "
     "National Security Adviser Ajit Doval on Friday.", "2024-03-30",
     [("visit", "occurred", "2024-03-29", ("Ajit Doval", "Dmytro Kuleba"), "India")]),
    ("Japanese Foreign Minister Yoko Kamikawa, who is accompanying Prime Minister Fumio Kishida, held a meeting "
     "with Philippine Foreign Secretary Enrique Manalo on Friday.", "2023-11-04",
     [("meeting", "occurred", "2023-11-03", ("Enrique Manalo", "Yōko Kamikawa"), None)]),
    ("Ukrainian President Volodymyr Zelenskiy, who had been due to attend the Ramstein gathering, met U.S. "
     "President Joe Biden at the White House on Sept. 26.", "2024-10-10",
     [("visit", "occurred", "2024-09-26", ("Joe Biden", "Volodymyr Zelenskyy"), "United States")]),
    # "the State Visit of X to Y": a visit, capitalised or not
    ("The State Visit reciprocates the State Visit of President Xi Jinping to South Africa in August 2023.",
     "2024-09-01", [("visit", "occurred", "2023-08", ("Xi Jinping",), "South Africa")]),
    # what a plan builds on has happened: "their meeting in June" is past
    ("Indian Prime Minister Narendra Modi and Ukrainian President Volodymyr Zelenskyy will be able to build on "
     "their recent conversations, including their meeting in Apulia in June.", "2024-08-19",
     [("meeting", "occurred", "2024-06", ("Narendra Modi", "Volodymyr Zelenskyy"), None)]),
    # "They looked forward to seeing one another": the pair of the story, planned
    ("British Prime Minister Keir Starmer spoke to German Chancellor Friedrich Merz on Tuesday. They looked forward to "
     "seeing one another at the European Political Community summit in Tirana later this month.", "2025-05-07",
     [("call", "occurred", "2025-05-06", ("Friedrich Merz", "Keir Starmer"), None),
      ("meeting", "planned", "2025-05", ("Friedrich Merz", "Keir Starmer"), None)]),
    # a day in a relative clause after the contact word dates that clause's deed, not the contact
    ("U.S. Secretary of State Antony Blinken will meet Chinese Foreign Minister Wang Yi to discuss the proposal "
     "that China presented on Monday.", "2023-06-14", [("meeting", "planned", None, ("Antony Blinken", "Wang Yi"), None)]),
    # the subject carried into ", while visiting ..." is not a list after "with"
    ("North Korean envoy Kim Yong-chol met South Korean President Moon Jae-in on Sunday, while visiting Seoul "
     "for the Olympic Games.", "2018-02-27",
     [("visit", "occurred", "2018-02-25", ("Kim Yong-chol", "Moon Jae-in"), "South Korea")]),
]


@pytest.mark.parametrize("sentence,published,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence(sentence, published, expected):
    got = [(e.type, e.status, e.date, e.participants, e.host) for e in readouts.extract(sentence, published=published)]
    assert got == expected


def test_a_place_at_the_end_of_a_sentence_has_no_full_stop():
    events = readouts.extract("British Prime Minister Rishi Sunak met U.S. President Joe Biden on Monday in Washington.",
                              published="2023-06-08")
    assert [(e.location, e.host) for e in events] == [("Washington", "United States")]


def test_statement_in_the_first_person():
    page = ("Statement by President von der Leyen following her phone call with President Zelenskyy\n\n"
            "Brussels, 6 June 2023\n\nI spoke with President Zelenskyy this morning about the dam.\n\n"
            "I will travel to Kyiv again in the coming weeks.")
    got = [(e.type, e.status, e.date, e.participants, e.host) for e in readouts.extract(page)]
    assert got == [("call", "occurred", "2023-06-06", ("Ursula von der Leyen", "Volodymyr Zelenskyy"), None),
                   ("visit", "planned", None, ("Ursula von der Leyen",), "Ukraine")]


def test_transcript_speakers_were_together():
    page = ("Remarks by President Biden and Prime Minister Sunak\n\nLondon, United Kingdom\n\n"
            "PRESIDENT BIDEN: It is good to be back.\n\nPRIME MINISTER SUNAK: Welcome, Joe.")
    got = [(e.type, e.participants, e.host, e.flags) for e in readouts.extract(page, published="2023-07-10")]
    assert got == [("visit", ("Joe Biden", "Rishi Sunak"), "United Kingdom", ("transcript",))]


def test_a_common_word_surname_names_who_the_story_named():
    # "Moon" opening a line is a word until the story has named President Moon Jae-in.
    page = ("South Korean President Moon Jae-in spoke to reporters in Seoul on Monday.\n\n"
            "March 3 -- Moon and Japanese Prime Minister Shinzo Abe hold talks in Tokyo.")
    got = [(e.type, e.date, e.participants) for e in readouts.extract(page, published="2018-03-20")]
    assert got == [("visit", "2018-03-03", ("Moon Jae-in", "Shinzo Abe"))]  # in Tokyo: a visit to Abe
    alone = "March 3 -- Moon and Japanese Prime Minister Shinzo Abe hold talks in Tokyo."
    assert [e.participants for e in readouts.extract(alone, published="2018-03-20")] == []


def test_earlier_in_the_day_is_the_day_the_story_tells():
    page = ("LIMA, Nov 17 - Australian Prime Minister Anthony Albanese held talks with Chinese President Xi "
            "Jinping in Lima on Saturday.\n\nAlbanese also met Peruvian President Dina Boluarte earlier in the day.")
    got = [(e.date, e.participants) for e in readouts.extract(page, published="2024-11-17")]
    assert got == [("2024-11-16", ("Anthony Albanese", "Xi Jinping")), ("2024-11-16", ("Anthony Albanese", "Dina Boluarte"))]


def test_a_masthead_names_whose_secretary_general():
    page = ("NATO News\n\nSecretary General visits Finland\n\n"
            "The Secretary General met Finnish President Alexander Stubb in Helsinki on Tuesday.")
    got = [(e.type, e.date, e.participants) for e in readouts.extract(page, published="2024-11-07")]
    assert got == [("visit", "2024-11-05", ("Alexander Stubb", "Mark Rutte"))]


def test_his_majesty_is_the_monarch_the_story_named():
    # The story's subject is Iraq's president; "His Majesty" is still Jordan's king.
    page = ("Iraqi President Barham Salih is due on Thursday to hold talks with His Majesty King Abdullah.\n\n"
            "Salih will be accompanied by ministers.\n\n"
            "His Majesty, in a phone call in October, congratulated Salih on his election.\n\n"
            "On November 1, Jordanian Foreign Minister Ayman Safadi paid a visit to Iraq, where he discussed "
            "trade with President Salih.")
    got = [(e.type, e.status, e.date, e.participants) for e in readouts.extract(page, published="2018-11-13")]
    assert got == [("meeting", "planned", "2018-11-15", ("Abdullah II of Jordan", "Barham Salih")),
                   ("call", "occurred", "2018-10", ("Abdullah II of Jordan", "Barham Salih")),
                   # in person (the visit's clause), not a call like the contact before it: a
                   # visit to Iraq, where he met its president
                   ("visit", "occurred", "2018-11-01", ("Ayman Safadi", "Barham Salih"))]


def test_meetings_on_a_trip_are_no_later_than_the_return():
    # Undated meetings at a conference abroad, then "after returning from Germany" on a day
    # before publication: the meetings were that day at the latest, not the publication day.
    page = ("Canadian Prime Minister Justin Trudeau attended the Munich Security Conference.\n\n"
            "Trudeau met with German Chancellor Olaf Scholz to discuss energy.\n\n"
            "The Prime Minister also met with Finnish President Sauli Niinisto.\n\n"
            "On the evening of February 18, after returning from Germany, Trudeau had a phone call with "
            "French President Emmanuel Macron.\n\n"
            "The Presidents discussed Ukraine.")
    got = [(e.type, e.date, e.participants) for e in readouts.extract(page, published="2023-02-20")]
    assert got == [("meeting", "2023-02-18", ("Justin Trudeau", "Olaf Scholz")),
                   ("meeting", "2023-02-18", ("Justin Trudeau", "Sauli Niinistö")),
                   ("call", "2023-02-18", ("Emmanuel Macron", "Justin Trudeau"))]


def test_talks_under_way_are_the_publication_day():
    # The story told of an arrival the day before; "is in talks" is now, not that day.
    page = ("Portuguese President Marcelo Rebelo de Sousa arrived in Ghana on Monday, May 8.\n\n"
            "Rebelo de Sousa is in talks with Ghanaian President Nana Akufo-Addo at Jubilee House.")
    got = [(e.type, e.date, e.participants) for e in readouts.extract(page, published="2023-05-09")]
    assert got == [("visit", "2023-05-09", ("Marcelo Rebelo de Sousa", "Nana Akufo-Addo"))]


def test_a_meeting_during_the_visit_is_part_of_it():
    page = ("During his visit, Australian Prime Minister Anthony Albanese also met Japanese Prime Minister "
            "Fumio Kishida on Monday.")
    got = [(e.type, e.date, e.participants, e.host) for e in readouts.extract(page, published="2023-07-18")]
    assert got == [("visit", "2023-07-17", ("Anthony Albanese", "Fumio Kishida"), "Japan")]


def test_the_previous_meeting_of_the_two_presidents_is_another_contact():
    page = ("Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan will meet in Sochi on "
            "Monday, the Kremlin said.\n\n"
            "The previous meeting between the Russian and Turkish presidents took place on October 13 last year "
            "in Astana.")
    got = [(e.type, e.status, e.date, e.participants, e.location) for e in readouts.extract(page, published="2023-09-01")]
    assert got == [("visit", "planned", "2023-09-04", ("Recep Tayyip Erdoğan", "Vladimir Putin"), "Sochi"),
                   ("meeting", "occurred", "2022-10-13", ("Recep Tayyip Erdoğan", "Vladimir Putin"), "Astana")]


def test_a_time_zone_is_not_the_venue():
    page = ("Peskov said the meeting between Russian President Vladimir Putin and Turkish President Recep Tayyip "
            "Erdogan will take place at noon on Monday, local time (2:00 p.m. in Lisbon).")
    got = [(e.type, e.date, e.location) for e in readouts.extract(page, published="2023-09-01")]
    assert got == [("meeting", "2023-09-04", None)]


def test_a_plan_in_a_chronology_that_had_passed_is_no_engagement():
    page = ("A chronology of the contacts between Washington and Pyongyang.\n\n"
            "March 8 -- South Korean envoy Chung Eui-yong meets U.S. President Donald Trump at the White House; "
            "Trump has agreed to meet North Korean leader Kim Jong Un in May.\n\n"
            "March 31 -- U.S. Central Intelligence Agency Director Mike Pompeo visits Pyongyang and meets with "
            "Kim Jong Un.\n\n"
            "May 22 -- South Korean President Moon Jae-in and Trump hold talks in Washington.")
    got = [(e.type, e.status, e.date, e.participants) for e in readouts.extract(page, published="2019-06-30")]
    assert got == [("visit", "occurred", "2018-03-08", ("Chung Eui-yong", "Donald Trump")),
                   ("visit", "occurred", "2018-03-31", ("Kim Jong Un", "Mike Pompeo")),
                   ("visit", "occurred", "2018-05-22", ("Donald Trump", "Moon Jae-in"))]


def test_a_press_conference_is_spoken_by_the_one_it_names():
    page = ("Press Conference by Prime Minister ISHIBA Shigeru on his Telephone Talk with U.S. President Trump\n\n"
            "Just now, for approximately 45 minutes, I had a telephone talk with President Trump.\n\n"
            "I also said that I very much looked forward to having discussions with President Trump face to face "
            "on the sidelines of the G7 summit.")
    got = [(e.type, e.status, e.date, e.participants, e.duration_minutes)
           for e in readouts.extract(page, published="2025-05-23")]
    assert got == [("call", "occurred", "2025-05-23", ("Donald Trump", "Shigeru Ishiba"), 45),
                   # the next G7 summit, Kananaskis, 15-17 June 2025
                   ("meeting", "planned", "2025-06", ("Donald Trump", "Shigeru Ishiba"), None)]


def test_a_summit_named_by_three_countries_is_one_meeting_of_their_leaders():
    page = ("Prime Minister Abe explained to President Trump that at the Japan-China-Republic of Korea (ROK) Summit "
            "Meeting, at the Japan-ROK Summit Meeting with Mr. Moon Jae-in, President of the ROK, and at the "
            "Japan-China Summit Meeting with Mr. Li Keqiang, Premier of the State Council of China, on May 9, he "
            "exchanged views on North Korea.")
    got = [(e.type, e.date, e.participants, e.location) for e in readouts.extract(page, published="2018-05-10")]
    assert got == [("meeting", "2018-05-09", ("Li Keqiang", "Moon Jae-in", "Shinzo Abe"), None),
                   ("meeting", "2018-05-09", ("Moon Jae-in", "Shinzo Abe"), None),
                   ("meeting", "2018-05-09", ("Li Keqiang", "Shinzo Abe"), None)]


def test_the_two_leaders_after_two_named_are_those_two():
    page = ("Indian Prime Minister Narendra Modi met French President Emmanuel Macron on the sidelines of the G7 "
            "summit on Friday.\n\n"
            "Modi was welcomed by Italian Prime Minister Giorgia Meloni, the host of this year's summit, and the two "
            "leaders spoke briefly about trade.")
    got = [(e.type, e.date, e.participants) for e in readouts.extract(page, published="2024-06-15")]
    assert got == [("meeting", "2024-06-14", ("Emmanuel Macron", "Narendra Modi")),
                   ("meeting", "2024-06-14", ("Giorgia Meloni", "Narendra Modi"))]


def test_the_last_word_of_a_name_the_story_gave_names_them():
    page = ("Indian Prime Minister Narendra Modi held talks with Bangladeshi Prime Minister Sheikh Hasina on "
            "Saturday.\n\n"
            "Modi and Hasina had last held bilateral talks on the sidelines of the G20 Summit in New Delhi in "
            "September.")
    got = [(e.type, e.date, e.participants) for e in readouts.extract(page, published="2024-06-22")]
    assert got == [("meeting", "2024-06-22", ("Narendra Modi", "Sheikh Hasina")),
                   ("meeting", "2023-09", ("Narendra Modi", "Sheikh Hasina"))]


def test_we_saw_each_other_and_stay_in_touch_by_telephone_is_a_meeting():
    page = ("Transcript of the talks between Russian President Vladimir Putin and Kazakh President Kassym-Jomart "
            "Tokayev.\n\n"
            "PRESIDENT PUTIN: Mr President, friends. We saw each other only recently, in Bishkek in October, at the "
            "CIS summit, and of course we stay in touch by telephone on a regular basis.")
    got = [(e.type, e.date, e.participants) for e in readouts.extract(page, published="2023-11-09")]
    assert got == [("meeting", "2023-11-09", ("Kassym-Jomart Tokayev", "Vladimir Putin")),
                   ("meeting", "2023-10", ("Kassym-Jomart Tokayev", "Vladimir Putin"))]


def test_we_are_going_to_discuss_is_the_day_of_the_remarks():
    # The speaker told of a storm "yesterday"; "we're going to discuss" is the day she speaks.
    page = ("Remarks With Japanese Foreign Minister Yoko Kamikawa Before Their Meeting\n\n"
            "FOREIGN MINISTER KAMIKAWA: Dear Secretary of State, I'd like to welcome you. Our thoughts are with "
            "those hit by the storm yesterday.\n\n"
            "We're going to discuss plans on Korea and Taiwan, and (inaudible) trip to Seoul (inaudible) focus on "
            "our (inaudible) issues that you raised yesterday.\n\n"
            "SECRETARY BLINKEN: Thank you, Yoko.")
    got = [(e.type, e.date, e.participants) for e in readouts.extract(page, published="2023-11-08")]
    assert got == [("visit", "2023-11-08", ("Antony Blinken", "Yōko Kamikawa"))]


def test_a_list_of_places_they_met_is_a_history_not_the_day():
    # The places of earlier meetings neither add a contact on the day nor make this one a visit.
    page = ("Remarks by Prime Minister Trudeau and President Macron Before Their Meeting\n\n"
            "PRESIDENT MACRON: Welcome, Justin. It is good to see you.\n\n"
            "PRIME MINISTER TRUDEAU: Thank you. We met in Ottawa, Biarritz, Osaka, here. And we have a lot to "
            "talk about.")
    got = [(e.type, e.date, e.participants, e.location) for e in readouts.extract(page, published="2019-11-14")]
    assert got == [("meeting", "2019-11-14", ("Emmanuel Macron", "Justin Trudeau"), None)]


def test_a_plan_in_a_where_clause_takes_the_day_of_the_clause_before():
    page = "On Friday, Secretary of State Antony Blinken will travel to Geneva, where he will meet with Russian " \
           "Foreign Minister Sergey Lavrov."
    got = [(e.type, e.status, e.date, e.participants) for e in readouts.extract(page, published="2022-01-18")]
    assert got == [("meeting", "planned", "2022-01-21", ("Antony Blinken", "Sergey Lavrov"))]


def test_a_meeting_held_between_two_leaders_is_theirs_and_a_later_hope_does_not_void_it():
    page = ("At the outset, Foreign Minister Yoko Kamikawa stated that, building on the Japan-China Summit Meeting "
            "held between Prime Minister Fumio Kishida and President Xi Jinping in San Francisco on November 16, "
            "she wished to work together with Chinese Foreign Minister Wang Yi.")
    got = [(e.type, e.status, e.date, e.participants) for e in readouts.extract(page, published="2023-11-26")]
    assert got == [("meeting", "occurred", "2023-11-16", ("Fumio Kishida", "Xi Jinping"))]


def test_following_this_meeting_is_the_day_of_the_meeting():
    # The paragraph between names another day (a summit on November 16); the sequel is the
    # readout's own meeting's day.
    page = ("On November 26, Japanese Foreign Minister Yoko Kamikawa held a meeting with Chinese Foreign Minister "
            "Wang Yi in Busan.\n\n"
            "Minister Kamikawa recalled the summit of November 16 in San Francisco.\n\n"
            "Following this meeting, Minister Kamikawa and Minister Wang attended a trilateral meeting hosted by "
            "South Korean Foreign Minister Park Jin. The three Ministers agreed to accelerate preparations for the "
            "next Japan-China-ROK Summit.")
    got = [(e.date, e.participants) for e in readouts.extract(page, published="2023-11-26")]
    assert got == [("2023-11-26", ("Wang Yi", "Yōko Kamikawa")),
                   ("2023-11-26", ("Park Jin", "Wang Yi", "Yōko Kamikawa"))]


def test_a_year_mentioned_in_passing_does_not_predate_the_people_in_office():
    # "since 2007" is the only year; the page names President Herzog (in office from July
    # 2021) and President Zelenskyy: 6 March of 2007 is impossible, 2022 the first that fits.
    page = ("ANKARA, March 6 (Reuters) - Turkish President Tayyip Erdogan spoke with Ukrainian President Volodymyr "
            "Zelenskiy on Saturday.\n\n"
            "Separately, Israeli President Isaac Herzog is due in Ankara on Wednesday for talks with Erdogan, the first "
            "visit to Turkey by an Israeli head of state since 2007.")
    got = [(e.type, e.status, e.date, e.participants, e.doc_published) for e in readouts.extract(page)]
    assert got == [("call", "occurred", "2022-03-05", ("Recep Tayyip Erdoğan", "Volodymyr Zelenskyy"), "2022-03-06"),
                   ("visit", "planned", "2022-03-09", ("Isaac Herzog", "Recep Tayyip Erdoğan"), "2022-03-06")]


def test_a_day_in_a_relative_clause_is_not_the_story_day():
    page = ("President Barack Obama spoke today with South Korean President Park Geun-hye to coordinate a response to "
            "the nuclear test that North Korea announced on January 6.\n\n"
            "In his call with President Park, their first conversation since she visited the White House in October, "
            "the President reaffirmed the alliance.")
    got = [(e.type, e.date, e.participants, e.host) for e in readouts.extract(page, published="2016-01-07")]
    assert got == [("call", "2016-01-07", ("Barack Obama", "Park Geun-hye"), None),
                   ("visit", "2015-10", ("Barack Obama", "Park Geun-hye"), "United States")]


def test_a_day_after_another_contact_is_the_day_before_it():
    page = ("Turkish President Tayyip Erdogan urged Russian President Vladimir Putin in a phone call on Sunday to "
            "declare a ceasefire.\n\n"
            "The call came a day after Erdogan spoke with Ukrainian President Volodymyr Zelenskiy.")
    got = [(e.type, e.date, e.participants) for e in readouts.extract(page, published="2022-03-07")]
    assert got == [("call", "2022-03-06", ("Recep Tayyip Erdoğan", "Vladimir Putin")),
                   ("call", "2022-03-05", ("Recep Tayyip Erdoğan", "Volodymyr Zelenskyy"))]


def test_the_then_president_elect_is_no_office_holder():
    page = ("British Prime Minister Boris Johnson spoke to US President Joe Biden this evening.\n\n"
            "The Prime Minister recalled their conversation in November, when he had been one of the first leaders "
            "to speak to the then President-elect after the US election.")
    got = [(e.type, e.date, e.participants) for e in readouts.extract(page, published="2021-01-23")]
    assert got == [("call", "2021-01-23", ("Boris Johnson", "Joe Biden"))]


def test_the_chancellor_on_a_foreign_briefing_is_the_chancellor_the_story_named():
    # An Indian briefing: "Prime Minister" is India's; India has no chancellor, the story
    # named Germany's.
    page = ("Transcript of Special Briefing by the Ministry of External Affairs, New Delhi\n\n"
            "Federal Chancellor Olaf Scholz of Germany arrived in New Delhi last night.\n\n"
            "This morning, Prime Minister Narendra Modi and the Chancellor held talks at Hyderabad House.")
    got = [(e.type, e.date, e.participants) for e in readouts.extract(page, published="2024-10-25")]
    assert [g for g in got if len(g[2]) == 2] == [("visit", "2024-10-25", ("Narendra Modi", "Olaf Scholz"))]


def test_what_they_discussed_after_a_call_is_the_call():
    page = ("UK Prime Minister Boris Johnson spoke to US President Donald Trump this afternoon.\n\n"
            "They spoke about a range of other issues, including the positive discussions between the UK and US on "
            "a free trade agreement.\n\n"
            "The Prime Minister updated the President on his call with Ukrainian President Volodymyr Zelenskyy "
            "yesterday.")
    got = [(e.type, e.date, e.participants) for e in readouts.extract(page, published="2020-05-29")]
    assert got == [("call", "2020-05-29", ("Boris Johnson", "Donald Trump")),
                   ("call", "2020-05-28", ("Boris Johnson", "Volodymyr Zelenskyy"))]


def test_a_when_clause_happens_on_the_day_of_the_clause_it_hangs_on():
    page = ("South Korean President Lee Jae-myung held summit talks with Chinese President Xi Jinping in Beijing on "
            "Monday.\n\n"
            "It was their second summit, after Xi's state visit to South Korea on Nov. 1, when the two leaders held "
            "their first talks in Gyeongju on the occasion of the APEC summit.\n\n"
            "Keywords: #Lee Jae-myung #Xi Jinping #summit")
    got = [(e.type, e.date, e.participants) for e in readouts.extract(page, published="2026-01-05")]
    assert got == [("visit", "2026-01-05", ("Lee Jae-myung", "Xi Jinping")),
                   ("visit", "2025-11-01", ("Lee Jae-myung", "Xi Jinping"))]


def test_the_present_of_a_schedule_is_a_plan():
    page = "German Chancellor Friedrich Merz is travelling to Washington this evening."
    got = [(e.type, e.status, e.date, e.participants) for e in readouts.extract(page, published="2025-06-04")]
    assert got == [("visit", "planned", "2025-06-04", ("Friedrich Merz",))]


def test_he_after_an_opening_adverbial_is_the_story_subject():
    page = ("German Chancellor Friedrich Merz is travelling to Washington this evening. Tomorrow, Thursday, he will "
            "be received by US President Donald Trump in the Oval Office.")
    got = [(e.type, e.status, e.date, e.participants) for e in readouts.extract(page, published="2025-06-04")]
    assert got == [("visit", "planned", "2025-06-05", ("Donald Trump", "Friedrich Merz"))]


def test_most_recently_after_a_since_clause_dates_the_last_contact():
    page = ("German Chancellor Friedrich Merz and US President Donald Trump have spoken on the phone several times "
            "since Merz was elected on 6 May, most recently on Sunday.")
    got = [(e.type, e.date, e.participants) for e in readouts.extract(page, published="2025-06-04")]
    assert got == [("call", "2025-06-01", ("Donald Trump", "Friedrich Merz"))]


def test_a_title_after_an_unknown_name_makes_them_an_official():
    # Nepal's foreign minister is not in the packaged data: the apposed title says who he is;
    # Wang Yi's own apposed title is his, not a third person.
    page = ("Nepalese Foreign Minister Pradeep Kumar Gyawali's ministry said on Monday:\n\n"
            "The Hon. Mr. Pradeep Kumar Gyawali, Minister for Foreign Affairs of Nepal, paid an official visit to "
            "China in April, during which he held talks with H.E. Mr. Wang Yi, State Councilor and Minister of "
            "Foreign Affairs.")
    got = [(e.type, e.date, e.participants, e.host) for e in readouts.extract(page, published="2018-06-18")]
    assert got == [("visit", "2018-04", ("Pradeep Kumar Gyawali", "Wang Yi"), "China")]


def test_the_two_leaders_are_the_leaders_not_the_minister_who_met_the_visitor():
    page = ("The Prime Minister Anwar Ibrahim said this after holding a bilateral meeting with Philippine President "
            "Ferdinand Marcos Jr at Perdana Putra today.\n\n"
            "Marcos, who arrived on Tuesday for a three-day state visit, was received on arrival by Malaysian Foreign "
            "Minister Zambry Abdul Kadir.\n\n"
            "The two leaders last met on the sidelines of the Asean Summit in Labuan Bajo, Indonesia, in May.")
    got = [(e.date, e.participants) for e in readouts.extract(page, published="2023-07-26")]
    assert got == [("2023-07-26", ("Anwar Ibrahim", "Bongbong Marcos")),
                   ("2023-07-25", ("Bongbong Marcos", "Zambry Abdul Kadir")),
                   ("2023-05", ("Anwar Ibrahim", "Bongbong Marcos"))]


@pytest.mark.parametrize("page", [
    "For the next three years, Indian Prime Minister Narendra Modi and Chinese President Xi Jinping barely spoke.",
    "Indian Prime Minister Narendra Modi and Chinese President Xi Jinping have met many times.",
    "Brazilian President Lula, whom Argentine President Javier Milei had called \"corrupt\", did not attend.",
])
def test_contacts_denied_counted_or_name_calling_are_none(page):
    assert readouts.extract(page, published="2025-09-10") == []


def test_a_plan_told_in_the_past_of_its_postponement_is_still_a_plan():
    page = ("U.S. President Joe Biden has postponed his visit to Angola. Biden was due to be received in Luanda by "
            "Angolan President Joao Lourenco.")
    got = [(e.type, e.status, e.date, e.participants) for e in readouts.extract(page, published="2024-10-09")]
    assert got == [("visit", "planned", None, ("Joe Biden", "João Lourenço"))]


def test_an_invitation_names_the_host_and_a_reception_during_a_visit_has_its_date():
    page = ("Turkish President Recep Tayyip Erdogan accepted German Chancellor Friedrich Merz's invitation to pay a "
            "visit to Germany next year.\n\n"
            "[Photo caption: FILE: South African President Cyril Ramaphosa receives then-President Muhammadu Buhari "
            "at the Union Buildings, Pretoria, during Mr Buhari's state visit to South Africa in October 2019.]")
    got = [(e.type, e.status, e.date, e.participants) for e in readouts.extract(page, published="2025-10-30")]
    assert got == [("visit", "planned", "2026", ("Friedrich Merz", "Recep Tayyip Erdoğan")),
                   ("visit", "occurred", "2019-10", ("Cyril Ramaphosa", "Muhammadu Buhari"))]


def test_minister_and_a_given_name_is_the_minister_the_story_named():
    # Indonesian usage: "Minister Retno" is Retno Marsudi; a day-first date in brackets.
    page = ("Indonesian Foreign Minister Retno Marsudi continued her calls over the weekend.\n\n"
            "On Sunday (15/10), Minister Retno held a telephone conversation with Chinese Foreign Minister Wang Yi.\n\n"
            "The day before (14/10), Minister Retno spoke by telephone with Iranian Foreign Minister Hossein "
            "Amir-Abdollahian.")
    got = [(e.date, e.participants) for e in readouts.extract(page, published="2023-10-16")]
    assert got == [("2023-10-15", ("Retno Marsudi", "Wang Yi")),
                   ("2023-10-14", ("Hossein Amir-Abdollahian", "Retno Marsudi"))]


def test_a_minister_the_data_lacks_is_the_page_countrys_and_a_counterpart_holds_an_office():
    # A German ministry's page: its minister needs no "German"; Prabowo was then Indonesia's
    # defence minister, an office the packaged data does not hold.
    page = ("Federal Minister of Defence Boris Pistorius met his Indonesian counterpart Prabowo Subianto in Jakarta "
            "on Monday.")
    got = [(e.type, e.date, e.participants, e.host)
           for e in readouts.extract(page, published="2023-06-05", url="https://www.bmvg.de/en/news/pistorius-jakarta")]
    assert got == [("visit", "2023-06-05", ("Boris Pistorius", "Prabowo Subianto"), "Indonesia")]


def test_a_national_counterpart_the_data_lacks_is_that_countrys_official():
    page = ("In September 2020, Indian Defence Minister Rajnath Singh held talks with his Chinese counterpart, "
            "Wei Fenghe, in Moscow.")
    got = [(e.type, e.date, e.participants) for e in readouts.extract(page, published="2025-09-10")]
    assert got == [("meeting", "2020-09", ("Rajnath Singh", "Wei Fenghe"))]


def test_a_contact_after_but_their_is_a_second_contact_of_the_pair():
    page = ("Modi and Xi had a brief conversation on the margins of the BRICS summit in Johannesburg in August 2023, "
            "but their first formal bilateral meeting in five years came only in October 2024, in Kazan, two days "
            "after the two sides announced an agreement.")
    page = "Indian Prime Minister Narendra Modi met Chinese President Xi Jinping in Tianjin on Aug. 31.\n\n" + page
    got = [(e.date, e.participants) for e in readouts.extract(page, published="2025-09-10")]
    assert got == [("2025-08-31", ("Narendra Modi", "Xi Jinping")), ("2023-08", ("Narendra Modi", "Xi Jinping")),
                   ("2024-10", ("Narendra Modi", "Xi Jinping"))]


def test_received_by_one_and_by_another_in_two_cities_are_two_visits():
    page = ("German Chancellor Friedrich Merz travelled to Paris and Warsaw on Wednesday, where he was received by "
            "President Emmanuel Macron and by Prime Minister Donald Tusk.")
    got = [(e.type, e.participants, e.host) for e in readouts.extract(page, published="2025-05-08")]
    assert got == [("visit", ("Emmanuel Macron", "Friedrich Merz"), "France"),
                   ("visit", ("Donald Tusk", "Friedrich Merz"), "Poland")]


def test_the_next_day_is_the_day_after_the_one_the_story_named():
    page = ("Indian Prime Minister Narendra Modi arrived in Tokyo on Friday, March 3, and met Japanese Foreign "
            "Minister Yoshimasa Hayashi.\n\n"
            "The next day, Modi met Japanese Prime Minister Fumio Kishida at the Kantei.")
    got = [(e.status, e.date, e.participants) for e in readouts.extract(page, published="2023-03-08")]
    assert ("occurred", "2023-03-04", ("Fumio Kishida", "Narendra Modi")) in got


def test_a_visit_of_one_of_the_pair_to_the_others_country_is_their_meeting():
    page = ("Indian Prime Minister Narendra Modi met Russian President Vladimir Putin in Kazan on Tuesday.\n\n"
            "This was their second meeting in a little over three months, after Prime Minister Modi's visit to "
            "Moscow in July for the India-Russia Annual Summit.")
    got = [(e.date, e.participants, e.host) for e in readouts.extract(page, published="2024-10-24")]
    assert got == [("2024-10-22", ("Narendra Modi", "Vladimir Putin"), "Russia"),
                   ("2024-07", ("Narendra Modi", "Vladimir Putin"), "Russia")]


def test_travel_companions_who_met_a_host_and_together_called_another_are_two_group_contacts():
    page = ("On 10 May, German Chancellor Friedrich Merz travelled to Kyiv together with French President Emmanuel "
            "Macron, British Prime Minister Keir Starmer and Polish Prime Minister Donald Tusk.\n\n"
            "There, the four leaders met President Volodymyr Zelenskyy and, together with him, spoke by telephone "
            "with US President Donald Trump.")
    got = [(e.type, e.date, e.participants) for e in readouts.extract(page, published="2025-06-04")]
    assert got == [("meeting", "2025-05-10", ("Donald Tusk", "Emmanuel Macron", "Friedrich Merz", "Keir Starmer",
                                              "Volodymyr Zelenskyy")),
                   ("call", "2025-05-10", ("Donald Trump", "Donald Tusk", "Emmanuel Macron", "Friedrich Merz",
                                           "Keir Starmer", "Volodymyr Zelenskyy"))]
