"""What each endpoint and page shows, assembled from the store's read side: the JSON shapes (those of
`linimasa/1`, with fields added, never renamed) and the data behind the web page. Nothing here knows
HTTP; `linimasa.api.app` and `linimasa.web` turn it into responses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from linimasa.export import _article as export_article
from linimasa.export import _timex as export_timex
from linimasa.model import Article, Event, Story, TimelineEntry, to_dict
from linimasa.store.base import Store
from linimasa.store.search import ArticleCard, EntitySummary, SearchHit, StorySummary
from linimasa.timeline.report import date_label


def source_name(source: str | None) -> str:
    return Path(source).name if source else ""


def article_json(a: Article, full: bool = True) -> dict[str, Any]:
    """The linimasa/1 article; `full` adds what the stages found in it (offsets into `text`)."""
    d = export_article(a)
    d["follow_up_of"] = a.follow_up_of
    if not full:
        return d
    d["timexes"] = [export_timex(a.id, t) for t in a.timexes]
    d["mentions"] = [{"start": m.start, "end": m.end, "text": m.text, "type": m.type, "entity": m.entity,
                      "role": m.role} for m in a.mentions]
    d["event_mentions"] = [{"start": e.start, "end": e.end, "text": e.text, "type": e.type, "trigger": e.trigger,
                            "trigger_start": e.trigger_start, "trigger_end": e.trigger_end, "mode": e.mode,
                            "date": to_dict(e.date) if e.date else None} for e in a.event_mentions]
    d["conflicts"] = [to_dict(c) for c in a.conflicts]
    d["lines"] = [{"n": ln.n, "label": ln.label, "reason": ln.reason, "kind": ln.kind, "text": ln.text,
                   "kept": ln.kept} for ln in a.lines]
    return d


def card_json(c: ArticleCard) -> dict[str, Any]:
    return {"id": c.id, "source": c.source, "title": c.title, "outlet": c.outlet, "language": c.language,
            "published": {"value": c.published, "precision": c.precision} if c.published else None,
            "story": c.story, "duplicate_of": c.duplicate_of}


def event_json(e: Event, names: dict[str, tuple[str, str, int]] | None = None) -> dict[str, Any]:
    """The linimasa/1 event, its actors and place with their names."""
    names = names or {}
    return {
        "id": e.id, "type": e.type, "date": {"value": e.date.value, "precision": e.date.precision} if e.date else None,
        "actors": [{"entity": a.entity, "role": a.role, "name": names.get(a.entity, ("",))[0] or None}
                   for a in e.actors],
        "place": e.place, "place_name": names.get(e.place, ("",))[0] or None if e.place else None,
        "mode": e.mode, "summary": e.summary, "background": e.background, "language": e.language,
        "mentions": [{"article": m.article, "start": m.start, "end": m.end, "text": m.text, "trigger": m.trigger,
                      "mode": m.mode, "date": to_dict(m.date) if m.date else None, "date_text": m.date_text}
                     for m in e.mentions],
    }


def events_json(store: Store, events: list[Event]) -> list[dict[str, Any]]:
    names = store.entity_info({i for e in events for i in [*(a.entity for a in e.actors), e.place] if i})
    return [event_json(e, names) for e in events]


def story_summary_json(s: StorySummary) -> dict[str, Any]:
    return {"id": s.id, "label": s.label, "first": s.first, "last": s.last, "n_articles": s.n_articles,
            "n_events": s.n_events, "outlets": s.outlets, "languages": s.languages}


def story_json(store: Store, s: Story) -> dict[str, Any]:
    d = to_dict(s)
    info = store.entity_info(s.entities)
    d["entity_names"] = {i: {"name": n, "type": t} for i, (n, t, _) in info.items()}
    return d


def entity_summary_json(e: EntitySummary) -> dict[str, Any]:
    return {"id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases, "n_articles": e.n_articles,
            "n_mentions": e.n_mentions}


def hit_json(h: SearchHit) -> dict[str, Any]:
    d = to_dict(h)
    d["title_marks"] = [list(m) for m in h.title_marks]
    d["marks"] = [list(m) for m in h.marks]
    return d


def timeline_entry_json(t: TimelineEntry) -> dict[str, Any]:
    d = to_dict(t)
    d["label"] = date_label(t.date.value, t.date.precision)
    return d


# -- the timeline of a story, with every conflict placed -----------------------------------------

def story_timeline(store: Store, story: str | None, date_from: str | None = None, date_to: str | None = None,
                   show_background: bool = True, offset: int = 0, limit: int | None = None,
                   sources: int | None = None) -> dict[str, Any]:
    """A timeline page as `linimasa.timeline.report.rows` shapes it (entries with their events, each
    event's source sentences and conflicts), plus the per-article conflicts of the story's articles (a
    weekday that does not fit its date) placed on the entry they belong to: the entry with an event
    told in the sentence holding the conflicting words, else the entry of the date they name; the rest
    are returned apart (`other_conflicts`).

    Only the page's entries (`offset`, `limit`) are read in full, and each event shows at most
    `sources` sentences (`n_sources` counts them all): a story of hundreds of articles has thousands.
    `axis` holds every entry's date, label, summary and flags, for a time axis of the whole story."""
    entries = store.timeline(story, date_from, date_to)
    if not show_background:
        entries = [t for t in entries if not t.background]
    axis = [{"date": {"value": t.date.value, "precision": t.date.precision}, "background": t.background,
             "n_conflicts": t.conflicts, "label": date_label(t.date.value, t.date.precision),
             "summary": t.summary} for t in entries]
    page = entries[offset:offset + limit] if limit is not None else entries[offset:]
    docs = store.event_docs({i for t in page for i in t.events})
    conflicts: dict[str, list[dict[str, Any]]] = {}
    for c in store.conflicts_about(docs):
        conflicts.setdefault(c.about or "", []).append({**to_dict(c), "about_event": c.about})
    shown = {m["article"] for d in docs.values() for m in d.get("mentions", [])[:sources]}
    meta = store.article_meta(shown)
    out = []
    for t in page:
        events = []
        for i in t.events:
            d = docs.get(i)
            if d is None:
                continue
            mentions = d.get("mentions", [])
            events.append({
                "id": d["id"], "type": d["type"], "mode": d.get("mode", "asserted"), "summary": d.get("summary", ""),
                "background": d.get("background", False), "n_sources": len(mentions),
                "sources": [{"article": m["article"], "outlet": meta.get(m["article"], (None, None, ""))[0],
                             "source": meta.get(m["article"], (None, None, ""))[2], "text": m.get("text", ""),
                             "trigger": m.get("trigger", "")} for m in mentions[:sources]],
                "conflicts": conflicts.get(i, []),
            })
        out.append({
            "date": {"value": t.date.value, "precision": t.date.precision},
            "label": date_label(t.date.value, t.date.precision), "summary": t.summary, "sources": t.sources,
            "outlets": t.outlets, "background": t.background, "events": events, "conflicts": [],
        })
    head = None
    article_ids: set[str] = set()
    if story:
        found = store.stories([story])
        if found:
            s = found[0]
            article_ids = set(s.articles)
            head = {"id": s.id, "label": s.label, "articles": len(s.articles), "outlets": s.outlets,
                    "first": s.first, "last": s.last}
    other: list[dict[str, Any]] = []
    entry_of = {i: k for k, t in enumerate(entries) for i in t.events}  # event id -> index in `entries`
    found = store.article_conflicts(article_ids)
    told = store.article_events({a for a, _ in found})
    told_docs = store.event_docs({e for a, _ in found for e in told.get(a, ()) if e in entry_of})
    for article, c in found:
        texts = [v.get("text") or "" for v in c.get("values", [])]
        values = {v.get("value") for v in c.get("values", [])}
        target, event, sentence = None, None, None
        for eid in sorted(told.get(article, ()), key=lambda e: entry_of.get(e, -1)):
            d = told_docs.get(eid)
            m = next((m for m in (d or {}).get("mentions", []) if m["article"] == article
                      and any(x and x in m.get("text", "") for x in texts)), None)
            if m:
                target, event, sentence = entry_of[eid], eid, m["text"]
                break
        if target is None:
            target = next((k for k, t in enumerate(entries) if t.date.value in values), None)
        c = {**c, "article": article, "about_event": event}
        if sentence:
            c["values"] = [{**v, "sentence": sentence} for v in c.get("values", [])]
        if target is None:
            if offset == 0:
                other.append(c)
            continue
        axis[target]["n_conflicts"] += 1
        if offset <= target < offset + len(page):
            out[target - offset]["conflicts"].append(c)
    every = [*other, *(c for t in out for c in [*t["conflicts"], *(c for e in t["events"] for c in e["conflicts"])])]
    cards = store.article_cards({v["article"] for c in every for v in c["values"]})
    for c in every:  # every value's source, named as a reader knows it, and its words
        for v in c["values"]:
            card = cards.get(v["article"])
            v["outlet"] = card.outlet if card else None
            v["source"] = source_name(card.source) if card else ""
            _quote(v)
    for t in out:
        t["n_conflicts"] = len(t["conflicts"]) + sum(len(e["conflicts"]) for e in t["events"])
    return {"story": head, "entries": out, "other_conflicts": other, "total": len(entries), "offset": offset,
            "axis": axis}


def _quote(v: dict[str, Any]) -> None:
    """A conflicting value's sentence and the words in it that state the value: the date stage stores
    "sentence [words]", a weekday conflict the words alone (its sentence is added where it is known)."""
    text = v.get("text") or ""
    sentence, phrase = v.get("sentence"), text
    if sentence is None and text.endswith("]") and " [" in text:
        sentence, phrase = text[: text.rindex(" [")], text[text.rindex(" [") + 2 : -1]
    sentence = sentence or text
    at = sentence.find(phrase) if phrase else -1
    v["sentence"] = sentence
    v["phrase"] = phrase
    v["phrase_at"] = [at, at + len(phrase)] if at >= 0 else None


def timeline_json(data: dict[str, Any]) -> dict[str, Any]:
    """`story_timeline` as the API returns it: each entry in the linimasa/1 shape (`events` are ids),
    the events themselves under `event_details`."""
    entries = []
    for t in data["entries"]:
        entries.append({
            "date": t["date"], "label": t["label"], "summary": t["summary"], "sources": t["sources"],
            "outlets": t["outlets"], "background": t["background"], "events": [e["id"] for e in t["events"]],
            "conflicts": t["n_conflicts"], "conflict_details": t["conflicts"] + [
                c for e in t["events"] for c in e["conflicts"]],
            "event_details": t["events"],
        })
    return {"story": data["story"], "entries": entries, "other_conflicts": data.get("other_conflicts", []),
            "total": data["total"]}


__all__ = [
    "article_json",
    "card_json",
    "entity_summary_json",
    "event_json",
    "events_json",
    "hit_json",
    "source_name",
    "story_json",
    "story_summary_json",
    "story_timeline",
    "timeline_entry_json",
    "timeline_json",
]
