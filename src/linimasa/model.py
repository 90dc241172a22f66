"""The one data model that flows through every stage.

Per-article stages (ingest, clean, meta, timex, entities, events) fill an `Article`; corpus stages
(link, timeline) read many articles and fill a `Corpus`. Everything is a plain dataclass so that an
article can cross a process boundary (multiprocessing, Spark) by pickling, and be stored and exported
through the generic `to_dict` / `from_dict` below, without a hand-written serialiser per class.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, get_args, get_origin, get_type_hints

LineLabel = Literal["body", "title", "heading", "metadata", "boilerplate", "blank"]
LineKind = Literal[
    # metadata lines
    "date", "dateline", "editor", "author", "source", "credits", "photographer", "signoff", "summary", "standfirst",
    # page furniture that later rules look back at
    "navigation", "block_heading", "related_label",
]
Precision = Literal["minute", "day", "week", "month", "year", "decade"]
DateHow = Literal["metadata", "dateline", "text", "corpus", "unknown"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
EntityType = Literal["PER", "ORG", "GPE", "LOC", "EVT", "OTHER"]
EventMode = Literal["asserted", "negated", "planned", "hypothetical"]
ActorRole = Literal["source", "target", "other"]
# PLOVER's types of acts done together ("X bertemu Y" and "Y menerima X" tell one meeting): neither
# side is only the doer (read by the events stage, which codes the first named its source, and by
# event merging, which reads the two sides as one).
MUTUAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
ConflictKind = Literal["date", "weekday_mismatch", "number", "other"]

LINE_LABELS: tuple[str, ...] = get_args(LineLabel)
LINE_KINDS: tuple[str, ...] = get_args(LineKind)
PRECISIONS: tuple[str, ...] = get_args(Precision)


_DATE_VALUE = re.compile(r"(\d{3}[\dX])(?:-(?:W(\d\d)|(\d\d)(?:-(\d\d)(?:T(\d\d):(\d\d))?)?))?$")


def precision_of(value: str) -> Precision | None:
    """The precision of a TimeML date value ("2021-W41" -> week); None for what is not a calendar
    date (durations, PRESENT_REF)."""
    m = _DATE_VALUE.match(value or "")
    if not m:
        return None
    year, week, month, day, hour, _ = m.groups()
    if year.endswith("X"):
        return "decade"
    if week:
        return "week"
    if hour:
        return "minute"
    if day:
        return "day"
    return "month" if month else "year"


def date_range(value: str) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day a TimeML date value covers, or None when it is not a calendar date."""
    m = _DATE_VALUE.match(value or "")
    if not m:
        return None
    year, week, month, day, _, _ = m.groups()
    try:
        if year.endswith("X"):
            y = int(year[:3]) * 10
            return datetime.date(y, 1, 1), datetime.date(y + 9, 12, 31)
        y = int(year)
        if week:
            first = datetime.date.fromisocalendar(y, int(week), 1)
            return first, first + datetime.timedelta(days=6)
        if day:
            d = datetime.date(y, int(month), int(day))
            return d, d
        if month:
            first = datetime.date(y, int(month), 1)
            nxt = datetime.date(y + (int(month) == 12), int(month) % 12 + 1, 1)
            return first, nxt - datetime.timedelta(days=1)
        return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
    except ValueError:
        return None


def date_sort_key(value: str) -> tuple[str, str, str]:
    """Chronological order of TimeML values of mixed precision: by first day, the wider range first
    (the 1980s before 1989, week 27 before the 8th of July); values that are no date last."""
    rng = date_range(value)
    if not rng:
        return ("~", "", value)
    return (rng[0].isoformat(), f"{99999 - (rng[1] - rng[0]).days:05d}", value)


@dataclass
class Span:
    """A stretch of an article's clean `text`: 0-based, end-exclusive character offsets."""

    start: int
    end: int
    text: str


@dataclass
class Line:
    """One raw input line and what the cleaner decided about it.

    `kept` is the part of a body/heading line that survives inline clean-up (dateline prefixes,
    glued SEO tags, sign-offs); it is what goes into `Article.text`. `kind` is what a line is, for
    the stages that read lines (a "date" line dates the article, "editor"/"author"/"credits" lines
    name people, a "source" or "dateline" line credits a wire); `reason` is the human-readable
    explanation of the label and no stage should parse it.
    """

    n: int
    text: str
    label: LineLabel = "body"
    reason: str = ""
    kept: str | None = None
    kind: LineKind | None = None


@dataclass
class DateValue:
    """A TimeML value with how precise it is."""

    value: str
    precision: Precision


@dataclass
class Published:
    """An article's publication date and the evidence it came from (`how`)."""

    value: str
    precision: Precision
    how: DateHow
    text: str | None = None


@dataclass
class Timex:
    """A temporal expression in the clean text, normalised to a TimeML value.

    `mod` holds the full TimeML set (START, MID, END, APPROX, LESS_THAN, MORE_THAN...); `anchor` says
    what a relative expression was resolved against ("dct", "event", "corpus"), None for absolute ones.
    `line` is None for a timex in `text`; for one found in a line that is not part of `text` (a date
    metadata line such as "- 21 Oktober 2021, 07:53 WIB") it is that line's 1-based number, and
    start/end are offsets into that `Line.text` (the timex also carries the flag "metadata_line").
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    flags: list[str] = field(default_factory=list)
    anchor: str | None = None
    line: int | None = None


@dataclass
class Mention:
    """A named-entity mention in the clean text of one article.

    `entity` is filled by the linking stage with the id of the `Entity` it belongs to; `source` says
    which recogniser found it ("model", "gazetteer", "rule"). `key` is a canonical id the recogniser
    already knows ("country:RU" from the gazetteer, or the key of the expansion an in-text acronym
    stands for), and `role` the title attached to a person in this article ("Presiden Rusia"): both
    are what the linking stage merges and collects.
    """

    start: int
    end: int
    text: str
    type: EntityType
    entity: str | None = None
    source: str = "model"
    score: float | None = None
    key: str | None = None
    role: str | None = None


@dataclass
class Role:
    """A title or function attached to a person in one article ("Menteri Luar Negeri Rusia")."""

    text: str
    article: str


@dataclass
class MentionRef:
    """Where an entity is mentioned: article id and offsets into that article's text."""

    article: str
    start: int
    end: int
    text: str


@dataclass
class Entity:
    """One real-world person, organisation or place, with every name used for it."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mentions: list[MentionRef] = field(default_factory=list)


@dataclass
class EntityRecord:
    """An entity as the store keeps it between batches: what merging decisions need, without every
    mention. Merging reads the surface `forms` and `types` counts (the canonical name and the type
    are decided from them), `keys` (what new mentions are matched by) and a bounded list of recent
    `articles` (the context a surname-only mention is judged against), so adding a mention of a
    much-mentioned entity costs the same as adding one of a rare entity.
    """

    id: str
    key: str
    name: str
    type: EntityType
    gaz_id: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    forms: dict[str, int] = field(default_factory=dict)
    types: dict[str, int] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    n_mentions: int = 0
    blocked: bool = False  # a user's correction: not an entity (left out of exports and listings)


@dataclass
class EventActor:
    entity: str
    role: ActorRole


@dataclass
class EventMention:
    """One sentence of one article that reports an event.

    Per-article stages fill the mention-level fields (`actor_mentions` are indexes into
    `Article.mentions`); the link stage folds mentions of one event into an `Event`. `start`/`end`
    span the sentence, `trigger_start`/`trigger_end` the trigger inside it, so a reader can see why
    the event is there. `source`, `target` and `place` are the words of the sentence that name them
    (a name, "polisi", or the name a pronoun stands for), kept even where no entity does.
    `background` marks history the article recalls ("invasi Soviet pada 1980-an"), dated by its own
    words and never by the article's date.
    """

    article: str
    start: int
    end: int
    text: str
    type: str
    trigger: str = ""
    mode: EventMode = "asserted"
    date: DateValue | None = None
    actor_mentions: list[tuple[int, ActorRole]] = field(default_factory=list)
    place_mention: int | None = None
    trigger_start: int = 0
    trigger_end: int = 0
    source: str | None = None
    target: str | None = None
    place: str | None = None
    date_text: str | None = None
    date_how: str = ""
    date_mod: str | None = None
    background: bool = False
    refers_back: bool = False  # "pertemuan itu": joins an event the article told before, never a new one


@dataclass
class Event:
    id: str
    type: str
    date: DateValue | None = None
    actors: list[EventActor] = field(default_factory=list)
    place: str | None = None
    mode: EventMode = "asserted"
    summary: str = ""
    mentions: list[EventMention] = field(default_factory=list)
    background: bool = False
    language: str = "und"


@dataclass
class ConflictValue:
    value: str
    article: str
    text: str = ""


@dataclass
class Conflict:
    """Where sources (or one source and the calendar) disagree."""

    kind: ConflictKind
    about: str | None
    values: list[ConflictValue] = field(default_factory=list)
    note: str = ""


@dataclass
class Story:
    """Articles about one developing story. `entities` counts the articles that name each entity
    (what a new article is matched by); `first`/`last` span its articles' dates. `named` is how many
    of its articles name each of its entities among their telling ones, copies aside, and `counted`
    how many articles those are: what its reports have in common (the volcano every report of an
    eruption names) as against what one report told (the minister of its first piece). A story
    stored before these were kept has none, and counts from its next article on."""

    id: str
    label: str
    articles: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    entities: dict[str, float] = field(default_factory=dict)
    terms: dict[str, float] = field(default_factory=dict)
    outlets: list[str] = field(default_factory=list)
    languages: dict[str, int] = field(default_factory=dict)
    first: str | None = None
    last: str | None = None
    named: dict[str, int] = field(default_factory=dict)
    counted: int = 0


@dataclass
class TimelineEntry:
    """One date of a timeline at the precision its events give it, with a summary built from its
    events, the outlets that report them and how many articles do (copies counted once)."""

    date: DateValue
    events: list[str] = field(default_factory=list)
    summary: str = ""
    story: str | None = None
    outlets: list[str] = field(default_factory=list)
    sources: int = 0
    background: bool = False
    conflicts: int = 0


@dataclass(frozen=True)
class TimelineRow:
    """What one event adds to the timeline entry of its date, as the store keeps it between batches:
    the entry of a date is then updated by the events a batch changes, never rebuilt from all the
    events of a much-reported day. `roots` are the articles that report it, each copy counted as
    its original (`duplicate_of`); `articles` are the articles its mentions are in."""

    event: str
    date: DateValue
    summary: str
    background: bool
    conflicted: bool
    roots: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass
class TimelineDay:
    """The whole database's events on one date as the store sums them up from its `TimelineRow`s:
    the events in the entry's order (most sources first, background last, then by id), the first
    ones' summaries and date, and the counts the entry shows."""

    date: DateValue
    events: list[str]
    summaries: list[str]
    outlets: list[str]
    sources: int
    background: int
    conflicts: int


@dataclass
class Timeline:
    entries: list[TimelineEntry] = field(default_factory=list)


@dataclass
class Article:
    """One input document and everything the per-article stages found in it.

    `raw` is the decoded input with line endings normalised; `text` is the clean body built from the
    lines labelled body/heading. All offsets (timexes, mentions, event mentions, sentences) point
    into `text`. `sentences` are computed once (the article stage "sentences", by
    `linimasa.text.sentences.split_sentences`) for every stage that reads sentence by sentence.
    """

    id: str
    source: str
    raw: str = ""
    encoding: str = "utf-8"
    lines: list[Line] = field(default_factory=list)
    text: str = ""
    sentences: list[Span] = field(default_factory=list)
    language: str = "und"
    title: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    published: Published | None = None
    editor: str | None = None
    authors: list[str] = field(default_factory=list)
    wire_sources: list[str] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    event_mentions: list[EventMention] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    duplicate_of: str | None = None
    follow_up_of: str | None = None
    story: str | None = None
    errors: list[str] = field(default_factory=list)
    given: dict[str, Any] = field(default_factory=dict)
    """Metadata the input itself carried (an HTML page's meta tags, a CSV's columns, a feed, a WARC
    header): "title", "outlet", "authors", "published", "url", "format". Ingest sets the matching
    fields from it, and the stages that infer those fields keep what is given."""


@dataclass
class Corpus:
    """Articles plus what the corpus stages derived from all of them together."""

    articles: list[Article] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    timeline: Timeline = field(default_factory=Timeline)

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)


# ---------------------------------------------------------------------------------------------
# Generic (de)serialisation. One pair of functions for the whole model keeps the store, the export
# and process boundaries from each growing their own copy of every field list.

T = TypeVar("T")


_ATOMS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}
"""Field names of each dataclass met by `to_dict` (None: not a dataclass instance), found once per type."""


def to_dict(obj: Any) -> Any:
    """A JSON-ready copy of a model object (dataclasses become dicts, tuples lists)."""
    tp = type(obj)
    if tp in _ATOMS:
        return obj
    if tp in _FIELD_NAMES:
        names = _FIELD_NAMES[tp]
    else:
        is_instance = dataclasses.is_dataclass(obj) and not isinstance(obj, type)
        names = _FIELD_NAMES[tp] = tuple(f.name for f in dataclasses.fields(obj)) if is_instance else None
    if names is not None:
        return {name: to_dict(getattr(obj, name)) for name in names}
    if isinstance(obj, list | tuple):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def _identity(data: Any) -> Any:
    return data


_BUILDERS: dict[Any, Callable[[Any], Any]] = {}
_FIELDS: dict[type, list[tuple[str, Callable[[Any], Any]]]] = {}


def _builder(tp: Any) -> Callable[[Any], Any]:
    """How to rebuild a value of type `tp` from its `to_dict` form (None stays None), worked out once
    per type: stored entities and articles are rebuilt by the thousand per batch."""
    if tp not in _BUILDERS:
        _BUILDERS[tp] = _make_builder(tp)
    return _BUILDERS[tp]


def _make_builder(tp: Any) -> Callable[[Any], Any]:
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        return _builder(args[0]) if len(args) == 1 else _identity
    if origin is list:
        (item,) = get_args(tp)
        inner = _builder(item)
        if inner is _identity:
            return lambda data: None if data is None else list(data)
        return lambda data: None if data is None else [inner(x) for x in data]
    if origin is tuple:
        inners = [_builder(a) for a in get_args(tp)]
        return lambda data: None if data is None else tuple(f(x) for f, x in zip(inners, data, strict=False))
    if dataclasses.is_dataclass(tp):
        return lambda data: None if data is None else from_dict(tp, data)
    return _identity


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a model object from `to_dict` output; unknown keys are ignored (forward compatible)."""
    fields = _FIELDS.get(cls)
    if fields is None:
        hints = get_type_hints(cls)
        fields = _FIELDS[cls] = [(f.name, _builder(hints[f.name])) for f in dataclasses.fields(cls)]
    return cls(**{name: build(data[name]) for name, build in fields if name in data})
