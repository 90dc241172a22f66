"""The timeline stage rebuilds only the dates a batch touches; the result must be the whole rebuild's,
also when a new mention moves an event to another date, and when stories merge."""

from __future__ import annotations

from linimasa.model import Article, DateValue, Event, EventMention, Story, to_dict
from linimasa.store.sqlite import SQLiteStore
from linimasa.timeline import entries_for, make_timeline


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
