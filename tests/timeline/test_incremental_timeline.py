"""The timeline stage rebuilds only the dates a batch touches; the result must be the whole rebuild's,
also when a new mention moves an event to another date, and when stories merge."""

from __future__ import annotations

from linimasa.model import Article, DateValue, Event, EventMention, Story, to_dict
from linimasa.store.sqlite import SQLiteStore
from linimasa.timeline import SUMMARY_EVENTS, entries_for, make_timeline, timeline_rows


def _mention(article: str, day: str) -> EventMention:
    return EventMention(article=article, start=0, end=10, text=f"{article} says", type="ATTACK",
                        date=DateValue(day, "day"), date_how="sentence")


def _event(eid: str, mentions: list[EventMention], day: str) -> Event:
    return Event(id=eid, type="ATTACK", date=DateValue(day, "day"), mentions=mentions, summary=f"{eid} happened")


def _as_rows(entries: list) -> list:
    return sorted((to_dict(e) for e in entries), key=lambda d: (d["date"]["value"], d["events"]))


def _whole(store: SQLiteStore, story: Story | None) -> list:
    if story is None:
        return entries_for(store.query_events(), store)
    return entries_for(store.events_by_keys(("@article", a) for a in story.articles), store, story.id)


def _batch(store: SQLiteStore, stage, ids: list[str], story: Story, events: list[Event]) -> None:
    store.save_events(events, {})
    store.save_stories([story], {})
    stage([Article(id=i, source=i, story=story.id) for i in ids], store)


def test_a_moved_event_leaves_its_old_date_and_each_batch_matches_a_whole_rebuild():
    stage = make_timeline()
    with SQLiteStore(":memory:") as store:
        story = Story(id="st_1", label="s", articles=["a1", "a2"])
        e1 = _event("ev_1", [_mention("a1", "2024-01-01"), _mention("a2", "2024-01-01")], "2024-01-01")
        e2 = _event("ev_2", [_mention("a2", "2024-01-03")], "2024-01-03")
        _batch(store, stage, ["a1", "a2"], story, [e1, e2])
        assert [t.date.value for t in store.timeline("st_1")] == ["2024-01-01", "2024-01-03"]

        # Three new sources date ev_1 four days later: the majority moves it.
        story.articles += ["a3", "a4", "a5"]
        e1.mentions += [_mention(a, "2024-01-05") for a in ("a3", "a4", "a5")]
        e1.date = DateValue("2024-01-05", "day")
        _batch(store, stage, ["a3", "a4", "a5"], story, [e1])
        got = store.timeline("st_1")
        assert [(t.date.value, t.events) for t in got] == [("2024-01-03", ["ev_2"]), ("2024-01-05", ["ev_1"])]
        assert _as_rows(got) == _as_rows(_whole(store, story))
        assert _as_rows(store.timeline(None)) == _as_rows(_whole(store, None))


def test_a_story_that_absorbed_another_takes_its_entries_and_rebuilds_the_dates_both_had():
    stage = make_timeline()
    with SQLiteStore(":memory:") as store:
        one = Story(id="st_1", label="one", articles=["a1"])
        _batch(store, stage, ["a1"], one, [_event("ev_1", [_mention("a1", "2024-02-01")], "2024-02-01")])
        two = Story(id="st_2", label="two", articles=["b1", "b2"])
        _batch(store, stage, ["b1", "b2"], two, [_event("ev_2", [_mention("b1", "2024-03-01")], "2024-03-01"),
                                               _event("ev_4", [_mention("b2", "2024-02-01")], "2024-02-01")])
        # st_1 absorbs st_2, as the stories stage does it: entries folded in, st_2 deleted.
        one.articles += ["b1", "b2", "c1"]
        store.fold_timeline("st_1", ["st_2"])
        store.delete_stories(["st_2"])
        assert store.timeline_doubled_dates(["st_1"]) == {"st_1": {"2024-02-01"}}
        _batch(store, stage, ["c1"], one, [_event("ev_3", [_mention("c1", "2024-04-01")], "2024-04-01")])
        got = store.timeline("st_1")
        assert [(t.date.value, sorted(t.events)) for t in got] == [
            ("2024-02-01", ["ev_1", "ev_4"]), ("2024-03-01", ["ev_2"]), ("2024-04-01", ["ev_3"])]
        assert all(t.story == "st_1" for t in got)
        assert _as_rows(got) == _as_rows(_whole(store, one))
        assert store.timeline("st_2") == []


def _kept_rows_match_a_rebuild(store: SQLiteStore) -> None:
    """The rows and sums the store keeps are what reading every event of the kept dates gives."""
    kept = [d for (d,) in store.db.execute("SELECT date_value FROM timeline_days")]
    want = timeline_rows(store.events_on_brief(kept), store)
    assert store.timeline_rows(want) == want
    day = store.timeline_day(kept, SUMMARY_EVENTS)
    for value in kept:
        rows = [r for r in want.values() if r.date.value == value]
        if rows:
            assert day[value].sources == len(set().union(*(r.roots for r in rows)))
            assert day[value].events == [r.event for r in sorted(rows, key=lambda r: (-len(r.roots), r.background,
                                                                                      r.event))]


def test_copies_that_get_an_earlier_original_count_it_once_when_their_date_is_rebuilt():
    """A new article that is the earliest copy of two stored ones re-points them (the duplicates
    stage did); their events on another date now have one source, which the kept rows know before
    that date is touched again, and an entry lists the original's outlet only when the original
    reports an event of the dates rebuilt with it (what reading those dates' events gives)."""
    stage = make_timeline()
    with SQLiteStore(":memory:") as store:
        store.put_articles([Article(id=i, source=i, outlet=o) for i, o in
                            (("a1", "Satu"), ("a2", "Dua"), ("a0", "Nol"), ("b1", "Tiga"))])
        story = Story(id="st_1", label="s", articles=["a1", "a2"])
        e1 = _event("ev_1", [_mention("a1", "2024-01-01"), _mention("a2", "2024-01-01")], "2024-01-01")
        _batch(store, stage, ["a1", "a2"], story, [e1])
        assert [(t.sources, t.outlets) for t in store.timeline(None)] == [(2, ["Dua", "Satu"])]

        store.set_duplicates([("a1", "a0", None), ("a2", "a0", None)])
        story.articles.append("a0")
        e3 = _event("ev_3", [_mention("a0", "2024-01-02")], "2024-01-02")
        _batch(store, stage, ["a0"], story, [e3])
        assert store.timeline_rows(["ev_1"])["ev_1"].roots == ("a0",)
        _kept_rows_match_a_rebuild(store)

        story.articles.append("b1")  # a new report of ev_1, and of ev_3's date
        e1.mentions.append(_mention("b1", "2024-01-01"))
        e3.mentions.append(_mention("b1", "2024-01-02"))
        _batch(store, stage, ["b1"], story, [e1, e3])
        got = {t.date.value: t for t in store.timeline(None)}
        assert got["2024-01-01"].sources == 2  # a0 (for a1 and a2) and b1
        assert got["2024-01-01"].outlets == ["Nol", "Tiga"]  # a0 reports ev_3, rebuilt with it
        assert _as_rows(store.timeline(None)) == _as_rows(entries_for(store.events_on(got), store))
        assert _as_rows(store.timeline("st_1")) == _as_rows(_whole(store, story))
        _kept_rows_match_a_rebuild(store)


def test_a_store_made_before_the_kept_rows_reads_a_date_whole_the_first_time():
    stage = make_timeline()
    with SQLiteStore(":memory:") as store:
        story = Story(id="st_1", label="s", articles=["a1", "a2"])
        e1 = _event("ev_1", [_mention("a1", "2024-01-01")], "2024-01-01")
        e2 = _event("ev_2", [_mention("a2", "2024-01-01"), _mention("a2", "2024-01-01")], "2024-01-01")
        _batch(store, stage, ["a1", "a2"], story, [e1, e2])
        for table in ("timeline_days", "timeline_events", "timeline_event_roots", "timeline_event_articles",
                      "timeline_outlets", "timeline_orphans"):
            store.db.execute(f"DELETE FROM {table}")  # as a store made by an older linimasa has none
        story.articles.append("a3")
        e1.mentions.append(_mention("a3", "2024-01-01"))
        _batch(store, stage, ["a3"], story, [e1])
        assert [t.events for t in store.timeline(None)] == [["ev_1", "ev_2"]]
        assert _as_rows(store.timeline(None)) == _as_rows(_whole(store, None))
        _kept_rows_match_a_rebuild(store)
