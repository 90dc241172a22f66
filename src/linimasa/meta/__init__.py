"""Meta stage: title, outlet, editor, authors, wire sources and language of a cleaned article.

Reads the line labels the clean stage left (`title`, `metadata` of kind editor/author/source,
body lines) and fills `Article.title`, `outlet` (unless the dateline gave it), `editor`, `authors`,
`wire_sources` and `language`. The publication date is left to the timex stage, which finds the date
lines the cleaner labelled `metadata` of kind "date".
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from linimasa.meta.outlet import find_outlet, outlet_from_page, split_title_suffix
from linimasa.meta.people import find_authors, find_editor
from linimasa.meta.resources import meta_rules
from linimasa.meta.wires import find_wires
from linimasa.model import Article
from linimasa.pipeline import article_stage
from linimasa.text.dateline import parse_dateline
from linimasa.text.language import article_language

__all__ = ["extract_meta", "make_meta"]


def _dateline_agency(article: Article) -> list[str]:
    """The "(Reuters)" of "MOSCOW (Reuters) -", which the clean text no longer shows."""
    for ln in article.lines:
        is_dateline = ln.label == "metadata" and ln.kind == "dateline"
        if is_dateline or (ln.label == "body" and ln.kept is not None and ln.kept != ln.text.strip()):
            found = parse_dateline(ln.text.strip())
            if found and found.agency:
                return [found.agency]
    return []


def extract_meta(article: Article, languages: tuple[str, ...] | None = None) -> Article:
    rules = meta_rules()
    lines = article.lines
    title = next((ln.text.strip() for ln in lines if ln.label == "title"), None)
    given = article.given  # what the input's own metadata says (HTML meta tags, CSV columns) stands
    suffix_outlet = None
    if "title" not in given:
        if title:
            title, suffix_outlet = split_title_suffix(title)  # "Headline - Kompas.com": the site names itself
        article.title = title or article.title
    agency = _dateline_agency(article)
    article.wire_sources = find_wires(lines, rules, agency)
    if article.outlet and "outlet" not in given and article.outlet in {w.name for w in rules.wires}:
        # "CHICAGO (AP) —" on another site's page: the dateline names the wire that wrote the story, the
        # page's own chrome (menus, footer) the outlet that published it, when it names a known one
        page = outlet_from_page(lines, {w.name for w in rules.wires})
        if page and page not in {w.name for w in rules.wires}:
            article.outlet = page
    if not article.outlet and "outlet" not in given:
        # "MOSCOW (Reuters) -": an agency in the dateline published the story itself
        agency_wires = find_wires([], rules, agency)
        article.outlet = (
            suffix_outlet
            or find_outlet(lines, rules, article.wire_sources)
            or (agency_wires[0] if agency_wires else None)
        )
    article.editor = find_editor(lines, rules) or article.editor
    if "authors" not in given:
        article.authors = find_authors(lines, rules) or article.authors
    article.language = article_language(article.text, article.raw, languages)
    return article


@article_stage(
    "meta",
    requires=["article.lines", "article.text"],
    assigns=["article.title", "article.outlet", "article.editor", "article.authors", "article.wire_sources",
             "article.language"],
)
def make_meta(languages: list[str] | None = None, **options: Any) -> Callable[[Article], Article]:
    """`languages` limits what the language detector may answer (default: every resource language)."""
    if options:
        raise ValueError(f"meta: unknown options {sorted(options)}")
    return functools.partial(extract_meta, languages=tuple(languages) if languages else None)
