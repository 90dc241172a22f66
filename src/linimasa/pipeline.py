"""The pipeline: named stages with declared contracts, configured in one place.

Two kinds of stage, kept apart because they scale differently:

- an *article stage* is a pure function `Article -> Article` (no I/O). A batch runs them in worker
  processes (or on Spark) because one article never needs another;
- a *corpus stage* relates new articles to what the store already holds (merged entities, corpus
  dating, later duplicates, events and stories). It is called with a chunk of new articles and the
  store, inside one write transaction: it computes keys for the new articles, asks the store for the
  stored items that share a key, resolves only those and writes back the rows it changed. Its cost
  therefore depends on the chunk, never on the size of the store.

A stage module registers a factory with `@article_stage(name, requires=..., assigns=...)` or
`@corpus_stage(...)`, as spaCy's `Language.factory` does. The factory's keyword parameters are the
stage's options. Building a `Pipeline` checks everything a typo or a missing stage could break: an
unknown stage, an unknown option, a requirement ("article.text") that no earlier stage assigns.
`describe()` (and `linimasa stages`) shows the result, as spaCy's `analyze_pipes` does.
"""

from __future__ import annotations

import contextlib
import copy
import gc
import importlib
import inspect
import logging
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from linimasa.model import Article, Corpus

if TYPE_CHECKING:
    from linimasa.store.base import Store

log = logging.getLogger(__name__)

ArticleStage = Callable[[Article], Article]
CorpusStage = Callable[[list[Article], "Store"], None]
"""Called with a chunk of newly stored articles and the store, inside the store's write transaction."""

StageKind = Literal["article", "corpus"]

INGEST_ASSIGNS: tuple[str, ...] = ("article.id", "article.source", "article.raw", "article.encoding", "article.given")
"""What every article has before any stage runs: ingest fills it from the input bytes."""


@dataclass(frozen=True)
class StageSpec:
    """A registered stage: how to build it and the contract it declares.

    `requires` / `assigns` name article or corpus attributes ("article.mentions", "corpus.entities").
    `needs_builtin` names article stages whose own rules this stage reuses (the corpus dating stage
    re-tags with the timex stage's rules); when such a stage is replaced or left out, a pipeline that
    did not ask for this stage explicitly leaves it out, and one that did is refused.
    """

    name: str
    kind: StageKind
    factory: Callable[..., Any]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    needs_builtin: tuple[str, ...] = ()

    @property
    def options(self) -> dict[str, Any]:
        """Option names and defaults, read from the factory's keyword parameters."""
        out: dict[str, Any] = {}
        for p in inspect.signature(self.factory).parameters.values():
            if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY):
                out[p.name] = None if p.default is p.empty else p.default
        return out

    @property
    def doc(self) -> str:
        return (inspect.getdoc(self.factory) or "").split("\n\n")[0].replace("\n", " ")


_REGISTRY: dict[StageKind, dict[str, StageSpec]] = {"article": {}, "corpus": {}}

# Modules whose import registers stages. A stage package that is not built yet is simply absent.
STAGE_MODULES: tuple[str, ...] = (
    "linimasa.clean",
    "linimasa.meta",
    "linimasa.text",
    "linimasa.timex",
    "linimasa.entities",
    "linimasa.events",
    "linimasa.link",
    "linimasa.timeline",
)

# The one place where the default pipeline is declared: order and options of every stage.
DEFAULT_CONFIG: dict[str, Any] = {
    "article": {
        "clean": {},
        "meta": {},
        "sentences": {},
        "timex": {},
        "entities": {},
        "events": {},
    },
    "corpus": {
        "dating": {},
        "duplicates": {},
        "entities": {},
        "stories": {},
        "events": {},
        "timeline": {},
    },
}


def _register(kind: StageKind, name: str, requires: Sequence[str], assigns: Sequence[str],
              needs_builtin: Sequence[str]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def register(factory: Callable[..., Any]) -> Callable[..., Any]:
        _REGISTRY[kind][name] = StageSpec(name, kind, factory, tuple(requires), tuple(assigns), tuple(needs_builtin))
        return factory

    return register


def article_stage(
    name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = (), needs_builtin: Sequence[str] = ()
) -> Callable[[Callable[..., ArticleStage]], Callable[..., ArticleStage]]:
    """Register a factory for a per-article stage under `name`, with its contract."""
    return _register("article", name, requires, assigns, needs_builtin)


def corpus_stage(
    name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = (), needs_builtin: Sequence[str] = ()
) -> Callable[[Callable[..., CorpusStage]], Callable[..., CorpusStage]]:
    """Register a factory for a corpus stage under `name`, with its contract."""
    return _register("corpus", name, requires, assigns, needs_builtin)


def _import_stage_modules() -> None:
    for module in STAGE_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as e:
            if e.name != module:  # the stage exists but something it needs is missing: say so
                raise


def registered() -> dict[str, list[str]]:
    """Names of the stages that can be used, by kind."""
    _import_stage_modules()
    return {kind: sorted(specs) for kind, specs in _REGISTRY.items()}


def stage_spec(kind: StageKind, name: str) -> StageSpec | None:
    _import_stage_modules()
    return _REGISTRY[kind].get(name)


class PipelineError(ValueError):
    """A pipeline that cannot work as configured; raised when it is built, never halfway through a batch."""


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, Mapping) and isinstance(out.get(k), dict) else v
    return out


@dataclass
class _Built:
    spec: StageSpec
    fn: Callable[..., Any]
    builtin: bool
    options: dict[str, Any]


@dataclass
class Pipeline:
    """A configured, checked sequence of article stages and corpus stages.

    `article_stages` / `corpus_stages` pick a subset (in the default order unless given otherwise);
    `config` overrides stage options, e.g. `{"article": {"clean": {"min_body_chars": 20}}}`;
    `replace` swaps a stage for any callable with the same signature (it keeps the contract of the
    stage it replaces; a new name declares nothing); `provided` names attributes the caller's
    articles already carry (articles built by hand with `text` and `language`).
    """

    article_stages: list[str] | None = None
    corpus_stages: list[str] | None = None
    config: Mapping[str, Any] = field(default_factory=dict)
    replace: Mapping[str, Callable[..., Any]] = field(default_factory=dict)
    provided: Sequence[str] = ()

    def __post_init__(self) -> None:
        _import_stage_modules()
        self._check_config()
        self.resolved_config = _merge(DEFAULT_CONFIG, self.config)
        self._article = self._build("article", self.article_stages)
        self._corpus = self._build("corpus", self.corpus_stages)
        self._check_contracts()

    # -- building ---------------------------------------------------------------------------
    def _check_config(self) -> None:
        for kind, stages in self.config.items():
            if kind not in ("article", "corpus"):
                raise PipelineError(f"unknown config section {kind!r}; expected 'article' or 'corpus'")
            known = set(_REGISTRY[kind]) | set(DEFAULT_CONFIG[kind]) | set(self.replace)
            for name, options in (stages or {}).items():
                if name not in known:
                    raise PipelineError(
                        f"config names unknown {kind} stage {name!r}; known: {sorted(_REGISTRY[kind])}"
                    )
                spec = _REGISTRY[kind].get(name)
                if spec is None or name in self.replace:
                    continue
                unknown = sorted(set(options or {}) - set(spec.options))
                if unknown:
                    raise PipelineError(
                        f"{kind} stage {name!r} has no option {', '.join(map(repr, unknown))}; "
                        f"its options: {sorted(spec.options) or 'none'}"
                    )

    def _build(self, kind: StageKind, names: list[str] | None) -> list[_Built]:
        registry = _REGISTRY[kind]
        options: dict[str, Any] = self.resolved_config[kind]
        defaulted = names is None
        if names is None:
            names = [n for n in options if n in registry or n in self.replace]
        built: list[_Built] = []
        for name in names:
            spec = registry.get(name)
            if name in self.replace:
                contract = spec or StageSpec(name, kind, self.replace[name])
                built.append(_Built(contract, self.replace[name], False, {}))
            elif spec is not None:
                opts = dict(options.get(name) or {})
                built.append(_Built(spec, spec.factory(**opts), True, opts))
            else:
                raise PipelineError(f"unknown {kind} stage {name!r}; known: {sorted(registry)}")
        if kind == "corpus":
            built = self._drop_orphans(built, defaulted)
        return built

    def _drop_orphans(self, built: list[_Built], defaulted: bool) -> list[_Built]:
        builtin_article = {b.spec.name for b in self._article if b.builtin}
        kept = []
        for b in built:
            missing = [n for n in b.spec.needs_builtin if n not in builtin_article]
            if not missing:
                kept.append(b)
            elif defaulted:
                log.info("corpus stage %s left out: it needs the built-in %s stage", b.spec.name, missing)
            else:
                raise PipelineError(
                    f"corpus stage {b.spec.name!r} needs the built-in article stage "
                    f"{', '.join(map(repr, missing))}, which this pipeline replaces or leaves out"
                )
        return kept

    def _check_contracts(self) -> None:
        available = set(INGEST_ASSIGNS) | set(self.provided)
        for b in [*self._article, *self._corpus]:
            missing = [r for r in b.spec.requires if r not in available]
            if missing:
                raise PipelineError(
                    f"{b.spec.kind} stage {b.spec.name!r} requires {', '.join(missing)}, which no earlier "
                    f"stage assigns{_who_assigns(missing)}"
                )
            available.update(b.spec.assigns)

    # -- introspection ----------------------------------------------------------------------
    @property
    def names(self) -> dict[str, list[str]]:
        return {"article": [b.spec.name for b in self._article], "corpus": [b.spec.name for b in self._corpus]}

    @property
    def replaced(self) -> bool:
        """Whether any stage is a user callable (which may not survive a trip to a worker process)."""
        return any(not b.builtin for b in [*self._article, *self._corpus])

    def describe(self) -> list[dict[str, Any]]:
        """Every stage in order with its contract and options, as spaCy's `analyze_pipes` reports."""
        return [
            {
                "kind": b.spec.kind,
                "name": b.spec.name,
                "implementation": "built-in" if b.builtin else "replaced",
                "requires": list(b.spec.requires),
                "assigns": list(b.spec.assigns),
                "options": {**b.spec.options, **b.options} if b.builtin else {},
                "doc": b.spec.doc if b.builtin else "",
            }
            for b in [*self._article, *self._corpus]
        ]

    # -- running ----------------------------------------------------------------------------
    def process_article(self, article: Article, budget: TimeBudget | None = None) -> Article:
        """Run the article stages. A stage that fails records an error and the next stages still run,
        so one bad article or one bug in one stage never loses the rest of the batch.

        With a `budget` (batches pass one; see `TimeBudget`), an article whose stages use more CPU
        time than the budget allows it is stopped inside the stage that overran: it gets an error
        entry naming that stage and the stages left out, keeps what the earlier stages found, and
        the caller goes on with the next article."""
        if not article.raw.strip() and article.errors:
            return article  # ingest already said why there is nothing to process
        limit = budget.seconds_for(article) if budget is not None else None
        alarm = _CpuAlarm(limit)
        at = 0  # the stage running
        try:
            with article_collections(), alarm as clock:
                for at in range(len(self._article)):
                    b = self._article[at]
                    try:
                        article = b.fn(article)
                    except Exception as e:
                        log.debug("stage %s failed on %s\n%s", b.spec.name, article.source, traceback.format_exc())
                        article.errors.append(f"{b.spec.name}: {type(e).__name__}: {e}")
                    if clock is not None:
                        clock.check()
        except ArticleTimeout:
            name = self._article[at].spec.name
            left = [x.spec.name for x in self._article[at + 1 :]]
            used = alarm.clock.used() if alarm.clock else 0.0
            article.errors.append(
                f"budget: stopped in stage {name} after {used:.1f} CPU-seconds (this article's budget: {limit:.1f} s)"
                + (f"; not run: {', '.join(left)}" if left else "")
            )
            log.warning("%s: over its time budget in stage %s; stopped", article.source, name)
        return article

    def run_corpus_stages(self, articles: list[Article], store: Store,
                          cpu_s: dict[str, float] | None = None) -> None:
        """Relate a chunk of newly stored articles to the store; the caller holds the write transaction.
        `cpu_s` (when given) adds up each stage's CPU time of this process by stage name: what a
        benchmark reads to tell the corpus stages' cost from the article stages'."""
        for b in self._corpus:
            t = time.process_time()
            b.fn(articles, store)
            if cpu_s is not None:
                cpu_s[b.spec.name] = cpu_s.get(b.spec.name, 0.0) + time.process_time() - t

    def process_corpus(self, corpus: Corpus, new_ids: Iterable[str]) -> Corpus:
        """Run the corpus stages on an in-memory corpus: its articles and results go into a scratch
        store, the corpus stages relate the `new_ids` articles to the rest, and the result comes back
        as a `Corpus`. What a batch does against a real store, for callers that hold a `Corpus`."""
        from linimasa.batch import finish_corpus_work
        from linimasa.store.sqlite import SQLiteStore

        new = set(new_ids)
        with SQLiteStore(":memory:") as store:
            store.save_corpus(corpus, done=[a.id for a in corpus.articles if a.id not in new])
            finish_corpus_work(store, self)
            return store.load_corpus()


ARTICLE_OLDEST_THRESHOLD = 1_000_000
"""While an article's stages run, the cyclic garbage collector's oldest generation waits for this many
collections of the middle one (`gc.set_threshold`'s third value; Python's is 10), which no one article
reaches: full collections wait until the article is done. A full collection walks every object alive,
and a long article keeps hundreds of thousands alive while its stages run (a 2 MB article: 274,000
entity tokens, 43,000 mentions), so with Python's thresholds the collector made time per KB grow with
the article's length. The two younger generations are collected as before, so a cycle the stages drop
is still freed within a few thousand allocations unless it outlived two of those collections; what
waits is bounded by what one article allocates, itself bounded by its time budget."""

class CollectorThreshold:
    """One generation's threshold of the cyclic garbage collector (`gc.set_threshold`), held at the
    value `change` gives while any block of `held()` runs, in any thread, and put back when the last one
    ends. Batches hold the young one (`linimasa.batch.GC_YOUNG_THRESHOLD`) and articles the oldest
    (`ARTICLE_OLDEST_THRESHOLD`): one lock for both, and each puts back only its own generation, so a
    batch and an article that overlap never undo each other's value."""

    _lock = threading.Lock()

    def __init__(self, generation: int, change: Callable[[int], int]) -> None:
        self.generation, self.change = generation, change
        self.holders = 0
        self.saved: int | None = None

    def _set(self, value: int) -> None:
        now = list(gc.get_threshold())
        now[self.generation] = value
        gc.set_threshold(*now)

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        with self._lock:
            if self.holders == 0:
                self.saved = gc.get_threshold()[self.generation]
                self._set(self.change(self.saved))
            self.holders += 1
        try:
            yield
        finally:
            with self._lock:
                self.holders -= 1
                if self.holders == 0 and self.saved is not None:
                    self._set(self.saved)
                    self.saved = None


_ARTICLE_OLDEST = CollectorThreshold(2, lambda now: max(now, ARTICLE_OLDEST_THRESHOLD))


def article_collections() -> contextlib.AbstractContextManager[None]:
    """Postpone full garbage collections while the block runs (see `ARTICLE_OLDEST_THRESHOLD`). Only
    the third threshold is changed and put back, whatever happens in the block; with several articles
    in threads the value before the first is back when the last ends. With the collector disabled
    (`gc.disable()`) or its threshold 0 nothing changes but the third value."""
    return _ARTICLE_OLDEST.held()


@dataclass(frozen=True)
class TimeBudget:
    """How much CPU time one article may use in the article stages: `seconds`, plus `per_kb` seconds
    for every KB of its raw text (a long article legitimately costs more; ordinary news costs about
    10 ms per KB). Batches use `DEFAULT_TIME_BUDGET`; `None` in their place turns the budget off."""

    seconds: float = 20.0
    per_kb: float = 0.05

    def seconds_for(self, article: Article) -> float:
        return self.seconds + self.per_kb * len(article.raw) / 1024


DEFAULT_TIME_BUDGET = TimeBudget()
"""20 CPU-seconds plus 50 ms per KB: about ten times what ordinary text costs, so only an article on
which some stage has gone wrong reaches it (a 5 KB article: 20.25 s; 2 MB: 122 s)."""


class ArticleTimeout(BaseException):
    """Raised inside a stage when its article has used up its time budget. A `BaseException`, as
    `KeyboardInterrupt` is, so that a stage's own `except Exception` cannot swallow it."""


class _Clock:
    """The CPU time an article has used, and the limit it may not pass."""

    def __init__(self, limit: float, timer: Callable[[], float]) -> None:
        self.limit = limit
        self.timer = timer
        self.start = timer()
        self.active = True

    def used(self) -> float:
        return self.timer() - self.start

    def check(self) -> None:
        if self.used() > self.limit:
            raise ArticleTimeout


class _CpuAlarm:
    """Enforce a CPU-time limit on the block it guards.

    In the main thread of a Unix process (a worker process, or the CLI's own when it runs one worker)
    an interval timer on the process's CPU time (`ITIMER_PROF`) delivers SIGPROF when the limit is
    reached, and the handler raises `ArticleTimeout` in whatever Python code is running: a stage stuck
    in a loop is stopped where it is. Elsewhere (another thread, a platform without `setitimer`) the
    limit is checked between stages only, on the thread's own CPU time. A single call into C that
    never returns (one regular expression matching for minutes) is stopped in neither case; the
    stages' patterns are written so that none can (see `tests/test_hostile.py`). While an article
    runs, this timer and handler replace any `ITIMER_PROF` timer and SIGPROF handler the process had;
    the handler is put back afterwards."""

    def __init__(self, limit: float | None) -> None:
        self.limit = limit
        self.clock: _Clock | None = None
        self.previous: Any = None
        self.armed = False

    def __enter__(self) -> _Clock | None:
        if self.limit is None:
            return None
        use_signal = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        if not use_signal:
            self.clock = _Clock(self.limit, time.thread_time)
            return self.clock
        self.clock = clock = _Clock(self.limit, time.process_time)

        def on_alarm(signum: int, frame: Any) -> None:
            if clock.active:
                raise ArticleTimeout

        self.previous = signal.signal(signal.SIGPROF, on_alarm)
        self.armed = True
        try:
            signal.setitimer(signal.ITIMER_PROF, max(self.limit, 0.001))  # one shot: no interval
            return clock
        except ArticleTimeout:  # a limit so short it ran out before the block began
            self.__exit__()
            raise

    def __exit__(self, *exc: object) -> None:
        if self.clock is None:
            return
        self.clock.active = False  # a signal that arrives from here on is ignored
        if self.armed:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, self.previous if self.previous is not None else signal.SIG_DFL)


def _who_assigns(missing: list[str]) -> str:
    hints = sorted({
        f"{spec.kind} stage {spec.name!r}"
        for kind in _REGISTRY.values() for spec in kind.values() if set(spec.assigns) & set(missing)
    })
    return f" (assigned by {', '.join(hints)})" if hints else ""


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default
