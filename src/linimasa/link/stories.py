"""Stories: articles about one developing story, grouped incrementally as they arrive.

A new article is matched only against the stories that share one of its telling entities
(`story_keys`), by the weight of the entities they share: people count most, places least, and an
entity named in many articles counts little (its inverse document frequency), so two floods in two
provinces or two ministers' working visits stay apart while an English and an Indonesian report of
one story, which share their entities after alias merging, land together. Time is a soft factor:
a story far from the article's date needs a stronger overlap. A copy joins its original's story.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable
from typing import Any

from linimasa.model import Article, Story, date_range
from linimasa.pipeline import corpus_stage

TYPE_WEIGHT = {"PER": 1.0, "ORG": 0.8, "EVT": 0.9, "GPE": 0.45, "LOC": 0.5, "OTHER": 0.4}
# Entities beyond this many per article do not make keys (the article's most telling ones do).
KEYS_PER_ARTICLE = 12
NEAR_DAYS = 10


def _day(article: Article) -> Any:
    rng = date_range(article.published.value[:10]) if article.published else None
    return rng[0] if rng else None


def _weights(article: Article, info: dict[str, tuple[str, str, int]], n_articles: int) -> dict[str, float]:
    """Telling weight of each entity the article names: type weight x idf x log-damped count."""
    counts = Counter(m.entity for m in article.mentions if m.entity)
    credited = {w.casefold() for w in [*article.wire_sources, article.outlet or ""]}
    out: dict[str, float] = {}
    for e, c in counts.items():
        if e not in info or info[e][0].casefold() in credited:
            continue  # "seperti dilansir AFP": the wire says nothing about the story
        _, type_, df = info[e]
        # Smoothed: in a small store every entity is in most articles, and must still count.
        idf = math.log(1 + (n_articles + 10) / (1 + min(df, n_articles)))
        out[e] = TYPE_WEIGHT.get(type_, 0.4) * idf * (1 + math.log(c))
    return dict(sorted(out.items(), key=lambda kv: -kv[1])[:KEYS_PER_ARTICLE * 2])


def _score(weights: dict[str, float], story: Story) -> float:
    """Cosine of the article's entity weights and the story's summed weights: a story that has
    grown diffuse (many entities, each in few of its articles) does not pull every article in."""
    dot = sum(w * story.entities.get(e, 0.0) for e, w in weights.items())
    if not dot:
        return 0.0
    norm_a = math.sqrt(sum(w * w for w in weights.values()))
    norm_s = math.sqrt(sum(w * w for w in story.entities.values()))
    return dot / (norm_a * norm_s)


def _time_factor(day: Any, story: Story) -> float:
    if day is None or not story.first:
        return 1.0
    first, last = date_range(story.first), date_range(story.last or story.first)
    if not first or not last:
        return 1.0
    gap = max((first[0] - day).days, (day - last[1]).days, 0)
    if gap <= NEAR_DAYS:
        return 1.0
    return 0.85 if gap <= 90 else 0.75


def _label(story: Story, info: dict[str, tuple[str, str, int]]) -> str:
    top = sorted(story.entities.items(), key=lambda kv: -kv[1])
    names = [info[e][0] for e, _ in top if e in info][:3]
    return ", ".join(names) or story.id


def assign(articles: list[Article], store: Any, threshold: float, bridge: float = 0.3
           ) -> tuple[list[Story], set[str]]:
    """Put each new article into the best-matching stored or new story; an article that matches
    several stories strongly (`bridge`) merges them, so the grouping does not depend on the order the
    articles came in. Returns the changed stories and the ids of those merged away."""
    absorbed: set[str] = set()
    n_articles = max(store.count_articles(), 1)
    ids = {m.entity for a in articles for m in a.mentions if m.entity}
    info = store.entity_info(ids)
    changed: dict[str, Story] = {}
    dup_story = store.story_of({a.duplicate_of for a in articles if a.duplicate_of})
    for a in articles:
        weights = _weights(a, info, n_articles)
        keys = [f"e:{e}" for e in list(weights)[:KEYS_PER_ARTICLE]]
        best: Story | None = None
        if a.duplicate_of and a.duplicate_of in dup_story and dup_story[a.duplicate_of] not in absorbed:
            best = changed.get(dup_story[a.duplicate_of]) or next(iter(store.stories([dup_story[a.duplicate_of]])),
                                                                  None)
        if best is None and keys:
            cands = {s.id: s for s in store.stories_by_keys(keys) if s.id not in absorbed}
            cands.update({s.id: s for s in changed.values() if any(f"e:{e}" in keys for e in s.entities)})
            day = _day(a)
            scored = [(_score(weights, s) * _time_factor(day, s), s.id) for s in cands.values()]
            scored = sorted((x for x in scored if x[0] >= threshold), reverse=True)
            if scored:
                sid = scored[0][1]
                best = changed.get(sid) or cands[sid]
                for score, other in scored[1:]:  # the article bridges stories that are one
                    if score >= max(threshold, bridge) and other != best.id:
                        _absorb(best, changed.pop(other, None) or cands[other])
                        absorbed.add(other)
        if best is None:
            sid = "st_" + hashlib.sha1(a.id.encode()).hexdigest()[:12]
            best = changed.get(sid) or next(iter(store.stories([sid])), None) or Story(id=sid, label="")
        _add(best, a, weights)
        best.label = _label(best, info | store.entity_info(set(best.entities) - set(info)))
        a.story = best.id
        changed[best.id] = best
    return [s for s in changed.values() if s.id not in absorbed], absorbed


def _absorb(into: Story, other: Story) -> None:
    for aid in other.articles:
        if aid not in into.articles:
            into.articles.append(aid)
    for e, w in other.entities.items():
        into.entities[e] = round(into.entities.get(e, 0.0) + w, 4)
    for x in other.events:
        if x not in into.events:
            into.events.append(x)
    into.outlets += [o for o in other.outlets if o not in into.outlets]
    for lang, n in other.languages.items():
        into.languages[lang] = into.languages.get(lang, 0) + n
    into.first = min(filter(None, [into.first, other.first]), default=None)
    into.last = max(filter(None, [into.last, other.last]), default=None)


def _add(story: Story, a: Article, weights: dict[str, float]) -> None:
    if a.id not in story.articles:
        story.articles.append(a.id)
    for e, w in weights.items():
        story.entities[e] = round(story.entities.get(e, 0.0) + w, 4)
    if len(story.entities) > 200:  # a long story keeps its most telling entities
        story.entities = dict(sorted(story.entities.items(), key=lambda kv: -kv[1])[:200])
    if a.outlet and a.outlet not in story.outlets:
        story.outlets.append(a.outlet)
    story.languages[a.language] = story.languages.get(a.language, 0) + 1
    if a.published and a.published.how not in ("unknown",):
        day = a.published.value[:10]
        story.first = min(story.first or day, day)
        story.last = max(story.last or day, day)


@corpus_stage("stories", requires=["article.mentions.entity", "article.duplicate_of", "corpus.events"],
              assigns=["article.story", "corpus.stories"])
def make_stories(threshold: float = 0.3, bridge: float = 0.3) -> Callable[[list[Article], Any], None]:
    """Options: `threshold`, the share of a new article's entity weight a story must hold (after
    the time factor) for the article to join it; `bridge`, the share with which an article that
    matches two stories merges them."""

    def stage(articles: list[Article], store: Any) -> None:
        stories, absorbed = assign(articles, store, threshold, bridge)
        store.delete_stories(absorbed)
        events = store.events_of_articles([a for s in stories for a in s.articles])
        by_article: dict[str, set[str]] = {}
        for ev in events:
            for m in ev.mentions:
                by_article.setdefault(m.article, set()).add(ev.id)
        for s in stories:
            for aid in s.articles:
                for eid in sorted(by_article.get(aid, ())):
                    if eid not in s.events:
                        s.events.append(eid)
        store.save_stories(stories, {s.id: [f"e:{e}" for e in s.entities] for s in stories})

    return stage
