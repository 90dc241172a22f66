"""The storage interface every backend implements (SQLite today, PostgreSQL next).

Three sides, each sized by what it touches rather than by the store:

- *articles*: written once, when ingested, a chunk per transaction (`put_articles`); each new article
  is queued for the corpus stages until they have related it to the rest (`pending_ids`, `mark_done`);
- *corpus work*: the corpus stages run inside `write()` (one write transaction that also serialises
  concurrent writers) and read only the stored items that share a key with the new articles
  (`entities_by_keys`, `term_postings`...), then upsert the rows they changed;
- *reads*: `query_articles` pages through articles by date range, outlet, language, entity or story
  with a cursor; `entity` follows merge redirects; `load_corpus` is the whole corpus (the export).

Nothing here names a SQL dialect: placeholders, PRAGMAs and scripts stay inside each backend.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from linimasa.model import (
    Article,
    Conflict,
    Corpus,
    Entity,
    EntityRecord,
    Event,
    Story,
    TimelineDay,
    TimelineEntry,
    TimelineRow,
)
from linimasa.store.search import ArticleCard, EntitySummary, SearchPage, SearchQuery, StorySummary


@dataclass(frozen=True)
class Query:
    """A filter over stored articles; every field narrows, None means any.

    `published_from` / `published_to` compare the publication value as text (ISO dates sort), so
    "2024-10" matches a whole month. `cursor` is the `next_cursor` of the previous page.
    """

    published_from: str | None = None
    published_to: str | None = None
    outlet: str | None = None
    language: str | None = None
    entity: str | None = None
    story: str | None = None
    text: str | None = None
    limit: int = 50
    cursor: str | None = None


@dataclass
class Page:
    """One page of a query: the items and the cursor of the next page (None on the last one)."""

    items: list[Article] = field(default_factory=list)
    next_cursor: str | None = None


class Store(abc.ABC):
    """Articles, their per-article results, and the corpus results related to them."""

    schema_version: int

    # -- articles -----------------------------------------------------------------------------
    @abc.abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    def missing(self, article_ids: Iterable[str]) -> set[str]:
        """Which of these ids the store does not hold (one query per chunk, not one per article)."""
        return {i for i in article_ids if not self.has_article(i)}

    @abc.abstractmethod
    def put_articles(self, articles: list[Article]) -> list[str]:
        """Store new articles in one transaction, queued for the corpus stages; return the ids that
        were new (an article another writer stored meanwhile is left as it is)."""

    def put_article(self, article: Article) -> None:
        self.put_articles([article])

    @abc.abstractmethod
    def get_article(self, article_id: str) -> Article | None: ...

    @abc.abstractmethod
    def get_articles(self, article_ids: Iterable[str]) -> list[Article]: ...

    def article_dates(self, article_ids: Iterable[str]) -> list[Article]:
        """Articles in the order asked for with what the corpus dating stage reads of a dated
        neighbour: id, source, publication date and timexes (a backend may leave out the rest).
        Not abstract: `get_articles` gives all of that; SQLite reads only those columns."""
        return self.get_articles(article_ids)

    @abc.abstractmethod
    def iter_articles(self) -> Iterator[Article]: ...

    @abc.abstractmethod
    def count_articles(self) -> int: ...

    @abc.abstractmethod
    def update_article_dates(self, article: Article) -> None:
        """Rewrite an article's publication date, timexes and conflicts (the corpus dating stage)."""

    # -- corpus work queue ----------------------------------------------------------------------
    @abc.abstractmethod
    def write(self) -> AbstractContextManager[None]:
        """A write transaction that excludes other writers; re-entrant. Corpus stages run inside one."""

    @abc.abstractmethod
    def pending_ids(self, limit: int) -> list[str]:
        """Stored articles the corpus stages have not related to the rest yet, oldest first."""

    @abc.abstractmethod
    def mark_done(self, article_ids: Iterable[str]) -> None: ...

    # -- entity linking -------------------------------------------------------------------------
    @abc.abstractmethod
    def entities_by_keys(self, keys: Iterable[str], articles_per_entity: int = 50) -> list[EntityRecord]:
        """Stored entities reachable by any of these keys; people, and names with "edition:" keys
        (an event with or without its year), come with up to `articles_per_entity` of their most
        recent articles (the context a surname-only mention or a yearless name is judged by)."""

    @abc.abstractmethod
    def save_entities(self, records: Iterable[EntityRecord]) -> None:
        """Insert or replace entity records and their keys."""

    @abc.abstractmethod
    def link_mentions(self, rows: Iterable[tuple[str, str, int, int, str]]) -> None:
        """(entity id, article id, start, end, text): the mention at those offsets belongs to the entity."""

    @abc.abstractmethod
    def redirect_entities(self, merged: Mapping[str, str]) -> None:
        """Fold entity `old` into `new` for each pair: its mentions and keys move, and the old id keeps
        answering (`entity`) as the new one."""

    # -- events ---------------------------------------------------------------------------------
    @abc.abstractmethod
    def events_by_keys(self, keys: Iterable[tuple[str, str]]) -> list[Event]:
        """Stored events with any of these (PLOVER type, actor) keys: the only events a new mention
        can be merged into, so merging never reads all events."""

    @abc.abstractmethod
    def save_events(self, events: Iterable[Event], keys: Mapping[str, Iterable[tuple[str, str]]]) -> None:
        """Insert or replace events, adding the (type, actor) keys given per event id."""

    @abc.abstractmethod
    def query_events(self, type: str | None = None, actor: str | None = None, date_from: str | None = None,
                     date_to: str | None = None, limit: int | None = None) -> list[Event]:
        """Events in date order (undated last), filtered by PLOVER type, an actor's name or alias, and
        a date range (ISO prefixes: `date_to="2021-10"` takes all of October)."""

    @abc.abstractmethod
    def entity_info(self, entity_ids: Iterable[str], max_df: int | None = None) -> dict[str, tuple[str, str, int]]:
        """(name, type, number of articles naming it) per entity id, following merges; with `max_df`,
        the number is exact below `max_df` and `max_df` at or above it (cheaper for common entities)."""

    # -- stories ----------------------------------------------------------------------------------
    @abc.abstractmethod
    def stories_by_keys(self, keys: Iterable[str]) -> list[Story]:
        """Stories holding any of these keys ("e:<entity id>", "t:<term>"): a new article's candidates."""

    @abc.abstractmethod
    def story_candidates(self, keys: Mapping[str, float], limit: int) -> list[str]:
        """Ids of the `limit` stories holding the most weight of these keys (key -> weight), best first:
        a new article's candidates, a bounded number however many stories share a common key."""

    @abc.abstractmethod
    def stories(self, story_ids: Iterable[str]) -> list[Story]: ...

    @abc.abstractmethod
    def save_stories(self, stories: Iterable[Story], keys: Mapping[str, Iterable[str]]) -> None:
        """Insert or replace stories, add their keys, and set each member article's `story`."""

    @abc.abstractmethod
    def add_story_events(self, events: Mapping[str, Iterable[str]]) -> None:
        """Append event ids to stories' `events` (story id -> ids), each id once, in the order given."""

    @abc.abstractmethod
    def delete_stories(self, story_ids: Iterable[str]) -> None:
        """Drop stories merged into another (their articles were saved with the other)."""

    @abc.abstractmethod
    def story_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The story of each article that has one."""

    @abc.abstractmethod
    def event_ids_of_articles(self, article_ids: Iterable[str]) -> dict[str, list[str]]:
        """The ids of the events with a mention in each article (no event is read)."""

    @abc.abstractmethod
    def events_of_articles(self, article_ids: Iterable[str]) -> list[Event]:
        """Events with a mention in any of these articles."""

    # -- timeline ---------------------------------------------------------------------------------
    @abc.abstractmethod
    def replace_timeline(self, story: str | None, entries: Iterable[TimelineEntry],
                         dates: Iterable[str] | None = None) -> None:
        """Replace the timeline entries of one story (None: the whole database's) on these dates
        (all dates when None) with `entries`."""

    @abc.abstractmethod
    def fold_timeline(self, into: str, others: Iterable[str]) -> None:
        """Give story `into` the timeline entries of the stories merged into it: a date both had then
        holds two entries, until the timeline stage rebuilds it (`timeline_doubled_dates`)."""

    @abc.abstractmethod
    def timeline_doubled_dates(self, story_ids: Iterable[str]) -> dict[str, set[str]]:
        """The dates on which each of these stories holds more than one timeline entry."""

    @abc.abstractmethod
    def stories_with_timeline(self, story_ids: Iterable[str]) -> set[str]:
        """Which of these stories have timeline entries stored."""

    @abc.abstractmethod
    def timeline_days_kept(self, dates: Iterable[str]) -> set[str]:
        """Which of these dates have their `TimelineRow`s stored (the timeline stage builds a date's
        rows from all its events the first time it touches the date, and updates them after)."""

    @abc.abstractmethod
    def timeline_rows(self, event_ids: Iterable[str]) -> dict[str, TimelineRow]:
        """The stored rows of these events, by event id (an event not in the timeline has none)."""

    @abc.abstractmethod
    def update_timeline_rows(self, kept: Iterable[str], removed: Iterable[str], added: Iterable[TimelineRow]) -> None:
        """Drop the rows of the `removed` events, store the `added` rows and mark the `kept` dates as
        having all their rows, keeping each date's sums (`timeline_day`) current as it goes."""

    @abc.abstractmethod
    def timeline_day(self, dates: Iterable[str], first: int) -> dict[str, TimelineDay]:
        """The sums of the stored rows on these dates, with the summaries of the `first` events; a
        date without rows has none. The outlets are those of the date's sources that report one of
        its events, or an event of any of these `dates` (what reading these dates' events gives)."""

    @abc.abstractmethod
    def timeline_event_ids(self, story: str, dates: Iterable[str]) -> dict[str, set[str]]:
        """The events a story's stored timeline entries list, by date, on these dates."""

    @abc.abstractmethod
    def timeline(self, story: str | None = None, date_from: str | None = None,
                 date_to: str | None = None) -> list[TimelineEntry]:
        """A story's timeline (None: the whole database's) in date order, optionally within dates."""

    @abc.abstractmethod
    def events(self, event_ids: Iterable[str]) -> list[Event]: ...

    @abc.abstractmethod
    def iter_stories(self) -> Iterator[Story]: ...

    @abc.abstractmethod
    def events_on(self, dates: Iterable[str]) -> list[Event]:
        """Events dated by exactly these values."""

    @abc.abstractmethod
    def events_on_brief(self, dates: Iterable[str]) -> list[Event]:
        """Events dated by exactly these values with what a timeline entry reads (id, type, date, mode,
        summary, background, and each mention's article and date only): without their sentences."""

    @abc.abstractmethod
    def events_brief(self, event_ids: Iterable[str]) -> list[Event]:
        """These events as `events_on_brief` reads them."""

    @abc.abstractmethod
    def article_meta(self, article_ids: Iterable[str]) -> dict[str, tuple[str | None, str | None, str]]:
        """(outlet, duplicate_of, source) per article, without reading its text."""

    @abc.abstractmethod
    def conflicts_about(self, ids: Iterable[str]) -> list[Conflict]:
        """Stored corpus conflicts about these event or entity ids."""

    # -- near-duplicates --------------------------------------------------------------------------
    @abc.abstractmethod
    def put_minhash(self, article_id: str, n_shingles: int, signature: bytes, bands: Iterable[int]) -> None:
        """Keep an article's MinHash signature and its LSH band hashes (band i hashes to bands[i])."""

    @abc.abstractmethod
    def minhash_candidates(self, bands: Sequence[int]) -> list[tuple[str, int, bytes]]:
        """(article id, shingle count, signature) of the stored articles sharing any band hash."""

    @abc.abstractmethod
    def article_order(self, article_ids: Iterable[str]) -> dict[str, tuple[str, int, str | None]]:
        """(published value, insertion order, duplicate_of) of each article; the value is "" when the
        article's own words do not date it (corpus dating guesses from neighbours: a copy's
        neighbours are its original's)."""

    @abc.abstractmethod
    def set_duplicates(self, rows: Iterable[tuple[str, str | None, str | None]]) -> None:
        """(article id, duplicate_of, follow_up_of) for each row."""

    @abc.abstractmethod
    def duplicates_of(self, article_ids: Iterable[str]) -> dict[str, list[str]]:
        """The stored copies pointing at each of these articles."""

    @abc.abstractmethod
    def replace_conflicts(self, about: Iterable[str], conflicts: Iterable[Conflict]) -> None:
        """Drop the stored conflicts about these ids and add `conflicts` (recomputed for them)."""

    # -- user corrections -------------------------------------------------------------------------
    @abc.abstractmethod
    def entity_ids_named(self, name: str) -> list[str]:
        """Entities whose name or an alias is `name` (case-insensitive), most mentioned first."""

    @abc.abstractmethod
    def merge_entities(self, keep: str, others: Iterable[str]) -> None:
        """Fold `others` into `keep` (names become aliases, mentions move, old ids redirect)."""

    @abc.abstractmethod
    def rename_entity(self, entity_id: str, name: str) -> None: ...

    @abc.abstractmethod
    def block_entity(self, entity_id: str) -> None:
        """Mark an entity as no entity: left out of exports and listings."""

    @abc.abstractmethod
    def split_entity(self, entity_id: str, form: str, new_id: str, type_: str | None = None) -> int:
        """Move the mentions written `form` to an entity of their own; returns how many moved."""

    @abc.abstractmethod
    def put_article_keys(self, article_id: str, keys: Iterable[str]) -> None:
        """The entity keys an article mentions: the context surname-only mentions are judged by."""

    @abc.abstractmethod
    def article_keys(self, article_ids: Iterable[str]) -> dict[str, set[str]]: ...

    # -- content terms (corpus dating, later stories) -------------------------------------------
    @abc.abstractmethod
    def put_article_terms(self, article_id: str, terms: Mapping[str, int]) -> None:
        """An article's content words with their counts; document frequencies follow."""

    def put_articles_terms(self, terms_by_article: Mapping[str, Mapping[str, int]]) -> None:
        """`put_article_terms` for each article of a chunk, in one call (what dating writes a chunk).
        Not abstract, so that a backend written before it still works: a backend that can write a
        chunk's rows at once (SQLite does) overrides it."""
        for article_id, terms in terms_by_article.items():
            self.put_article_terms(article_id, terms)

    @abc.abstractmethod
    def term_stats(self, terms: Iterable[str]) -> tuple[int, dict[str, int]]:
        """(number of articles with terms, document frequency of each term)."""

    @abc.abstractmethod
    def term_postings(self, terms: Iterable[str], limit_per_term: int, which: str = "any") -> set[str]:
        """Articles holding any of these terms (at most `limit_per_term` per term, most recent first);
        `which` is "any", "dated" (dated to the day by their own evidence) or "undated"."""

    def term_postings_by_term(
        self, terms: Iterable[str], limit_per_term: int, which: str = "any"
    ) -> dict[str, set[str]]:
        """`term_postings` of each term alone, for many terms in one call (dating caches each word's
        postings, and one query per word was thousands of queries a run). Not abstract: a backend
        that can read many words' postings at once (SQLite does) overrides it."""
        return {t: self.term_postings([t], limit_per_term, which) for t in set(terms)}

    @abc.abstractmethod
    def article_terms(self, article_ids: Iterable[str]) -> dict[str, dict[str, int]]: ...

    # -- reads ----------------------------------------------------------------------------------
    @abc.abstractmethod
    def query_articles(self, query: Query) -> Page: ...

    @abc.abstractmethod
    def entity(self, entity_id: str) -> Entity | None:
        """An entity by id, following redirects left by merges, with all its mentions."""

    @abc.abstractmethod
    def iter_entities(self) -> Iterator[Entity]:
        """Every entity by id, with its mentions, a page at a time."""

    # -- search and reading views (`linimasa search`, the REST API, the web page) ------------------
    @abc.abstractmethod
    def search(self, query: SearchQuery) -> SearchPage:
        """Full-text search over articles or events (`query.kind`), ranked, with snippets and the hits
        marked; raises `SearchError` (a ValueError) for a query or filter it cannot run."""

    @abc.abstractmethod
    def event_docs(self, event_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Events as their linimasa/1 JSON documents, by id, without building model objects (a reading
        view shows thousands of source sentences; parsing them as JSON is enough)."""

    @abc.abstractmethod
    def article_events(self, article_ids: Iterable[str]) -> dict[str, list[str]]:
        """The ids of the events each article tells."""

    @abc.abstractmethod
    def article_cards(self, article_ids: Iterable[str]) -> dict[str, ArticleCard]:
        """Title, outlet, date, language and story of each article, without its text."""

    @abc.abstractmethod
    def entity_articles(self, entity_id: str, limit: int = 50) -> list[ArticleCard]:
        """The articles naming an entity (following merges), most recent first."""

    @abc.abstractmethod
    def story_summaries(self, limit: int = 50, offset: int = 0, sort: str = "recent",
                        entity: str | None = None) -> tuple[list[StorySummary], int]:
        """A page of stories ("recent": latest last date first; "size": most articles first), optionally
        only those naming an entity, and how many there are in all."""

    @abc.abstractmethod
    def entity_summaries(self, name: str | None = None, type: str | None = None, limit: int = 50,
                         offset: int = 0) -> tuple[list[EntitySummary], int]:
        """A page of entities, most mentioned first, whose name or an alias starts with `name`."""

    @abc.abstractmethod
    def events_page(self, type: str | None = None, entity: str | None = None, story: str | None = None,
                    date_from: str | None = None, date_to: str | None = None, limit: int = 50,
                    offset: int = 0) -> tuple[list[Event], int]:
        """A page of events in date order (undated last) by PLOVER type, entity (actor or place), story
        and date range, and how many match in all."""

    @abc.abstractmethod
    def entity_events(self, entity_id: str, limit: int = 200) -> list[Event]:
        """Events with the entity as an actor or as the place, in date order."""

    @abc.abstractmethod
    def co_entities(self, entity_id: str, limit: int = 20) -> list[tuple[EntitySummary, int]]:
        """Entities named in the same articles, with the number of articles shared, most first."""

    @abc.abstractmethod
    def article_conflicts(self, article_ids: Iterable[str]) -> list[tuple[str, dict[str, Any]]]:
        """(article id, conflict document) of the per-article conflicts (weekdays) of these articles."""

    @abc.abstractmethod
    def list_conflicts(self, kind: str | None = None, story: str | None = None, limit: int = 50,
                       offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """A page of all conflicts (per-article, then corpus), optionally of one kind or one story."""

    @abc.abstractmethod
    def outlets(self, limit: int = 300) -> list[tuple[str, int]]:
        """The outlets with their number of articles, most first."""

    @abc.abstractmethod
    def counts(self) -> dict[str, int]:
        """How many articles, entities, events, stories and conflicts the store holds."""

    @abc.abstractmethod
    def load_results(self) -> Corpus:
        """The corpus results that are not articles or entities (events, conflicts, stories, timeline)."""

    @abc.abstractmethod
    def load_corpus(self) -> Corpus: ...

    @abc.abstractmethod
    def save_corpus(self, corpus: Corpus, done: Iterable[str] | None = None) -> None:
        """Replace everything with `corpus` in one transaction (import, tests, scratch stores).
        Articles named in `done` (default: all) count as already related by the corpus stages."""

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
