"""Merging event mentions across articles: through the store, incrementally, by (type, actor) key."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import linimasa
from linimasa.link.events import Resolved, date_conflict, merge_mentions
from linimasa.model import DateValue, Event, EventActor, EventMention

A1 = ("Jakarta, Kamis (19/6/2025) - Presiden Prabowo Subianto bertemu Presiden Rusia Vladimir Putin "
      "di St Petersburg, Kamis (19/6/2025). Keduanya membahas kerja sama energi.\n")
A2 = ("Moskwa, Jumat (20/6/2025) - Presiden Vladimir Putin menerima Presiden Prabowo Subianto di St Petersburg "
      "pada Kamis (19/6/2025). Putin bertemu Prabowo Subianto selama dua jam.\n")
A3 = ("Jakarta, Senin (22/6/2026) - Presiden Prabowo Subianto bertemu Presiden Vladimir Putin di Moskwa "
      "pada Senin (22/6/2026).\n")


def _consults(corpus):
    return [e for e in corpus.events if e.type == "CONSULT"]


def test_one_meeting_reported_by_two_articles_is_one_event():
    c = linimasa.process([A1, A2])
    meetings = [e for e in _consults(c) if e.date and e.date.value == "2025-06-19"]
    assert len(meetings) == 1
    assert len({m.article for m in meetings[0].mentions}) == 2
    assert meetings[0].summary and "Petersburg" in meetings[0].summary


def test_a_meeting_a_year_later_stays_apart():
    c = linimasa.process([A1, A3])
    dates = sorted(e.date.value for e in _consults(c) if e.date)
    assert "2025-06-19" in dates and "2026-06-22" in dates
    assert not any({"2025-06-19", "2026-06-22"} <= {m.date.value for m in e.mentions if m.date}
                   for e in _consults(c))


def test_incremental_merge_finds_the_stored_event(tmp_path):
    db = str(tmp_path / "n.db")
    linimasa.process([A1], store=db)
    c = linimasa.process([A2], store=db)
    meetings = [e for e in _consults(c) if e.date and e.date.value == "2025-06-19"]
    assert len(meetings) == 1 and len({m.article for m in meetings[0].mentions}) == 2


def _mention(article: str, value: str, precision: str, mod: str | None = None) -> EventMention:
    return EventMention(article=article, start=0, end=10, text=f"Taliban took power ({article})", type="COERCE",
                        trigger="took power", date=DateValue(value, precision),  # type: ignore[arg-type]
                        date_how="sentence", date_mod=mod, date_text=value, source="Taliban")


def test_sources_that_disagree_on_the_date_give_a_date_conflict():
    new = [Resolved(_mention("a1", "2021-08-25", "day"), "id", ["taliban"]),
           Resolved(_mention("a2", "2021-08", "month", "MID"), "id", ["taliban"])]
    result = merge_mentions(new, lambda keys: [], {})
    assert len(result.events) == 1
    (c,) = result.conflicts
    assert c.kind == "date" and {v.value for v in c.values} == {"2021-08-25", "2021-08"}


def test_agreeing_dates_give_no_conflict():
    ev = Event("e", "COERCE", mentions=[_mention("a1", "2021-08-15", "day"), _mention("a2", "2021-08", "month")])
    assert date_conflict(ev) is None


def test_merging_reads_only_events_with_the_new_keys():
    asked = []

    def fetch(keys):
        asked.append(set(keys))
        return []

    merge_mentions([Resolved(_mention("a1", "2021-08-25", "day"), "id", ["taliban"])], fetch, {})
    assert asked == [{("COERCE", "taliban")}]


def test_events_cli_lists_filters_and_formats(tmp_path):
    db = str(tmp_path / "n.db")
    linimasa.process([A1, A2], store=db)
    run = lambda *a: subprocess.run([sys.executable, "-m", "linimasa.cli", "events", "--db", db, *a],  # noqa: E731
                                    capture_output=True, text=True, check=True).stdout
    text = run("--type", "consult", "--actor", "Vladimir Putin")
    assert "CONSULT" in text and "trigger 'bertemu'" in text
    rows = json.loads(run("--format", "json", "--from", "2025-06", "--to", "2025-06"))
    assert rows and all(r["date"]["value"].startswith("2025-06") for r in rows if r["date"])
    assert all(r["mentions"] for r in rows)
    csv_out = run("--format", "csv", "--type", "ASSAULT")
    assert csv_out.splitlines()[0].startswith("id,date,precision,type")
    assert len(csv_out.splitlines()) == 1  # no assault in these articles


def _counted(article: str, text: str) -> EventMention:
    return EventMention(article=article, start=0, end=len(text), text=text, type="THREATEN", trigger="warned",
                        date=DateValue("2021-10-14", "day"), date_how="sentence", source="Putin")  # type: ignore[arg-type]


def test_numbers_that_disagree_are_a_number_conflict():
    new = [Resolved(_counted("a1", "Putin memperingatkan bahwa 2.000 militan berkumpul."), "id", ["putin"]),
           Resolved(_counted("a2", "Putin memperingatkan sekitar 1.000 militan berkumpul."), "id", ["putin"])]
    (c,) = [c for c in merge_mentions(new, lambda keys: [], {}).conflicts if c.kind == "number"]
    assert "militan" in c.note and "disagree" in c.note
    assert {v.value for v in c.values} == {"2.000 militan", "sekitar 1.000 militan"}


def test_days_of_a_month_and_clock_times_are_no_counts():
    """"pada 19 Juni" and "pada 20 Juni", "pukul 10.00 WIB" and "pukul 11.00 WIB": dates and times of
    one story, not counts of "juni" or "wib" the sources disagree on; nor are a sentence sought and one
    handed down, or a case's losses and its bribe."""
    new = [Resolved(_counted("a1", "Putin memperingatkan pada 19 Juni pukul 10.00 WIB, 2.000 militan berkumpul."),
                    "id", ["putin"]),
           Resolved(_counted("a2", "Putin memperingatkan pada 20 Juni pukul 11.00 WIB, 2.000 militan berkumpul."),
                    "id", ["putin"])]
    assert not [c for c in merge_mentions(new, lambda keys: [], {}).conflicts if c.kind == "number"]
    new = [Resolved(_counted("a1", "Jaksa menuntut 20 tahun penjara atas kerugian negara Rp 11,8 triliun."), "id",
                    ["putin"]),
           Resolved(_counted("a2", "Hakim memvonis 16 tahun penjara; suap Rp 2 triliun kepada hakim."), "id",
                    ["putin"])]
    assert not [c for c in merge_mentions(new, lambda keys: [], {}).conflicts if c.kind == "number"]
    new = [Resolved(_counted("a3", "Putin warned on 19 June that 2,000 militants gathered."), "en", ["putin"]),
           Resolved(_counted("a4", "Putin warned on 20 June that 2,000 militants gathered."), "en", ["putin"])]
    assert not [c for c in merge_mentions(new, lambda keys: [], {}).conflicts if c.kind == "number"]


def test_rounding_is_a_soft_conflict():
    new = [Resolved(_counted("a1", "Sebanyak 142 korban dirawat."), "id", ["putin"]),
           Resolved(_counted("a2", "Sekitar 140 korban dirawat."), "id", ["putin"])]
    (c,) = [c for c in merge_mentions(new, lambda keys: [], {}).conflicts if c.kind == "number"]
    assert "soft" in c.note


def test_happened_and_did_not_happen_is_a_mode_conflict():
    yes = _mention("a1", "2021-08-25", "day")
    no = _mention("a2", "2021-08-25", "day")
    no.mode = "negated"
    result = merge_mentions([Resolved(yes, "id", ["taliban"]), Resolved(no, "id", ["taliban"])], lambda k: [], {})
    assert len(result.events) == 2  # "did not" is no source for the event
    (c,) = [c for c in result.conflicts if c.kind == "other"]
    assert {v.value for v in c.values} == {"asserted", "negated"} and c.note.startswith("mode")


def test_a_back_reference_adds_a_source_and_never_a_new_event():
    text = ("Jakarta, Kamis (19/6/2025) - Presiden Prabowo Subianto bertemu Presiden Vladimir Putin di "
            "St Petersburg pada Kamis (19/6/2025). Pertemuan itu berlangsung selama dua jam.\n")
    c = linimasa.process([text])
    consults = _consults(c)
    assert len(consults) == 1
    triggers = sorted(m.trigger for m in consults[0].mentions)
    assert triggers == ["Pertemuan", "bertemu"]
    assert consults[0].date and consults[0].date.value == "2025-06-19"


def test_the_dead_and_the_injured_of_one_event_are_two_counts_not_a_conflict():
    """Two sources that count the dead and the injured of one attack count two things ("menewaskan
    258 orang", "5.500 orang luka-luka"); sources that disagree on the dead still conflict."""
    new = [Resolved(_counted("a1", "Ledakan itu menewaskan 258 orang di Nairobi."), "id", ["putin"]),
           Resolved(_counted("a2", "Sebanyak 5.500 orang luka-luka akibat ledakan itu."), "id", ["putin"])]
    assert not [c for c in merge_mentions(new, lambda keys: [], {}).conflicts if c.kind == "number"]
    new.append(Resolved(_counted("a3", "Ledakan itu menewaskan 240 orang."), "id", ["putin"]))
    (c,) = [c for c in merge_mentions(new, lambda keys: [], {}).conflicts if c.kind == "number"]
    assert "orang (dead)" in c.note and "disagree" in c.note
    assert {v.value for v in c.values} == {"258 orang", "240 orang"}


def test_a_bound_agrees_with_every_count_inside_it():
    """A toll reported as it rose ("sedikitnya 110 orang", "lebih dari 200 orang", then "257 orang")
    is no conflict: each bound holds the final count. A count outside a bound is ("sedikitnya 300
    orang" against "257 orang"), and so are two bounds that exclude each other."""
    def toll(article: str, text: str) -> Resolved:
        return Resolved(_counted(article, text), "id", ["putin"])

    rising = [toll("a1", "Ledakan itu menewaskan sedikitnya 110 orang."),
              toll("a2", "Ledakan itu menewaskan lebih dari 200 orang."),
              toll("a3", "Ledakan itu menewaskan 257 orang.")]
    assert not [c for c in merge_mentions(rising, lambda keys: [], {}).conflicts if c.kind == "number"]
    outside = [toll("a1", "Ledakan itu menewaskan sedikitnya 300 orang."),
               toll("a2", "Ledakan itu menewaskan 257 orang.")]
    (c,) = [c for c in merge_mentions(outside, lambda keys: [], {}).conflicts if c.kind == "number"]
    assert "disagree" in c.note
    apart = [toll("a1", "Ledakan itu menewaskan lebih dari 300 orang."),
             toll("a2", "Ledakan itu menewaskan kurang dari 200 orang.")]
    assert [c for c in merge_mentions(apart, lambda keys: [], {}).conflicts if c.kind == "number"]


def test_english_counts_read_their_roles_and_scales():
    """English counts: "killed 247 people" and "more than 5,500 people were injured" are two counts;
    "1.2 million people" is 1,200,000 against "about 1,150,000 people" (a soft conflict)."""
    new = [Resolved(_counted("a1", "The bombings killed 247 people in Kenya."), "en", ["putin"]),
           Resolved(_counted("a2", "More than 5,500 people were injured, mostly Kenyans."), "en", ["putin"])]
    assert not [c for c in merge_mentions(new, lambda keys: [], {}).conflicts if c.kind == "number"]
    new = [Resolved(_counted("a1", "The floods displaced 1.2 million people."), "en", ["putin"]),
           Resolved(_counted("a2", "The floods displaced about 1,150,000 people."), "en", ["putin"])]
    (c,) = [c for c in merge_mentions(new, lambda keys: [], {}).conflicts if c.kind == "number"]
    assert "soft" in c.note and "(displaced)" in c.note


def test_a_summary_names_the_two_sources_its_mentions_name_most():
    """An event told by many reports gathers every source any of them named; its summary names the
    two its mentions name most, not all of them in id order."""
    from linimasa.link.events import summarise

    def said(article: str, source: str) -> EventMention:
        return EventMention(article=article, start=0, end=10, text=f"{source} bertemu.", type="CONSULT",
                            trigger="bertemu", source=source, target="Indonesia")

    ev = Event(id="e", type="CONSULT", language="id",
               mentions=[said("a1", "Vladimir Putin dan Prabowo Subianto"), said("a2", "Prabowo Subianto"),
                         said("a3", "Mukhamad Misbakhun"), said("a4", "Vladimir Putin"), said("a5", "Sugiono")],
               actors=[EventActor("a", "source"), EventActor("m", "source"), EventActor("p", "source"),
                       EventActor("s", "source"), EventActor("v", "source"), EventActor("i", "target")])
    names = {"a": "Andre Septiyanto", "m": "Mukhamad Misbakhun", "p": "Prabowo Subianto", "s": "Sugiono",
             "v": "Vladimir Putin", "i": "Indonesia"}
    assert summarise(ev, names) == "Prabowo Subianto dan Vladimir Putin bertemu Indonesia"


def test_a_summary_leaves_out_a_pronoun_no_name_stands_for():
    """"... undangan saya ...", kata Presiden Putin usai pertemuan dengan Presiden Prabowo": read apart
    from its quote, "Presiden bertemu saya" names nobody; a plural phrase ("kedua negara") still tells
    who."""
    from linimasa.link.events import summarise

    def said(source: str, target: str) -> Event:
        m = EventMention(article="a1", start=0, end=10, text="x", type="CONSULT", trigger="bertemu",
                         source=source, target=target, place="Istana Konstantinovsky")
        return Event(id="e", type="CONSULT", language="id", mentions=[m])

    assert summarise(said("Presiden", "saya"), {}) == "Presiden bertemu di Istana Konstantinovsky"
    assert summarise(said("dia", "Presiden Prabowo"), {}).startswith("Presiden Prabowo")
    assert summarise(said("Kami", ""), {}).startswith("Kami")  # nothing else to say who
    assert summarise(said("kedua negara", "Presiden Prabowo"), {}).startswith("Kedua negara bertemu Presiden Prabowo")


def test_a_summary_never_names_a_source_again_as_its_target():
    """Two leaders who met are the event's sources; a mention that wrote one of them as its target must
    not make it "Prabowo Subianto dan Vladimir Putin bertemu Vladimir Putin"."""
    from linimasa.link.events import summarise

    m = EventMention(article="a1", start=0, end=10, text="x", type="CONSULT", trigger="bertemu",
                     source="Prabowo Subianto", target="Vladimir Putin")
    ev = Event(id="e", type="CONSULT", language="id", mentions=[m],
               actors=[EventActor("p", "source"), EventActor("v", "source")])
    names = {"p": "Prabowo Subianto", "v": "Vladimir Putin"}
    assert summarise(ev, names) == "Prabowo Subianto dan Vladimir Putin bertemu"


def test_a_summary_with_nobody_named_says_what_happened():
    """"Kebakaran ... di Jalan J ... menewaskan satu orang": nobody is named; the summary says what
    happened and where, not "Menewaskan diserang"."""
    from linimasa.link.events import summarise

    def told(lang: str, mode: str) -> Event:
        m = EventMention(article="a1", start=0, end=10, text="x", type="ASSAULT", trigger="menewaskan",
                         place="Jalan J", mode=mode)  # type: ignore[arg-type]
        return Event(id="e", type="ASSAULT", language=lang, mode=mode, mentions=[m])  # type: ignore[arg-type]

    assert summarise(told("id", "asserted"), {}) == "Serangan di Jalan J"
    assert summarise(told("id", "planned"), {}) == "Rencana serangan di Jalan J"
    assert summarise(told("en", "asserted"), {}) == "Attack in Jalan J"


def _meeting(article: str, value: str, source: str, how: str = "sentence") -> EventMention:
    """A meeting dated in its own sentence, or (`how` "article") by its article's date only."""
    return EventMention(article=article, start=0, end=10, text=f"{source} bertemu ({article})", type="CONSULT",
                        trigger="bertemu", date=DateValue(value, "day"),  # type: ignore[arg-type]
                        date_how=how, date_text=value, source=source)


def test_one_actor_and_a_week_join_mentions_of_one_story_only():
    """Two meetings of one week whose only common actor is Indonesia: one event when their articles
    are reports of one story, two when they are of two stories (a state visit and a trade talk)."""
    names = {"id": "Indonesia", "putin": "Vladimir Putin", "xi": "Xi Jinping"}
    a = Resolved(_meeting("a1", "2025-06-19", "Putin"), "id", ["putin"], ["id"], story="visit")
    b = Resolved(_meeting("a2", "2025-06-21", "Xi", "article"), "id", ["xi"], ["id"], story="visit")
    assert len(merge_mentions([a, b], lambda keys: [], names).events) == 1
    b.story = "trade"
    assert len(merge_mentions([a, b], lambda keys: [], names).events) == 2
    a.story = b.story = None  # no stories stage: actor and date alone
    assert len(merge_mentions([a, b], lambda keys: [], names).events) == 1


def test_a_stored_event_of_another_story_is_joined_only_on_its_day_by_one_of_its_actors():
    """A report the stories stage kept apart still tells the stored meeting when it gives the same
    day in its own words and names one of its actors that is no place; a shared country is not enough."""
    names = {"id": "Indonesia", "putin": "Vladimir Putin", "prabowo": "Prabowo Subianto"}
    stored = merge_mentions([Resolved(_meeting("a1", "2025-06-19", "Prabowo"), "id", ["prabowo"], ["putin", "id"],
                                      story="visit")], lambda keys: [], names).events[0]

    def merged(r: Resolved) -> int:
        result = merge_mentions([r], lambda keys: [copy.deepcopy(stored)], names,
                                stories_of=lambda ids: {"a1": "visit"})
        return len(result.events[0].mentions)

    assert merged(Resolved(_meeting("a2", "2025-06-19", "Putin"), "id", ["putin"], story="other")) == 2
    assert merged(Resolved(_meeting("a2", "2025-06-20", "Putin"), "id", ["putin"], story="other")) == 1  # another day
    assert merged(Resolved(_meeting("a2", "2025-06-19", "Indonesia"), "id", ["id"], story="other")) == 1  # a place
    # within its own story, a shared country and a week are enough
    assert merged(Resolved(_meeting("a2", "2025-06-20", "Indonesia", "article"), "id", ["id"], story="visit")) == 2


def test_a_story_lists_the_events_told_in_it():
    """The events stage runs after the stories stage and lists each new event in its story."""
    c = linimasa.process([A1, A3])
    assert c.events and c.stories
    for s in c.stories:
        told = {e.id for e in c.events if any(m.article in s.articles for m in e.mentions)}
        assert told and set(s.events) == told and len(s.events) == len(set(s.events))


def test_story_events_are_appended_once_each(tmp_path):
    from linimasa.model import Story
    from linimasa.store.sqlite import SQLiteStore

    store = SQLiteStore(str(tmp_path / "s.db"))
    store.save_stories([Story(id="st", label="x", events=["ev_a"])], {})
    store.add_story_events({"st": ["ev_b", "ev_a", "ev_b", "ev_c"], "missing": ["ev_d"]})
    assert store.stories(["st"])[0].events == ["ev_a", "ev_b", "ev_c"]


def _act(article: str, type_: str, source: str) -> EventMention:
    return EventMention(article=article, start=0, end=10, text=f"{source} ({article})", type=type_, trigger="x",
                        date=DateValue("2025-06-19", "day"), date_how="article",  # type: ignore[arg-type]
                        date_text="2025-06-19", source=source)


def test_acts_of_one_type_by_other_doers_are_other_events():
    """One shared actor no longer chains every act of a type in a story: Misbakhun backing Prabowo's
    visit and Putin welcoming Prabowo are two acts; Prabowo meeting Manturov at the airport and Putin
    at the palace two meetings; the same two leaders told twice, one meeting."""
    names = {"id": "Indonesia", "putin": "Vladimir Putin", "prabowo": "Prabowo Subianto",
             "misbakhun": "Mukhamad Misbakhun", "manturov": "Denis Manturov"}

    def events(*rs: Resolved) -> int:
        return len(merge_mentions(list(rs), lambda keys: [], names).events)

    backs = Resolved(_act("a1", "SUPPORT", "Misbakhun"), "id", ["misbakhun"], ["prabowo"], story="visit")
    welcomes = Resolved(_act("a2", "SUPPORT", "Putin"), "id", ["putin"], ["prabowo"], story="visit")
    also_backs = Resolved(_act("a3", "SUPPORT", "Misbakhun"), "id", ["misbakhun", "id"], ["prabowo"], story="visit")
    assert events(backs, welcomes) == 2
    assert events(backs, also_backs) == 1
    palace = Resolved(_act("a1", "CONSULT", "Prabowo"), "id", ["prabowo"], ["putin"], story="visit")
    airport = Resolved(_act("a2", "CONSULT", "Prabowo"), "id", ["prabowo"], ["manturov"], story="visit")
    retold = Resolved(_act("a3", "CONSULT", "Putin"), "id", ["putin"], ["prabowo", "id"], story="visit")
    assert events(palace, airport) == 2
    assert events(palace, retold) == 1
    country = Resolved(_act("a4", "CONSULT", "Indonesia"), "id", ["id"], ["putin"], story="visit")
    assert events(palace, country) == 1  # one side named by its country only: nothing tells them apart


def test_mentions_whose_actors_no_entity_names_meet_on_either_side():
    """"pihak kepolisian mengevakuasi para penumpang" and "para penumpang telah dievakuasi" (no doer
    told) share the passengers: one evacuation, not two."""
    def evac(article: str, source: str | None) -> Resolved:
        m = EventMention(article=article, start=0, end=10, text="dievakuasi", type="AID", trigger="dievakuasi",
                         date=DateValue("2025-06-17", "day"), date_how="article",  # type: ignore[arg-type]
                         date_text="2025-06-17", source=source, target="para penumpang")
        return Resolved(m, "id", story="flight")

    assert len(merge_mentions([evac("a1", "pihak kepolisian"), evac("a2", None)], lambda keys: [], {}).events) == 1


def test_a_pronoun_shared_is_no_actor_shared():
    """"kita bertemu" in a minister's speech and "kerja sama kita" in another report name whoever spoke
    each time: two acts, not one event that gathers every act of a story's speakers."""
    def said(article: str, source: str) -> Resolved:
        m = EventMention(article=article, start=0, end=10, text="bertemu", type="CONSULT", trigger="bertemu",
                         date=DateValue("2025-06-18", "day"), date_how="article",  # type: ignore[arg-type]
                         date_text="2025-06-18", source=source, target=None)
        return Resolved(m, "id", story="visit")

    assert len(merge_mentions([said("a1", "kita"), said("a2", "kita")], lambda keys: [], {}).events) == 2
    assert len(merge_mentions([said("a1", "tim perunding"), said("a2", "tim perunding")],
                              lambda keys: [], {}).events) == 1


def test_a_sentence_a_follow_up_repeats_is_one_event_though_it_names_no_one():
    """A follow-up that repeats its story's earlier report word for word ("Pengerahan 20 unit dan 73
    personil.") tells one event twice, though no actor matches them; a short sentence, another story
    or another sentence keeps them apart."""
    def told(article: str, text: str, story: str = "fire") -> Resolved:
        m = EventMention(article=article, start=0, end=len(text), text=text, type="MOBILIZE", trigger="Pengerahan",
                         date=DateValue("2025-06-19", "day"), date_how="article",  # type: ignore[arg-type]
                         date_text="2025-06-19")
        return Resolved(m, "id", story=story)

    def events(*rs: Resolved) -> int:
        return len(merge_mentions(list(rs), lambda keys: [], {}).events)

    said = '"Pengerahan 20 unit dan 73 personil.'
    assert events(told("a1", said), told("a2", "Pengerahan 20 unit dan 73 personil")) == 1
    assert events(told("a1", said), told("a2", said, story="flood")) == 2
    assert events(told("a1", said), told("a2", "Pengerahan 12 unit dan 40 personil.")) == 2
    assert events(told("a1", "Pengerahan pasukan."), told("a2", "Pengerahan pasukan.")) == 2


def test_a_sentence_repeated_joins_its_stored_event(tmp_path):
    """The repeated sentence finds the stored event through the store's keys, in a later batch."""
    first = ("Kebakaran Rumah di Tebet\nJakarta, Kamis (19/6/2025)\n\nJAKARTA - Sebuah rumah di Tebet terbakar pada "
             "Kamis (19/6/2025) dini hari. Puluhan unit pemadam kebakaran dan personil dikerahkan dalam proses "
             "pemadaman tersebut.\n")
    later = ("Kebakaran di Tebet Tewaskan Satu Orang\nJakarta, Kamis (19/6/2025)\n\nJAKARTA - Kebakaran rumah di "
             "Tebet pada Kamis (19/6/2025) menewaskan satu orang. Puluhan unit pemadam kebakaran dan personil "
             "dikerahkan dalam proses pemadaman tersebut.\n")
    db = str(tmp_path / "t.db")
    linimasa.process([first], store=db)
    c = linimasa.process([later], store=db)
    told = [e for e in c.events if any("dikerahkan" in m.trigger for m in e.mentions)]
    assert len(told) == 1 and len({m.article for m in told[0].mentions}) == 2
