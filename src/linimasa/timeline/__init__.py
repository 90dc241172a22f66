"""The timeline: events in date order, per story and for the whole database, grouped by date at the
precision each date has (a day, a week, a month, a decade).

The corpus stage rebuilds only what the new articles touch: the whole database's entries on the
dates of their events, and the timelines of their stories. Negated and hypothetical events are left
out (they did not happen); planned events stay, marked by their summaries; background events stay,
flagged so a reader can hide them. Each entry counts its sources with copies counted once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from linimasa.model import Article, Event, TimelineEntry
from linimasa.pipeline import corpus_stage

SUMMARY_EVENTS = 3
IN_TIMELINE = ("asserted", "planned")


def entries_for(events: Iterable[Event], store: Any, story: str | None = None) -> list[TimelineEntry]:
    """One entry per date value, its events ordered by how many articles report them."""
    events = [e for e in events if e.date and e.mode in IN_TIMELINE]
    articles = {m.article for e in events for m in e.mentions}
    meta = store.article_meta(articles)
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
        touched = store.events_of_articles([a.id for a in articles])
        dates = {e.date.value for e in touched if e.date}
        if dates:
            store.replace_timeline(None, entries_for(store.events_on(dates), store), dates)
        for story in store.stories({a.story for a in articles if a.story}):
            events = store.events_by_keys(("@article", a) for a in story.articles)
            store.replace_timeline(story.id, entries_for(events, store, story.id))

    return stage
