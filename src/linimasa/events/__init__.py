"""Events: who did what to whom, when and where, as PLOVER event mentions of one article.

The article stage finds event mentions sentence by sentence (`extract`) from the per-language
trigger lexicon (`resources/<lang>/events.yaml`, matched by stem so that one entry covers
bertemu/pertemuan/ditemui), with their actors among the article's entity mentions, their place, mode
and date. Merging the mentions of one event across articles is the corpus stage in `linimasa.link.events`.
"""

from __future__ import annotations

from collections.abc import Callable

from linimasa.events.extract import extract_events
from linimasa.events.lexicon import PLOVER_TYPES, Lexicon, load_lexicon
from linimasa.model import Article
from linimasa.pipeline import article_stage

__all__ = ["PLOVER_TYPES", "Lexicon", "extract_events", "load_lexicon", "make_events"]


@article_stage(
    "events",
    requires=["article.text", "article.language", "article.sentences", "article.mentions", "article.timexes",
              "article.published"],
    assigns=["article.event_mentions"],
)
def make_events(baseline: bool = False) -> Callable[[Article], Article]:
    """Options: `baseline` (match the lexicon's exact trigger forms only, with the nearest names as
    actors and no mode, voice or context rules: the yardstick `linimasa eval events` reports beside
    the full rules)."""

    def events(article: Article) -> Article:
        lex = load_lexicon(article.language if article.language in ("id", "en") else "id")
        article.event_mentions = extract_events(article, lex, baseline=baseline)
        return article

    return events
