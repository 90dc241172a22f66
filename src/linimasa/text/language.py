"""The language of an article, decided once (by the meta stage) with py3langid.

py3langid is langid.py's model and algorithm repackaged: its model ships inside the PyPI package (no
download) and loads in about a third of the time (~1 CPU-s where langid.py spends ~3 per process
decompressing its model, which every worker of a batch pays). On the 5,447 articles of the raw
scrape it decides as langid.py did on all but 9 near-empty texts ("Halo, kawan Pal.", a title and
a date), where it says Indonesian and langid.py said English; on the English and Indonesian pages
of the HTML benchmark it decides as langid.py did on every page.

The detector is restricted to the languages linimasa has resources for (one folder per language
under `linimasa/resources`), because an unrestricted one often calls Indonesian news Malay ("ms"),
and a label no later stage has resources for is of no use. A fixed, deterministic model: the same
text always gets the same answer.
"""

from __future__ import annotations

import functools
from typing import Any

from linimasa import resources
from linimasa.text.tokens import LETTER

MAX_CHARS = 800
"""The first paragraphs say what language an article is in; reading more only costs time."""

MIN_LETTERS = 10
"""Fewer letters than this in the first 200 characters: nothing to tell a language from."""

SHORT_TEXT_WORDS = 20
"""A text shorter than this is too short to overrule a language an article already has."""


@functools.cache
def _identifier(languages: tuple[str, ...]) -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    supported = set(identifier.nb_classes)
    wanted = [lang for lang in languages if lang in supported]
    if wanted:
        identifier.set_languages(wanted)
    return identifier


@functools.cache
def default_languages() -> tuple[str, ...]:
    """The languages that have a resource folder."""
    return tuple(resources.languages())


def detect_language(text: str, languages: tuple[str, ...] | None = None) -> str:
    """ISO 639-1 code of `text`, or "und" when there is no text to tell from."""
    return _detect(text[:MAX_CHARS], languages or default_languages())


@functools.lru_cache(maxsize=64)
def _detect(sample: str, languages: tuple[str, ...]) -> str:
    """Cached: the meta stage decides, and a later stage that checks the body asks the same question."""
    if len(LETTER.findall(sample[:200])) < MIN_LETTERS:
        return "und"
    lang, _score = _identifier(languages).classify(sample)
    return str(lang)


def article_language(text: str, raw: str = "", languages: tuple[str, ...] | None = None) -> str:
    """The one language decision of an article: from its clean text, or from the raw page when the
    cleaner kept no text at all (a page of captions and links is still in some language, and the
    date lines the timex stage reads in it are written in that language). "und" when neither says."""
    return detect_language(text or raw, languages)


def language_or_default(lang: str, available: list[str] | tuple[str, ...]) -> str:
    """`lang` when a stage has resources for it, else the stage's default ("id", the language the
    project is built for, when available): a stage must read an undetermined text with some rules."""
    if lang in available:
        return lang
    return "id" if "id" in available else available[0]


__all__ = ["article_language", "default_languages", "detect_language", "language_or_default"]
