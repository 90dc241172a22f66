"""The timeline: events in date order, per story and for the whole database, grouped by date at the
precision each date has (a day, a week, a month, a decade).

The corpus stage works from the events a batch changes: the new articles' events, and the events of
the copies whose original a new article changed (their sources count the original). Each event's share
of its date's entry (`TimelineRow`: its sources, summary, flags) is stored, and the store keeps each
date's sums with it, so the whole database's entry of a date is updated by the rows that changed,
never rebuilt from all the events of a much-reported day; a date is read whole only the first time
the stage touches it. A story's entries are rebuilt on the dates its changed events are on or were on
(and where entries of stories merged into it meet) from the events its stored entries list there; a
story without stored entries is built whole. Negated and hypothetical events are left out (they did
not happen); planned events stay, marked by their summaries; background events stay, flagged so a
reader can hide them. Each entry counts its sources with copies counted once, and lists their outlets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from linimasa.model import Article, Event, TimelineDay, TimelineEntry, TimelineRow
from linimasa.pipeline import corpus_stage

SUMMARY_EVENTS = 3
IN_TIMELINE = ("asserted", "planned")

Meta = dict[str, tuple[str | None, str | None, str]]
_UNKNOWN: tuple[str | None, str | None, str] = (None, None, "")


def _meta(store: Any, known: Meta, article_ids: Iterable[str]) -> None:
    """Read (outlet, duplicate_of, source) of the articles not read yet; one not stored reads as none."""
    wanted = {a for a in article_ids if a not in known}
    if wanted:
        found = store.article_meta(wanted)
        known.update((a, found.get(a, _UNKNOWN)) for a in wanted)


def timeline_rows(events: Iterable[Event], store: Any, known: Meta | None = None) -> dict[str, TimelineRow]:
    """What each event that belongs in a timeline adds to its date's entry, by event id. `known`
    keeps the articles' outlets and copies read so far (a batch reads many events' articles)."""
    events = [e for e in events if e.date and e.mode in IN_TIMELINE]
    known = {} if known is None else known
    _meta(store, known, {m.article for e in events for m in e.mentions})
    conflicted = {c.about for c in store.conflicts_about([e.id for e in events])}
    out: dict[str, TimelineRow] = {}
    for e in events:
        assert e.date is not None
        articles = sorted({m.article for m in e.mentions})
        roots = sorted({known[a][1] or a for a in articles})  # a copy counts as its original
        out[e.id] = TimelineRow(e.id, e.date, e.summary, e.background, e.id in conflicted, tuple(roots),
                                tuple(articles))
    return out


def entries_of_rows(rows: Iterable[TimelineRow], store: Any, story: str | None = None,
                    known: Meta | None = None) -> list[TimelineEntry]:
    """One entry per date value, its events ordered by how many sources report them (background
    after, then by id). An entry lists the outlets of its sources that report one of these rows'
    events themselves (what reading these events' articles gives)."""
    known = {} if known is None else known
    rows = list(rows)
    reporting = {a for r in rows for a in r.articles}
    _meta(store, known, reporting)
    by_date: dict[str, list[TimelineRow]] = {}
    for r in rows:
        by_date.setdefault(r.date.value, []).append(r)
    out = []
    for value in sorted(by_date):
        rs = sorted(by_date[value], key=lambda r: (-len(r.roots), r.background, r.event))
        roots = set().union(*(r.roots for r in rs))
        out.append(TimelineEntry(
            date=rs[0].date, events=[r.event for r in rs], summary=_summary(r.summary for r in rs[:SUMMARY_EVENTS]),
            story=story, outlets=sorted({o for x in roots if x in reporting and (o := known[x][0])}),
            sources=len(roots), background=all(r.background for r in rs), conflicts=sum(r.conflicted for r in rs)))
    return out


def entries_for(events: Iterable[Event], store: Any, story: str | None = None,
                known: Meta | None = None) -> list[TimelineEntry]:
    """The entries of these events (what a whole rebuild gives): one per date value."""
    known = {} if known is None else known
    return entries_of_rows(timeline_rows(events, store, known).values(), store, story, known)


def _summary(summaries: Iterable[str]) -> str:
    return "; ".join(dict.fromkeys(s for s in summaries if s))


def _day_entry(day: TimelineDay) -> TimelineEntry:
    """The whole database's entry of a date from the sums the store keeps of its rows."""
    return TimelineEntry(date=day.date, events=day.events, summary=_summary(day.summaries), story=None,
                         outlets=day.outlets, sources=day.sources, background=day.background == len(day.events),
                         conflicts=day.conflicts)


@corpus_stage("timeline", requires=["corpus.events", "corpus.stories"], assigns=["corpus.timeline"])
def make_timeline() -> Callable[[list[Article], Any], None]:
    """Update the timeline entries the new articles' events touch."""

    def stage(articles: list[Article], store: Any) -> None:
        new = [a.id for a in articles]
        touched_ids = {i for group in store.event_ids_of_articles(new).values() for i in group}
        touched = store.events_brief(touched_ids)
        # A new article that is a copy (or the earliest copy) changes the original its group's copies
        # count as: those copies' events may now have other sources. All are in the new one's group.
        order = store.article_order(new)
        originals = {order[a][2] or a for a in new if a in order}
        copies = {m for group in store.duplicates_of(originals).values() for m in group} | originals
        copied_ids = {i for group in store.event_ids_of_articles(copies - set(new)).values() for i in group}
        ids = touched_ids | copied_ids
        known: Meta = {}
        rows = timeline_rows([*touched, *store.events_brief(copied_ids - touched_ids)], store, known)
        old = store.timeline_rows(ids)
        changed = {i for i in ids if rows.get(i) != old.get(i)}
        # The whole database's entries on the dates the new articles' events are on or may have been
        # on; the stories of the new articles and of the articles those events are told in.
        dates = set().union(*(_dates(e) for e in touched))
        told = {m.article for e in touched for m in e.mentions}
        stories = store.stories({a.story for a in articles if a.story} | set(store.story_of(told).values()))
        kept = store.stories_with_timeline(s.id for s in stories)
        story_of = {a: s.id for s in stories if s.id in kept for a in s.articles}
        doubled = store.timeline_doubled_dates(kept)  # where merged stories' entries met
        days_of: dict[str, set[str]] = {sid: set(doubled.get(sid, ())) for sid in kept}
        told_in: dict[str, set[str]] = {}  # story -> the new articles' events told in it
        for e in touched:
            for sid in {story_of[m.article] for m in e.mentions if m.article in story_of}:
                told_in.setdefault(sid, set()).add(e.id)
                days_of[sid] |= _dates(e)
        moved = {r.date.value for i in changed for r in (old.get(i), rows.get(i)) if r}
        # A date the stage has not kept rows for is read whole, once (a store made by an older
        # linimasa, or a new date); from then on its rows are kept current.
        needed = dates | moved | set().union(*days_of.values())
        fresh = needed - store.timeline_days_kept(needed)
        if fresh:
            others = [e for e in store.events_on_brief(fresh) if e.id not in ids]
            store.update_timeline_rows(fresh, [], timeline_rows(others, store, known).values())
        store.update_timeline_rows((), [i for i in changed if i not in rows], [rows[i] for i in changed if i in rows])
        if dates:
            days = store.timeline_day(dates, SUMMARY_EVENTS)
            store.replace_timeline(None, [_day_entry(days[d]) for d in sorted(days)], dates)
        for story in stories:
            if story.id in kept:
                # A story's events on these dates: those its entries list, and the new ones told in it.
                on_days = days_of[story.id]
                listed = store.timeline_event_ids(story.id, on_days)
                held = [r for r in store.timeline_rows(told_in.get(story.id, set()).union(*listed.values())).values()
                        if r.date.value in on_days]
                store.replace_timeline(story.id, entries_of_rows(held, store, story.id, known), on_days)
            else:
                held_ids = store.event_ids_of_articles(story.articles)
                events = store.events_brief({i for group in held_ids.values() for i in group})
                store.replace_timeline(story.id, entries_for(events, store, story.id, known))

    return stage


def _dates(e: Event) -> set[str]:
    """The dates an event's entry may be on: its date now, and every date its mentions give, one of
    which it had before a new mention outvoted it (an event's date is its mentions' commonest)."""
    return {d.value for d in (e.date, *(m.date for m in e.mentions)) if d}
