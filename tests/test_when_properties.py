"""Property tests for readouts.when: random base dates 2000-2030, sentences in many styles."""
import datetime as dt

from hypothesis import example, given, settings
from hypothesis import strategies as st

from readouts.records import ResolvedDate
from readouts.when import find_time_expressions, publication_date, resolve_time
from readouts.when.days import weekday_on_or_after, weekday_on_or_before

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ORD = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}

bases = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))
SETTINGS = settings(max_examples=200, deadline=None)

# Month and year ends and leap days, where calendar arithmetic breaks first.
EDGES = [dt.date(2024, 2, 29), dt.date(2024, 3, 1), dt.date(2023, 12, 31), dt.date(2024, 1, 1),
         dt.date(2000, 2, 29), dt.date(2030, 12, 31), dt.date(2000, 1, 1), dt.date(2023, 3, 1)]


def suffix(n):
    return ORD.get(n, "th")


def full_styles(d):
    m = d.month - 1
    return [
        f"{MONTHS[m]} {d.day}, {d.year}",
        f"{ABBR[m]} {d.day}, {d.year}",
        f"{SHORT[m]} {d.day} {d.year}",
        f"{d.day} {MONTHS[m]} {d.year}",
        f"{d.day}{suffix(d.day)} of {MONTHS[m]}, {d.year}",
        f"{WEEKDAYS[d.weekday()]}, {MONTHS[m]} {d.day}, {d.year}",
        f"{WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[m]} {d.year}",
        d.isoformat(),
        f"{MONTHS[m].upper()} {d.day}, {d.year}",
    ]


def partial_styles(d):
    m = d.month - 1
    return [f"{MONTHS[m]} {d.day}", f"{ABBR[m]} {d.day}", f"{SHORT[m]} {d.day}", f"{d.day} {MONTHS[m]}",
            f"{MONTHS[m]} {d.day}{suffix(d.day)}", f"the {d.day}{suffix(d.day)} of {MONTHS[m]}"]


@SETTINGS
@given(d=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)), base=bases | st.none(),
       style=st.integers(0, 8), verb=st.sampled_from(["met on", "spoke on", "will visit on", "since", "", "arrived"]))
def test_full_dates_ignore_the_base(d, base, style, verb):
    text = f"The ministers {verb} {full_styles(d)[style]}."
    r = resolve_time(text, base)
    assert (r.value, r.granularity, r.basis) == (d.isoformat(), "day", "explicit")


@SETTINGS
@given(base=bases, back=st.integers(0, 330), style=st.integers(0, 5),
       verb=st.sampled_from(["met on", "spoke on", "held talks on", "visited Paris on"]))
@example(base=dt.date(2024, 1, 19), back=27, style=1, verb="spoke on")
@example(base=dt.date(2025, 3, 1), back=330, style=0, verb="met on")
def test_partial_dates_in_past_reports(base, back, style, verb):
    d = base - dt.timedelta(days=back)
    r = resolve_time(f"They {verb} {partial_styles(d)[style]}.", base)
    assert r.value == d.isoformat() and r.basis == "explicit"
    r2 = resolve_time(partial_styles(d)[style], base, tense="past")
    assert r2.value == d.isoformat()


@SETTINGS
@given(base=bases, ahead=st.integers(0, 300), style=st.integers(0, 5),
       verb=st.sampled_from(["will meet on", "is due to visit on", "is scheduled to arrive on", "will travel on"]))
def test_partial_dates_in_announcements(base, ahead, style, verb):
    d = base + dt.timedelta(days=ahead)
    r = resolve_time(f"The president {verb} {partial_styles(d)[style]}.", base)
    assert r.value == d.isoformat()
    assert resolve_time(partial_styles(d)[style], base, tense="future").value == d.isoformat()


@SETTINGS
@given(base=bases, back=st.integers(0, 6), verb=st.sampled_from(["met on", "spoke", "spoke on", "held talks on",
                                                                 "said on", "talked by phone on"]),
       part=st.sampled_from(["", " night", " morning"]))
def test_weekdays_in_past_reports(base, back, verb, part):
    d = base - dt.timedelta(days=back)
    r = resolve_time(f"The leaders {verb} {WEEKDAYS[d.weekday()]}{part}.", base)
    assert (r.value, r.granularity, r.basis) == (d.isoformat(), "day", "relative")


@SETTINGS
@given(base=bases, ahead=st.integers(0, 6), verb=st.sampled_from(["will meet on", "is due to arrive on",
                                                                  "is expected to speak on", "will travel"]))
def test_weekdays_in_announcements(base, ahead, verb):
    d = base + dt.timedelta(days=ahead)
    r = resolve_time(f"The leaders {verb} {WEEKDAYS[d.weekday()]}.", base)
    assert r.value == d.isoformat()


@SETTINGS
@given(base=bases, k=st.integers(1, 7))
def test_last_and_next_weekday(base, k):
    before = base - dt.timedelta(days=k)
    after = base + dt.timedelta(days=k)
    assert resolve_time(f"last {WEEKDAYS[before.weekday()]}", base).value == before.isoformat()
    assert resolve_time(f"next {WEEKDAYS[after.weekday()]}", base).value == after.isoformat()


@SETTINGS
@given(base=bases, w=st.integers(0, 6))
@example(base=dt.date(2024, 2, 29), w=4)
@example(base=dt.date(2024, 3, 1), w=3)
@example(base=dt.date(2024, 1, 1), w=6)
@example(base=dt.date(2023, 12, 31), w=0)
def test_weekday_arithmetic(base, w):
    b = weekday_on_or_before(base, w)
    a = weekday_on_or_after(base, w)
    assert b.weekday() == w and a.weekday() == w
    assert 0 <= (base - b).days <= 6 and 0 <= (a - base).days <= 6
    assert (b == base) == (a == base) == (base.weekday() == w)


@SETTINGS
@given(base=st.sampled_from(EDGES) | bases, n=st.integers(0, 40))
def test_days_ago_and_yesterday(base, n):
    assert resolve_time(f"{n} days ago", base).value == (base - dt.timedelta(days=n)).isoformat()
    assert resolve_time("yesterday", base).value == (base - dt.timedelta(days=1)).isoformat()
    assert resolve_time("tomorrow", base).value == (base + dt.timedelta(days=1)).isoformat()
    assert resolve_time("today", base).value == base.isoformat()


@SETTINGS
@given(base=st.sampled_from(EDGES) | bases)
def test_last_month_and_year(base):
    y, m = (base.year, base.month - 1) if base.month > 1 else (base.year - 1, 12)
    assert resolve_time("last month", base).value == f"{y:04d}-{m:02d}"
    assert resolve_time("earlier this month", base).value == f"{base.year:04d}-{base.month:02d}"
    assert resolve_time("last year", base).value == str(base.year - 1)
    assert resolve_time("this year", base).value == str(base.year)


@SETTINGS
@given(base=bases, ahead=st.integers(0, 290), length=st.integers(1, 12), style=st.integers(0, 3))
def test_ranges(base, ahead, length, style):
    a = base + dt.timedelta(days=ahead)
    b = a + dt.timedelta(days=length)
    ma, mb = MONTHS[a.month - 1], MONTHS[b.month - 1]
    if a.month == b.month:
        text = [f"{ma} {a.day}-{b.day}", f"from {a.day} to {b.day} {ma}", f"{a.day}-{b.day} {ma}",
                f"between {ma} {a.day} and {b.day}"][style]
    else:
        text = [f"{ma} {a.day} - {mb} {b.day}", f"from {a.day} {ma} to {b.day} {mb}",
                f"{ma} {a.day} to {mb} {b.day}", f"{a.day} {ma} - {b.day} {mb}"][style]
    r = resolve_time(f"The summit will be held {text}.", base)
    assert (r.value, r.end) == (a.isoformat(), b.isoformat())


@SETTINGS
@given(base=bases, back=st.integers(1, 330), style=st.integers(0, 5))
def test_since_points_back(base, back, style):
    d = base - dt.timedelta(days=back)
    text = f"They spoke for the first time since {partial_styles(d)[style]}."
    [e] = [x for x in find_time_expressions(text) if x.kind == "since"]
    assert resolve_time(e, base, tense="future").value == d.isoformat()


@SETTINGS
@given(d=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)), style=st.integers(0, 8),
       pre=st.sampled_from(["", "The talks, ", "Mr. Smith said on "]),
       post=st.sampled_from(["", ".", ", officials said.", " in Paris."]))
def test_found_span_is_the_written_date(d, style, pre, post):
    written = full_styles(d)[style]
    text = pre + written + post
    found = find_time_expressions(text)
    assert len(found) == 1
    e = found[0]
    assert text[e.start:e.end] == e.text and e.text.endswith(written)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300), base=bases | st.none(), tense=st.sampled_from([None, "past", "future"]))
def test_never_raises(text, base, tense):
    r = resolve_time(text, base, tense=tense)
    assert isinstance(r, ResolvedDate)
    assert r.basis in ("explicit", "relative", "unknown")
    assert (r.value is None) == (r.basis == "unknown")
    for e in find_time_expressions(text):
        assert text[e.start:e.end] == e.text
        resolve_time(e, base, tense=tense)
    publication_date(text)


@SETTINGS
@given(pub=st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2030, 12, 31)),
       back=st.integers(2, 40), lead=st.integers(0, 6))
def test_inferred_publication_from_a_dated_caption_and_a_weekday_lead(pub, back, lead):
    # an invented page: an old photo with a full date, a lead on a weekday within the
    # week, a briefing on a date without year a day before the lead's day
    event = pub - dt.timedelta(days=lead)
    briefing = event - dt.timedelta(days=1)
    older = event - dt.timedelta(days=back)
    photo = older - dt.timedelta(days=60)
    text = (f"Leaders at the summit, {MONTHS[photo.month - 1]} {photo.day}, {photo.year}. Photo by Staff.\n\n"
            f"The two leaders spoke on {WEEKDAYS[event.weekday()]} for the first time since "
            f"{ABBR[older.month - 1]} {older.day}. At a briefing on {ABBR[briefing.month - 1]} {briefing.day}, "
            f"the spokesman was asked about the calls.")
    p = publication_date(text, today=dt.date(2031, 1, 1))
    assert p.basis == "inferred"
    # the earliest day consistent with everything is the lead's own day
    assert p.date == event


@SETTINGS
@given(d=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)), style=st.integers(0, 5),
       slug=st.sampled_from(["leaders-meet", "pm-call", "x"]))
def test_url_dates(d, style, slug):
    m = MONTHS[d.month - 1].lower()
    path = [f"/{d.year}/{d.month:02d}/{d.day:02d}/{slug}/", f"/news/{d.isoformat()}-{slug}",
            f"/{slug}/{d.year}{d.month:02d}{d.day:02d}/123456", f"/{slug}-{d.day}-{m}-{d.year}",
            f"/{slug}-{m}-{d.day}-{d.year}", f"/{d.year}/{d.month}/{d.day}/{slug}.html"][style]
    p = publication_date("Some text on Friday.", url="https://news.example.org" + path)
    assert (p.date, p.basis) == (d, "url")


@SETTINGS
@given(d=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)), style=st.integers(0, 5),
       place=st.sampled_from(["WASHINGTON", "Tehran", "NEW DELHI", "Paris"]))
def test_datelines_and_bylines(d, style, place):
    m = d.month - 1
    head = [f"{place}, {MONTHS[m]} {d.day}, {d.year} (Reuters) - The talks",
            f"Updated: {d.day} {MONTHS[m]} {d.year} 14:02\nThe talks",
            f"Published on {ABBR[m]} {d.day}, {d.year}\n\nThe talks",
            f"Headline of the day\n{WEEKDAYS[d.weekday()]}, {MONTHS[m]} {d.day}, {d.year}\nThe talks",
            f"Headline\n{d.isoformat()}T09:30:00Z\nThe talks",
            f"By Staff - {SHORT[m]} {d.day}, {d.year} - The talks"][style]
    p = publication_date(head + " were held last week, officials said.")
    assert (p.date, p.basis) == (d, "page")
