"""The timeline: events in date order, per story and for the whole database, grouped by date at the
precision each date has (a day, a week, a month, a decade).

The corpus stage rebuilds only what the new articles touch: the whole database's entries and their
stories' entries on the dates their events are on, or were on before; a story that absorbed another
takes its entries, and the dates both had are rebuilt; a story without stored entries is built whole.
Negated and hypothetical events are left out (they did not happen); planned events stay, marked by
their summaries; background events stay, flagged so a reader can hide them. Each entry counts its
sources with copies counted once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from linimasa.model import Article, Event, TimelineEntry
from linimasa.pipeline import corpus_stage

SUMMARY_EVENTS = 3
IN_TIMELINE = ("asserted", "planned")


def entries_for(events: Iterable[Event], store: Any, story: str | None = None,
                known: dict[str, tuple[str | None, str | None, str]] | None = None) -> list[TimelineEntry]:
    """One entry per date value, its events ordered by how many articles report them. `known` keeps
    the articles' outlets and copies read so far (a batch rebuilds one day for several timelines)."""
    events = [e for e in events if e.date and e.mode in IN_TIMELINE]
    articles = {m.article for e in events for m in e.mentions}
    known = {} if known is None else known
    known.update(store.article_meta({a for a in articles if a not in known}))
    meta = {a: known[a] for a in articles if a in known}  # these articles' only, as if read just now
    conflicted = {c.about for c in store.conflicts_about([e.id for e in events])}
    by_date: dict[str, list[Event]] = {}
    for e in events:
        assert e.date is not None
        by_date.setdefault(e.date.value, []).append(e)
    out = []
    for value in sorted(by_date):
        evs = by_date[value]

        def sources(e: Event) -> set[str]:
            return {meta.get(m.article, (None, None, ""))[1] or m.article for m in e.mentions}

        evs.sort(key=lambda e: (-len(sources(e)), e.background, e.id))
        roots = set().union(*(sources(e) for e in evs))
        outlets = sorted({o for r in roots if (o := meta.get(r, (None, None, ""))[0])})
        summary = "; ".join(dict.fromkeys(e.summary for e in evs[:SUMMARY_EVENTS] if e.summary))
        date = evs[0].date
        assert date is not None
        out.append(TimelineEntry(date=date, events=[e.id for e in evs], summary=summary, story=story,
                                 outlets=outlets, sources=len(roots), background=all(e.background for e in evs),
                                 conflicts=sum(e.id in conflicted for e in evs)))
    return out


@corpus_stage("timeline", requires=["corpus.events", "corpus.stories"], assigns=["corpus.timeline"])
def make_timeline() -> Callable[[list[Article], Any], None]:
    """Rebuild the timeline entries the new articles' events touch."""

    def stage(articles: list[Article], store: Any) -> None:
        ids = store.event_ids_of_articles([a.id for a in articles])
        touched = store.events_brief({i for group in ids.values() for i in group})
        dates = set().union(*(_dates(e) for e in touched))
        # The new articles' stories, and the stories of the older articles a touched event is told in.
        told = {m.article for e in touched for m in e.mentions}
        stories = store.stories({a.story for a in articles if a.story} | set(store.story_of(told).values()))
        # A story with stored entries is rebuilt on the dates its touched events are on (and where
        # entries of stories merged into it meet), so a long story costs what its new articles do;
        # one without is built whole.
        kept = store.stories_with_timeline(s.id for s in stories)
        on: dict[str, list[Event]] = {}
        known: dict[str, tuple[str | None, str | None, str]] = {}
        doubled = store.timeline_doubled_dates(kept)  # where merged stories' entries met
        for e in store.events_on_brief(dates.union(*doubled.values())):
            assert e.date is not None
            on.setdefault(e.date.value, []).append(e)
        if dates:
            store.replace_timeline(None, entries_for((e for d in dates for e in on.get(d, ())), store, None, known),
                                   dates)
        story_of = {a: s.id for s in stories if s.id in kept for a in s.articles}
        # The events on those dates told in each kept story, and the dates each story rebuilds.
        in_story: dict[tuple[str, str], list[Event]] = {}
        for day, evs in on.items():
            for e in evs:
                for sid in {story_of[m.article] for m in e.mentions if m.article in story_of}:
                    in_story.setdefault((sid, day), []).append(e)
        mine: dict[str, set[str]] = {}
        for e in touched:
            for sid in {story_of[m.article] for m in e.mentions if m.article in story_of}:
                mine.setdefault(sid, set()).update(_dates(e))
        for story in stories:
            if story.id in kept:
                days = mine.get(story.id, set()) | doubled.get(story.id, set())
                events = [e for d in days for e in in_story.get((story.id, d), ())]
                store.replace_timeline(story.id, entries_for(events, store, story.id, known), days)
            else:
                held = store.event_ids_of_articles(story.articles)
                events = store.events_brief({i for group in held.values() for i in group})
                store.replace_timeline(story.id, entries_for(events, store, story.id, known))

    return stage


def _dates(e: Event) -> set[str]:
    """The dates an event's entry may be on: its date now, and every date its mentions give, one of
    which it had before a new mention outvoted it (an event's date is its mentions' commonest)."""
    return {d.value for d in (e.date, *(m.date for m in e.mentions)) if d}
