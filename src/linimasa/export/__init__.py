"""The `linimasa/1` export: the project's public, versioned JSON document.

The contract is `shared/schema/export-v1.schema.json`; fields may be added, never renamed. Added
here: `articles[].encoding`, `articles[].lines[].kind` (what a line is: "date", "editor",
"dateline"...), `timexes[].timeml_mod` (the full TimeML mod, e.g. MORE_THAN, where the v1 `mod`
enum only has START/MID/END/APPROX), `timexes[].anchor`, and `timexes[].line` (for a timex read
from a date metadata line outside `text`: that line's number, the offsets then point into it).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

from linimasa.model import Article, Corpus, Timex, to_dict

if TYPE_CHECKING:
    from linimasa.store.base import Store

SCHEMA_ID = "linimasa/1"
V1_MODS = frozenset({"START", "MID", "END", "APPROX"})


def _article(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "source": a.source,
        "language": a.language,
        "title": a.title,
        "outlet": a.outlet,
        "dateline": a.dateline,
        "published": to_dict(a.published) if a.published else None,
        "editor": a.editor,
        "authors": list(a.authors),
        "wire_sources": list(a.wire_sources),
        "text": a.text,
        "lines": [{"n": ln.n, "label": ln.label, "reason": ln.reason, "kind": ln.kind} for ln in a.lines],
        "duplicate_of": a.duplicate_of,
        "story": a.story,
        "errors": list(a.errors),
        "encoding": a.encoding,
    }


def _timex(article_id: str, t: Timex) -> dict[str, Any]:
    return {
        "article": article_id,
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.type,
        "value": t.value,
        "mod": t.mod if t.mod in V1_MODS else None,
        "timeml_mod": t.mod,
        "flags": list(t.flags),
        "anchor": t.anchor,
        "line": t.line,
    }


def _published_pair(published: dict[str, Any] | None) -> dict[str, Any] | None:
    return published and {"value": published["value"], "precision": published["precision"]}


def export_corpus(corpus: Corpus) -> dict[str, Any]:
    """The export document of a corpus, as a JSON-ready dict."""
    articles = sorted(corpus.articles, key=lambda a: (a.source, a.id))
    by_id = lambda x: x.id  # noqa: E731 - ids make the export independent of where the corpus came from
    events = []
    for ev in sorted(corpus.events, key=by_id):
        d = to_dict(ev)
        d["date"] = _published_pair(d["date"])
        d["mentions"] = [
            {k: m[k] for k in ("article", "start", "end", "text", "trigger")} for m in d["mentions"]
        ]
        events.append(d)
    conflicts = [to_dict(c) for a in articles for c in a.conflicts] + [to_dict(c) for c in corpus.conflicts]
    return {
        "schema": SCHEMA_ID,
        "articles": [_article(a) for a in articles],
        "entities": [to_dict(e) for e in sorted(corpus.entities, key=by_id)],
        "timexes": [_timex(a.id, t) for a in articles for t in a.timexes],
        "events": events,
        "conflicts": conflicts,
        "stories": [to_dict(s) for s in sorted(corpus.stories, key=by_id)],
        "timeline": [to_dict(t) for t in corpus.timeline.entries],
    }


def write_store_json(store: Store, out: IO[str]) -> None:
    """The export of a stored corpus, written as it is read: articles and entities stream from the
    store a page at a time, so exporting a large store does not hold it in memory. The document is
    the same as `export_corpus(store.load_corpus())`."""
    results = store.load_results()

    def items(key: str, values: Iterable[Any]) -> None:
        out.write(f' "{key}": [')
        for i, v in enumerate(values):
            out.write(",\n" if i else "\n")
            out.write(json.dumps(v, ensure_ascii=False))
        out.write("\n ]")

    out.write('{\n "schema": "' + SCHEMA_ID + '",\n')
    items("articles", (_article(a) for a in store.iter_articles()))
    out.write(",\n")
    items("entities", (to_dict(e) for e in store.iter_entities()))
    out.write(",\n")
    items("timexes", (_timex(a.id, t) for a in store.iter_articles() for t in a.timexes))
    out.write(",\n")
    rest = export_corpus(results)
    items("events", rest["events"])
    out.write(",\n")
    conflicts = (to_dict(c) for a in store.iter_articles() for c in a.conflicts)
    items("conflicts", itertools.chain(conflicts, rest["conflicts"]))
    for key in ("stories", "timeline"):
        out.write(",\n")
        items(key, rest[key])
    out.write("\n}\n")


def write_json(corpus: Corpus, out: IO[str]) -> None:
    json.dump(export_corpus(corpus), out, ensure_ascii=False, indent=1)
    out.write("\n")


FORMATS = {"json": write_json}
STORE_FORMATS = {"json": write_store_json}
