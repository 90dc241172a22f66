"""The pipeline: named stages, declared and configured in one place.

Two kinds of stage, kept apart because they scale differently:

- an *article stage* is a pure function `Article -> Article` (no I/O). A batch runs them in worker
  processes (or on Spark) because one article never needs another;
- a *corpus stage* is `(Corpus, new_ids) -> Corpus`: it sees every article (the new ones plus what the
  store already holds) and derives what needs many of them: duplicates, merged entities and events,
  stories, corpus dating, the timeline.

A stage module registers a factory with `@article_stage("name")` or `@corpus_stage("name")`; the
factory takes the stage's options (from `DEFAULT_CONFIG` merged with the user's) and returns the
callable. A user runs a subset with `Pipeline(article_stages=[...])` or swaps one by passing a
callable under the stage's name in `replace`.
"""

from __future__ import annotations

import copy
import importlib
import logging
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from linimasa.model import Article, Corpus

log = logging.getLogger(__name__)

ArticleStage = Callable[[Article], Article]
CorpusStage = Callable[[Corpus, set[str]], Corpus]

_ARTICLE_FACTORIES: dict[str, Callable[..., ArticleStage]] = {}
_CORPUS_FACTORIES: dict[str, Callable[..., CorpusStage]] = {}

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
        "entities": {},
        "events": {},
        "stories": {},
        "timeline": {},
    },
}


def article_stage(name: str) -> Callable[[Callable[..., ArticleStage]], Callable[..., ArticleStage]]:
    """Register a factory for a per-article stage under `name`."""

    def register(factory: Callable[..., ArticleStage]) -> Callable[..., ArticleStage]:
        _ARTICLE_FACTORIES[name] = factory
        return factory

    return register


def corpus_stage(name: str) -> Callable[[Callable[..., CorpusStage]], Callable[..., CorpusStage]]:
    """Register a factory for a corpus stage under `name`."""

    def register(factory: Callable[..., CorpusStage]) -> Callable[..., CorpusStage]:
        _CORPUS_FACTORIES[name] = factory
        return factory

    return register


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
    return {"article": sorted(_ARTICLE_FACTORIES), "corpus": sorted(_CORPUS_FACTORIES)}


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, Mapping) and isinstance(out.get(k), dict) else v
    return out


@dataclass
class Pipeline:
    """A configured sequence of article stages and corpus stages.

    `article_stages` / `corpus_stages` pick a subset (in the default order unless given otherwise);
    `config` overrides stage options, e.g. `{"article": {"clean": {"min_body_chars": 20}}}`;
    `replace` swaps a stage for any callable with the same signature.
    """

    article_stages: list[str] | None = None
    corpus_stages: list[str] | None = None
    config: Mapping[str, Any] = field(default_factory=dict)
    replace: Mapping[str, Callable[..., Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _import_stage_modules()
        self.resolved_config = _merge(DEFAULT_CONFIG, self.config)
        self._article = self._build("article", self.article_stages, _ARTICLE_FACTORIES)
        self._corpus = self._build("corpus", self.corpus_stages, _CORPUS_FACTORIES)

    def _build(
        self, kind: str, names: list[str] | None, factories: Mapping[str, Callable[..., Any]]
    ) -> list[tuple[str, Callable[..., Any]]]:
        options: dict[str, Any] = self.resolved_config[kind]
        if names is None:
            names = [n for n in options if n in factories or n in self.replace]
        stages = []
        for name in names:
            if name in self.replace:
                stages.append((name, self.replace[name]))
            elif name in factories:
                stages.append((name, factories[name](**(options.get(name) or {}))))
            else:
                raise ValueError(f"unknown {kind} stage {name!r}; known: {sorted(factories)}")
        return stages

    @property
    def names(self) -> dict[str, list[str]]:
        return {"article": [n for n, _ in self._article], "corpus": [n for n, _ in self._corpus]}

    def process_article(self, article: Article) -> Article:
        """Run the article stages. A stage that fails records an error and the next stages still run,
        so one bad article or one bug in one stage never loses the rest of the batch."""
        if not article.raw.strip() and article.errors:
            return article  # ingest already said why there is nothing to process
        for name, stage in self._article:
            try:
                article = stage(article)
            except Exception as e:
                log.debug("stage %s failed on %s\n%s", name, article.source, traceback.format_exc())
                article.errors.append(f"{name}: {type(e).__name__}: {e}")
        return article

    def process_corpus(self, corpus: Corpus, new_ids: Iterable[str]) -> Corpus:
        """Run the corpus stages over all articles; `new_ids` names the ones added in this batch."""
        new = set(new_ids)
        for _name, stage in self._corpus:
            corpus = stage(corpus, new)
        return corpus


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default
