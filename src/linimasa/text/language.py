"""Language of the clean text, with langid.py (its model ships inside the PyPI package: no download).

langid is restricted to the languages linimasa has resources for (one folder per language under
`linimasa/resources`), because an unrestricted langid often calls Indonesian news Malay ("ms"), and
a label no later stage has resources for is of no use. A fixed, deterministic model: the same text
always gets the same answer.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from linimasa import resources

_LETTERS = re.compile(r"[^\W\d_]")

MAX_CHARS = 800
"""The first paragraphs say what language an article is in; reading more only costs time."""


@functools.cache
def _identifier(languages: tuple[str, ...]) -> Any:
    from langid.langid import LanguageIdentifier, model

    identifier = LanguageIdentifier.from_modelstring(model, norm_probs=False)
    supported = set(identifier.nb_classes)
    wanted = [lang for lang in languages if lang in supported]
    if wanted:
        identifier.set_languages(wanted)
    return identifier


@functools.cache
def default_languages() -> tuple[str, ...]:
    return tuple(resources.languages())


def detect_language(text: str, languages: tuple[str, ...] | None = None) -> str:
    """ISO 639-1 code of `text`, or "und" when there is no text to tell from."""
    sample = text[:MAX_CHARS]
    if len(_LETTERS.findall(sample[:200])) < 10:
        return "und"
    lang, _score = _identifier(languages or default_languages()).classify(sample)
    return str(lang)
