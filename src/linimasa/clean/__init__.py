"""Clean stage: label every raw line and build the article's clean text.

    from linimasa.clean import clean_article
    art = clean_article(ingest_text(raw))
    [(ln.n, ln.label, ln.reason) for ln in art.lines]

The stage fills `Article.lines` (every raw line with a label and the rule that gave it), `text`,
and, when the first paragraph opens with a dateline prefix, `dateline` (the place) and `outlet`.
Patterns are data (resources/<lang>/clean.yaml, shared/outlets.yaml); layout does the rest
(see `linimasa.clean.lines`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from linimasa.clean.lines import classify
from linimasa.clean.rules import load_rules
from linimasa.clean.text import build_text
from linimasa.model import Article
from linimasa.pipeline import article_stage

__all__ = ["clean_article", "make_clean"]


def clean_article(article: Article, min_body_chars: int = 0) -> Article:
    """Label `article.raw` line by line and fill `lines`, `text`, `dateline` and the dateline's outlet.

    `min_body_chars` drops body lines shorter than that (0: keep every line the rules call body).
    """
    raw = article.raw or ""
    texts = raw.split("\n")
    if texts and texts[-1] == "" and len(texts) > 1:  # a final newline ends the last line, it adds none
        texts.pop()
    result = classify(texts, load_rules(), extracted=article.given.get("format") == "html")
    if min_body_chars:
        for ln in result.lines:
            if ln.label == "body" and len(ln.kept or "") < min_body_chars:
                ln.label, ln.reason = "boilerplate", f"body line shorter than {min_body_chars}"
                ln.kept = ln.kind = None
    article.lines = result.lines
    article.text = build_text(result.lines)
    if result.dateline is not None:
        article.dateline = result.dateline.place or article.dateline
        if "outlet" not in article.given:  # an outlet the input names stands
            article.outlet = result.dateline.outlet or article.outlet
    return article


@article_stage(
    "clean",
    requires=["article.raw"],
    assigns=["article.lines", "article.text", "article.dateline", "article.outlet"],
)
def make_clean(min_body_chars: int = 0, **options: Any) -> Callable[[Article], Article]:
    """The rules are the resource files; the one option is `min_body_chars` (see `clean_article`)."""
    if options:
        raise ValueError(f"clean: unknown options {sorted(options)}")
    if min_body_chars:
        return functools.partial(clean_article, min_body_chars=min_body_chars)
    return clean_article
