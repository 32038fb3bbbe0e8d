"""Who takes part: office-holders named or titled in a sentence, and who of them is engaged."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..records import Participant, ResolvedDate
from .places import _country_of_name
from .state import _Ref, _State
_PRONOUN_SUBJECT = re.compile(r"^(?:He|She)\b|(?:,|\band) (?:he|she) (?:met|spoke|held|visited|called|received|hosted|welcomed|talked)\b"
                              # "Tomorrow, Thursday, he will be received by ...", "On Friday, she met ..."
                              r"|^(?:On |In |At |Later|Earlier|Tomorrow|Today|Yesterday|Then|There)[\w’'.-]*"
                              r"(?:\s+[\w’'.-]+){0,4},\s+(?:[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,2},\s+)?(?:he|she)\b")
_FIRST_PERSON = re.compile(
    r"\b(?:I|we)\b(?: (?:also|have|had|just|will|would|already|shall))?(?: (?:again|soon))? (?:spoke|met|had|talked|"
    r"called|visited|received|hosted|welcomed|meet|speak|talk|call|visit|travel|travelled|traveled|go|went|fly|flew)\b"
    # "I very much looked forward to having discussions with ...": the speaker's own plan
    r"|\b(?:I|we)\b(?: \w+){0,3}? (?:look|looked|am looking|are looking|was looking) forward to\b"
)
# "we met", "we'll continue the dialogue", "we had talks": we as the subject of a contact.
_WE = re.compile(
    r"\b[Ww]e(?:’ll|'ll|’re|'re|’ve|'ve)?(?:\s+\w+){0,2}?\s+(?:met|meet|spoke|speak|talked|talk|discussed|discuss|"
    r"continue|continued|held|hold|had|having|meeting|talking|speaking|agreed|exchanged|saw|see|negotiated|"
    r"got together|get together)\b"
)
_SPEAKER_LINE = re.compile(r"^\s*(?P<name>[A-Z][\w.'’ -]{2,80}?)\s*:\s")
# Words around a name that show it is part of a longer name the data lacks
# ("John Kirby", "Hunter Biden") unless they are titles.
_TITLE_WORDS = frozenset(
    """president prime minister chancellor king queen emir sheikh sheik crown prince princess premier
    secretary mr mrs ms dr sir lady general gen. h.e. excellency his her vice deputy foreign defence defense
    sultan amir shah pope chairman chairwoman leader governor senator ambassador envoy counterpart
    state mbs the a of and with to by from for at in on u.s. us uk u.k. u.n. un eu nato""".split()
)


def _part_of_longer_name(text: str, hit) -> bool:
    """Is a one-word name hit really part of something else ("May 7", "Kirby" in "John Kirby")?

    The people layer already reads titles and full names; this guards the
    surname-only hits it lets through.
    """
    if re.search(r"\b(?:bin|ibn|bint|ben)\s+$", text[max(0, hit.start - 6):hit.start]):
        return True  # "Mohammed bin Salman bin Abdulaziz": the father's name in a patronymic
    if " " in hit.text.strip() or hit.title:
        return False
    if _is_time_word(hit.text):
        return True  # "May" the month, not Theresa May, unless a title says so
    after = re.match(r"[ \t]+([A-Z](?:[\w'’-]+|\.))", text[hit.end:hit.end + 40])
    if after and after.group(1).lower() not in _TITLE_WORDS and not _is_time_word(after.group(1)):
        return True
    before = re.search(r"(?<=[a-z,;:] )([A-Z][\w'’-]+)[ \t]+$", text[max(0, hit.start - 40):hit.start])
    return bool(before and before.group(1).lower() not in _TITLE_WORDS and not _is_time_word(before.group(1))
                and not before.group(1).endswith(("'s", "’s")) and not _nationality(before.group(1)))


_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


# What may stand between a title and its name: "of the Republic of Bulgaria ".
_TITLE_OF = re.compile(r"\s*(?:,\s*)?(?:(?:of|the|for|and|von|der|van|de|da|bin|al|[A-Z][\w'’.-]*)\s+){0,7}")


def _is_time_word(word: str) -> bool:
    return word.lower().rstrip(".") in _TIME_WORDS


def _nationality(word: str) -> bool:
    from ..people import load_gazetteer

    try:
        return load_gazetteer().country_code(word) is not None
    except Exception:
        return False


_STAFF_OF = re.compile(
    r"(?i)\b(?:assistant|adviser|advisor|aide|counsel(?:l)?or|envoy|spokes(?:man|woman|person)|representative|"
    r"chief of staff|press secretary|deputy|office)\s+(?:to|of|for)\s+$"
)
_FORMER_TITLE = re.compile(
    r"(?i)\b(?:former|ex-|one-time|then-candidate|candidate|presidential nominee|[\w]+-elect)\s*(?:[\w.’'-]+\s+){0,4}$"
)

# "Israeli Strategic Affairs Minister Ron Dermer": a minister-level title with a nationality
# and a name, when the people layer knows neither the title nor the name.
_TITLED_OFFICIAL = re.compile(
    r"\b(?P<nat>[A-Z][a-z]+)\s+(?P<title>(?:[A-Z][a-z]+\s+){0,3}(?:Minister|Secretary|National Security Adviser|"
    r"National Security Advisor|Vice President|Deputy Prime Minister|Crown Prince))\s+(?:Dr\.?\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:bin|al|de|da|van|von|der)?\s*[A-Z][\w'’-]+){1,3})"
)


def _titled_officials(text: str, hits, on, gazetteer) -> list[_Ref]:
    out = []
    for m in _TITLED_OFFICIAL.finditer(text):
        if any(h.start < m.end("name") and m.start("name") < h.end for h in hits):
            continue  # the scan has it
        code = gazetteer.country_code(m.group("nat"))
        if code is None:
            continue
        name = m.group("name")
        if gazetteer.country_code(name.split()[0]) or _is_time_word(name.split()[-1]):
            continue
        slug = re.sub(r"[^a-z0-9]+", "-", _ascii(name).lower()).strip("-")
        out.append(_Ref(f"local:{slug}", name, code, name, m.start("name"), "minister", titled=True))
    return out


# In State Department copy (briefings, readouts), "the Secretary" is the Secretary of State.
_THE_SECRETARY = re.compile(r"\b[Tt]he Secretary\b(?!\s*(?:of|General|-General|'s office))(?!-)")
_STATE_DEPARTMENT = re.compile(r"\b(?:Secretary of State|State Department|Department of State|Department Press Briefing)\b")


def _the_secretary(text: str, hits, on, gazetteer, state: _State) -> list[_Ref]:
    if "Secretary" not in text or not _STATE_DEPARTMENT.search(state.text[:4000]):
        return []
    out = []
    for m in _THE_SECRETARY.finditer(text):
        if any(h.start <= m.start() < h.end for h in hits):
            continue
        res = gazetteer.resolve("the Secretary of State", on=on)
        if res.status == "resolved" and res.person is not None:
            out.append(_Ref(res.person.id, res.person.name, "USA", m.group(), m.start(), "foreign_minister", titled=True))
    return out


_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")


def _misspelt(text: str, hits, state: _State) -> list[_Ref]:
    """A surname of someone already in the story, misspelt ("Macron, Scholtz and Draghi")."""
    from difflib import SequenceMatcher

    if not state.refs_by_pid:
        return []
    surnames = {}
    for ref in state.refs_by_pid.values():
        last = ref.name.split()[-1]
        if len(last) >= 4:
            surnames[last] = ref
    out = []
    for m in _CAPITALISED.finditer(text):
        word = m.group()
        if word in surnames or any(h.start <= m.start() < h.end for h in hits) or _is_time_word(word):
            continue
        for last, ref in surnames.items():
            if word[0] == last[0] and abs(len(word) - len(last)) <= 2 and SequenceMatcher(None, word, last).ratio() >= 0.85:
                out.append(replace(ref, surface=word, start=m.start()))
                break
    return out


_LONE_CAPITAL = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?![\w'’-])")
_AFTER_CAPITAL = re.compile(r"[A-Z][\w'’.-]*\s+$")
_BEFORE_CAPITAL = re.compile(r"\s+[A-Z]")
_TITLE_BEFORE = re.compile(r"(?<![A-Z][\w.]\s)\b(?:Minister|Secretary|President|Premier|Chancellor|Ambassador)\s+$")


def _known_surnames(text: str, hits, gazetteer, state: _State) -> list[_Ref]:
    """The family name alone of someone the story has named in full ("April 27 -- Moon
    holds his first summit with Kim"). The scan leaves out family names that are common
    words when they open a sentence; once the story has named the person, the word names
    them. Only a word that names exactly one person of the story this way."""
    if not state.refs_by_pid:
        return []
    out = []
    for m in _LONE_CAPITAL.finditer(text):
        if any(h.start <= m.start() < h.end for h in hits) or _is_time_word(m.group()):
            continue
        titled = _TITLE_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if titled and not _BEFORE_CAPITAL.match(text, m.end()):
            # "Minister Retno": the title and the given name of one the story named in full
            ids = [pid for pid, ref in state.refs_by_pid.items() if ref.name.split()[0] == m.group()]
            if len(ids) == 1:
                out.append(replace(state.refs_by_pid[ids[0]], surface=m.group(), start=m.start()))
                continue
        if _AFTER_CAPITAL.search(text, max(0, m.start() - 40), m.start()) or _BEFORE_CAPITAL.match(text, m.end()):
            continue  # part of a longer name ("Ban Ki-moon", "Moon Jae-in")
        ids = [pid for pid in gazetteer.surname_of(m.group()) if pid in state.refs_by_pid]
        if not ids and len(m.group()) >= 4:
            # the last word of the name the story gave ("Sheikh Hasina" ... "Hasina")
            ids = [pid for pid, ref in state.refs_by_pid.items() if ref.name.split()[-1] == m.group()]
        if len(ids) == 1:
            out.append(replace(state.refs_by_pid[ids[0]], surface=m.group(), start=m.start()))
    return out


_TITLE_STOP = frozenset("of the and for to a an in u.s. us united states state states republic".split())


def _described_term(text: str, hit, ref: _Ref, gazetteer) -> tuple | None:
    """The term of the one office of the person that the words before the name describe
    ("U.S. Central Intelligence Agency Director Mike Pompeo": his CIA term), if any."""
    if ref.pid.startswith("local:") and ref.pid not in getattr(gazetteer, "_people", {}):
        return None
    try:
        person = gazetteer.person(ref.pid)
    except KeyError:
        return None
    if len(person.offices) < 2:
        return None
    # The title is the run of words right before the name, back to the last punctuation.
    phrase = re.split(r"[,;:()\[\]—–]|\s-+\s", text[max(0, hit.start - 70):hit.start])[-1]
    before = {w.lower().strip(".,") for w in phrase.split()} - _TITLE_STOP
    best, best_score, tie = None, 0, False
    for office in person.offices:
        words = {w.lower().strip(".,") for w in office.title.split()} - _TITLE_STOP
        score = len(words & before)
        if score > best_score:
            best, best_score, tie = office, score, False
        elif score == best_score and score:
            tie = True
    if best is None or tie or best_score < 2 or best.start is None:
        return None
    return (best.start, best.end)


_MAJESTY = re.compile(r"(?i)(?:his|her) majesty")
_MONARCH_TITLE = re.compile(r"\b(?:King|Queen|Emir|Amir|Sultan|Emperor|Monarch|Grand Duke|Sovereign)\b")


def _monarch(pid: str, on, gazetteer) -> bool:
    try:
        offices = gazetteer.offices_on(pid, on) if on else gazetteer.person(pid).offices
    except KeyError:
        return False
    return any(o.role == "head_of_state" and _MONARCH_TITLE.search(o.title or "") for o in offices)


def _people(text: str, on: dt.date | None, gazetteer, state: _State, hits=None) -> list[_Ref]:
    """The office-holders named or titled in a sentence, resolved on a date, in text order.

    ``hits`` is the people layer's scan of the sentence, when the caller has it already.
    """
    from ..people import ResolveContext

    refs: list[_Ref] = []
    seen: set[str] = set()
    # "the Prime Minister" is the home country's: the story subject's, else the page's
    # address's, else the country of the first place the page names ("10 Downing Street").
    homes = [c for c in dict.fromkeys((state.subject.country if state.subject is not None else None, state.home,
                                        state.place_home)) if c]
    contexts = [ResolveContext(country=c, recent=tuple(state.recent[-8:])) for c in homes] or [ResolveContext()]
    context = contexts[0]
    hits = gazetteer.scan(text) if hits is None else hits
    for k, hit in enumerate(hits):
        if hit.kind == "name" and _part_of_longer_name(text, hit):
            continue
        if hit.kind == "title" and _STAFF_OF.search(text[max(0, hit.start - 40):hit.start]):
            continue  # "Assistant to the President ... John Bolton": part of someone's title
        if hit.kind == "title" and hit.country is None and k + 1 < len(hits) and hits[k + 1].kind == "name" \
                and _TITLE_OF.fullmatch(text[hit.end:hits[k + 1].start]):
            continue  # "Prime Minister of the Republic of Bulgaria Kiril Petkov": the title of the name
        if hit.kind == "title" and (re.search(r"(?i)[-\s](?:elect|designate)$", hit.text)
                                    or re.match(r"(?i)[-\s](?:elect|designate)\b", text[hit.end:hit.end + 11])):
            continue  # "the then President-elect": not the holder of the office the title names
        if hit.kind == "title" and hit.country is None and k > 0 and hits[k - 1].kind == "name" \
                and _APPOSED.fullmatch(text[hits[k - 1].end:hit.start]):
            continue  # "Wang Yi, State Councilor and Minister of Foreign Affairs,": the name's own title
        if hit.kind == "name" and not hit.person_ids:
            ref = _untracked(hit, on, gazetteer, context) or _inner_name(text, hit, on, gazetteer, context, state)
            if ref is None and hit.role in _MINISTERS and hit.country is None and state.home \
                    and not _STAFF_OF.search(text[max(0, hit.start - 40):hit.start]):
                # "Federal Minister of Defence Boris Pistorius" on the ministry's own page: the
                # page's country's minister
                ref = _untracked(replace(hit, country=state.home), on, gazetteer, context)
            nxt = hits[k + 1] if k + 1 < len(hits) else None
            if ref is None and nxt is not None and nxt.kind == "title" and nxt.role \
                    and _APPOSED.fullmatch(text[hit.end:nxt.start]) and (nxt.country or context.country):
                # "Pradeep Kumar Gyawali, Minister for Foreign Affairs,": the title after the name
                ref = _untracked(replace(hit, country=nxt.country or context.country, role=nxt.role), on,
                                 gazetteer, context)
            if ref is None:
                continue
        else:
            ref = None
            royal = hit.kind == "title" and _MAJESTY.fullmatch(hit.text) is not None
            for ctx in contexts if hit.kind == "title" and hit.country is None else [context]:
                ref = _resolved_ref(hit, on, gazetteer, ctx, state)
                if ref is not None and royal and not _monarch(ref.pid, on, gazetteer):
                    ref = None  # "His Majesty" is a king's, not the head of state of a republic
                if ref is not None:
                    break
            if hit.kind == "title" and hit.country is None and not royal:
                ref = _named_holder(hit, ref, on, gazetteer, state)
            if ref is None and royal:
                # else the one monarch the story has named ("His Majesty King Abdullah ...")
                kings = [r for r in state.refs_by_pid.values() if _monarch(r.pid, on, gazetteer)]
                if len(kings) == 1:
                    ref = replace(kings[0], surface=hit.text, start=hit.start)
            if ref is None:
                continue
        if _FORMER_TITLE.search(text[max(0, hit.start - 45):hit.start]) or re.match(r"[-\s]elect\b", text[hit.end:hit.end + 7]):
            # "former U.S. President Donald Trump", "President-elect": no office at the time of writing.
            ref = replace(ref, role=None, titled=False, former=True)
        if not ref.titled and _COUNTERPART.search(text, max(0, hit.start - 40), hit.start):
            # "met his Indonesian counterpart Prabowo Subianto": the office is the subject's
            # kind, whatever the data says the person holds now
            ref = replace(ref, titled=True, role=ref.role or "minister")
        term = _described_term(text, hit, ref, gazetteer)
        if term is not None:
            ref = replace(ref, term=term)
        # Every occurrence is kept: who a clause is about depends on where a name stands.
        refs.append(ref)
        seen.add(ref.pid)
    for m in _COUNTERPART_NAMED.finditer(text):
        # "his Chinese counterpart, Wei Fenghe": a name the data lacks, of that country
        a, b = m.span("name")
        if any(r.start < b and a < r.start + len(r.surface) for r in refs) or \
                any(h.start < b and a < h.end and h.person_ids for h in hits):
            continue  # a name resolved above, or one the data knows
        code = gazetteer.country_code(m.group("nat"))
        if code:
            from ..people import NameHit

            ref = _untracked(NameHit(m.start("name"), m.end("name"), m.group("name"), "name", (), code, "minister"),
                             on, gazetteer, context)
            if ref is not None:
                refs.append(replace(ref, titled=True))
                seen.add(ref.pid)
    for ref in (_titled_officials(text, hits, on, gazetteer) + _the_secretary(text, hits, on, gazetteer, state)
                + _misspelt(text, hits, state) + _known_surnames(text, hits, gazetteer, state)):
        refs.append(ref)
        seen.add(ref.pid)
    refs.sort(key=lambda r: r.start)
    if "s of " in text or " and " in text:
        for ref in _plural_titles(text, on, gazetteer):
            if ref.pid not in seen:
                seen.add(ref.pid)
                refs.append(ref)
        refs.sort(key=lambda r: r.start)
    return refs


# "the Presidents of Ukraine, the Republic of Lithuania and the Republic of Poland":
# one office, several countries, several people.
_PLURAL_TITLE = re.compile(
    r"\b(?P<title>Presidents|Prime Ministers|Foreign Ministers|Ministers of Foreign Affairs|Chancellors|Kings|Emirs)"
    r" of (?P<list>(?:the )?[A-Z][\w'’.-]*(?: (?:of |the )?[A-Z][\w'’.-]*)*(?:, (?:the )?[A-Z][\w'’.-]*(?: (?:of |the )?"
    r"[A-Z][\w'’.-]*)*)*,? and (?:the )?[A-Z][\w'’.-]*(?: (?:of |the )?[A-Z][\w'’.-]*)*)"
)
_PLURAL_ROLES = {
    "presidents": "head_of_state", "prime ministers": "head_of_government", "foreign ministers": "foreign_minister",
    "ministers of foreign affairs": "foreign_minister", "chancellors": "head_of_government",
    "kings": "head_of_state", "emirs": "head_of_state",
}


# "the Russian and Turkish presidents", "the French, German and Italian foreign ministers"
_ADJ = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?"
_PLURAL_TITLE_AFTER = re.compile(
    r"(?P<list>" + _ADJ + r"(?:, " + _ADJ + r")*,? and " + _ADJ + r")\s+"
    r"(?P<title>[Pp]residents|[Pp]rime [Mm]inisters|[Ff]oreign [Mm]inisters|[Cc]hancellors)\b"
)


def _plural_titles(text: str, on, gazetteer) -> list[_Ref]:
    out = []
    for m in list(_PLURAL_TITLE.finditer(text)) + list(_PLURAL_TITLE_AFTER.finditer(text)):
        role = _PLURAL_ROLES[m.group("title").lower()]
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("list")):
            code = _country_of_name(part, gazetteer)
            if code is None:
                continue
            holders = gazetteer.holders(role, code, on) if on is not None else []
            if len(holders) == 1:
                p = holders[0]
                out.append(_Ref(p.id, p.name, code, m.group(), m.start(), role))
    return out


_PRINCIPAL = re.compile(r"(?:President|Prime Minister|Chancellor|King|Queen|Emir|Premier) of\b")


# Offices the packaged data mostly lacks: a name with such a title and no country is the
# page's own country's (heads of state and government are all in the data).
_MINISTERS = frozenset({"defence_minister", "minister", "foreign_minister", "national_security_adviser",
                        "vice_president"})
_COUNTERPART_NAMED = re.compile(r"\b(?P<nat>[A-Z][a-z]+)\s+counterparts?,?\s+(?:(?:Mr|Ms|Mrs|Dr|H\.E\.)\.?\s+)?"
                                r"(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2})\b")
_COUNTERPART = re.compile(r"\bcounterparts?,?\s+(?:(?:Mr|Ms|Mrs|Dr|H\.E\.)\.?\s+)?$")
_APPOSED = re.compile(r",\s*(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+and\s+)?")


def _title_words(hit) -> str:
    return re.sub(r"(?i)^(?:the|a|our|his|her)\s+", "", hit.text).lower()


def _holds_titled(pid: str, words: str, on, gazetteer) -> bool:
    return any(words in (o.title or "").lower() for o in gazetteer.offices_on(pid, on))


def _named_holder(hit, ref, on, gazetteer, state: _State):
    """ "The Chancellor" on an Indian briefing about a German visit: the chancellor the
    story has named, when the home country's holder of the role is not called so (a
    White House readout's "the President" stays the home country's)."""
    words = _title_words(hit)
    if not words or (ref is not None and _holds_titled(ref.pid, words, on, gazetteer)):
        return ref
    holders = [state.refs_by_pid[pid] for pid in dict.fromkeys(reversed(state.recent)) if pid in state.refs_by_pid
               and state.refs_by_pid[pid].role == hit.role and _holds_titled(pid, words, on, gazetteer)]
    if holders and (ref is not None or len(holders) == 1):
        # with no home country to go by, only when the story has named one such holder
        return replace(holders[0], surface=hit.text, start=hit.start)
    return ref


def _resolved_ref(hit, on, gazetteer, context, state: _State) -> _Ref | None:
    res = gazetteer.resolve_hit(hit, on=on, context=context)
    if res.status == "resolved" and res.person is not None and len(hit.person_ids) > 1 and not hit.title \
            and gazetteer.level(res.person.id, on) != "leader":
        # A bare surname several people of the story share ("Kim"): the leader among them.
        leader = next((pid for pid in reversed(state.recent) if pid in hit.person_ids and pid != res.person.id
                       and gazetteer.level(pid, on) == "leader"), None)
        if leader is not None:
            return replace(state.refs_by_pid[leader], surface=hit.text, start=hit.start)
    if res.status == "resolved" and res.person is not None:
        office = res.office
        country = office.country if office is not None else (hit.country or res.person.country)
        if office is not None and hit.country is None:
            # The French President is also Co-Prince of Andorra: the office the title names
            # ("President Macron": President of France), else the principal one, says which
            # country he acts for.
            word = hit.title.split()[-1].lower() if hit.title else None
            held = [o for o in gazetteer.offices_on(res.person.id, on) if o.role == office.role]
            named = [o for o in held if word and o.title.lower().startswith(word)] or \
                [o for o in held if _PRINCIPAL.match(o.title)]
            if named and office not in named:
                office = min(named, key=lambda o: (o.start or dt.date.min, o.country))
                country = office.country
        return _Ref(res.person.id, res.person.name, country, hit.text, hit.start,
                    office.role if office else hit.role, titled=bool(hit.role or hit.kind == "title"))
    if hit.kind == "name" and len(hit.person_ids) == 1:
        # A name the data knows, not in office on the date (a former leader, an older story).
        try:
            person = gazetteer.person(hit.person_ids[0])
        except KeyError:
            return None
        return _Ref(person.id, person.name, person.country, hit.text, hit.start)
    if res.status == "ambiguous" and hit.kind == "name":
        # Prefer someone already in the story; of several, a head of state or government
        # ("Kim" alone in a story that named both Kim Jong Un and Kim Yong-chol is the
        # leader), then the one named last.
        ids = [c.person.id for c in res.candidates if c.person is not None]
        known = [pid for pid in reversed(state.recent) if pid in ids]
        if known:
            leaders = [pid for pid in known if gazetteer.level(pid, on) == "leader"]
            return replace(state.refs_by_pid[(leaders or known)[0]], surface=hit.text, start=hit.start)
    return None


_NAME_SHAPE = re.compile(r"(?:[A-Z][\w'’.-]+|bin|al|de|da|von|der|van|el)(?: (?:[A-Z][\w'’.-]+|bin|al|de|da|von|der|van|el)){1,4}")


def _inner_name(text: str, hit, on, gazetteer, context, state) -> _Ref | None:
    """A known name inside an unknown run of capitalised words ("Royal Highness Prince
    Mohammed bin Salman bin Abdulaziz Al Saud"): read again from each later word."""
    for m in re.finditer(r"\s+(?=[A-Z])", hit.text):
        start = hit.start + m.end()
        for inner in gazetteer.scan(text[start:start + 80]):
            if inner.kind == "name" and inner.person_ids and inner.start < hit.end - start + 1:
                shifted = replace(inner, start=inner.start + start, end=inner.end + start)
                return _resolved_ref(shifted, on, gazetteer, context, state)
            break
    return None


def _untracked(hit, on, gazetteer, context) -> _Ref | None:
    """A named official the data lacks, after a title that gives the country ("Chilean
    Foreign Minister Teodoro Ribera"): the office-holder if the name is theirs, else a
    local person of that country."""
    if not hit.country or not hit.role:
        return None
    from ..people import NameHit

    res = gazetteer.resolve_hit(NameHit(hit.start, hit.end, hit.text, "title", (), hit.country, hit.role),
                                on=on, context=context)
    if res.status == "resolved" and res.person is not None:
        if _same_name(res.person.name, hit.text):
            office = res.office
            return _Ref(res.person.id, res.person.name, hit.country, hit.text, hit.start,
                        office.role if office else hit.role)
    name = hit.text.strip()
    if not _NAME_SHAPE.fullmatch(name) or gazetteer.country_code(name.split()[0]) or len(name) > 60:
        return None
    if len(name.split()[-1].rstrip(".")) < 2:
        return None  # "Antony J." is the start of a name the scan cut short
    slug = re.sub(r"[^a-z0-9]+", "-", _ascii(name).lower()).strip("-")
    return _Ref(f"local:{slug}", name, hit.country, hit.text, hit.start, hit.role)


def _same_name(canonical: str, written: str) -> bool:
    """Does a written name spell the office-holder's ("Barham Saleh" for Barham Salih)?"""
    from difflib import SequenceMatcher

    have = [w for w in re.split(r"[\s-]+", _ascii(written).lower()) if len(w) > 2]
    for part in re.split(r"[\s-]+", _ascii(canonical).lower())[-2:]:
        if len(part) > 2 and any(w == part or SequenceMatcher(None, w, part).ratio() >= 0.8 for w in have):
            return True
    return False


def _ascii(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _speaker(text: str, gazetteer, on, state: _State) -> _Ref | None:
    """The speaker of a transcript turn ("President of Russia Vladimir Putin: ...")."""
    m = _SPEAKER_LINE.match(text)
    if not m:
        return None
    refs = _people(m.group("name"), on, gazetteer, state)
    return refs[-1] if refs else None
_WITH_BEFORE = re.compile(
    r"\b(?:with|to|met|meets|meet|received|receives|hosted|hosts|welcomed|welcomes|called|calls|phoned|visited|visits)\b[^.;]{0,70}$",
    re.I,
)


# "X explained to Y that ...", "X told Y that ...": Y hears about the contacts that
# follow; X is their subject.
_REPORTING = re.compile(
    r"\b(?:explained|told|informed|briefed|assured|reminded|updated)\b(?:\s+to)?[^.;:]{0,80}?\bthat\b"
    r"|\bbrief(?:ed|s|ing)?\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:about|on)\b", re.I
)


_POSSESSIVE = re.compile(r"[’']s\s+(?P<noun>[\w-]+(?:\s+[\w-]+){0,2})")
_CONTACT_NOUNS = frozenset("call phone telephone meeting talks visit trip tour conversation summit counterpart invitation".split())


def _without_possessors(text: str, refs: list[_Ref]) -> list[_Ref]:
    """ "Trump's national security adviser": Trump describes someone else; he takes no part."""
    out = []
    for r in refs:
        end = r.start + len(r.surface)
        m = _POSSESSIVE.match(text, end)
        if m and not _CONTACT_NOUNS.intersection(m.group("noun").lower().split()):
            continue
        out.append(r)
    return out


# "delivers a letter from the North Korean leader to Trump": the sender is not there.
_SENT_BY = re.compile(r"\b(?:letter|message|note)s?\s+from\s+$", re.I)


# "The Prime Minister updated the Chancellor on his call with President Zelenskyy": the
# one told of a contact was not in it.
_TOLD_OF = re.compile(r"\b(?:updated|briefed|informed|debriefed|apprised)\s+(?P<audience>[^,.;]{2,70}?)\s+(?:on|about|of)\s+"
                      r"(?:his|her|their|the)\s+(?:[\w-]+\s+){0,2}(?:call|conversation|talks|meeting|visit|trip|"
                      r"discussions?|contacts?)\b")


def _without_senders(text: str, refs: list[_Ref]) -> list[_Ref]:
    refs = [r for r in refs if not _SENT_BY.search(text[max(0, r.start - 30):r.start])]
    told = _TOLD_OF.search(text)
    if told:
        a, b = told.span("audience")
        rest = [r for r in refs if not a <= r.start < b]
        if len(rest) >= 2:
            return rest
    return refs


_QUOTE = re.compile(r"“[^”]{3,}”|\"[^\"]{3,}\"")


def _outside_quotes(text: str, refs: list[_Ref], triggers) -> list[_Ref]:
    """A contact reported outside quotation marks does not involve the people quoted about."""
    quotes = [m.span() for m in _QUOTE.finditer(text)]
    if not quotes or not triggers:
        return refs
    def inside(pos):
        return any(a <= pos < b for a, b in quotes)
    if all(inside(t[0]) for t in triggers):
        return refs
    return [r for r in refs if not inside(r.start)]


def _outside_reporting_frame(text: str, refs: list[_Ref], triggers) -> list[_Ref]:
    m = _REPORTING.search(text)
    if not m or not any(t[0] >= m.end() for t in triggers):
        return refs
    frame = [r for r in refs if r.start < m.start()]
    listeners = [r for r in refs if m.start() <= r.start < m.end()]
    if not frame or not listeners:
        return refs
    listener_ids = {r.pid for r in listeners}
    return [r for r in refs if r.pid not in listener_ids or r.start >= m.end()]


_WITH_LIST = re.compile(r"\b(?:with|from)\s+(?:[\w'’.-]+\s+){0,8}$", re.I)


def _with_story_subject(text: str, people: list[_Ref], state: _State, clause_start: int = 0) -> list[_Ref]:
    """ "...telephonic conversations with A and B", no one named before "with": the story's
    subject is the other side of each contact. Only the clause's own words count: in "...in
    a meeting with A, while visiting the South", the visit's subject is carried over, and
    the "with" before it is another clause's."""
    subject = state.subject
    if subject is None or not people or not subject.country:
        return people
    if subject.pid in {p.pid for p in people}:
        return people
    first = min(people, key=lambda p: p.start)
    before = text[clause_start:first.start]
    if re.search(r"\b(?:I|we|he|she|they)\b", before):
        return people
    if _WITH_LIST.search(before) or (len({p.country for p in people}) == 1 and subject.country not in
                                     {p.country for p in people} and _WITH_BEFORE.search(before)):
        return [replace(subject, start=0)] + people
    return people


# Words after which the people named are what was discussed, not who took part.
_TOPIC_START = re.compile(
    r"\b(?:about|regarding|concerning|discuss(?:ed|es|ing)?|including|on the (?:issue|question|situation|case|visit)|"
    r"congratulated\s+\w+\s+on)\b",
    re.I,
)


_BETWEEN = re.compile(r"\s*(?:(?:conversation|call|talks|meeting|summit|contact|talk)s?\s+)?(?:(?:held|was held|took place)\s+)?"
                      r"between\s+")


def _engaged(text: str, people: list[_Ref], triggers) -> list[_Ref]:
    """Drop the people a sentence only talks about ("...discussed President X's visit")."""
    if len(people) <= 2:
        return people
    for _, end, _, _ in triggers:
        # "the Summit Meeting held between A and B": the contact's people are those two
        between = _BETWEEN.match(text, end)
        if between:
            inside = [p for p in people if between.end() <= p.start < between.end() + 120]
            if len(inside) >= 2 and len({p.country for p in inside if p.country}) >= 2:
                return inside
    first_trigger_end = triggers[0][1]
    topic = _TOPIC_START.search(text, first_trigger_end)
    if topic is None:
        return people
    kept = [p for p in people if p.start < topic.start() or _WITH_LIST.search(text[topic.start():p.start])]
    return kept if len({p.country for p in kept if p.country}) >= 2 else people


def _holding_office(people: list[_Ref], date: ResolvedDate, gazetteer) -> tuple[list[_Ref], dict[str, str]]:
    """Keep the people who held an office on the date of the contact.

    A contact while a participant held no office (a senator, a candidate, a
    president-elect, a leader between terms) is not an engagement between
    governments. People the data knows no office of at all are kept, flagged; so
    are people the text gives an office the data lacks on that date. Returns the
    people kept and the flag of each flagged one.
    """
    if not date.value:
        return people, {}
    kept, flags = [], {}
    for p in people:
        if p.former:
            continue  # "former President X": out of office when the text was written
        try:
            person = gazetteer.person(p.pid)
        except KeyError:
            kept.append(p)  # a named official the data lacks: their office is the title's
            continue
        if not person.offices:
            kept.append(p)
            flags[p.pid] = "office-unknown"
        elif gazetteer.offices_on(p.pid, date.value):
            kept.append(p)
        elif p.titled and p.role is not None:
            # The text gives the office the data lacks on that date ("Kuwaiti Crown Prince Mishal").
            kept.append(p)
            flags[p.pid] = "office-from-text"
    return kept, flags


def _as_participants(people, gazetteer, date: ResolvedDate) -> tuple[Participant, ...]:
    return tuple(Participant(p.surface, p.name, p.pid, p.country, p.role) for p in people)


def _level(participants, gazetteer, date: ResolvedDate) -> str | None:
    levels = []
    for p in participants:
        try:
            levels.append(gazetteer.level(p.person_id, date.value))
        except KeyError:
            levels.append("official")  # a local person: no office the data knows
    return "leader" if levels and all(lv == "leader" for lv in levels) else "official"
