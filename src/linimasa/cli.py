"""The `linimasa` command: a thin layer over the library (`linimasa.process`, `linimasa.open`).

Every subcommand has --help with an example. Exit status: 0 all inputs processed cleanly, 1 some
inputs failed (each named on stderr; the rest of the batch was still processed), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import linimasa

# The pipeline, the stages and the store are imported inside the commands that use them, so that
# `--version`, `--help` and a usage error answer at the cost of the interpreter's start.
if TYPE_CHECKING:
    from linimasa.batch import BatchReport
    from linimasa.model import Article, Event
    from linimasa.store import Store

EXPORT_FORMATS: tuple[str, ...] = ("json",)
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
"""Spelled here (a test keeps it equal to `linimasa.events.PLOVER_TYPES`) so --help imports no stage."""
"""The keys of `linimasa.export.FORMATS`, spelled here so that `--help` need not import the exporter
(a test keeps the two equal)."""

# `linimasa eval NAME` runs NAME's evaluation; they live in linimasa.evaluate, apart from the stages.
EVALUATIONS: dict[str, str] = {
    "clean": "linimasa.evaluate.clean",
    "timex": "linimasa.evaluate.timex",
    "ner": "linimasa.evaluate.ner",
    "events": "linimasa.evaluate.events",
    "link": "linimasa.evaluate.link",
    "real": "linimasa.evaluate.real",
    "timeline": "linimasa.evaluate.timeline",
}


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def _err(msg: str) -> None:
    print(f"linimasa: {msg}", file=sys.stderr)


def _article_summary(a: Article) -> str:
    p = a.published
    published = f"{p.value} ({p.precision}, from {p.how})" if p else "unknown"
    kept = sum(1 for ln in a.lines if ln.label in ("body", "heading"))
    rows = [
        ("title", a.title or "-"),
        ("outlet", a.outlet or "-"),
        ("dateline", a.dateline or "-"),
        ("published", published),
        ("editor", a.editor or "-"),
        ("wires", ", ".join(a.wire_sources) or "-"),
        ("language", a.language),
        ("body lines", f"{kept} of {len(a.lines)}"),
        ("found", f"{len(a.timexes)} temporal expressions, {len(a.mentions)} entity mentions"),
    ]
    if a.errors:
        rows.append(("errors", "; ".join(a.errors)))
    head = f"{Path(a.source).name}  [{a.id[:12]}]"
    return "\n".join([head, *(f"  {k:<11}{v}" for k, v in rows)])


def _print_summary(store: Store, report: BatchReport, db: str, out: str | None) -> None:
    # With `--out -` stdout carries the JSON export alone (pipe it to jq), so the summary goes to stderr.
    stream = sys.stderr if out == "-" else sys.stdout
    ids = report.new_ids
    for i in range(0, len(ids), 200):  # read back a page at a time: the batch may be large
        for a in sorted(store.get_articles(ids[i : i + 200]), key=lambda a: a.source):
            print(_article_summary(a), file=stream)
            print(file=stream)
    parts = [f"{len(report.new)} new", f"{len(report.unchanged)} already stored"]
    if report.with_errors:
        parts.append(f"{len(report.with_errors)} with errors")
    if report.skipped:
        parts.append(f"{len(report.skipped)} skipped")
    tail = f"; export written to {'stdout' if out == '-' else out}" if out else ""
    print(f"{', '.join(parts)}; {store.count_articles()} articles in {db}{tail}", file=stream)


def _usage_error(msg: str) -> int:
    print(f"linimasa: error: {msg}", file=sys.stderr)
    return 2


def _default_cache(db: str) -> str:
    """Where fetched pages are kept: beside the database (a database URL: the working folder)."""
    from linimasa.store.sqlite_check import sqlite_path

    path = sqlite_path(db)
    base = Path(path).parent if path is not None and str(path) != ":memory:" else Path(".")
    return str(base / "linimasa-cache")


def cmd_run(args: argparse.Namespace) -> int:
    from linimasa.batch import run_batch
    from linimasa.ingest import iter_sources
    from linimasa.ingest.table import parse_column_map
    from linimasa.store import open_store
    from linimasa.store.sqlite_check import sqlite_errors

    try:
        columns = parse_column_map(args.map)
    except ValueError as e:
        return _usage_error(str(e))
    urls: list[str] = []
    if args.urls:
        try:
            with open(args.urls, encoding="utf-8-sig") as f:
                urls = [u.strip() for u in f if u.strip() and not u.lstrip().startswith("#")]
        except OSError as e:
            return _usage_error(f"--urls {args.urls}: {e.strerror or e}")
    paths = [*args.paths, *urls] or [str(linimasa.SAMPLE_DIR)]
    from linimasa.ingest.web import Fetcher  # cheap: httpx is imported on the first fetch

    fetcher = Fetcher(cache_dir=args.cache or _default_cache(args.db), refetch=args.refetch, min_interval=args.delay)
    _check_db(args.db, write=True, create=True)  # before minutes of processing, not after
    with sqlite_errors(args.db), open_store(args.db) as store:
        report = run_batch(
            iter_sources(paths, columns=columns, fetcher=fetcher),
            store=store,
            workers=args.workers,
            progress=sys.stderr.isatty() and not args.quiet,
            warn=_err,
            chunk_size=args.chunk_size,
            time_budget=_time_budget(args.time_budget),
        )
        fetcher.close()
        for source, errors in report.with_errors:
            _err(f"{source}: " + "; ".join(errors))
        if not (report.new or report.unchanged or report.skipped):
            _err(f"nothing to ingest in {', '.join(map(str, paths))}: no text (.txt), HTML (.html, .htm), table"
                 " (.csv, .tsv, .jsonl) or web archive (.warc) found")
            return 1
        _apply_corrections(store, args.corrections)
        if not args.quiet:
            _print_summary(store, report, args.db, args.out)
        if args.out:
            _write_export(store, args.out, "json")
    return 1 if report.failed else 0


def _apply_corrections(store: Store, path: str | None) -> None:
    """The user's corrections file (given, or linimasa-corrections.tsv beside the run), re-applied
    after every run so that it holds for articles added later."""
    from linimasa.link import corrections

    chosen = path or (corrections.DEFAULT_FILE if Path(corrections.DEFAULT_FILE).exists() else None)
    if not chosen:
        return
    for note in corrections.apply(corrections.load(chosen), store):
        _err(f"{chosen}: {note}")


def cmd_correct(args: argparse.Namespace) -> int:
    from linimasa.store.sqlite_check import sqlite_errors

    with sqlite_errors(args.db), _open_existing(args.db) as store:
        _check_db(args.db, write=True, create=False)
        _apply_corrections(store, args.file)
    return 0


def _time_budget(spec: str) -> Any:
    """`--time-budget SECONDS[,PER_KB]`: a `TimeBudget`, or None for "0"."""
    from linimasa.pipeline import DEFAULT_TIME_BUDGET, TimeBudget

    seconds, _, per_kb = spec.partition(",")
    if float(seconds) == 0 and (not per_kb or float(per_kb) == 0):
        return None
    return TimeBudget(seconds=float(seconds), per_kb=float(per_kb) if per_kb else DEFAULT_TIME_BUDGET.per_kb)


def _budget_arg(spec: str) -> str:
    try:
        parts = [float(x) for x in spec.split(",")]
    except ValueError:
        parts = []
    if not 1 <= len(parts) <= 2 or any(x < 0 for x in parts):
        raise argparse.ArgumentTypeError(f"expected SECONDS or SECONDS,PER_KB (non-negative numbers), got {spec!r}")
    return spec


def _write_export(store: Store, out: str, fmt: str) -> None:
    from linimasa.export import STORE_FORMATS

    writer = STORE_FORMATS[fmt]
    if out == "-":
        writer(store, sys.stdout)
        return
    tmp = Path(out + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        writer(store, f)
    tmp.replace(out)  # never leave a half-written export behind


def cmd_stages(args: argparse.Namespace) -> int:
    import json

    from linimasa.pipeline import Pipeline

    rows = Pipeline().describe()
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for i, r in enumerate(rows, 1):
        print(f"{i}. {r['kind']} stage {r['name']}  ({r['implementation']})")
        if r["doc"]:
            print(f"   {r['doc']}")
        print(f"   requires: {', '.join(r['requires']) or '-'}")
        print(f"   assigns:  {', '.join(r['assigns']) or '-'}")
        opts = ", ".join(f"{k}={v!r}" for k, v in r["options"].items())
        print(f"   options:  {opts or '-'}")
    return 0


def _check_db(url: str, write: bool, create: bool) -> None:
    from linimasa.store.sqlite import SCHEMA_VERSION
    from linimasa.store.sqlite_check import check_sqlite_target, sqlite_path

    path = sqlite_path(url)
    if path is not None:
        check_sqlite_target(path, SCHEMA_VERSION, write=write, create=create)


def cmd_export(args: argparse.Namespace) -> int:
    from linimasa.store.sqlite_check import sqlite_errors

    with sqlite_errors(args.db), _open_existing(args.db) as store:  # a read-only file can still be exported
        _write_export(store, args.out, args.format)
    return 0


def _event_rows(store: Store, events: list[Event]) -> list[dict[str, Any]]:
    """Events with their actors' and place's names, as the JSON and CSV outputs show them."""
    names: dict[str, str] = {}

    def name(entity_id: str | None) -> str | None:
        if not entity_id:
            return None
        if entity_id not in names:
            e = store.entity(entity_id)
            names[entity_id] = e.name if e else entity_id
        return names[entity_id]

    sources = {a.id: a.source for a in store.get_articles(sorted({m.article for e in events for m in e.mentions}))}
    rows = []
    for e in events:
        rows.append({
            "id": e.id, "type": e.type, "mode": e.mode, "background": e.background,
            "date": {"value": e.date.value, "precision": e.date.precision} if e.date else None,
            "summary": e.summary,
            "actors": [{"entity": a.entity, "name": name(a.entity), "role": a.role} for a in e.actors],
            "place": {"entity": e.place, "name": name(e.place)} if e.place else None,
            "mentions": [{"article": m.article, "source": sources.get(m.article, ""), "start": m.start, "end": m.end,
                          "text": m.text, "trigger": m.trigger, "mode": m.mode,
                          "date": m.date.value if m.date else None, "date_text": m.date_text}
                         for m in e.mentions],
        })
    return rows


def _print_events_text(rows: list[dict[str, Any]], out: IO[str]) -> None:
    for r in rows:
        date = f"{r['date']['value']} ({r['date']['precision']})" if r["date"] else "undated"
        flags = [r["mode"]] + (["background"] if r["background"] else [])
        print(f"{date}  {r['type']}  [{', '.join(flags)}]  {r['id']}", file=out)
        print(f"  {r['summary']}", file=out)
        actors = ", ".join(f"{a['name']} ({a['role']})" for a in r["actors"])
        if actors or r["place"]:
            print(f"  actors: {actors or '-'}" + (f"; place: {r['place']['name']}" if r["place"] else ""), file=out)
        print(f"  sources ({len(r['mentions'])}):", file=out)
        for m in r["mentions"]:
            text = " ".join(m["text"].split())
            text = text if len(text) <= 160 else text[:157] + "..."
            when = f", date {m['date']}" + (f" from {m['date_text']!r}" if m["date_text"] else "") if m["date"] else ""
            print(f"    {Path(m['source']).name or m['article'][:12]}: {text}", file=out)
            print(f"      trigger {m['trigger']!r}, {m['mode']}{when}", file=out)
        print(file=out)


def _print_events_csv(rows: list[dict[str, Any]], out: IO[str]) -> None:
    import csv

    w = csv.writer(out)
    w.writerow(["id", "date", "precision", "type", "mode", "background", "summary", "sources", "targets", "place",
                "n_mentions", "articles", "triggers"])
    for r in rows:
        w.writerow([
            r["id"], r["date"]["value"] if r["date"] else "", r["date"]["precision"] if r["date"] else "",
            r["type"], r["mode"], int(r["background"]), r["summary"],
            "; ".join(a["name"] or "" for a in r["actors"] if a["role"] == "source"),
            "; ".join(a["name"] or "" for a in r["actors"] if a["role"] == "target"),
            r["place"]["name"] if r["place"] else "", len(r["mentions"]),
            "; ".join(sorted({Path(m["source"]).name or m["article"] for m in r["mentions"]})),
            "; ".join(sorted({m["trigger"] for m in r["mentions"]})),
        ])


def cmd_events(args: argparse.Namespace) -> int:
    from linimasa.store.sqlite_check import sqlite_errors

    with sqlite_errors(args.db), _open_existing(args.db) as store:
        events = store.query_events(type=args.type, actor=args.actor, date_from=args.date_from,
                                    date_to=args.date_to, limit=args.limit)
        rows = _event_rows(store, events)
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif args.format == "csv":
        _print_events_csv(rows, sys.stdout)
    else:
        _print_events_text(rows, sys.stdout)
        print(f"{len(rows)} events", file=sys.stderr)
    return 0


def _open_existing(db: str) -> Any:
    """An existing store, opened for writing as well (a missing one is a usage error, exit 2)."""
    return _open_for_reading(db, read_only=False)


def cmd_stories(args: argparse.Namespace) -> int:
    from linimasa.store.sqlite_check import sqlite_errors

    with sqlite_errors(args.db), _open_existing(args.db) as store:
        stories = sorted(store.iter_stories(), key=lambda s: (-len(s.articles), s.last or "", s.id))
    if args.format == "json":
        json.dump([{"id": s.id, "label": s.label, "first": s.first, "last": s.last, "articles": s.articles,
                    "events": s.events, "outlets": s.outlets, "languages": s.languages} for s in stories],
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for s in stories[: args.limit]:
        span = f"{s.first or '?'} .. {s.last or '?'}"
        langs = "/".join(sorted(s.languages))
        print(f"{s.id}  {span:<24} {len(s.articles):>4} articles {len(s.events):>4} events  [{langs}]  {s.label}")
        if s.outlets:
            print(f"{'':18}outlets: {', '.join(s.outlets)}")
    print(f"{len(stories)} {'story' if len(stories) == 1 else 'stories'}", file=sys.stderr)
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from linimasa.store.sqlite_check import sqlite_errors
    from linimasa.timeline.report import RENDERERS, rows

    with sqlite_errors(args.db), _open_existing(args.db) as store:
        if args.story and not store.stories([args.story]):
            _err(f"error: no story {args.story!r} in {args.db} (see `linimasa stories`)")
            return 2
        data = rows(store, args.story, args.date_from, args.date_to, show_background=not args.no_background)
    text = RENDERERS[args.format](data)
    if args.out and args.out != "-":
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _open_for_reading(db: str, read_only: bool | None = None) -> Any:
    """An existing store, opened read-only when asked or when the file cannot be written (a writable
    one is opened normally, so an older schema is upgraded, search index included)."""
    import os

    from linimasa.store import open_store
    from linimasa.store.sqlite_check import sqlite_path

    if not Path(db).exists() and "://" not in db:
        raise FileNotFoundError(f"no database at {db} (run `linimasa run ... --db {db}` first)")
    path = sqlite_path(db)
    if read_only is None:
        read_only = path is not None and path != ":memory:" and not (
            os.access(path, os.W_OK) and os.access(Path(path).resolve().parent, os.W_OK | os.X_OK))
    _check_db(db, write=False, create=False)
    return open_store(db, read_only=read_only)


def _entity_id(store: Store, value: str | None) -> str | None:
    """An entity id, or the id of the entity with this name or alias (case folded)."""
    if not value or store.entity(value):
        return value
    found, _ = store.entity_summaries(name=value, limit=50)
    exact = [e for e in found if value.casefold() in {e.name.casefold(), *(a.casefold() for a in e.aliases)}]
    if not exact:
        raise ValueError(f"no entity {value!r} (give an id or a name; see `linimasa search --kind events`)")
    return exact[0].id


def cmd_search(args: argparse.Namespace) -> int:
    from linimasa.model import to_dict
    from linimasa.store import SearchError, SearchQuery
    from linimasa.store.sqlite_check import sqlite_errors

    with sqlite_errors(args.db), _open_for_reading(args.db) as store:
        try:
            page = store.search(SearchQuery(
                " ".join(args.query), kind=args.kind, entity=_entity_id(store, args.entity), type=args.type,
                story=args.story, outlet=args.outlet, language=args.language, date_from=args.date_from,
                date_to=args.date_to, syntax=args.syntax, limit=args.limit, cursor=args.cursor))
        except SearchError as e:
            _err(f"error: {e}")
            return 2
    if args.format == "json":
        json.dump({"total": page.total, "next_cursor": page.next_cursor, "hits": [to_dict(h) for h in page.hits]},
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    bold = sys.stdout.isatty()

    def marked(text: str, marks: list[tuple[int, int]]) -> str:
        if not bold:
            return " ".join(text.split())
        out, pos = [], 0
        for s, e in marks:
            out += [text[pos:s], "\x1b[1m", text[s:e], "\x1b[0m"]
            pos = e
        return " ".join(("".join(out) + text[pos:]).split())

    for h in page.hits:
        when = h.date or "undated"
        where = h.outlet or h.type or "-"
        title = marked(h.title, h.title_marks) or (Path(h.source).name if h.source else h.id)
        print(f"{when:<17} {where:<18} {title}  [{h.id}]")
        print(f"{'':<18} {marked(h.snippet, h.marks)}")
    more = f"; more with --cursor {page.next_cursor}" if page.next_cursor else ""
    print(f"{page.total} {args.kind} match{more}", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from linimasa.api import create_app
    from linimasa.api.server import serve

    app = create_app(args.db, read_only=True if args.read_only else None, max_body=args.max_body,
                     allow_private_urls=args.allow_private_urls)
    return serve(app, args.host, args.port)


def cmd_eval(args: argparse.Namespace) -> int:
    module = importlib.import_module(EVALUATIONS[args.what])
    main: Callable[[Sequence[str]], int] = module.main
    return main(args.rest)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="linimasa",
        formatter_class=_Formatter,
        description="Turn scraped news articles (Indonesian first, English too) into clean articles,\n"
        "dates, entities, events, stories and a timeline.",
        epilog="examples:\n  linimasa run                      # the bundled sample\n"
        "  linimasa run scraped/ --db news.db --out news.json\n  linimasa export --db news.db --out -",
    )
    parser.add_argument("--version", action="version", version=f"linimasa {linimasa.__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    run = sub.add_parser(
        "run",
        help="ingest and process articles, store them, optionally export",
        formatter_class=_Formatter,
        description="Ingest files, folders (recursively), URLs and feeds; '-' reads one article from stdin.\n"
        "Text (.txt), HTML pages (.html, .htm, .gz too), tables (.csv, .tsv, .jsonl: one article a row),\n"
        "web archives (.warc, .warc.gz) and RSS/Atom feeds (.rss, .atom, or a feed URL) are read;\n"
        "in a folder, any other file is skipped with a warning. Articles are processed, stored in an SQLite\n"
        "database and summarised. With no PATH, runs on the bundled sample. Re-running on the same input\n"
        "changes nothing.",
        epilog="examples:\n  linimasa run\n  linimasa run scraped/ more/article.txt --db news.db --out news.json\n"
        "  linimasa run pages/ export.csv --map text=isi_berita,date=tanggal_publikasi\n"
        "  linimasa run https://example.com/berita/1 --urls links.txt\n"
        "  cat article.txt | linimasa run - --db news.db",
    )
    run.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, URLs, or - for stdin")
    run.add_argument("--map", metavar="FIELD=COLUMN,...",
                     help="table columns for text, url, title, author, date, outlet (default: found by name)")
    run.add_argument("--urls", metavar="FILE", help="also fetch the URLs listed in FILE, one a line")
    run.add_argument("--refetch", action="store_true", help="fetch URLs again even when the cache has them")
    run.add_argument("--delay", type=float, default=1.0, metavar="SECONDS",
                     help="at least this long between two requests to one host (default: 1)")
    run.add_argument("--cache", metavar="DIR",
                     help="where fetched pages are kept (default: linimasa-cache/ beside the database)")
    run.add_argument("--db", default="linimasa.db", help="database file or URL (default: linimasa.db)")
    run.add_argument("--out", help="also write the linimasa/1 JSON export to this file ('-' for stdout)")
    run.add_argument("--workers", type=int, default=None,
                     help="worker processes (default: one per usable CPU, max 4; one for a small batch, where "
                          "more would finish no sooner)")
    run.add_argument("--chunk-size", type=int, default=100, metavar="N",
                     help="articles processed and committed together (default: 100)")
    run.add_argument("--time-budget", type=_budget_arg, default="20,0.05", metavar="SECONDS[,PER_KB]",
                     help="CPU seconds one article may spend in the article stages, plus PER_KB seconds for "
                     "each KB of it; an article over it is stored with a 'budget:' error and the batch goes on "
                     "(default: 20,0.05; 0 turns it off)")
    run.add_argument("-q", "--quiet", action="store_true", help="print no summary")
    run.add_argument("--corrections", metavar="FILE",
                     help="entity corrections to apply after the run (default: linimasa-corrections.tsv if present)")
    run.set_defaults(func=cmd_run)

    exp = sub.add_parser(
        "export",
        help="write the linimasa/1 export of a database",
        formatter_class=_Formatter,
        description="Write the linimasa/1 export (see the schema in the README) of a stored corpus.",
        epilog="examples:\n  linimasa export --db news.db --out news.json\n"
        "  linimasa export --db news.db | jq '.articles[].title'",
    )
    exp.add_argument("--db", default="linimasa.db", help="database file or URL (default: linimasa.db)")
    exp.add_argument("--format", choices=EXPORT_FORMATS, default="json")
    exp.add_argument("--out", default="-", help="output file, '-' for stdout (default)")
    exp.set_defaults(func=cmd_export)

    st = sub.add_parser(
        "stages",
        help="show the pipeline: stages in order, what each requires and assigns, its options",
        formatter_class=_Formatter,
        description="Print the default pipeline as it is built and checked: every stage in order with\n"
        "what it requires, what it assigns and its options (like spaCy's analyze_pipes).",
        epilog="examples:\n  linimasa stages\n  linimasa stages --json",
    )
    st.add_argument("--json", action="store_true", help="print JSON instead of text")
    st.set_defaults(func=cmd_stages)

    evs = sub.add_parser(
        "events",
        help="list the events of a database with their sources",
        formatter_class=_Formatter,
        description="List stored events (PLOVER types) in date order: date and precision, type, mode,\n"
        "a summary, the actors and place, and every source sentence with its trigger.",
        epilog="examples:\n  linimasa events --db news.db\n  linimasa events --type CONSULT --actor Lavrov\n"
        "  linimasa events --from 2021-10 --to 2021-10 --format csv > october.csv",
    )
    evs.add_argument("--db", default="linimasa.db", help="database file or URL (default: linimasa.db)")
    evs.add_argument("--type", type=str.upper, choices=PLOVER_TYPES, metavar="TYPE",
                     help="one PLOVER type: " + ", ".join(PLOVER_TYPES))
    evs.add_argument("--actor", metavar="NAME", help="an actor's name or alias (e.g. Lavrov)")
    evs.add_argument("--from", dest="date_from", metavar="DATE", help="first date (2021, 2021-10, 2021-10-20)")
    evs.add_argument("--to", dest="date_to", metavar="DATE", help="last date, inclusive at its precision")
    evs.add_argument("--limit", type=int, metavar="N", help="at most N events")
    evs.add_argument("--format", choices=("text", "json", "csv"), default="text")
    evs.set_defaults(func=cmd_events)

    cor = sub.add_parser(
        "correct",
        help="apply a file of entity corrections (merge, rename, block, split) to a database",
        formatter_class=_Formatter,
        description="Apply entity corrections without processing any article again. One per line,\n"
        "fields separated by tabs:\n  merge  NAME  OTHER       fold OTHER into NAME\n"
        "  rename NAME  NEW         give the entity a new name\n  block  NAME              not an entity\n"
        "  split  NAME  FORM [TYPE] mentions written FORM become their own entity\n"
        "`linimasa run` re-applies linimasa-corrections.tsv (or --corrections FILE) after every run.",
        epilog="examples:\n  linimasa correct linimasa-corrections.tsv --db news.db",
    )
    cor.add_argument("file", metavar="FILE", help="the corrections file")
    cor.add_argument("--db", default="linimasa.db", help="database file or URL (default: linimasa.db)")
    cor.set_defaults(func=cmd_correct)

    sts = sub.add_parser(
        "stories",
        help="list the stories of a database",
        formatter_class=_Formatter,
        description="List stories (articles about one developing story), largest first: id, date span,\n"
        "articles, events, languages, label and outlets.",
        epilog="examples:\n  linimasa stories --db news.db\n  linimasa stories --format json | jq '.[0]'",
    )
    sts.add_argument("--db", default="linimasa.db", help="database file or URL (default: linimasa.db)")
    sts.add_argument("--limit", type=int, metavar="N", help="at most N stories (text format)")
    sts.add_argument("--format", choices=("text", "json"), default="text")
    sts.set_defaults(func=cmd_stories)

    tl = sub.add_parser(
        "timeline",
        help="the dated timeline of a story or of the whole database",
        formatter_class=_Formatter,
        description="Events in date order, grouped by date at the precision each has (day, week, month,\n"
        "decade), with summaries, outlets, source counts and conflicts; in the terminal, as JSON, or as a\n"
        "Markdown or self-contained HTML report.",
        epilog="examples:\n  linimasa timeline --db news.db\n  linimasa timeline --story st_1a2b3c --format html --out"
        " story.html\n  linimasa timeline --from 2021-10 --to 2021-10 --format md",
    )
    tl.add_argument("--db", default="linimasa.db", help="database file or URL (default: linimasa.db)")
    tl.add_argument("--story", metavar="ID", help="one story's timeline (ids from `linimasa stories`)")
    tl.add_argument("--from", dest="date_from", metavar="DATE", help="first date (2021, 2021-10, 2021-10-20)")
    tl.add_argument("--to", dest="date_to", metavar="DATE", help="last date, inclusive at its precision")
    tl.add_argument("--no-background", action="store_true", help="leave out background events (history)")
    tl.add_argument("--format", choices=("text", "json", "md", "html"), default="text")
    tl.add_argument("--out", help="write to this file instead of stdout")
    tl.set_defaults(func=cmd_timeline)

    se = sub.add_parser(
        "search",
        help="full-text search over articles or events",
        formatter_class=_Formatter,
        description="Search the stored articles (or events, with their source sentences) by words, ranked,\n"
        "with a snippet around the hits. Words must all match; lavr* is a prefix, \"a phrase\" a phrase,\n"
        "OR, NOT and parentheses combine them (upper case). --syntax fts5 takes SQLite FTS5's own syntax.",
        epilog="examples:\n  linimasa search Lavrov --db news.db\n  linimasa search 'Taliban OR Talibans'"
        " --from 2021-10 --to 2021-10\n  linimasa search bertemu --kind events --type CONSULT --format json",
    )
    se.add_argument("query", nargs="+", metavar="QUERY", help="words to search for")
    se.add_argument("--db", default="linimasa.db", help="database file or URL (default: linimasa.db)")
    se.add_argument("--kind", choices=("articles", "events"), default="articles")
    se.add_argument("--entity", metavar="ID|NAME", help="only what names this entity")
    se.add_argument("--type", type=str.upper, choices=PLOVER_TYPES, metavar="TYPE",
                    help="events of this PLOVER type, or articles reporting one")
    se.add_argument("--story", metavar="ID", help="only this story's")
    se.add_argument("--outlet", help="only this outlet's articles")
    se.add_argument("--language", metavar="LANG", help="only articles in this language (id, en)")
    se.add_argument("--from", dest="date_from", metavar="DATE", help="first date (2021, 2021-10, 2021-10-20)")
    se.add_argument("--to", dest="date_to", metavar="DATE", help="last date, inclusive at its precision")
    se.add_argument("--syntax", choices=("simple", "fts5"), default="simple")
    se.add_argument("--limit", type=int, default=20, metavar="N", help="hits per page (default 20, at most 200)")
    se.add_argument("--cursor", help="the next page (printed after a full page)")
    se.add_argument("--format", choices=("text", "json"), default="text")
    se.set_defaults(func=cmd_search)

    sv = sub.add_parser(
        "serve",
        help="serve a database as a web page and a REST API",
        formatter_class=_Formatter,
        description="Open the database as a small web application: stories with their timelines, entities,\n"
        "articles, full-text search (the page at /), and the REST API under /api (OpenAPI at\n"
        "/api/openapi.json). Read-only when the database file cannot be written, or with --read-only;\n"
        "otherwise POST /api/ingest processes and stores new articles.",
        epilog="examples:\n  linimasa serve --db news.db\n  linimasa serve --db news.db --host 0.0.0.0 --port 8080"
        " --read-only",
    )
    sv.add_argument("--db", default="linimasa.db", help="database file or URL (default: linimasa.db)")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    sv.add_argument("--read-only", action="store_true", help="never write: no ingest (the default when the"
                    " database file is not writable)")
    sv.add_argument("--max-body", type=int, default=5 * 1024 * 1024, metavar="BYTES",
                    help="largest request body POST /api/ingest accepts (default 5 MiB)")
    sv.add_argument("--allow-private-urls", action="store_true",
                    help="let ingest fetch URLs on loopback and private networks (refused by default)")
    sv.set_defaults(func=cmd_serve)

    ev = sub.add_parser(
        "eval",
        help="measure a stage on a public benchmark",
        formatter_class=_Formatter,
        description="Score one stage on the public data sets in ../shared/data (see `linimasa eval NAME --help`).",
        epilog="examples:\n  linimasa eval timex\n  linimasa eval ner --data ../shared/data",
    )
    ev.add_argument("what", choices=sorted(EVALUATIONS), help="which stage to evaluate")
    ev.add_argument("rest", nargs=argparse.REMAINDER, help="options for that evaluation")
    ev.set_defaults(func=cmd_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING, format="linimasa: %(message)s"
    )
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `linimasa events | head`: the reader has all it wanted
        sys.stderr.close()
        return 0
    except (OSError, ValueError, RuntimeError) as e:
        # A bad --db (linimasa.store.StoreError, a RuntimeError, caught here without importing the
        # store), an unknown storage backend (ValueError), an unwritable --out (OSError).
        _err(f"error: {e}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
